/** The audit trail through the IPC handlers: views are audited, filters narrow it, CSV export is safe to open. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dispatch } from '../../main/handlers';
import { createContext, type AppContext } from '../../main/services/context';
import { testNhsNumber } from '../../main/services/demoData';
import type { AuditEntryView } from '../../shared/ipc/reports';
import { openTempStore, sampleHome, sampleResident, type TempStore } from '../helpers/tempStore';

let t: TempStore;
let nurse: AppContext;
const ids = { edith: 0, frank: 0 };

async function ok<T>(ctx: AppContext, channel: string, input: unknown): Promise<T> {
  const result = await dispatch(ctx, channel, input);
  if (!result.ok) throw new Error(`${channel}: ${result.error.message}`);
  return result.value as T;
}

beforeAll(async () => {
  t = await openTempStore();
  const staffId = await t.store.practice.addStaff(t.ctx.actor, 'Nurse Jo Example', 'nurse');
  nurse = createContext(t.store, { today: '2026-11-23', actor: { osUser: 'jo', staffId } });
  const home = await ok<{ id: number }>(t.ctx, 'homes:create', { home: sampleHome });
  ids.edith = (await ok<{ id: number }>(t.ctx, 'residents:create', {
    resident: sampleResident(home.id, { familyName: '=HYPERLINK("x")' }),
    representatives: [{ name: 'Ann Example', relationship: 'Daughter', phone: '01632 960000' }],
  })).id;
  ids.frank = (await ok<{ id: number }>(t.ctx, 'residents:create', { resident: sampleResident(home.id, { nhsNumber: testNhsNumber(500), givenName: 'Frank' }) })).id;
  await ok(nurse, 'residents:get', { id: ids.edith });
});

afterAll(() => t?.cleanup());

describe('audit', () => {
  it('records who viewed a resident’s record', async () => {
    const [view] = await ok<AuditEntryView[]>(t.ctx, 'audit:search', { kind: 'view' });
    expect(view).toMatchObject({ action: 'view', entity: 'resident', entityId: ids.edith, osUser: 'jo', staffName: 'Nurse Jo Example' });
    expect(view?.summary).toMatch(/^Viewed the record of Edith .* \(943 476 5919\)$/);
  });

  it('filters by resident (their record, representatives and views), person, date and kind', async () => {
    const edith = await ok<AuditEntryView[]>(t.ctx, 'audit:search', { residentId: ids.edith });
    expect(edith.map((e) => `${e.action} ${e.entity}`)).toEqual(['view resident', 'create representative', 'create resident']);
    expect((await ok<AuditEntryView[]>(t.ctx, 'audit:search', { residentId: ids.frank })).map((e) => e.action)).toEqual(['create']);
    expect((await ok<AuditEntryView[]>(t.ctx, 'audit:search', { person: 'Nurse Jo Example' })).map((e) => e.action)).toEqual(['view']);
    expect((await ok<AuditEntryView[]>(t.ctx, 'audit:search', { person: 'TESTER' })).length).toBe(5);
    expect((await ok<AuditEntryView[]>(t.ctx, 'audit:search', { kind: 'care_home' })).map((e) => e.summary)).toEqual(['Added care home Test Lodge']);
    const today = new Date().toISOString().slice(0, 10);
    expect((await ok<AuditEntryView[]>(t.ctx, 'audit:search', { from: today, to: today })).length).toBe(6);
    expect((await ok<AuditEntryView[]>(t.ctx, 'audit:search', { to: '2000-01-01' }))).toEqual([]);
  });

  it('offers the people and kinds that appear in it', async () => {
    expect(await ok(t.ctx, 'audit:choices', {})).toEqual({
      people: ['Nurse Jo Example', 'jo', 'tester'], actions: ['create', 'view'], entities: ['care_home', 'representative', 'resident', 'staff'],
    });
  });

  it('exports CSV that a spreadsheet cannot run, and audits the export', async () => {
    const { fileName, csv } = await ok<{ fileName: string; csv: string }>(t.ctx, 'audit:csv', { residentId: ids.edith });
    expect(fileName).toBe('roundtable-audit-2026-11-23.csv');
    const lines = csv.trimEnd().split('\r\n');
    expect(lines[0]).toBe('When (UTC),User,Computer,Staff member,Action,Record,Record id,What happened');
    expect(lines).toHaveLength(4);
    expect(lines[3]).toContain(`,tester,,,create,resident,${ids.edith},"Added resident Edith =HYPERLINK(""x"")`);
    const exported = await ok<AuditEntryView[]>(t.ctx, 'audit:search', { kind: 'export' });
    expect(exported[0]?.summary).toBe('Exported 3 audit events as CSV');
  });

  it('refuses a filter that is not a date', async () => {
    const result = await dispatch(t.ctx, 'audit:search', { from: '31/02/2026' });
    expect(!result.ok && result.error.details?.[0]?.field).toBe('from');
  });
});
