import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { runCliCaptured } from '../helpers/cli';
import { copyDemo, demoSummary } from '../helpers/demo';
import { tempDatabase } from '../helpers/tempStore';
import { fixture } from '../imports/helpers';

const cleanups: (() => unknown)[] = [];
afterEach(async () => { while (cleanups.length) await cleanups.pop()?.(); });

function cli(args: string[]) {
  return runCliCaptured(args);
}

/** A practice database of the run's engine, not yet created on SQLite. */
async function db(): Promise<string> {
  const t = await tempDatabase('practice.sqlite');
  cleanups.push(t.cleanup);
  return t.file;
}

describe('npm run cli -- import records', () => {
  it('H8: --json prints exactly batchId, kind, read, accepted, unchanged, rejected and unmatched; exit 0 with rejected rows', async () => {
    const file = await db();
    const patients = await cli(['import', 'records', fixture('patients-messy.csv'), '--db', file, '--json']);
    expect(patients.code).toBe(0);
    const json = JSON.parse(patients.out) as Record<string, unknown>;
    expect(Object.keys(json)).toEqual(['batchId', 'kind', 'read', 'accepted', 'unchanged', 'rejected', 'unmatched']);
    expect(json).toMatchObject({ batchId: 1, kind: 'patients', read: 7, accepted: 4, unchanged: 0, unmatched: [] });
    expect(json.rejected).toEqual([
      { line: 7, field: 'nhs_number', reason: expect.any(String) },
      { line: 8, field: 'date_of_birth', reason: expect.any(String) },
      { line: 9, field: 'care_home', reason: 'the care home is missing' },
    ]);
    const meds = JSON.parse((await cli(['import', 'records', fixture('medications-messy.csv'), '--db', file, '--json', '--today', '2026-11-23'])).out) as { unmatched: unknown };
    expect(meds.unmatched).toEqual([{ line: 7, nhsNumber: '9990185018' }]);
  });

  it('prints a plain summary; says when a file was imported before; --force imports it again', async () => {
    const file = await db();
    const first = await cli(['import', 'records', fixture('patients-messy.csv'), '--db', file]);
    expect(first.out).toMatch(/7 read, 4 accepted, 0 unchanged, 3 rejected/);
    expect(first.out).toMatch(/Care homes created: Rosewood Nursing Home, Hillview House/);
    expect(first.out).toMatch(/line 8: date_of_birth/);
    const again = await cli(['import', 'records', fixture('patients-messy.csv'), '--db', file]);
    expect(again.code).toBe(0);
    expect(again.err).toMatch(/was imported before \(import 1, \d{2}\/\d{2}\/\d{4}/);
    const forced = await cli(['import', 'records', fixture('patients-messy.csv'), '--db', file, '--force']);
    expect(forced.out).toMatch(/0 accepted, 4 unchanged/);
  });

  it('exits 2 when the file is rejected whole, or when --strict meets a bad row', async () => {
    const file = await db();
    const notKind = await cli(['import', 'records', fixture('not-a-kind.csv'), '--db', file]);
    expect(notKind.code).toBe(2);
    expect(notKind.err).toMatch(/header/);
    const strict = await cli(['import', 'records', fixture('patients-messy.csv'), '--db', file, '--strict', '--json']);
    expect(strict.code).toBe(2);
    expect(strict.err).toMatch(/--strict/);
    expect(JSON.parse(strict.out)).toMatchObject({ batchId: null });
    const residents = await cli(['residents', '--db', file, '--json']);
    expect(JSON.parse(residents.out)).toEqual([]);
  });

  it('--dry-run stores nothing; --kind and --format are checked; FHIR is detected', async () => {
    const file = await db();
    const dry = await cli(['import', 'records', fixture('patients-messy.csv'), '--db', file, '--dry-run']);
    expect(dry.out).toMatch(/Dry run \(nothing stored\)/);
    expect(JSON.parse((await cli(['residents', '--db', file, '--json'])).out)).toEqual([]);
    expect((await cli(['import', 'records', fixture('events.csv'), '--db', file, '--kind', 'sausages'])).code).toBe(1);
    expect((await cli(['import', 'records', fixture('events.csv'), '--db', file, '--format', 'xml'])).code).toBe(1);
    expect((await cli(['import', 'records', '--db', file])).err).toMatch(/Name one file/);
    expect((await cli(['import', 'records', 'no-such-file.csv', '--db', file])).code).toBe(1);
    const fhir = JSON.parse((await cli(['import', 'records', fixture('fhir-bundle.json'), '--db', file, '--json'])).out) as { kind: string; read: number };
    expect(fhir).toMatchObject({ kind: 'fhir', read: 16 });
    const asFhir = await cli(['import', 'records', fixture('events.csv'), '--db', file, '--format', 'fhir']);
    expect(asFhir.code).toBe(2);
  });

  it('demo imports its synthetic practice through the same importers, from CSV files and a FHIR bundle in the output folder', async () => {
    // the run's demo (tests/setup/demoFixture.ts): `demo --out DIR --today 2026-11-23 --json`
    const t = await copyDemo();
    cleanups.push(t.cleanup);
    const summary = JSON.parse(demoSummary()) as { imports: { file: string; kind: string; format: string; read: number; accepted: number; rejected: number }[] };
    expect(summary.imports.map((i) => [path.basename(i.file), i.kind, i.format])).toEqual([
      ['patients.csv', 'patients', 'csv'], ['representatives.csv', 'representatives', 'csv'], ['medications.csv', 'medications', 'csv'],
      ['events.csv', 'events', 'csv'], ['acp.csv', 'acp', 'csv'], ['reviews.csv', 'reviews', 'csv'], ['conditions.fhir.json', 'fhir', 'fhir'],
    ]);
    expect(summary.imports.every((i) => i.rejected === 0 && i.accepted > 0 && path.basename(path.dirname(i.file)) === 'practice-export')).toBe(true);
    expect(summary.imports[0]).toMatchObject({ read: 60, accepted: 60 });
    // importing the demo's own export again changes nothing
    const again = JSON.parse((await cli(['import', 'records', path.join(t.dir, 'practice-export', 'medications.csv'), '--db', t.db, '--force', '--json', '--today', '2026-11-23'])).out) as { accepted: number; unchanged: number };
    expect(again.accepted).toBe(0);
    expect(again.unchanged).toBe(summary.imports[2]?.read);
  });
});
