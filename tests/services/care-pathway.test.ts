/**
 * The care pathway through the IPC handlers on a real SQLite file (issue 14): an urgent flag about someone not
 * yet registered (banner, list, the round's "to resolve first", one action to register them), and a relative
 * who prefers not to join (never invited, no letter).
 */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { dispatch } from '../../main/handlers';
import { importFlags } from '../../main/services/flags';
import type { FlagView } from '../../shared/domain/flags';
import type { PrintDocument } from '../../shared/print';
import type { Round } from '../../shared/domain/round';
import type { ResidentView } from '../../shared/domain/residentView';
import type { ResidentCarePlan } from '../../shared/ipc/carePlans';
import { careHomeInput, residentInput } from '../../shared/domain/register';
import { openTempStore, sampleHome, sampleResident, type TempStore } from '../helpers/tempStore';

let t: TempStore;
let homeId: number;

async function invoke<T>(channel: string, input: unknown): Promise<T> {
  const result = await dispatch(t.ctx, channel, input);
  if (!result.ok) throw new Error(`${result.error.code}: ${result.error.message}`);
  return result.value as T;
}

beforeEach(async () => {
  t = await openTempStore('2026-11-23');
  homeId = (await t.store.homes.create(t.ctx.actor, careHomeInput.parse(sampleHome))).id;
});
afterEach(() => t.cleanup());

async function importUnregistered(): Promise<FlagView> {
  const file = path.join(t.dir, 'flags.csv');
  writeFileSync(file, ['Date,Resident,DOB,NHS Number,Category,Details',
    '22/11/2026,Stanley Newcomer,14/03/1941,9876543210,Confusion,Arrived yesterday; new confusion overnight',
    '22/11/2026,Ruby Unknown,01/05/1944,,Pain,Sore knee'].join('\n'));
  await importFlags(t.ctx, { file, homeId });
  const [flag] = (await invoke<FlagView[]>('flags:list', { severity: 'urgent' })).filter((f) => f.unmatched);
  if (!flag) throw new Error('the urgent unmatched flag is not listed');
  return flag;
}

describe('an urgent flag about someone not yet registered', () => {
  it('H15: is on the banner, in the list marked unmatched and in the round’s "to resolve first" box, until one action registers them', async () => {
    await t.store.residents.create(t.ctx.actor, residentInput.parse(sampleResident(homeId)));
    const flag = await importUnregistered();
    expect(flag).toMatchObject({ residentId: null, unmatched: true, severity: 'urgent', category: 'confusion' });
    expect((await invoke<FlagView[]>('flags:escalations', {})).map((f) => f.id)).toEqual([flag.id]);
    const { round } = await invoke<{ round: Round }>('rounds:create', { homeId, date: '2026-11-24', clinicians: [] });
    expect(round.plan.toResolve).toEqual([expect.objectContaining({ flagId: flag.id, name: 'Stanley Newcomer (not yet registered)', severity: 'urgent' })]);
    expect((await invoke<Round>('rounds:get', { id: round.id })).plan.toResolve?.[0]?.explanation).toMatch(/add them to the register/);

    const matched = await invoke<FlagView>('flags:add-resident', { id: flag.id, resident: {
      nhsNumber: '9876543210', familyName: 'Newcomer', givenName: 'Stanley', dateOfBirth: '1941-03-14', sex: 'male', homeId, admissionDate: '2026-11-22' } });
    expect(matched).toMatchObject({ unmatched: false, residentName: 'Stanley Newcomer' });
    expect(await invoke<FlagView[]>('flags:escalations', {})).toEqual([]);
    expect((await invoke<FlagView[]>('flags:list', {})).find((f) => f.id === flag.id)?.residentId).toBe(matched.residentId);
  });
});

describe('a fall with a head injury matched by a person', () => {
  it('keeps the home’s severity word for word, and becomes escalate-now once matched to a resident on an anticoagulant', async () => {
    const resident = await t.store.residents.create(t.ctx.actor, residentInput.parse(sampleResident(homeId)));
    await t.store.records.add(t.ctx.actor, resident.id, { medications: [{ name: 'Rivaroxaban 15mg tablets', dose: 'one daily', startDate: '2026-01-01', type: 'repeat', status: 'active' }] }, 'import');
    const file = path.join(t.dir, 'fall.csv');
    writeFileSync(file, ['Date,Resident,DOB,Category,Severity,Details', '22/11/2026,E Example,,Fall,Amber,Slipped in the bathroom and hit her head'].join('\n'));
    await importFlags(t.ctx, { file, homeId });
    const [queued] = await invoke<FlagView[]>('flags:unmatched', {});
    expect(queued).toMatchObject({ severity: 'urgent', homeSeverity: 'Amber' });
    expect(queued?.severityReason).toMatch(/care home rated it high/);
    const matched = await invoke<FlagView>('flags:match', { id: queued?.id ?? 0, residentId: resident.id });
    expect(matched).toMatchObject({ severity: 'escalate-now', homeSeverity: 'Amber' });
    expect(matched.severityReason).toMatch(/Rivaroxaban/);
  });
});

