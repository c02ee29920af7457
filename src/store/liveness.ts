/**
 * Who owns a running trajectory: pid, host and (on Linux) the process start time, so a
 * reused pid is not mistaken for the original writer. Used to tell a live writer from one
 * that died without finishing its trajectory.
 */
import { readFileSync } from 'node:fs';
import { hostname } from 'node:os';

export interface Owner {
  pid: number;
  host: string;
  /** Process start time in clock ticks since boot (Linux /proc), when available. */
  start?: string;
}

/** Fields of /proc/<pid>/stat after the command name; undefined off Linux or when the process is gone. */
function procStat(pid: number): string[] | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // The command name may contain spaces and parentheses: fields start after the last ')'.
    return stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  } catch {
    return undefined;
  }
}

/** Start time of a process (clock ticks since boot), Linux only. */
export function processStart(pid: number): string | undefined {
  return procStat(pid)?.[19];
}

let self: Owner | undefined;
export function currentOwner(): Owner {
  if (!self || self.pid !== process.pid) self = { pid: process.pid, host: hostname(), start: processStart(process.pid) };
  return self;
}

export type Liveness = 'alive' | 'dead' | 'unknown';

/** Whether the owner process still runs. Another host's process is 'unknown': we cannot see it. */
export function ownerLiveness(owner: { pid?: number | null; host?: string | null; start?: string | null }): Liveness {
  if (owner.pid == null || !owner.host) return 'unknown';
  if (owner.host !== hostname()) return 'unknown';
  try {
    process.kill(owner.pid, 0);
  } catch (e) {
    // EPERM: the process exists but belongs to another user.
    if ((e as NodeJS.ErrnoException).code !== 'EPERM') return 'dead';
  }
  const stat = procStat(owner.pid);
  // A zombie has exited; only its exit status is left for the parent to collect.
  if (stat?.[0] === 'Z' || stat?.[0] === 'X') return 'dead';
  if (owner.start && stat && stat[19] !== owner.start) return 'dead';
  return 'alive';
}
