import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openTempStore, sampleHome, sampleResident, type TempStore } from '../helpers/tempStore';
import { residentInput, careHomeInput } from '../../shared/domain/register';

describe('resident snapshots for the rules', () => {
  let t: TempStore;
  beforeEach(async () => { t = await openTempStore(); });
  afterEach(() => t.cleanup());

  it('brings each active resident’s medicines, events, care-plan entries, reviews and flags together, and leaves out those who have left unless asked', async () => {
    const home = await t.store.homes.create(t.ctx.actor, careHomeInput.parse(sampleHome));
    const edith = await t.store.residents.create(t.ctx.actor, residentInput.parse(sampleResident(home.id)));
    const left = await t.store.residents.create(t.ctx.actor, residentInput.parse(sampleResident(home.id, {
      nhsNumber: '9876543210', givenName: 'Albert', status: 'left', statusDate: '2026-10-01' })));
    await t.store.records.add(t.ctx.actor, edith.id, {
      medications: [
        { name: 'Risperidone 500microgram tablets', dose: 'one at night', startDate: '2026-09-02', type: 'repeat', status: 'active' },
        { name: 'Lorazepam 1mg tablets', dose: null, startDate: '2026-01-02', type: 'acute', status: 'stopped', stoppedOn: '2026-02-01' },
      ],
      events: [{ type: 'discharge', date: '2026-11-20', details: 'Hip fracture repair' }],
      carePlans: [{ element: 'respect', value: 'not-for-cpr', recordedOn: '2026-03-01', reviewDue: '2027-03-01' }],
      reviews: [{ rule: 'smr-annual', doneOn: '2026-01-10', doneBy: 'Dr Example', outcome: 'No change' }],
    }, 'test');
    await t.store.flags.add(t.ctx.actor, { homeId: home.id, residentId: edith.id, rawIdentity: { name: 'Edith Example' }, raisedOn: '2026-11-22',
      raisedBy: 'Senior carer', category: 'fall', severity: 'high', text: 'Found on the floor', scores: {} }, 'entered');

    const active = await t.store.snapshots.load({ homeId: home.id });
    expect(active.map((s) => s.resident.givenName)).toEqual(['Edith']);
    const [snap] = active;
    expect(snap?.medications.map((m) => `${m.name}:${m.status}`)).toEqual(['Lorazepam 1mg tablets:stopped', 'Risperidone 500microgram tablets:active']);
    expect(snap?.events).toMatchObject([{ type: 'discharge', date: '2026-11-20' }]);
    expect(snap?.carePlans).toMatchObject([{ element: 'respect', value: 'not-for-cpr', supersededBy: null }]);
    expect(snap?.reviews).toMatchObject([{ rule: 'smr-annual', status: 'done', doneOn: '2026-01-10' }]);
    expect(snap?.flags).toMatchObject([{ category: 'fall', severity: 'high', status: 'open' }]);
    expect(snap?.lastSeenOnRound).toBeNull();

    const everyone = await t.store.snapshots.load({ homeId: home.id, includeInactive: true });
    expect(everyone.map((s) => s.resident.id).sort()).toEqual([edith.id, left.id].sort());
    expect(await t.store.snapshots.load({ residentIds: [left.id], includeInactive: true })).toHaveLength(1);
  });
});
