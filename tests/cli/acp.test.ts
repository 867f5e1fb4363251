/** acp gaps and acp show on a real database file. */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runCliCaptured } from '../helpers/cli';
import { openStore } from '../../main/store';
import { careHomeInput, residentInput } from '../../shared/domain/register';
import { sampleHome, sampleResident, tempDatabase } from '../helpers/tempStore';

let file: string;
let cleanup: () => Promise<void>;
let edithId: number;

function cli(args: string[]) {
  return runCliCaptured([...args, '--db', file]);
}

beforeEach(async () => {
  const t = await tempDatabase('cli.sqlite');
  cleanup = t.cleanup;
  file = t.file;
  const store = await openStore(file);
  const actor = { osUser: 'tester', staffId: null };
  const home = await store.homes.create(actor, careHomeInput.parse(sampleHome));
  const other = await store.homes.create(actor, careHomeInput.parse({ ...sampleHome, name: 'Other House', cqcLocationId: '' }));
  const edith = await store.residents.create(actor, residentInput.parse(sampleResident(home.id, { preferredName: 'Edie' })), [{
    name: 'Susan Example', relationship: 'Daughter', phone: null, email: null, holdsLpaHealthWelfare: false, lpaRegisteredOn: null,
    preferredContact: 'phone', notes: null }]);
  edithId = edith.id;
  await store.residents.create(actor, residentInput.parse(sampleResident(other.id, { nhsNumber: '9876543210', givenName: 'Albert', sex: 'male',
    admissionDate: '2026-11-01' })));
  await store.records.add(actor, edith.id, { carePlans: [
    { element: 'respect', value: 'not-for-cpr', recordedOn: '2024-01-01', reviewDue: '2025-01-01' },
    { element: 'respect', value: 'for-cpr', recordedOn: '2026-02-01', reviewDue: '2027-02-01', participants: { resident: { tookPart: true, hadCapacity: true },
      representativeIds: [edith.representatives[0]?.id ?? 0], clinician: 'Dr Amara Okafor' } },
    { element: 'dnacpr', value: 'in-place', recordedOn: '2026-05-01', reviewDue: null },
    { element: 'preferred-place-of-death', value: 'Here, at the home', recordedOn: '2026-02-01', reviewDue: null },
  ] }, 'import');
  store.close();
});
afterEach(() => cleanup());

describe('acp gaps', () => {
  it('prints one row per item, exactly the documented fields, honouring --today and --home', async () => {
    const result = await cli(['acp', 'gaps', '--today', '2026-11-23', '--json']);
    expect(result.code).toBe(0);
    const rows = JSON.parse(result.out) as Record<string, unknown>[];
    for (const row of rows) expect(Object.keys(row).sort()).toEqual(['due', 'explanation', 'home', 'name', 'nhsNumber', 'residentId', 'rule']);
    expect(rows[0]).toMatchObject({ residentId: edithId, nhsNumber: '9434765919', name: 'Edith Example', home: 'Test Lodge', rule: 'cpr-conflict' });
    // Albert moved in on 01/11/2026: nothing is due until a month before 01/02/2027.
    expect(rows.filter((r) => r.name === 'Albert Example')).toEqual([]);
    const later = JSON.parse((await cli(['acp', 'gaps', '--today', '2027-01-15', '--json', '--home', 'Other House'])).out) as Record<string, unknown>[];
    expect(later.map((r) => `${String(r.name)}:${String(r.rule)}:${String(r.due)}`)).toEqual(['Albert Example:acp-missing:2027-02-01', 'Albert Example:ppd-missing:2027-02-01']);
  });

  it('prints a readable list, and refuses an unknown home', async () => {
    const result = await cli(['acp', 'gaps', '--today', '2026-11-23']);
    expect(result.out).toContain('CONFLICT: CPR decisions conflict');
    expect((await cli(['acp', 'gaps', '--home', 'Nowhere'])).code).toBe(1);
  });
});

describe('acp show', () => {
  it('shows current entries, the conflict and the history, by id or NHS number', async () => {
    const json = JSON.parse((await cli(['acp', 'show', '943 476 5919', '--json', '--today', '2026-11-23'])).out) as {
      cpr: { kind: string }; conflicts: unknown[]; current: { element: string; value: string }[]; history: { value: string }[] };
    expect(json.cpr.kind).toBe('conflict');
    expect(json.conflicts).toHaveLength(2);
    expect(json.current.map((e) => `${e.element}:${e.value}`)).toEqual(['respect:for-cpr', 'dnacpr:in-place', 'preferred-place-of-death:Here, at the home']);
    expect(json.history.map((e) => e.value)).toEqual(['not-for-cpr']);
    const text = await cli(['acp', 'show', String(edithId)]);
    expect(text.code).toBe(0);
    expect(text.out).toContain('CPR: CONFLICT');
    expect(text.out).toContain('resident (had capacity), Susan Example (daughter), Dr Amara Okafor');
    expect(text.out).toContain('History (superseded)');
    expect((await cli(['acp', 'show', '9999999999'])).code).toBe(1);
  });
});
