/**
 * Static steps from GELab-Zero logs: the store's own GELab importer reads the logs into a
 * scratch store (same parsing, same image lookup as `stepwise traj import --gelab`), then the
 * store builder turns the steps into rows. GELab logs carry no UI trees, so click rows have no
 * boxes and score by distance; and they rarely carry verdicts, so every finished session is
 * taken unless `verifiedOnly`.
 */
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { StepwiseError } from '../core/errors.js';
import { importGelab, openStore } from '../store/index.js';
import { buildFromStore } from './build-store.js';
import type { StaticRow } from './static-format.js';

export interface GelabBuildOptions {
  outDir: string;
  imageDirs?: string[];
  verifiedOnly?: boolean;
  imageWidth?: number;
}

export async function buildFromGelab(logPath: string, opts: GelabBuildOptions): Promise<{ rows: StaticRow[]; warnings: string[] }> {
  const scratch = join(opts.outDir, '.gelab-import');
  rmSync(scratch, { recursive: true, force: true });
  const store = openStore(scratch);
  try {
    const report = await importGelab(store, logPath, { imageDirs: opts.imageDirs });
    if (!report.parser) throw new StepwiseError('import_error', 'the gelab dialect is not available to parse the logs', 'build stepwise (npm run build) so src/formats is present');
    const warnings = [...report.skipped, ...report.warnings].map((w) => `${w.file}:${w.line}: ${w.reason}`);
    const rows = await buildFromStore(store, { outDir: opts.outDir, anyVerdict: !opts.verifiedOnly, imageWidth: opts.imageWidth });
    for (const r of rows) r.meta = { ...r.meta, source: 'gelab' };
    if (!rows.length) throw new StepwiseError('import_error', `no usable steps in ${logPath} (${report.imported} imported, ${report.parsed} parsed)`, `a step needs a screenshot that was found and an output that parsed; ${warnings.slice(0, 3).join('; ')}`);
    return { rows, warnings };
  } finally {
    store.close();
    rmSync(scratch, { recursive: true, force: true });
  }
}
