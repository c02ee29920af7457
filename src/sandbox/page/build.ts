/**
 * The phone page: one self-contained HTML string (inline JS + CSS, no network) bundled by esbuild
 * from the shell entry (src/sandbox/shell/main.ts, or its compiled dist/ twin). `npm run build`
 * writes dist/sandbox/page/phone.html ahead of time; without it the page is bundled on first use.
 */
import { existsSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { StepwiseError } from '../../core/errors.js';

const HERE = dirname(fileURLToPath(import.meta.url));
export const PREBUILT_PAGE = join(HERE, 'phone.html');

/** The shell entry next to this module: TypeScript when running from src, JavaScript from dist. */
export function defaultEntry(): string {
  for (const f of ['../shell/main.ts', '../shell/main.js']) {
    const p = join(HERE, f);
    if (existsSync(p)) return p;
  }
  throw new StepwiseError('config_error', `the sandbox shell entry is missing next to ${HERE}`, 'run `npm run build` from the repository root');
}

export interface PageOptions {
  /** A module that calls boot(apps) (tests use one with a fixture app); default: the shell with APPS. */
  entry?: string;
  minify?: boolean;
}

/** Wrap a bundled script into the phone document. */
export function pageDocument(script: string): string {
  const safe = script.replace(/<\/script/gi, '<\\/script');
  return '<!doctype html><html lang="zh-CN"><head><meta charset="utf-8">' +
    '<meta name="viewport" content="width=360,initial-scale=1"><title>stepwise sandbox phone</title></head>' +
    `<body><script>${safe}</script></body></html>`;
}

export async function buildPageHtml(opts: PageOptions = {}): Promise<string> {
  const entry = opts.entry ?? defaultEntry();
  const esbuild = await import('esbuild');
  let out;
  try {
    out = await esbuild.build({
      entryPoints: [entry], bundle: true, write: false, format: 'iife', platform: 'browser',
      target: 'chrome110', minify: opts.minify ?? true, legalComments: 'none', logLevel: 'silent',
    });
  } catch (e) {
    throw new StepwiseError('config_error', `bundling the sandbox page from ${entry} failed: ${e instanceof Error ? e.message : String(e)}`, 'fix the app or shell module named in the error, then retry');
  }
  return pageDocument(out.outputFiles[0].text);
}

const cache = new Map<string, Promise<string>>();

/** The page HTML, cached per entry; the default entry uses the prebuilt dist page when it exists. */
export function loadPageHtml(opts: PageOptions = {}): Promise<string> {
  const key = `${opts.entry ?? ''}|${opts.minify ?? true}`;
  let p = cache.get(key);
  if (!p) {
    p = !opts.entry && existsSync(PREBUILT_PAGE) ? readFile(PREBUILT_PAGE, 'utf8') : buildPageHtml(opts);
    p.catch(() => cache.delete(key));
    cache.set(key, p);
  }
  return p;
}

/** Build step of `npm run build`: write the prebuilt page next to the compiled module. */
export async function writePrebuiltPage(): Promise<{ file: string; bytes: number }> {
  const html = await buildPageHtml();
  await writeFile(PREBUILT_PAGE, html);
  return { file: PREBUILT_PAGE, bytes: Buffer.byteLength(html) };
}
