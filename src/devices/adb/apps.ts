/**
 * Installed launchable apps and their names, scanned once per device. Android has no shell
 * command that prints resolved app labels, so names come from three places:
 *  1. `cmd package query-activities -a MAIN -c LAUNCHER`: the package of every launcher
 *     activity and its `nonLocalizedLabel` when the app declares a literal label;
 *  2. the package name itself and its last segment ("com.android.settings" -> "settings");
 *  3. the caller's `appLabels` map ({"WeChat": "com.tencent.mm"}), for labels that live only in
 *     app resources.
 * Matching is matchApp's (exact, unique substring, then edit distance within FUZZY_MAX_RATIO);
 * below the threshold the error lists the closest names.
 */
import type { AppNames } from '../app-match.js';
import { matchApp } from '../app-match.js';
import type { AdbClient } from './client.js';

export interface AndroidApp extends AppNames {
  /** id is the package name. */
  activity?: string;
}

export const LAUNCHER_QUERY = 'cmd package query-activities -a android.intent.action.MAIN -c android.intent.category.LAUNCHER';

export function parseLauncherActivities(out: string): AndroidApp[] {
  const apps = new Map<string, AndroidApp>();
  for (const block of out.split(/\n\s*Activity #\d+:/)) {
    const pkg = /packageName=([\w.]+)/.exec(block)?.[1];
    if (!pkg) continue;
    const name = /\n\s*name=([\w.$]+)/.exec(block)?.[1];
    const label = /nonLocalizedLabel=(.+?)\s+icon=/.exec(block)?.[1] ?? /nonLocalizedLabel=(.+)$/m.exec(block)?.[1];
    const last = pkg.split('.').pop() ?? pkg;
    const app = apps.get(pkg) ?? { id: pkg, label: label && label !== 'null' ? label.trim() : last, aliases: [last] };
    if (name && !app.activity) app.activity = name;
    apps.set(pkg, app);
  }
  return [...apps.values()];
}

export async function scanApps(client: AdbClient, serial: string, appLabels: Record<string, string> = {}, signal?: AbortSignal): Promise<AndroidApp[]> {
  const apps = parseLauncherActivities(await client.shell(serial, LAUNCHER_QUERY, { signal }));
  for (const [label, pkg] of Object.entries(appLabels)) {
    const app = apps.find((a) => a.id === pkg);
    if (app) app.aliases.push(label);
    else apps.push({ id: pkg, label, aliases: [] });
  }
  return apps;
}

export function findApp(apps: readonly AndroidApp[], query: string): AndroidApp {
  return matchApp(apps, query);
}
