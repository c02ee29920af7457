/**
 * WeChat-style emoji: the text holds a code like "[Smile]" and bubbles draw it as an inline SVG
 * sticker (the phone has no colour-emoji font, and codes keep message text plain ASCII/CJK).
 */
import { esc } from '../../html.js';

const FACE = '<circle cx="12" cy="12" r="10.5" fill="#FFCB3D" stroke="#E3A21A" stroke-width="1"/>';
const DOT_EYES = '<circle cx="8.5" cy="10" r="1.3" fill="#5B3A0A"/><circle cx="15.5" cy="10" r="1.3" fill="#5B3A0A"/>';
const ARC_EYES = '<path d="M6.8 10.5q1.7-2 3.4 0M13.8 10.5q1.7-2 3.4 0" stroke="#5B3A0A" stroke-width="1.3" fill="none" stroke-linecap="round"/>';
const ink = (d: string, w = 1.4) => `<path d="${d}" stroke="#5B3A0A" stroke-width="${w}" fill="none" stroke-linecap="round"/>`;

/** Code -> [Chinese name, SVG body on a 24x24 canvas]. Order = picker order. */
export const EMOJI: Record<string, [string, string]> = {
  Smile: ['微笑', FACE + DOT_EYES + ink('M7.5 14.5q4.5 4 9 0')],
  Grin: ['呲牙', FACE + ARC_EYES + '<path d="M7 13.5h10q-1 5-5 5t-5-5z" fill="#fff" stroke="#5B3A0A" stroke-width="1"/>'],
  Laugh: ['破涕为笑', FACE + ARC_EYES + '<path d="M7 13.5h10q-1 5-5 5t-5-5z" fill="#8B2E12"/><path d="M4.5 11.5q-1 3 .8 3.6 1.4-.6.2-3.6z" fill="#4FC3F7"/><path d="M19.5 11.5q1 3-.8 3.6-1.4-.6-.2-3.6z" fill="#4FC3F7"/>'],
  Wink: ['眨眼', FACE + '<circle cx="8.5" cy="10" r="1.3" fill="#5B3A0A"/>' + ink('M13.8 10.2h3.4') + ink('M8 15q4 3 8 0')],
  Blush: ['害羞', FACE + ARC_EYES + '<ellipse cx="7" cy="13.5" rx="2" ry="1.2" fill="#F48FB1"/><ellipse cx="17" cy="13.5" rx="2" ry="1.2" fill="#F48FB1"/>' + ink('M10 15.5q2 1.5 4 0')],
  Cool: ['酷', FACE + '<path d="M5 8.5h14v2q-.5 2.8-3.3 2.8T12 10.5q-1 2.8-3.7 2.8T5 10.5z" fill="#263238"/>' + ink('M8.5 16q3.5 2 7 0')],
  Surprised: ['惊讶', FACE + DOT_EYES + '<ellipse cx="12" cy="16" rx="2" ry="2.5" fill="#5B3A0A"/>'],
  Sad: ['难过', FACE + DOT_EYES + ink('M8 17q4-3.5 8 0')],
  Cry: ['流泪', FACE + ARC_EYES + ink('M8.5 16.5q3.5-2.5 7 0') + '<path d="M7.5 12q-1.2 3.5.3 4 1.5-.5-.3-4z" fill="#4FC3F7"/>'],
  Angry: ['发怒', FACE.replace('#FFCB3D', '#FF8A65') + ink('M6.8 8l3 1.5M17.2 8l-3 1.5') + DOT_EYES + ink('M8.5 16.5q3.5-2 7 0')],
  Sleepy: ['困', FACE + ink('M7 10.5h3M14 10.5h3') + '<ellipse cx="12" cy="16" rx="1.5" ry="1" fill="#5B3A0A"/><text x="16.5" y="7" font-size="5" fill="#1976D2" font-family="sans-serif">z</text>'],
  Facepalm: ['捂脸', FACE + ARC_EYES + '<path d="M11 19l2-8 2.2.4-1 4 3-3.2 1.6 1.2-3.5 5.6z" fill="#F5B335" stroke="#C98A12" stroke-width=".6"/>' + ink('M8 15q2 1.5 3.5 0')],
  Heart: ['爱心', '<path d="M12 21s-8.5-5.3-8.5-11.2A4.6 4.6 0 0 1 12 7.3a4.6 4.6 0 0 1 8.5 2.5C20.5 15.7 12 21 12 21z" fill="#E53935"/>'],
  ThumbsUp: ['强', '<path d="M3 10h4v10H3z" fill="#F5B335"/><path d="M8 10l4-6.5c1.8-.5 2.8.8 2.3 2.6L13.6 9H19a2 2 0 0 1 2 2.3l-1.2 7A2 2 0 0 1 17.8 20H8z" fill="#FFCB3D" stroke="#E3A21A" stroke-width=".8"/>'],
  OK: ['OK', '<circle cx="9" cy="9" r="3.2" fill="none" stroke="#F5B335" stroke-width="2.4"/><path d="M11 11.5l2 3.5v-9l1.6-.2v8l1.4-7 1.6.3-1 7.3 1.9-5 1.5.6-2.3 7.2q-1 4.3-5.2 4.3-4 0-5-3.6z" fill="#FFCB3D" stroke="#E3A21A" stroke-width=".7"/>'],
  Clap: ['鼓掌', '<path d="M6 14l5-8 1.7 1-3 5 5.5-6.5 1.5 1.2-4 5.3 5-4 1.2 1.3-4.8 4.3 3.4-1.6.8 1.5-5 3.3q-3.8 2.5-6.5-.5z" fill="#FFCB3D" stroke="#E3A21A" stroke-width=".7"/>' + ink('M16 3.5l1-1.8M19 5.5l1.7-1M20 8.5h2', 1)],
  Party: ['庆祝', '<path d="M4 21l4.5-12 7.5 7.5z" fill="#FFB300"/><path d="M6 16l2.8 2.8M7.3 12.5l4.3 4.3" stroke="#E53935" stroke-width="1.3"/><circle cx="15" cy="5" r="1.2" fill="#42A5F5"/><circle cx="19" cy="9" r="1.2" fill="#AB47BC"/><circle cx="18.5" cy="3.5" r="1" fill="#66BB6A"/><path d="M12 7q1-3 3.5-3.2M17 12q3-1 3.8 1.5" stroke="#E53935" stroke-width="1.1" fill="none"/>'],
  Rose: ['玫瑰', '<path d="M12 13v8" stroke="#2E7D32" stroke-width="1.6"/><path d="M12 17q-4-1-4.5-3.5 3 0 4.5 2.5z" fill="#43A047"/><path d="M7 7.5Q7 3 12 3t5 4.5q0 5.5-5 5.5T7 7.5z" fill="#E53935"/><path d="M9.5 6q2.5-2 5 0-2.5 2.5-5 0z" fill="#B71C1C"/>'],
  Coffee: ['咖啡', '<path d="M4 9h13v6a5 5 0 0 1-5 5H9a5 5 0 0 1-5-5z" fill="#fff" stroke="#8D6E63" stroke-width="1.3"/><path d="M17 11h1.5a2.2 2.2 0 0 1 0 4.4H17" fill="none" stroke="#8D6E63" stroke-width="1.3"/><path d="M5.5 10.5h10v1.5h-10z" fill="#6D4C41"/>' + ink('M8 3.5q1 1.2 0 2.5M11.5 3.5q1 1.2 0 2.5', 1)],
  Cake: ['蛋糕', '<path d="M4 13h16v7H4z" fill="#F8BBD0" stroke="#EC407A" stroke-width=".8"/><path d="M4 15q2 1.8 4 0t4 0 4 0 4 0" fill="none" stroke="#fff" stroke-width="1.2"/><path d="M11.3 7h1.4v6h-1.4z" fill="#64B5F6"/><path d="M12 3q1.5 2 0 3.6Q10.5 5 12 3z" fill="#FF9800"/>'],
  Sun: ['太阳', '<circle cx="12" cy="12" r="4.8" fill="#FFB300"/>' + '<path d="M12 2v3M12 19v3M2 12h3M19 12h3M4.9 4.9l2.1 2.1M17 17l2.1 2.1M4.9 19.1L7 17M17 7l2.1-2.1" stroke="#FFB300" stroke-width="1.8" stroke-linecap="round"/>'],
  Moon: ['月亮', '<path d="M15.5 3.2A9 9 0 1 0 20.8 15 7.2 7.2 0 0 1 15.5 3.2z" fill="#FDD835"/>'],
  Fist: ['拳头', '<rect x="5" y="7" width="14" height="11" rx="4" fill="#FFCB3D" stroke="#E3A21A" stroke-width=".8"/>' + ink('M9 7v5M12.5 7v5M16 7v5', 1) + ink('M5 13q3 0 4.5 2', 1)],
  Pray: ['合十', '<path d="M11.3 4q-1.5 0-2 2L7 14l-3 3 3 3 4.3-4.2z" fill="#FFCB3D" stroke="#E3A21A" stroke-width=".8"/><path d="M12.7 4q1.5 0 2 2L17 14l3 3-3 3-4.3-4.2z" fill="#FFCB3D" stroke="#E3A21A" stroke-width=".8"/>'],
};

export const EMOJI_CODES = Object.keys(EMOJI);

export function emojiSvg(code: string, size = 22): string {
  const e = EMOJI[code];
  return `<svg class="emo-svg" width="${size}" height="${size}" viewBox="0 0 24 24" role="img" aria-label="${esc(code)}">${e[1]}</svg>`;
}

/** Escaped text with every known [Code] drawn as a sticker (unknown codes stay as text). */
export function richText(text: string, size = 20): string {
  return text.split(/(\[[A-Za-z]+\])/).map((part) => {
    const m = /^\[([A-Za-z]+)\]$/.exec(part);
    return m && EMOJI[m[1]] ? emojiSvg(m[1], size) : esc(part);
  }).join('');
}
