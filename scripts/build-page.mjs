// Bundles the sandbox phone page into dist/sandbox/page/phone.html (run after tsc by `npm run build`).
import { writePrebuiltPage } from '../dist/sandbox/page/build.js';

const { file, bytes } = await writePrebuiltPage();
process.stdout.write(`sandbox page: ${file} (${(bytes / 1024).toFixed(0)} KiB)\n`);

// The Studio UI, bundled the same way into dist/studio/studio.html.
const { writePrebuiltStudio } = await import('../dist/studio/page.js');
const studio = await writePrebuiltStudio();
process.stdout.write(`studio page: ${studio.file} (${(studio.bytes / 1024).toFixed(0)} KiB)\n`);
