/**
 * Cost budgets that stop a run before it overspends. Every request reserves its worst case
 * (estimated prompt tokens + the completion limit) before it is sent; a request whose
 * reservation would cross a limit is refused with BudgetExceededError, so concurrent requests
 * cannot jointly overshoot. When the answer arrives the reservation becomes the real usage.
 */
import { StepwiseError } from '../core/errors.js';
import type { Budget } from './config.js';

export interface Price { prompt: number; completion: number }

export class BudgetExceededError extends StepwiseError {
  constructor(what: string, limit: number, spent: number, next: number) {
    super('cancelled', `judge budget: the next request (~${fmt(next)} ${what}) would exceed the limit of ${fmt(limit)} ${what} (${fmt(spent)} spent or reserved)`,
      'raise budget in the judge config, or score fewer items', { reason: 'budget', limit, spent, next, unit: what });
    this.name = 'BudgetExceededError';
  }
}

const fmt = (n: number) => (Number.isInteger(n) ? String(n) : n.toFixed(4));

export interface Spend { calls: number; tokens: number; usd: number }

export class BudgetMeter {
  readonly spent: Spend = { calls: 0, tokens: 0, usd: 0 };
  private readonly reserved: Spend = { calls: 0, tokens: 0, usd: 0 };
  constructor(readonly budget: Budget = {}, readonly price?: Price) {
    if (budget.usd !== undefined && !price) {
      throw new StepwiseError('config_error', 'judge budget.usd needs a price', 'add price: {prompt: USD per 1M tokens, completion: USD per 1M tokens} to the judge config, or budget by tokens');
    }
  }

  private usd(prompt: number, completion: number): number {
    return this.price ? (prompt * this.price.prompt + completion * this.price.completion) / 1e6 : 0;
  }

  /** Reserve a request's worst case; returns a release that records the real usage. */
  reserve(promptTokens: number, completionTokens: number): (actual?: { prompt: number; completion: number }) => void {
    const est: Spend = { calls: 1, tokens: promptTokens + completionTokens, usd: this.usd(promptTokens, completionTokens) };
    const b = this.budget;
    if (b.calls !== undefined && this.spent.calls + this.reserved.calls + 1 > b.calls) throw new BudgetExceededError('calls', b.calls, this.spent.calls + this.reserved.calls, 1);
    if (b.tokens !== undefined && this.spent.tokens + this.reserved.tokens + est.tokens > b.tokens) throw new BudgetExceededError('tokens', b.tokens, this.spent.tokens + this.reserved.tokens, est.tokens);
    if (b.usd !== undefined && this.spent.usd + this.reserved.usd + est.usd > b.usd) throw new BudgetExceededError('USD', b.usd, this.spent.usd + this.reserved.usd, est.usd);
    this.add(this.reserved, est, 1);
    let done = false;
    return (actual) => {
      if (done) return;
      done = true;
      this.add(this.reserved, est, -1);
      // A failed request still counts as a call; tokens only when the server reported them.
      const real: Spend = actual ? { calls: 1, tokens: actual.prompt + actual.completion, usd: this.usd(actual.prompt, actual.completion) } : { calls: 1, tokens: 0, usd: 0 };
      this.add(this.spent, real, 1);
    };
  }

  private add(to: Spend, s: Spend, sign: number): void {
    to.calls += sign * s.calls;
    to.tokens += sign * s.tokens;
    to.usd += sign * s.usd;
  }
}

/** Rough prompt size: ~4 characters a token, ~800 tokens an image (data URLs are not text). */
export function estimateTokens(value: unknown): number {
  let images = 0;
  const text = JSON.stringify(value, (_k, v) => {
    if (typeof v === 'string' && v.startsWith('data:image/')) {
      images++;
      return '';
    }
    return v;
  }) ?? '';
  return Math.ceil(text.length / 4) + 800 * images;
}
