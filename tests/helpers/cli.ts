/** Runs the command line in-process, as `npm run cli -- …` would, and captures what it prints. */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll } from 'vitest';
import { runCli } from '../../main/cli/index';

export interface CliRun {
  code: number;
  out: string;
  err: string;
}

/**
 * Where a command runs when the test names no folder: a temporary folder, with the app-data folder inside
 * it, so a relative default (demo's `out/`, the desktop app's database) can never land in the working tree
 * or the user's own files.
 */
let sandbox: string | undefined;
function sandboxDir(): string {
  if (sandbox === undefined) {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'roundtable-cli-cwd-'));
    process.once('exit', () => rmSync(dir, { recursive: true, force: true }));
    sandbox = dir;
  }
  return sandbox;
}
// removed when the test file ends (a pool's worker may be ended without an 'exit' event)
afterAll(() => {
  if (sandbox !== undefined) rmSync(sandbox, { recursive: true, force: true });
  sandbox = undefined;
});

export async function runCliCaptured(args: string[], options: { env?: NodeJS.ProcessEnv; cwd?: string } = {}): Promise<CliRun> {
  const out: string[] = [];
  const err: string[] = [];
  const home = sandboxDir();
  const env = { XDG_CONFIG_HOME: path.join(home, 'app-data'), APPDATA: path.join(home, 'app-data'), ...options.env };
  const code = await runCli(args, { out: (s) => out.push(s), err: (s) => err.push(s), env, cwd: options.cwd ?? home });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

const ROOT = path.resolve(import.meta.dirname, '../..');

/**
 * Runs the command line as its own process (as a second desktop or a scheduled job would), for tests of
 * processes meeting at one database; `out` holds stdout and stderr together.
 */
export function runCliProcess(args: string[], cwd: string): Promise<{ code: number | null; out: string }> {
  const child = spawn(process.execPath, ['--import', 'tsx', path.join(ROOT, 'main/cli/main.ts'), ...args],
    { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, INIT_CWD: cwd } });
  let out = '';
  child.stdout.on('data', (d: Buffer) => { out += d.toString(); });
  child.stderr.on('data', (d: Buffer) => { out += d.toString(); });
  return new Promise((resolve) => child.once('exit', (code) => resolve({ code, out })));
}
