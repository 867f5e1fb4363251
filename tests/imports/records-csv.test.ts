import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { importRecords } from '../../main/services/imports';
import { continuityReasons } from '../../shared/rules/roundReasons';
import { openTempStore, type TempStore } from '../helpers/tempStore';
import { batchCount, fingerprint, fixture } from './helpers';

let t: TempStore;
afterEach(() => t?.cleanup());

const ALL = ['patients-messy.csv', 'medications-messy.csv', 'conditions.csv', 'events.csv', 'acp.csv', 'reviews.csv', 'representatives.csv'];

async function importAll(force = false) {
  const outcomes = [];
  for (const name of ALL) outcomes.push(await importRecords(t.ctx, fixture(name), { force }));
  return outcomes;
}

describe('CSV practice exports', () => {
  it('reads a messy patients file (BOM, CRLF, quoted commas and newlines, blank lines, aliases) and creates the homes it names', async () => {
    t = await openTempStore();
    const outcome = await importRecords(t.ctx, fixture('patients-messy.csv'));
    expect(outcome.report.kind).toBe('patients');
    expect(outcome.report.read).toBe(7);
    expect(outcome.report.accepted).toBe(4);
    expect(outcome.summary.homesCreated).toEqual(['Rosewood Nursing Home', 'Hillview House']);
    expect(outcome.summary.unknownColumns).toEqual(['Usual GP']);
    expect(outcome.report.rejected).toEqual([
      { line: 7, field: 'nhs_number', reason: expect.stringMatching(/check digit/) },
      { line: 8, field: 'date_of_birth', reason: expect.stringMatching(/31\/02\/1940.*not a real date/) },
      { line: 9, field: 'care_home', reason: 'the care home is missing' },
    ]);
    const mary = await t.store.residents.findByNhsNumber('9990000379');
    expect(mary).toMatchObject({ familyName: 'Smith', givenName: 'Mary', dateOfBirth: '1938-04-02', sex: 'female', admissionDate: '2025-06-01', homeName: 'Rosewood Nursing Home' });
    expect(await t.store.residents.findByNhsNumber('9990000743')).toMatchObject({ familyName: "O'Brien", room: '14, first floor', dateOfBirth: '1941-07-03' });
    expect((await t.store.residents.findByNhsNumber('9990001111'))?.room).toBe('Room 3 (annexe)');
    expect(await t.store.residents.findByNhsNumber('9990002223')).toMatchObject({ status: 'left', statusDate: '2026-10-01' });
    const homes = await t.store.homes.list();
    expect(homes.find((h) => h.name === 'Rosewood Nursing Home')?.type).toBe('nursing');
    const batch = await t.store.imports.get(outcome.report.batchId!);
    expect(batch).toMatchObject({ kind: 'patients', format: 'csv', fileName: 'patients-messy.csv', read: 7, accepted: 4, rejected: 3, importedBy: 'tester' });
    expect(batch.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect((await t.store.imports.problems(batch.id)).map((p) => p.line)).toEqual(['7', '8', '9']);
  });

  it('detects every kind from its headers and reports unmatched NHS numbers without dropping them', async () => {
    t = await openTempStore();
    const outcomes = await importAll();
    expect(outcomes.map((o) => o.report.kind)).toEqual(['patients', 'medications', 'conditions', 'events', 'acp', 'reviews', 'representatives']);
    expect(outcomes[1]?.report.unmatched).toEqual([{ line: 7, nhsNumber: '9990185018' }]);
    expect(outcomes[2]?.report.unmatched).toEqual([{ line: 6, nhsNumber: '9990185379' }]);
    const problems = await t.store.imports.problems(outcomes[1]!.report.batchId!);
    expect(problems.filter((p) => p.kind === 'unmatched')).toEqual([expect.objectContaining({ line: '7', nhsNumber: '9990185018' })]);
    const counts = await t.store.records.counts();
    expect(counts).toMatchObject({ medications: 2, conditions: 2, events: 4, carePlans: 2, reviews: 2, representatives: 1 });
    const [mary] = await t.store.snapshots.load({ residentIds: [(await t.store.residents.findByNhsNumber('9990000379'))!.id] });
    expect(mary?.carePlans.map((c) => [c.element, c.value, c.recordedOn])).toContainEqual(['respect', 'not-for-cpr', '2026-03-01']);
    expect(mary?.events.map((e) => e.type).sort()).toEqual(['a-and-e', 'fall']);
  });

  it('is idempotent: the same data again (forced) leaves the database as after the first import, every row unchanged', async () => {
    t = await openTempStore();
    await importAll();
    const before = await fingerprint(t.file);
    const again = await importAll(true);
    expect(await fingerprint(t.file)).toBe(before);
    for (const o of again.slice(0, 6)) expect(o.report.accepted).toBe(0);
  });

  it('says when the same file was imported before and changes nothing unless forced', async () => {
    t = await openTempStore();
    const first = await importRecords(t.ctx, fixture('patients-messy.csv'));
    const second = await importRecords(t.ctx, fixture('patients-messy.csv'));
    expect(second.previousImport).toEqual({ batchId: first.report.batchId, importedAt: expect.any(String) });
    expect(second.stored).toBe(false);
    expect(await batchCount(t.file)).toBe(1);
    const forced = await importRecords(t.ctx, fixture('patients-messy.csv'), { force: true });
    expect(forced.report).toMatchObject({ accepted: 0, unchanged: 4 });
    expect(await batchCount(t.file)).toBe(2);
  });

  it('treats a medications file as the current list: a medicine no longer present is stopped, history kept', async () => {
    t = await openTempStore();
    await importAll();
    const next = await importRecords(t.ctx, fixture('medications-next.csv'));
    expect(next.summary.medicinesStopped).toBe(1);
    const mary = (await t.store.residents.findByNhsNumber('9990000379'))!;
    const [snap] = await t.store.snapshots.load({ residentIds: [mary.id] });
    const meds = snap!.medications.map((m) => [m.name, m.status]).sort();
    expect(meds).toEqual([['Paracetamol 500mg tablets', 'active'], ['Sertraline 100mg tablets', 'active'], ['Sertraline 50mg tablets', 'stopped']]);
  });

  it('H8: keeps the whole medication list of a patient with any rejected row, and names them', async () => {
    t = await openTempStore();
    await importRecords(t.ctx, fixture('patients-messy.csv'));
    const patrick = (await t.store.residents.findByNhsNumber('9990000743'))!;
    await t.store.records.add(t.ctx.actor, patrick.id, { medications: [{ name: 'Digoxin 125microgram tablets', dose: 'One daily', startDate: '2020-01-01', type: 'repeat', status: 'active' }] }, 'entered');
    const outcome = await importRecords(t.ctx, fixture('medications-messy.csv'));
    expect(outcome.summary.listsKeptUnchanged).toEqual(['999 000 0743', '999 000 1111']);
    const [snap] = await t.store.snapshots.load({ residentIds: [patrick.id] });
    expect(snap!.medications.map((m) => [m.name, m.status])).toEqual([['Digoxin 125microgram tablets', 'active']]);
    expect(outcome.report.rejected).toContainEqual({ line: 5, field: 'nhs_number', reason: expect.stringMatching(/medication list is left as it was/) });
  });

  it('--strict rejects the whole file on any bad row; --dry-run stores nothing but reports everything', async () => {
    t = await openTempStore();
    const before = await fingerprint(t.file);
    const strict = await importRecords(t.ctx, fixture('patients-messy.csv'), { strict: true });
    expect(strict).toMatchObject({ strictRefused: true, stored: false });
    expect(strict.report.rejected).toHaveLength(3);
    const dry = await importRecords(t.ctx, fixture('patients-messy.csv'), { dryRun: true });
    expect(dry).toMatchObject({ dryRun: true, stored: false, report: { batchId: null, accepted: 4 } });
    expect(await fingerprint(t.file)).toBe(before);
    expect(await batchCount(t.file)).toBe(0);
  });

  it('rejects whole a file of no recognisable kind, a file without a header, and broken CSV, writing nothing', async () => {
    t = await openTempStore();
    await expect(importRecords(t.ctx, fixture('not-a-kind.csv'))).rejects.toMatchObject({ code: 'IMPORT_REJECTED', message: expect.stringMatching(/not a header/) });
    await expect(importRecords(t.ctx, fixture('no-header.csv'))).rejects.toMatchObject({ code: 'IMPORT_REJECTED', message: expect.stringMatching(/header row/) });
    const broken = path.join(t.dir, 'broken.csv');
    writeFileSync(broken, 'NHS Number,Medication\n9990000379,"Sertraline\n');
    await importRecords(t.ctx, fixture('patients-messy.csv'));
    const before = await fingerprint(t.file);
    await expect(importRecords(t.ctx, broken)).rejects.toMatchObject({ code: 'IMPORT_REJECTED' });
    expect(await fingerprint(t.file)).toBe(before);
    expect(await batchCount(t.file)).toBe(1);
  });

  it('H6: --kind overrides detection and reads dates in every UK form, day first', async () => {
    t = await openTempStore();
    await importRecords(t.ctx, fixture('patients-messy.csv'));
    const file = path.join(t.dir, 'events-odd.csv');
    writeFileSync(file, 'nhs_number,event,date,details\n9990000379,fall,3/4/2026,a\n9990000379,fall,03-Apr-2026,b\n9990000379,fall,3 April 2026,c\n9990000379,fall,2026-04-03,d\n9990000379,fall,04/13/2026,e\n');
    const outcome = await importRecords(t.ctx, file, { kind: 'events' });
    expect(outcome.report.accepted).toBe(4);
    expect(outcome.report.rejected).toEqual([{ line: 6, field: 'date', reason: expect.stringMatching(/04\/13\/2026/) }]);
    const [snap] = await t.store.snapshots.load({ residentIds: [(await t.store.residents.findByNhsNumber('9990000379'))!.id] });
    expect(new Set(snap!.events.map((e) => e.date))).toEqual(new Set(['2026-04-03']));
  });

  it('reads a GP or care-home visit (by words or its SNOMED code) as a visit, and continuity counts from the last one', async () => {
    t = await openTempStore('2026-11-23');
    await importRecords(t.ctx, fixture('patients-messy.csv'));
    const file = path.join(t.dir, 'visits.csv');
    writeFileSync(file, 'NHS Number,Event,Date,Details\n9990000379,Care home visit,01/06/2026,Seen by Dr Patel\n9990000379,439708006,20/10/2026,Home visit\n'
      + '9990000743,Domiciliary visit,01/03/2026,\n');
    const outcome = await importRecords(t.ctx, file);
    expect([outcome.report.kind, outcome.report.accepted, outcome.report.rejected]).toEqual(['events', 3, []]);
    const id = (await t.store.residents.findByNhsNumber('9990000379'))!.id;
    const [mary] = await t.store.snapshots.load({ residentIds: [id] });
    expect(mary?.events.filter((e) => e.type === 'visit').map((e) => e.date)).toEqual(['2026-06-01', '2026-10-20']);
    // seen by a GP at the home on 20/10/2026: no continuity review for 12 weeks from then
    expect(continuityReasons(mary!, '2026-11-23')).toEqual([]);
    const [other] = await t.store.snapshots.load({ residentIds: [(await t.store.residents.findByNhsNumber('9990000743'))!.id] });
    expect(continuityReasons(other!, '2026-11-23')[0]?.explanation).toMatch(/was last seen by a GP at the home 38 weeks ago \(01\/03\/2026\)/);
  });
});
