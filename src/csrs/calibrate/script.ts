/**
 * A user-supplied verifier: a shell command that reads the trajectory JSON on stdin and
 * prints {"verdict":"success"|"failure","confidence"?:0-1,"reason"?:"..."} on stdout.
 */
import { spawn } from 'node:child_process';
import { z } from 'zod';
import { StepwiseError } from '../../core/errors.js';
import type { Outcome, Trajectory } from '../../core/trajectory.js';

const ScriptReply = z.object({ verdict: z.enum(['success', 'failure']), confidence: z.number().min(0).max(1).optional(), reason: z.string().optional() });

export async function scriptVerdict(command: string, t: Trajectory, timeoutMs = 60_000): Promise<Outcome> {
  const started = Date.now();
  const { code, stdout, stderr } = await new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve, reject) => {
    const child = spawn(command, { shell: true, stdio: ['pipe', 'pipe', 'pipe'] });
    let out = '', err = '';
    const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
    child.stdout.on('data', (d: Buffer) => { out += d.toString(); });
    child.stderr.on('data', (d: Buffer) => { err += d.toString(); });
    child.on('error', (e) => { clearTimeout(timer); reject(e); });
    child.on('close', (c) => { clearTimeout(timer); resolve({ code: c, stdout: out, stderr: err }); });
    child.stdin.on('error', () => undefined); // a script that ignores stdin closes the pipe early
    child.stdin.end(JSON.stringify(t));
  });
  const hint = 'the script must read the trajectory JSON on stdin and print {"verdict":"success"|"failure","confidence":0.9,"reason":"..."}';
  if (code !== 0) throw new StepwiseError('invalid_input', `verifier script "${command}" exited with ${code}: ${stderr.trim().slice(0, 200)}`, hint);
  let parsed: z.infer<typeof ScriptReply>;
  try {
    const line = stdout.trim().split('\n').pop() ?? '';
    parsed = ScriptReply.parse(JSON.parse(line));
  } catch (e) {
    throw new StepwiseError('invalid_input', `verifier script "${command}" printed ${JSON.stringify(stdout.trim().slice(0, 120))}, not a verdict: ${(e as Error).message.slice(0, 200)}`, hint);
  }
  return { verdict: parsed.verdict, confidence: parsed.confidence ?? 1, source: 'verifier', by: `script:${command}`, reason: parsed.reason, cost: { ms: Date.now() - started, tokens: 0 } };
}
