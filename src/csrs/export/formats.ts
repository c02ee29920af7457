/**
 * One sample as a line of each fine-tuning format: LLaMA-Factory ShareGPT, ms-swift, OpenAI
 * chat fine-tuning and GELab SFT (action samples rendered by the gelab dialect). Images are
 * referenced by their path relative to the output folder (images/<sha>.png).
 */
import { getDialect } from '../../formats/index.js';
import { QUESTIONS, type Sample } from '../categories.js';

export const SFT_FORMATS = ['sharegpt', 'swift', 'openai', 'gelab'] as const;
export type SftFormat = (typeof SFT_FORMATS)[number];

const SYSTEM = 'You are a phone GUI agent. Answer in JSON.';

export const imagePath = (sha: string) => `images/${sha}.png`;

export function promptText(s: Sample): string {
  const input = Object.keys(s.input).length ? `\nInput: ${JSON.stringify(s.input)}` : '';
  return `Task: ${s.instruction}\n${QUESTIONS[s.category]}${input}`;
}

/** The line of `format` for a sample, or undefined when the format does not take it. */
export function formatSample(s: Sample, format: SftFormat): unknown {
  const images = s.images.map(imagePath);
  const tags = '<image>'.repeat(images.length);
  const answer = JSON.stringify(s.target);
  switch (format) {
    case 'sharegpt':
      return { messages: [{ role: 'system', content: SYSTEM }, { role: 'user', content: tags + promptText(s) }, { role: 'assistant', content: answer }], images };
    case 'swift':
      return { messages: [{ role: 'system', content: SYSTEM }, { role: 'user', content: tags + promptText(s) }, { role: 'assistant', content: answer }], images, category: s.category };
    case 'openai':
      return {
        messages: [
          { role: 'system', content: SYSTEM },
          { role: 'user', content: [{ type: 'text', text: promptText(s) }, ...images.map((url) => ({ type: 'image_url', image_url: { url } }))] },
          { role: 'assistant', content: answer },
        ],
      };
    case 'gelab': {
      if (s.category !== 'action_prediction') return undefined;
      const t = s.target as Sample<'action_prediction'>['target'];
      let text: string;
      try {
        text = getDialect('gelab').render({ thought: t.thought, action: t.action });
      } catch {
        return undefined; // an action GELab cannot express
      }
      return { messages: [{ role: 'user', content: tags + `Task: ${s.instruction}\nHistory: ${JSON.stringify(s.input.history ?? [])}` }, { role: 'assistant', content: text }], images };
    }
  }
}
