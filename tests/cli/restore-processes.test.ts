/**
 * Restore with another process holding the database open (two real processes): the restore refuses,
 * naming the holder, so nothing that process writes is lost; once it has closed, the restore goes ahead,
 * and what is written after the restore is kept.
 */
import { spawn, spawnSync, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { afterEach, describe, expect, it } from 'vitest';
import { openStore } from '../../main/store';
import { holdersFolder } from '../../main/store/holders';
import { careHomeInput } from '../../shared/domain/register';
import { runCliCaptured } from '../helpers/cli';
import { sampleHome, tempDir } from '../helpers/tempStore';
import { onPostgres } from '../helpers/engine';

const ROOT = path.resolve(import.meta.dirname, '../..');
const cleanups: (() => void)[] = [];
afterEach(() => { while (cleanups.length) cleanups.pop()?.(); });

/** A second process holding the database open; send() writes a line and waits for its answer. */
function secondProcess(file: string) {
  const child: ChildProcessWithoutNullStreams = spawn(process.execPath, ['--import', 'tsx', path.join(ROOT, 'tests/cli/processes/hold-open.ts'), file],
    { cwd: ROOT, stdio: 'pipe' });
  cleanups.push(() => { if (child.exitCode === null) child.kill(); });
  const lines = createInterface({ input: child.stdout })[Symbol.asyncIterator]();
  const next = async () => {
    const line = await lines.next();
    if (line.done) throw new Error('the second process ended early');
    return line.value;
  };
  return {
    pid: child.pid,
    ready: next,
    send: async (line: string) => {
      child.stdin.write(`${line}\n`);
      return next();
    },
    close: () => new Promise<number | null>((resolve) => {
      child.once('exit', (code) => resolve(code));
      child.stdin.end('close\n');
    }),
  };
}

async function homeNames(file: string): Promise<string[]> {
  const store = await openStore(file);
  try {
    return (await store.homes.list()).map((h) => h.name).sort();
  } finally {
    store.close();
  }
}

// restoring a SQLite file under other processes (holders): on PostgreSQL backups and restores are the server's
describe.skipIf(onPostgres)('restore while another process has the database open', () => {
  it('refuses, naming the other process; its later writes are kept; after it closes the restore goes ahead and later writes are kept', async () => {
    const t = tempDir();
    cleanups.push(t.cleanup);
    const file = path.join(t.dir, 'roundtable.sqlite');
    const store = await openStore(file);
    await store.homes.create({ osUser: 'tester', staffId: null }, careHomeInput.parse(sampleHome));
    store.close();
    const backup = path.join(t.dir, 'copy.sqlite');
    expect((await runCliCaptured(['backup', '--to', backup, '--db', file])).code).toBe(0);

    const other = secondProcess(file);
    expect(await other.ready()).toBe('ready');
    const refused = await runCliCaptured(['restore', backup, '--db', file]);
    expect(refused.code).toBe(1);
    expect(refused.err).toMatch(/cannot be restored while it is open elsewhere/);
    expect(refused.err).toContain(`a test process (process ${other.pid} on ${os.hostname()}`);
    expect(refused.err).toMatch(/Nothing was changed/);

    expect(await other.send('add Written After The Refusal')).toMatch(/^added \d+$/);
    expect(await other.close()).toBe(0);
    expect(await homeNames(file)).toEqual(['Test Lodge', 'Written After The Refusal']);

    const restored = await runCliCaptured(['restore', backup, '--db', file]);
    expect(restored.code).toBe(0);
    expect(await homeNames(file)).toEqual(['Test Lodge']);

    const after = secondProcess(file);
    expect(await after.ready()).toBe('ready');
    expect(await after.send('add Written After The Restore')).toMatch(/^added \d+$/);
    expect(await after.close()).toBe(0);
    expect(await homeNames(file)).toEqual(['Test Lodge', 'Written After The Restore']);
  });

  it('is not held up by a holder left behind by a process that has ended', async () => {
    const t = tempDir();
    cleanups.push(t.cleanup);
    const file = path.join(t.dir, 'roundtable.sqlite');
    (await openStore(file)).close();
    const backup = path.join(t.dir, 'copy.sqlite');
    expect((await runCliCaptured(['backup', '--to', backup, '--db', file])).code).toBe(0);
    const ended = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], { encoding: 'utf8' });
    const deadPid = Number(ended.stdout);
    mkdirSync(holdersFolder(file), { recursive: true });
    writeFileSync(path.join(holdersFolder(file), `${deadPid}-crashed.json`), JSON.stringify({
      id: `${deadPid}-crashed`, pid: deadPid, host: os.hostname(), user: 'someone', program: 'a crashed process', since: new Date().toISOString(),
      activity: null, activityDetail: null, activitySince: null,
    }));
    const restored = await runCliCaptured(['restore', backup, '--db', file]);
    expect(restored.err).toBe('');
    expect(restored.code).toBe(0);
  });
});
