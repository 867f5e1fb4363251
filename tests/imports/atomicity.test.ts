import { spawn } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeRecordFiles } from '../../bench/records-data';
import { importRecords } from '../../main/services/imports';
import { withRaw } from '../helpers/rawDb';
import { openTempStore, type TempStore } from '../helpers/tempStore';
import { batchCount, fingerprint } from './helpers';

let t: TempStore;
let files: { patients: string; medications: string };
let changed: string;
beforeAll(async () => {
  t = await openTempStore();
  files = writeRecordFiles(t.dir, 2000, 50_000);
  mkdirSync(path.join(t.dir, 'next'));
  changed = writeRecordFiles(path.join(t.dir, 'next'), 2000, 50_000, 1).medications;
  await importRecords(t.ctx, files.patients);
  t.store.close();
});
afterAll(() => t?.cleanup());

const ROOT = path.resolve(__dirname, '../..');

/** Runs the CLI import in a child process; kills it with SIGKILL after killAfterMs (if given). */
function runChild(file: string, killAfterMs: number | null): Promise<{ killed: boolean; ms: number; code: number | null }> {
  return new Promise((resolve, reject) => {
    const began = Date.now();
    const child = spawn(process.execPath, ['--import', 'tsx', path.join(ROOT, 'main/cli/index.ts'), 'import', 'records', file, '--db', t.file, '--force'],
      { cwd: ROOT, stdio: 'ignore' });
    let timer: NodeJS.Timeout | undefined;
    if (killAfterMs !== null) timer = setTimeout(() => child.kill('SIGKILL'), killAfterMs);
    child.on('error', reject);
    child.on('exit', (code, signal) => {
      if (timer) clearTimeout(timer);
      resolve({ killed: signal === 'SIGKILL', ms: Date.now() - began, code });
    });
  });
}

/** SQLite's own check of the file (PostgreSQL has none to run). */
function quickCheck(file: string): Promise<string> {
  return withRaw(file, (db) => db.integrity(), { readonly: true });
}

describe('killing the process mid-import', () => {
  it('H8: leaves the database exactly as before the import (SIGKILL at random points)', async () => {
    // a first medications list, imported to the end: its time sets the range of kill points
    const first = await runChild(files.medications, null);
    expect(first.code).toBe(0);
    const before = await fingerprint(t.file);
    const batchesBefore = await batchCount(t.file);
    // a second list changes every row; killed part-way, none of it may show
    let kills = 0;
    for (let attempt = 0; attempt < 4; attempt++) {
      const result = await runChild(changed, Math.floor(first.ms * (0.25 + Math.random() * 0.7)));
      expect(await quickCheck(t.file)).toBe('ok');
      if (!result.killed) break;
      kills++;
      expect(await fingerprint(t.file)).toBe(before);
      expect(await batchCount(t.file)).toBe(batchesBefore);
    }
    expect(kills).toBeGreaterThan(0);
    const full = await runChild(changed, null);
    expect(full.code).toBe(0);
    expect(await fingerprint(t.file)).not.toBe(before);
  });
});
