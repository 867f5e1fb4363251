/**
 * Two desktops planning the same home and day at the same moment: two `plan` processes started together on
 * one database give exactly one round; one exits 0, the other exits 1 naming the round that exists. On
 * PostgreSQL (store-pg) this is the shared-mode race the schema's UNIQUE (home_id, date) settles.
 */
import { spawn } from 'node:child_process';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { runCliCaptured } from '../helpers/cli';
import { copyDemo } from '../helpers/demo';
import { tempDir } from '../helpers/tempStore';

const ROOT = path.resolve(import.meta.dirname, '../..');
const cleanups: (() => unknown)[] = [];
afterEach(async () => { while (cleanups.length) await cleanups.pop()?.(); });

function planProcess(db: string, cwd: string): Promise<{ code: number | null; out: string; err: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', path.join(ROOT, 'main/cli/main.ts'),
      'plan', '--db', db, '--home', 'Willow Court', '--date', '2026-12-01', '--today', '2026-11-23'],
    { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, INIT_CWD: cwd, XDG_CONFIG_HOME: cwd, APPDATA: cwd } });
    let out = '';
    let err = '';
    child.stdout.on('data', (b: Buffer) => { out += b.toString(); });
    child.stderr.on('data', (b: Buffer) => { err += b.toString(); });
    child.once('error', reject);
    child.once('exit', (code) => resolve({ code, out, err }));
  });
}

describe('two plans for the same home and day at once', () => {
  it('give exactly one round: one process exits 0, the other exits 1 naming the round that exists', async () => {
    const demo = await copyDemo();
    cleanups.push(demo.cleanup);
    const cwd = tempDir('roundtable-plan-race-');
    cleanups.push(cwd.cleanup);
    const results = await Promise.all([planProcess(demo.db, cwd.dir), planProcess(demo.db, cwd.dir)]);
    const codes = results.map((r) => r.code).sort();
    expect(codes, results.map((r) => r.err).join('\n')).toEqual([0, 1]);
    const refused = results.find((r) => r.code === 1);
    expect(refused?.err).toMatch(/already has a round on that day/);
    const rounds = JSON.parse((await runCliCaptured(['rounds', '--db', demo.db, '--json'])).out) as { homeName: string; date: string }[];
    expect(rounds.filter((r) => r.homeName === 'Willow Court' && r.date === '2026-12-01')).toHaveLength(1);
  });
});
