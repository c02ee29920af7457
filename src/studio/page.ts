/**
 * The Studio page: one HTML document with the UI bundled inline by esbuild from ui/main.ts
 * (or its compiled dist/ twin). `npm run build` writes dist/studio/studio.html ahead of time;
 * without it the page is bundled on first request.
 */
import { existsSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { StepwiseError } from '../core/errors.js';
import { STYLE } from './ui/style.js';

const HERE = dirname(fileURLToPath(import.meta.url));
export const PREBUILT_STUDIO = join(HERE, 'studio.html');

function entry(): string {
  for (const f of ['ui/main.ts', 'ui/main.js']) if (existsSync(join(HERE, f))) return join(HERE, f);
  throw new StepwiseError('config_error', `the Studio UI entry is missing next to ${HERE}`, 'run `npm run build` from the repository root');
}

export async function buildStudioHtml(): Promise<string> {
  const esbuild = await import('esbuild');
  const out = await esbuild.build({
    entryPoints: [entry()], bundle: true, write: false, format: 'iife', platform: 'browser',
    target: 'chrome110', minify: true, legalComments: 'none', logLevel: 'silent',
  }).catch((e: unknown) => {
    throw new StepwiseError('config_error', `bundling the Studio UI failed: ${e instanceof Error ? e.message : String(e)}`, 'fix the module named in the error');
  });
  const script = out.outputFiles[0].text.replace(/<\/script/gi, '<\\/script');
  return '<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">' +
    `<title>stepwise studio</title><style>${STYLE}</style></head><body><div id="app"></div><script>${script}</script></body></html>`;
}

let cached: Promise<string> | undefined;

export function loadStudioHtml(): Promise<string> {
  if (!cached) {
    cached = existsSync(PREBUILT_STUDIO) ? readFile(PREBUILT_STUDIO, 'utf8') : buildStudioHtml();
    cached.catch(() => { cached = undefined; });
  }
  return cached;
}

/** Build step of `npm run build`. */
export async function writePrebuiltStudio(): Promise<{ file: string; bytes: number }> {
  const html = await buildStudioHtml();
  await writeFile(PREBUILT_STUDIO, html);
  return { file: PREBUILT_STUDIO, bytes: Buffer.byteLength(html) };
}
