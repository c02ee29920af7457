/**
 * A progress bar on stderr for long runs (stdout stays clean for --json). On a terminal it
 * redraws in place; elsewhere (CI logs, pipes) it prints a line every few percent.
 */
import cliProgress from 'cli-progress';

export interface Progress {
  tick(label?: string): void;
  stop(): void;
}

export function progressBar(total: number, title: string, enabled = true): Progress {
  if (!enabled || total === 0) return { tick() {}, stop() {} };
  const tty = Boolean(process.stderr.isTTY);
  if (!tty) {
    let done = 0;
    let lastPct = -1;
    return {
      tick(label) {
        done++;
        const pct = Math.floor((100 * done) / total);
        if (pct >= lastPct + 10 || done === total) {
          lastPct = pct;
          process.stderr.write(`${title} ${done}/${total} (${pct}%)${label ? ` ${label}` : ''}\n`);
        }
      },
      stop() {},
    };
  }
  const bar = new cliProgress.SingleBar(
    { stream: process.stderr, format: `${title} [{bar}] {value}/{total} {percentage}% | eta {eta_formatted} | {label}`, hideCursor: true, clearOnComplete: false },
    cliProgress.Presets.shades_classic,
  );
  bar.start(total, 0, { label: '' });
  return {
    tick(label) { bar.increment(1, { label: label ?? '' }); },
    stop() { bar.stop(); },
  };
}
