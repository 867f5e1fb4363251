import { readFileSync } from 'node:fs';
import path from 'node:path';
import os from 'node:os';
import { afterEach, describe, expect, it } from 'vitest';
import { dispatch } from '../../main/handlers';
import type { ImportView } from '../../shared/ipc';
import { onPostgres } from '../helpers/engine';
import { openTempStore, type TempStore } from '../helpers/tempStore';
import { fixture } from '../imports/helpers';

let t: TempStore;
afterEach(() => t?.cleanup());

async function ok<T>(channel: string, input: unknown): Promise<T> {
  const result = await dispatch(t.ctx, channel, input);
  if (!result.ok) throw new Error(`${channel}: ${result.error.message}`);
  return result.value as T;
}

/** Stands in for the desktop app's file dialog: the next file the "person" picks. */
async function choose(file: string): Promise<string> {
  t.ctx.chooseFile = () => Promise.resolve(file);
  const chosen = await ok<{ file: { token: string; name: string } | null; available: boolean }>('imports:choose-file', {});
  expect(chosen).toMatchObject({ available: true, file: { name: path.basename(file) } });
  return chosen.file?.token ?? '';
}

describe('import channels', () => {
  it('preview is a dry run: detected kind, counts and first problems, nothing stored', async () => {
    t = await openTempStore();
    const preview = await ok<ImportView>('imports:preview', { fileToken: await choose(fixture('patients-messy.csv')) });
    expect(preview).toMatchObject({ dryRun: true, stored: false, report: { kind: 'patients', read: 7, accepted: 4 }, totals: { rejectedRows: 3 } });
    expect(await ok('imports:history', {})).toEqual([]);
    expect(await t.store.homes.list()).toEqual([]);
  });

  it('commit stores one batch; history lists it; its problems save as CSV where the save dialog says; progress reports the file', async () => {
    t = await openTempStore();
    const committed = await ok<ImportView>('imports:commit', { fileToken: await choose(fixture('patients-messy.csv')) });
    expect(committed).toMatchObject({ stored: true, report: { batchId: 1 } });
    const history = await ok<{ id: number; fileName: string; rejected: number }[]>('imports:history', {});
    expect(history).toEqual([expect.objectContaining({ id: 1, fileName: 'patients-messy.csv', rejected: 3 })]);
    const problems = await ok<unknown[]>('imports:problems', { batchId: 1 });
    expect(problems).toHaveLength(3);
    const out = path.join(t.dir, 'rejected.csv');
    t.ctx.chooseSaveFile = (suggested) => Promise.resolve(suggested === 'import-1-problems.csv' ? out : null);
    expect(await ok('imports:export-problems', { batchId: 1 })).toEqual({ path: out, rows: 3 });
    const csv = readFileSync(out, 'utf8').split('\r\n');
    expect(csv[0]).toBe('line,field,problem,reason,nhs_number');
    expect(csv[2]).toMatch(/^8,date_of_birth,rejected,"“31\/02\/1940” is not a real date/);
    expect(await ok('imports:progress', {})).toMatchObject({ running: false, fileName: 'patients-messy.csv', rows: 7 });
    // a cancelled save dialog writes nothing; with no dialog at all the main process saves beside the database
    t.ctx.chooseSaveFile = () => Promise.resolve(null);
    expect(await ok('imports:export-problems', { batchId: 1 })).toEqual({ path: null, rows: 0 });
    t.ctx.chooseSaveFile = undefined;
    // (a PostgreSQL database has no folder: the Roundtable folder in the user's home, a temporary one here: tests/setup/tempHome.ts)
    const beside = onPostgres ? path.join(os.homedir(), 'Roundtable') : t.dir;
    expect(await ok('imports:export-problems', { batchId: 1 })).toEqual({ path: path.join(beside, 'exports', 'import-1-problems.csv'), rows: 3 });
  });

  it('refuses a missing file, and a file dialog where there is none', async () => {
    t = await openTempStore();
    const missing = await dispatch(t.ctx, 'imports:commit', { fileToken: await choose(path.join(t.dir, 'nope.csv')) });
    expect(missing).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    const rejected = await dispatch(t.ctx, 'imports:commit', { fileToken: await choose(fixture('not-a-kind.csv')) });
    expect(rejected).toMatchObject({ ok: false, error: { code: 'IMPORT_REJECTED' } });
    t.ctx.chooseFile = undefined;
    expect(await ok('imports:choose-file', {})).toEqual({ file: null, available: false });
  });

  it('keeps each window’s own import progress: a second context does not see the first one’s import', async () => {
    t = await openTempStore();
    const second = await openTempStore();
    try {
      await ok<ImportView>('imports:commit', { fileToken: await choose(fixture('patients-messy.csv')) });
      expect(await ok('imports:progress', {})).toMatchObject({ fileName: 'patients-messy.csv', rows: 7 });
      expect(await dispatch(second.ctx, 'imports:progress', {})).toEqual({ ok: true, value: { running: false, fileName: null, bytesRead: 0, totalBytes: 0, rows: 0 } });
    } finally {
      second.cleanup();
    }
  });

  it('refuses a path from the renderer: files are read and written only where the main process chose', async () => {
    t = await openTempStore();
    const file = fixture('patients-messy.csv');
    for (const input of [{ path: file }, { fileToken: file }, { fileToken: '../../../../etc/passwd' }]) {
      const refused = await dispatch(t.ctx, 'imports:commit', input);
      expect(refused).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    }
    // a token the main process never issued, or one issued to another window, is refused too
    expect(await dispatch(t.ctx, 'imports:preview', { fileToken: 'AAAAAAAAAAAAAAAAAAAAAA' })).toMatchObject({ ok: false,
      error: { code: 'INVALID_INPUT', message: 'That file was not chosen in this window: choose the file again.' } });
    const token = await choose(file);
    const other = await openTempStore();
    try {
      expect(await dispatch(other.ctx, 'imports:commit', { fileToken: token })).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    } finally {
      other.cleanup();
    }
    // nor can the renderer say where to save
    expect(await dispatch(t.ctx, 'imports:export-problems', { batchId: 1, path: path.join(t.dir, 'anywhere.csv') })).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    expect(await t.store.homes.list()).toEqual([]);
  });
});
