/**
 * The test run's throwaway PostgreSQL (tests/setup/postgres.ts): it starts, answers, and leaves nothing
 * behind (no server process, no folder) whether it is stopped, its process is asked to end (SIGTERM,
 * SIGINT) or its process is killed outright (SIGKILL: the watchdog stops it).
 */
import { execFileSync, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import pg from 'pg';
import { describe, expect, it } from 'vitest';
import { startThrowawayPostgres } from '../setup/postgres';

const ROOT = path.resolve(import.meta.dirname, '../..');

/** Every process whose command line names the cluster's folder (the postmaster is started with -D folder/data). */
function processesUsing(dir: string): string[] {
  return execFileSync('ps', ['-eo', 'pid,args'], { encoding: 'utf8' }).split('\n').filter((line) => line.includes(dir));
}

async function version(url: string): Promise<string> {
  const client = new pg.Client(url);
  await client.connect();
  try {
    return (await client.query<{ version: string }>('SELECT version()')).rows[0]?.version ?? '';
  } finally {
    await client.end();
  }
}

/** Waits (generously: a loaded machine) until nothing of the cluster is left. */
async function gone(dir: string): Promise<{ processes: string[]; folder: boolean }> {
  const until = Date.now() + 120_000;
  for (;;) {
    const left = { processes: processesUsing(dir), folder: existsSync(dir) };
    if ((left.processes.length === 0 && !left.folder) || Date.now() > until) return left;
    await new Promise((r) => setTimeout(r, 250));
  }
}

describe('the throwaway PostgreSQL', () => {
  it('starts on 127.0.0.1 with trust authentication, answers, and stops leaving nothing behind', async () => {
    const cluster = await startThrowawayPostgres();
    try {
      expect(cluster.url).toMatch(/^postgres:\/\/postgres@127\.0\.0\.1:\d+\/postgres$/);
      expect(await version(cluster.url)).toMatch(/^PostgreSQL \d+/);
      expect(processesUsing(cluster.dir).length).toBeGreaterThan(0);
    } finally {
      cluster.stop();
    }
    cluster.stop(); // twice is harmless
    expect(await gone(cluster.dir)).toEqual({ processes: [], folder: false });
  });

  for (const signal of ['SIGTERM', 'SIGINT', 'SIGKILL'] as const) {
    it(`is stopped and removed when its process gets ${signal}`, async () => {
      const child = spawn(process.execPath, ['--import', 'tsx', path.join(ROOT, 'tests/setup/throwaway-postgres-process.ts')],
        { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
      let output = '';
      child.stdout.on('data', (b: Buffer) => { output += b.toString(); });
      child.stderr.on('data', (b: Buffer) => { output += b.toString(); });
      const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
      const ready = await new Promise<string[]>((resolve, reject) => {
        const check = (): void => {
          const match = /READY (\S+) (\S+)/.exec(output);
          if (match) resolve([match[1] ?? '', match[2] ?? '']);
        };
        child.stdout.on('data', check);
        void exited.then(() => reject(new Error(`the process ended before the server was ready: ${output}`)));
      });
      const [url = '', dir = ''] = ready;
      expect(await version(url)).toMatch(/^PostgreSQL/);
      child.kill(signal);
      await exited;
      expect(await gone(dir)).toEqual({ processes: [], folder: false });
    });
  }
});