describe('a relative who prefers not to join', () => {
  it('is shown as declined, cannot be invited, and gets no letter', async () => {
    const resident = await t.store.residents.create(t.ctx.actor, residentInput.parse(sampleResident(homeId, { admissionDate: '2026-11-16' })), [
      { name: 'Alan Example', relationship: 'Son', phone: null, email: null, holdsLpaHealthWelfare: true, lpaRegisteredOn: null, preferredContact: 'not', notes: null },
      { name: 'Rose Example', relationship: 'Daughter', phone: null, email: null, holdsLpaHealthWelfare: false, lpaRegisteredOn: null, preferredContact: 'video', notes: null },
    ]);
    const { round } = await invoke<{ round: Round }>('rounds:create', { homeId, date: '2026-11-24', clinicians: [] });
    const item = round.items.find((i) => i.residentId === resident.id);
    if (!item) throw new Error('the resident is not on the round');
    const alan = item.attendees.representatives.find((r) => r.name === 'Alan Example');
    expect(alan).toMatchObject({ status: 'declined', proposed: false });
    const attendees = (status: string) => ({ resident: { attending: true, note: null }, careStaff: null,
      representatives: item.attendees.representatives.map((r) => ({ representativeId: r.representativeId, how: r.how, status: r.name === 'Alan Example' ? status : 'invited' })) });
    await expect(invoke('rounds:set-attendees', { itemId: item.id, attendees: attendees('invited') })).rejects.toThrow(/Alan Example prefers not to join/);
    await invoke('rounds:set-attendees', { itemId: item.id, attendees: attendees('declined') });
    const doc = await invoke<PrintDocument>('rounds:print-data', { roundId: round.id });
    expect(doc.letters.map((l) => l.to)).toEqual(['Rose Example']);
  });
});

describe('the end-of-life pathway on the resident page and recorded by hand', () => {
  it('H14: shows a GSF D at the top with the parts still open; each part recorded closes its reason', async () => {
    const r = await t.store.residents.create(t.ctx.actor, residentInput.parse(sampleResident(homeId)));
    await invoke('carePlans:add', { residentId: r.id, entry: { element: 'gsf', value: 'D', recordedOn: '2026-11-20' } });
    const view = await invoke<ResidentView>('residents:view', { id: r.id });
    expect(view.endOfLife).toMatchObject({ gsf: 'D', since: '2026-11-20', open: ['anticipatory medicines', 'the conversation with the resident and family', 'the care home’s copy of the plan'] });
    const eol = (plan: ResidentCarePlan) => plan.due.filter((d) => d.rule === 'end-of-life');
    expect(eol(await invoke<ResidentCarePlan>('carePlans:get', { residentId: r.id }))).toHaveLength(3);
    const declined = await invoke<ResidentCarePlan>('carePlans:add-pathway', { residentId: r.id, record: {
      type: 'end-of-life-step', step: 'anticipatory-medicines', outcome: 'declined', recordedOn: '2026-11-21', by: 'Dr Okafor', notes: 'Edith and her son would rather not' } });
    expect(eol(declined)).toHaveLength(2);
    expect(declined.endOfLifeSteps?.[0]).toMatchObject({ step: 'anticipatory-medicines', outcome: 'declined' });
    await expect(invoke('carePlans:add-pathway', { residentId: r.id, record: { type: 'end-of-life-step', step: 'conversation', outcome: 'declined', recordedOn: '2026-11-21' } }))
      .rejects.toThrow(/Only anticipatory medicines/);
    await expect(invoke('carePlans:add-pathway', { residentId: r.id, record: { type: 'end-of-life-step', step: 'conversation', outcome: 'done', recordedOn: '2026-11-24' } }))
      .rejects.toThrow(/future/);
  });

  it('records a care and support plan, which closes new-admission-pcsp', async () => {
    const r = await t.store.residents.create(t.ctx.actor, residentInput.parse(sampleResident(homeId, { admissionDate: '2026-11-09' })));
    const due = async () => (await invoke<{ due: { rule: string }[] }>('reviews:resident', { residentId: r.id })).due.map((d) => d.rule);
    expect(await due()).toContain('new-admission-pcsp');
    const plan = await invoke<ResidentCarePlan>('carePlans:add-pathway', { residentId: r.id, record: { type: 'support-plan', kind: 'created', date: '2026-11-13', by: 'Nurse Lee', nextReview: '2027-05-13' } });
    expect(plan.supportPlans).toEqual([{ kind: 'created', date: '2026-11-13', by: 'Nurse Lee', nextReview: '2027-05-13' }]);
    expect(await due()).not.toContain('new-admission-pcsp');
  });
});
