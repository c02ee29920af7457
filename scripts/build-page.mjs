// Bundles the sandbox phone page into dist/sandbox/page/phone.html (run after tsc by `npm run build`).
import { writePrebuiltPage } from '../dist/sandbox/page/build.js';

const { file, bytes } = await writePrebuiltPage();
process.stdout.write(`sandbox page: ${file} (${(bytes / 1024).toFixed(0)} KiB)\n`);
