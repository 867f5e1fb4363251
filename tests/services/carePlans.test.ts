/** Advance care plans through the real handlers on a real SQLite file: supersession, history, conflicts, who took part. */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { dispatch } from '../../main/handlers';
import type { CarePlanEntryInput } from '../../shared/domain/carePlan';
import { careHomeInput, residentInput } from '../../shared/domain/register';
import type { Channel, ChannelInput, ChannelOutput } from '../../shared/ipc';
import { openTempStore, sampleHome, sampleResident, type TempStore } from '../helpers/tempStore';

let t: TempStore;
let residentId: number;
let daughterId: number;

async function call<C extends Channel>(channel: C, input: ChannelInput<C>): Promise<ChannelOutput<C>> {
  const result = await dispatch(t.ctx, channel, input);
  if (!result.ok) throw new Error(`${result.error.code}: ${result.error.message}`);
  return result.value as ChannelOutput<C>;
}

const add = (entry: CarePlanEntryInput) => call('carePlans:add', { residentId, entry });

beforeEach(async () => {
  t = await openTempStore('2026-11-23');
  const home = await t.store.homes.create(t.ctx.actor, careHomeInput.parse(sampleHome));
  const r = await t.store.residents.create(t.ctx.actor, residentInput.parse(sampleResident(home.id)), [{
    name: 'Susan Example', relationship: 'Daughter', phone: null, email: null, holdsLpaHealthWelfare: true, lpaRegisteredOn: '2024-02-01',
    preferredContact: 'phone', notes: null,
  }]);
  residentId = r.id;
  daughterId = r.representatives[0]?.id ?? 0;
});
afterEach(() => t.cleanup());

describe('recording advance care plan entries', () => {
  it('keeps every entry: a newer one supersedes the current one, which stays in the history', async () => {
    await add({ element: 'respect', value: 'for-cpr', recordedOn: '2025-06-01', reviewDue: '2026-06-01', details: { treatmentFocus: 'life-sustaining' } });
    const plan = await add({
      element: 'respect', value: 'not-for-cpr', recordedOn: '2026-11-20', reviewDue: '2027-11-20', details: { treatmentFocus: 'comfort' },
      participants: { resident: { tookPart: true, hadCapacity: true }, representativeIds: [daughterId], clinician: 'Dr Amara Okafor' },
    });
    expect(plan.current).toMatchObject([{ element: 'respect', value: 'not-for-cpr', valueLabel: 'Not for attempted CPR', supersededBy: null,
      participants: { resident: { tookPart: true, hadCapacity: true }, representativeIds: [daughterId], clinician: 'Dr Amara Okafor' },
      details: { treatmentFocus: 'comfort' }, source: 'entered' }]);
    expect(plan.history).toMatchObject([{ element: 'respect', value: 'for-cpr', supersededBy: plan.current[0]?.id }]);
    expect(plan.cpr).toMatchObject({ kind: 'decided', label: 'Not for attempted CPR', respectDate: '2026-11-20' });
    const audit = await t.store.audit.list({ entity: 'advance_care_plan' });
    expect(audit).toHaveLength(2);
  });

  it('H4: files an entry dated before the current one as history, already superseded, so the newer one stays current', async () => {
    const newer = await add({ element: 'preferred-place-of-death', value: 'Here, at the home', recordedOn: '2026-10-01' });
    const plan = await add({ element: 'preferred-place-of-death', value: 'Hospice', recordedOn: '2025-01-01' });
    expect(plan.current.map((e) => e.value)).toEqual(['Here, at the home']);
    expect(plan.history).toMatchObject([{ value: 'Hospice', supersededBy: newer.current[0]?.id }]);
  });

  it('supersedes in the bulk insert the demo and the importers use, whatever order the entries come in', async () => {
    await t.store.records.add(t.ctx.actor, residentId, { carePlans: [
      { element: 'gsf', value: 'B', recordedOn: '2026-03-01', reviewDue: null },
      { element: 'gsf', value: 'D', recordedOn: '2026-11-01', reviewDue: null },
      { element: 'gsf', value: 'C', recordedOn: '2026-07-01', reviewDue: null },
    ] }, 'import');
    const plan = await call('carePlans:get', { residentId });
    expect(plan.current.map((e) => `${e.element}:${e.value}`)).toEqual(['gsf:D']);
    expect(plan.history.map((e) => e.value)).toEqual(['C', 'B']);
    expect(plan.history.every((e) => e.supersededBy !== null)).toBe(true);
    expect(plan.due.map((d) => d.rule)).toContain('end-of-life');
  });

  it('shows a ReSPECT "for CPR" and a current DNACPR decision as a conflict, and clears it once resolved', async () => {
    await add({ element: 'respect', value: 'for-cpr', recordedOn: '2026-03-01' });
    let plan = await add({ element: 'dnacpr', value: 'in-place', recordedOn: '2026-09-01', details: { involved: 'Dr Okafor, Edith', told: 'Susan (daughter)' } });
    expect(plan.cpr.kind).toBe('conflict');
    const overview = await call('carePlans:overview', {});
    expect(overview.residents[0]).toMatchObject({ residentId, cpr: { kind: 'conflict' } });
    plan = await add({ element: 'respect', value: 'not-for-cpr', recordedOn: '2026-11-20' });
    expect(plan.cpr).toMatchObject({ kind: 'decided', recommendation: 'not-for-cpr' });
  });

  it('records an LPA against one of the resident’s representatives, and refuses someone else’s', async () => {
    const plan = await add({ element: 'lpa-health-welfare', value: 'registered', recordedOn: '2026-11-20', details: { representativeId: daughterId, registeredOn: '2024-02-01' } });
    expect(plan.current[0]).toMatchObject({ details: { representativeId: daughterId, registeredOn: '2024-02-01' } });
    const refused = await dispatch(t.ctx, 'carePlans:add', { residentId, entry: { element: 'adrt', value: 'yes', recordedOn: '2026-11-20',
      participants: { representativeIds: [daughterId + 100] } } });
    expect(refused).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
  });

  it('refuses values outside each element’s vocabulary and review dates before the entry', async () => {
    const bad = await dispatch(t.ctx, 'carePlans:add', { residentId, entry: { element: 'gsf', value: 'E', recordedOn: '2026-11-20' } });
    expect(bad).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    const early = await dispatch(t.ctx, 'carePlans:add', { residentId, entry: { element: 'respect', value: 'for-cpr', recordedOn: '2026-11-20', reviewDue: '2026-01-01' } });
    expect(early).toMatchObject({ ok: false, error: { details: [{ field: 'entry.reviewDue', message: 'The review date is before the date recorded' }] } });
  });
});

describe('the care plans overview', () => {
  it('counts coverage per home and lists residents with gaps', async () => {
    let overview = await call('carePlans:overview', {});
    expect(overview.coverage).toMatchObject([{ homeName: 'Test Lodge', residents: 1, withRespect: 0, withPreferredPlaceOfDeath: 0, withLpa: 1 }]);
    expect(overview.residents[0]?.due.map((d) => d.rule)).toEqual(['acp-missing', 'ppd-missing']);
    await add({ element: 'respect', value: 'not-for-cpr', recordedOn: '2026-11-20', reviewDue: '2027-11-20' });
    await add({ element: 'preferred-place-of-death', value: 'Here, at the home', recordedOn: '2026-11-20' });
    overview = await call('carePlans:overview', {});
    expect(overview.coverage[0]).toMatchObject({ withRespect: 1, withPreferredPlaceOfDeath: 1 });
    expect(overview.residents).toEqual([]);
  });
});
