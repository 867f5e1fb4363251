/**
 * A long import does not lock people out. Another process's 1,000,000-row import holds the write lock for
 * its one transaction; meanwhile `residents` and an audited read (`acp show`) succeed (the audit event is
 * queued and written later), and a write that has to wait says what is running, never "database is locked".
 */
import Database from 'better-sqlite3';
import { spawn } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { testNhsNumber } from '../../main/services/demoData';
import { openStore } from '../../main/store';
import { listHolders, registerHolder } from '../../main/store/holders';
import { writeRecordFiles } from '../../bench/records-data';
import { runCliCaptured } from '../helpers/cli';
import { tempDir } from '../helpers/tempStore';
import { onPostgres } from '../helpers/engine';

const ROOT = path.resolve(import.meta.dirname, '../..');
/** Generous: the machine may be loaded, and the import is a million rows. */
const SLOW = 30 * 60_000;
const cleanups: (() => void)[] = [];
afterEach(() => { while (cleanups.length) cleanups.pop()?.(); });

/** True while some other connection holds the write lock (a write transaction cannot start at once). */
function writeLockHeld(file: string): boolean {
  const probe = new Database(file, { timeout: 0 });
  try {
    probe.exec('BEGIN IMMEDIATE');
    probe.exec('ROLLBACK');
    return false;
  } catch (error) {
    if ((error as { code?: string }).code?.startsWith('SQLITE_BUSY')) return true;
    throw error;
  } finally {
    probe.close();
  }
}

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function flagsFile(dir: string): string {
  const file = path.join(dir, 'flags.csv');
  writeFileSync(file, `Date raised,Resident,NHS Number,Category,Details\n23/11/2026,"PATIENT3, Synthetic",${testNhsNumber(3 * 7 + 1)},falls,Found on the floor by the bed\n`);
  return file;
}

async function auditActions(file: string): Promise<string[]> {
  const store = await openStore(file);
  try {
    return (await store.audit.list({ entity: 'resident', limit: 50 })).map((e) => e.action);
  } finally {
    store.close();
  }
}

// SQLite's one write lock, the holders file and the audit queue file: PostgreSQL has none of them
describe.skipIf(onPostgres)('long writes do not lock people out', () => {
  it('residents and an audited read succeed during another process’s 1,000,000-row import, which stores every row', async () => {
    const t = tempDir();
    cleanups.push(t.cleanup);
    const files = writeRecordFiles(t.dir, 50_000, 1_000_000);
    const file = path.join(t.dir, 'practice.sqlite');
    expect((await runCliCaptured(['import', 'records', files.patients, '--db', file], { cwd: t.dir })).code).toBe(0);

    const importer = spawn(process.execPath, ['--import', 'tsx', path.join(ROOT, 'main/cli/main.ts'), 'import', 'records', files.medications, '--db', file],
      { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, INIT_CWD: t.dir } });
    cleanups.push(() => { if (importer.exitCode === null) importer.kill(); });
    let importerOut = '';
    importer.stdout.on('data', (d: Buffer) => { importerOut += d.toString(); });
    importer.stderr.on('data', (d: Buffer) => { importerOut += d.toString(); });
    const finished = new Promise<number | null>((resolve) => importer.once('exit', (code) => resolve(code)));

    while (!writeLockHeld(file)) {
      expect(importer.exitCode, importerOut).toBeNull();
      await pause(100);
    }
    expect(listHolders(file).map((h) => h.activity)).toContain('an import');

    const residents = await runCliCaptured(['residents', '--db', file, '--home', 'Bench Home 3', '--search', 'PATIENT3'], { cwd: t.dir });
    expect(residents.err).toBe('');
    expect(residents.code).toBe(0);
    expect(residents.out).toMatch(/PATIENT3, Synthetic/);
    const residentId = /^(\d+)\s+PATIENT3, Synthetic/m.exec(residents.out)?.[1] ?? '';
    const viewed = await runCliCaptured(['acp', 'show', residentId, '--db', file], { cwd: t.dir });
    expect(viewed.err).toBe('');
    expect(viewed.code).toBe(0);
    expect(writeLockHeld(file)).toBe(true); // all of that happened while the import held the lock

    expect(await finished, importerOut).toBe(0);
    expect(importerOut).toMatch(/1000000 read, 1000000 accepted/);
    // the next write writes the queued audit event of the read
    expect((await runCliCaptured(['import', 'flags', flagsFile(t.dir), '--home', 'Bench Home 3', '--db', file], { cwd: t.dir })).code).toBe(0);
    expect(await auditActions(file)).toContain('view');
  }, SLOW);

  it('a write that must wait for an import says so ("an import is in progress; try again"), never "database is locked"', async () => {
    const t = tempDir();
    cleanups.push(t.cleanup);
    const files = writeRecordFiles(t.dir, 20, 20);
    const file = path.join(t.dir, 'practice.sqlite');
    expect((await runCliCaptured(['import', 'records', files.patients, '--db', file], { cwd: t.dir })).code).toBe(0);
    const viewedBefore = (await auditActions(file)).filter((a) => a === 'view').length;

    // another holder running an import with the write lock held
    const importer = registerHolder(file, 'the command line');
    importer.setActivity('an import', 'medications.csv');
    const lock = new Database(file);
    lock.exec('BEGIN IMMEDIATE');
    try {
      const refused = await runCliCaptured(['import', 'flags', flagsFile(t.dir), '--home', 'Bench Home 3', '--db', file], { cwd: t.dir });
      expect(refused.code).toBe(1);
      expect(refused.err).toMatch(/^An import is in progress \(medications\.csv, started \d\d:\d\d by .+\); try again in a minute\. Nothing was changed\.$/);
      expect(refused.err).not.toMatch(/locked/i);

      const viewed = await runCliCaptured(['acp', 'show', '1', '--db', file], { cwd: t.dir });
      expect(viewed.code).toBe(0);
    } finally {
      lock.exec('ROLLBACK');
      lock.close();
      importer.release();
    }
    expect((await auditActions(file)).filter((a) => a === 'view').length).toBe(viewedBefore);
    expect((await runCliCaptured(['import', 'flags', flagsFile(t.dir), '--home', 'Bench Home 3', '--db', file], { cwd: t.dir })).code).toBe(0);
    expect((await auditActions(file)).filter((a) => a === 'view').length).toBe(viewedBefore + 1);
  }, SLOW);
});
