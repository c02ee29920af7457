/** HTML building for app screens: a tagged template that escapes interpolations. */
const ESC: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

export function esc(s: unknown): string {
  return String(s ?? '').replace(/[&<>"']/g, (c) => ESC[c]);
}

/** Markup that must not be escaped again. */
export class Raw {
  constructor(readonly value: string) {}
  toString(): string { return this.value; }
}

export function raw(s: string): Raw {
  return new Raw(s);
}

function part(v: unknown): string {
  if (v instanceof Raw) return v.value;
  if (Array.isArray(v)) return v.map(part).join('');
  if (v === null || v === undefined || v === false) return '';
  return esc(v);
}

/** html`<b>${name}</b>` escapes name; nest with html`` (returns Raw) or raw(). Arrays are joined. */
export function html(strings: TemplateStringsArray, ...values: unknown[]): Raw {
  let out = strings[0];
  for (let i = 0; i < values.length; i++) out += part(values[i]) + strings[i + 1];
  return new Raw(out);
}
