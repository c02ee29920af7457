// Loader hook for the "OCR not installed" test: the optional OCR package cannot be resolved.
import { register } from 'node:module';
register('data:text/javascript,' + encodeURIComponent(`
export async function resolve(specifier, context, next) {
  if (specifier === '@gutenye/ocr-node') { const e = new Error("Cannot find package '@gutenye/ocr-node'"); e.code = 'ERR_MODULE_NOT_FOUND'; throw e; }
  return next(specifier, context);
}`));
