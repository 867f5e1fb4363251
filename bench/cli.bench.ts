/**
 * Command-line start-up, whole process, side by side: `node -e 0` (the floor), the built CLI's `homes` on
 * the demo (node scripts/cli.cjs, as `npm run cli` runs it), and `npm run cli -- homes` with npm's own
 * start included. Runs take turns (floor, built, npm, floor, …) so a machine that speeds up or slows
 * down moves all three alike; medians are printed, and the npm run's ratio to the floor pair by pair.
 * Targets: the built CLI under 200 ms; npm run cli within 6x node -e 0.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const ROOT = path.resolve(import.meta.dirname, '..');
const RUNS = process.env.BENCH_QUICK ? 7 : 21;
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';

function timed(command: string, args: string[]): number {
  const began = performance.now();
  const result = spawnSync(command, args, { cwd: ROOT, stdio: ['ignore', 'ignore', 'pipe'], encoding: 'utf8' });
  const ms = performance.now() - began;
  if (result.status !== 0) throw new Error(`${command} ${args.join(' ')} failed: ${result.stderr}`);
  return ms;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? (sorted[mid] ?? 0) : ((sorted[mid - 1] ?? 0) + (sorted[mid] ?? 0)) / 2;
}

export async function run(): Promise<string[]> {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'roundtable-bench-cli-'));
  try {
    const db = path.join(dir, 'demo.sqlite');
    // the demo through the launcher, which also (re)builds the bundle and its code cache if need be
    execFileSync(process.execPath, ['scripts/cli.cjs', 'demo', '--db', db, '--out', dir, '--today', '2026-11-23'], { cwd: ROOT, stdio: 'ignore' });
    const floor = () => timed(process.execPath, ['-e', '0']);
    const built = () => timed(process.execPath, ['scripts/cli.cjs', 'homes', '--db', db]);
    const viaNpm = () => timed(npm, ['run', '--silent', 'cli', '--', 'homes', '--db', db]);
    for (let i = 0; i < 2; i++) { floor(); built(); viaNpm(); } // warm the file cache and the code cache
    const floors: number[] = [];
    const builts: number[] = [];
    const npms: number[] = [];
    const ratios: number[] = [];
    for (let i = 0; i < RUNS; i++) {
      const f = floor();
      builts.push(built());
      const n = viaNpm();
      floors.push(f);
      npms.push(n);
      ratios.push(n / f);
    }
    const ms = (v: number) => `${Math.round(v)} ms`;
    return [
      `node -e 0 (the floor):                          median ${ms(median(floors))}  (min ${ms(Math.min(...floors))}, max ${ms(Math.max(...floors))})`,
      `built CLI: node scripts/cli.cjs homes (demo):   median ${ms(median(builts))}  (min ${ms(Math.min(...builts))}, max ${ms(Math.max(...builts))})  target < 200 ms`,
      `npm run cli -- homes --db demo.sqlite:          median ${ms(median(npms))}  (min ${ms(Math.min(...npms))}, max ${ms(Math.max(...npms))})`,
      `npm run cli / node -e 0, pair by pair:          median ${median(ratios).toFixed(2)}x  (min ${Math.min(...ratios).toFixed(2)}x, max ${Math.max(...ratios).toFixed(2)}x)  target <= 6x`,
      `(${RUNS} runs each, taken in turns, after 2 warm-up rounds)`,
    ];
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
