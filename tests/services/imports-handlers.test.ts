import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { dispatch } from '../../main/handlers';
import type { ImportView } from '../../shared/ipc';
import { openTempStore, type TempStore } from '../helpers/tempStore';
import { fixture } from '../imports/helpers';

let t: TempStore;
afterEach(() => t?.cleanup());

async function ok<T>(channel: string, input: unknown): Promise<T> {
  const result = await dispatch(t.ctx, channel, input);
  if (!result.ok) throw new Error(`${channel}: ${result.error.message}`);
  return result.value as T;
}

describe('import channels', () => {
  it('preview is a dry run: detected kind, counts and first problems, nothing stored', async () => {
    t = await openTempStore();
    const preview = await ok<ImportView>('imports:preview', { path: fixture('patients-messy.csv') });
    expect(preview).toMatchObject({ dryRun: true, stored: false, report: { kind: 'patients', read: 7, accepted: 4 }, totals: { rejectedRows: 3 } });
    expect(await ok('imports:history', {})).toEqual([]);
    expect(await t.store.homes.list()).toEqual([]);
  });

  it('commit stores one batch; history lists it; its problems export as CSV; progress reports the file', async () => {
    t = await openTempStore();
    const committed = await ok<ImportView>('imports:commit', { path: fixture('patients-messy.csv') });
    expect(committed).toMatchObject({ stored: true, report: { batchId: 1 } });
    const history = await ok<{ id: number; fileName: string; rejected: number }[]>('imports:history', {});
    expect(history).toEqual([expect.objectContaining({ id: 1, fileName: 'patients-messy.csv', rejected: 3 })]);
    const problems = await ok<unknown[]>('imports:problems', { batchId: 1 });
    expect(problems).toHaveLength(3);
    const out = path.join(t.dir, 'rejected.csv');
    expect(await ok('imports:export-problems', { batchId: 1, path: out })).toEqual({ path: out, rows: 3 });
    const csv = readFileSync(out, 'utf8').split('\r\n');
    expect(csv[0]).toBe('line,field,problem,reason,nhs_number');
    expect(csv[2]).toMatch(/^8,date_of_birth,rejected,"“31\/02\/1940” is not a real date/);
    expect(await ok('imports:progress', {})).toMatchObject({ running: false, fileName: 'patients-messy.csv', rows: 7 });
  });

  it('refuses a missing file, and a file dialog where there is none', async () => {
    t = await openTempStore();
    const missing = await dispatch(t.ctx, 'imports:commit', { path: path.join(t.dir, 'nope.csv') });
    expect(missing).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    const rejected = await dispatch(t.ctx, 'imports:commit', { path: fixture('not-a-kind.csv') });
    expect(rejected).toMatchObject({ ok: false, error: { code: 'IMPORT_REJECTED' } });
    expect(await ok('imports:choose-file', {})).toEqual({ path: null, available: false });
  });
});
