import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { dispatch } from '../../main/handlers';
import { writeRoundFiles } from '../../main/services/print';
import type { ChannelInput, ChannelOutput, Channel } from '../../shared/ipc';
import { careHomeInput, representativeInput, residentInput } from '../../shared/domain/register';
import { formatNhsNumber } from '../../shared/rules/nhsNumber';
import { openTempStore, sampleHome, sampleResident, type TempStore } from '../helpers/tempStore';

let t: TempStore;
beforeEach(async () => { t = await openTempStore('2026-11-23'); });
afterEach(() => t.cleanup());

async function invoke<C extends Channel>(channel: C, input: ChannelInput<C>): Promise<ChannelOutput<C>> {
  const result = await dispatch(t.ctx, channel, input);
  if (!result.ok) throw new Error(`${result.error.code}: ${result.error.message}`);
  return result.value as ChannelOutput<C>;
}

async function failure(channel: Channel, input: unknown) {
  const result = await dispatch(t.ctx, channel, input);
  if (result.ok) throw new Error('expected a refusal');
  return result.error;
}

/** A home with three residents: Edith (urgent fall flag, daughter raised a concern), Arthur (high flag), Mabel (nothing due). */
async function seed(homeOverrides: Record<string, unknown> = {}) {
  const home = await t.store.homes.create(t.ctx.actor, careHomeInput.parse({ ...sampleHome, ...homeOverrides }));
  const edith = await t.store.residents.create(t.ctx.actor, residentInput.parse(sampleResident(home.id, { admissionDate: '2026-10-01' })),
    [representativeInput.parse({ name: 'Susan Example', relationship: 'daughter', holdsLpaHealthWelfare: false, preferredContact: 'in-person' })]);
  const arthur = await t.store.residents.create(t.ctx.actor, residentInput.parse(sampleResident(home.id, {
    nhsNumber: '9876543210', givenName: 'Arthur', familyName: 'Sample', sex: 'male', dementia: false, admissionDate: '2026-10-01' })),
  [representativeInput.parse({ name: 'Olive Sample', relationship: 'wife', holdsLpaHealthWelfare: true, preferredContact: 'phone' })]);
  const mabel = await t.store.residents.create(t.ctx.actor, residentInput.parse(sampleResident(home.id, {
    nhsNumber: '4010232137', givenName: 'Mabel', familyName: 'Other', dementia: false, admissionDate: '2026-10-15' })));
  const flag = (residentId: number, severity: 'urgent' | 'high' | 'medium', category: 'fall' | 'skin' | 'family-concern', text: string, raisedBy: string) =>
    t.store.flags.add(t.ctx.actor, { homeId: home.id, residentId, rawIdentity: { id: String(residentId) }, raisedOn: '2026-11-20', raisedBy, category, severity, text, scores: {} }, 'entered');
  // Medication rules quiet (a recent SMR and care plan done after moving in), so the flags drive this round.
  for (const r of [edith, arthur, mabel]) {
    await t.store.records.add(t.ctx.actor, r.id, {
      reviews: [{ rule: 'smr-annual', doneOn: '2026-10-05', doneBy: 'Pharmacist', outcome: null },
        { rule: 'new-admission-pcsp', doneOn: '2026-10-20', doneBy: 'Nurse', outcome: null }],
    }, 'test');
  }
  const fall = await flag(edith.id, 'urgent', 'fall', 'Fell twice this week, on warfarin', 'Senior carer');
  const concern = await flag(edith.id, 'medium', 'family-concern', 'Why is Mum so sleepy in the afternoons?', 'Susan Example');
  const skin = await flag(arthur.id, 'high', 'skin', 'Category 2 pressure ulcer on the heel', 'Nurse');
  return { home, edith, arthur, mabel, flags: { fall: fall ?? 0, concern: concern ?? 0, skin: skin ?? 0 } };
}

describe('planning a round', () => {
  it('saves the proposal with slots from the home’s start time, invites whom the rule says, and puts the flags on the agenda', async () => {
    const { home, edith, arthur, mabel, flags } = await seed({ roundStartTime: '09:30', roundCapacityMinutes: 90 });
    const { round, proposal } = await invoke('rounds:create', { homeId: home.id, date: '2026-11-24', clinicians: ['Dr Asha Patel'] });
    expect(round.capacityMinutes).toBe(90);
    // a 10-minute huddle first; the urgent fall and the family's concern: 10 + 3 + 2 for notes; the high flag 10 + 2
    expect(round.items.map((i) => [i.residentId, i.start, i.minutes])).toEqual([[edith.id, '09:40', 15], [arthur.id, '09:55', 12]]);
    expect(round.items[0]?.reasons.map((r) => r.rule)).toEqual(['flag-urgent', 'family-concern']);
    expect(proposal.notThisWeek.map((n) => [n.residentId, n.why.slice(0, 17)])).toEqual([[mabel.id, 'Nothing due this ']]);
    const edithItem = round.items[0];
    expect(edithItem?.attendees.representatives.map((r) => [r.name, r.proposed, r.how, r.status])).toEqual([['Susan Example', true, 'in-person', 'not-invited']]);
    expect(edithItem?.questions).toEqual([{ from: 'Susan Example (daughter)', text: 'Why is Mum so sleepy in the afternoons?' }]);
    expect(round.items[1]?.attendees.representatives[0]?.why).toMatch(/lasting power of attorney/);
    const [snap] = await t.store.snapshots.load({ residentIds: [edith.id] });
    expect(snap?.flags.map((f) => [f.id, f.status])).toEqual([[flags.fall, 'on-agenda'], [flags.concern, 'on-agenda']]);
    expect((await t.store.audit.list({ entity: 'round' }))[0]?.summary).toMatch(/Planned a round on 2026-11-24/);
  });

  it('refuses a second round for the same home on the same day, naming the one already planned', async () => {
    const { home } = await seed();
    const { round } = await invoke('rounds:create', { homeId: home.id, date: '2026-11-24' });
    const error = await failure('rounds:create', { homeId: home.id, date: '2026-11-24' });
    expect(error.code).toBe('CONFLICT');
    expect(error.message).toContain(`round ${round.id}`);
    expect(await t.store.rounds.list(home.id)).toHaveLength(1);
  });

  it('uses 120 minutes from 10:00 when the home has no round settings', async () => {
    const { home } = await seed({ roundStartTime: null, roundCapacityMinutes: null });
    const { round } = await invoke('rounds:create', { homeId: home.id, date: '2026-11-24' });
    expect([round.capacityMinutes, round.startTime]).toEqual([120, '10:00']);
  });

  it('lets the user add, reorder, re-time and remove residents, with slots following; an urgent removal needs a reason, which is recorded', async () => {
    const { home, edith, arthur, mabel, flags } = await seed();
    let { round } = await invoke('rounds:create', { homeId: home.id, date: '2026-11-24' });
    round = await invoke('rounds:add-resident', { roundId: round.id, residentId: mabel.id, why: 'Daughter asked for a chat about moving rooms' });
    expect(round.items.map((i) => i.residentId)).toEqual([edith.id, arthur.id, mabel.id]);
    expect(round.items[2]?.reasons[0]?.explanation).toBe('Added by the practice: Daughter asked for a chat about moving rooms');
    const [e, a, m] = round.items.map((i) => i.id);
    round = await invoke('rounds:move', { itemId: m ?? 0, direction: 'up' });
    expect(round.items.map((i) => [i.residentId, i.start])).toEqual([[edith.id, '10:10'], [mabel.id, '10:25'], [arthur.id, '10:37']]);
    round = await invoke('rounds:set-minutes', { itemId: e ?? 0, minutes: 40 });
    expect(round.items.map((i) => i.start)).toEqual(['10:10', '10:50', '11:02']);
    expect((await failure('rounds:set-minutes', { itemId: e, minutes: 2 })).message).toBe('An item needs at least 5 minutes');

    const refusal = await failure('rounds:remove-resident', { itemId: e });
    expect(refusal.message).toMatch(/must be seen this week: say why/);
    round = await invoke('rounds:remove-resident', { itemId: e ?? 0, reason: 'Admitted to hospital yesterday' });
    expect(round.items.map((i) => [i.residentId, i.start])).toEqual([[mabel.id, '10:10'], [arthur.id, '10:22']]);
    expect(round.removed.map((i) => [i.residentId, i.removedReason])).toEqual([[edith.id, 'Admitted to hospital yesterday']]);
    const [snap] = await t.store.snapshots.load({ residentIds: [edith.id] });
    expect(snap?.flags.find((f) => f.id === flags.fall)?.status).toBe('open');
    round = await invoke('rounds:remove-resident', { itemId: a ?? 0 });
    expect(round.items).toHaveLength(1);
  });

  it('moves a round planning → agenda issued → held → closed, one step at a time, and freezes the agenda once held', async () => {
    const { home, mabel } = await seed();
    const { round } = await invoke('rounds:create', { homeId: home.id, date: '2026-11-24' });
    expect((await failure('rounds:set-status', { roundId: round.id, status: 'held' })).message).toBe('A round that is planning can next be agenda-issued, not held.');
    await invoke('rounds:set-status', { roundId: round.id, status: 'agenda-issued' });
    await invoke('rounds:set-status', { roundId: round.id, status: 'held' });
    expect((await failure('rounds:add-resident', { roundId: round.id, residentId: mabel.id })).message).toMatch(/already held/);
    const closed = await invoke('rounds:set-status', { roundId: round.id, status: 'closed' });
    expect(closed.status).toBe('closed');
    expect((await invoke('rounds:list', { homeId: home.id })).map((r) => [r.id, r.status, r.items])).toEqual([[round.id, 'closed', 2]]);
  });
});

describe('the week and the time model', () => {
  it('H12: plans next week for every home on its usual day in one action; skips a home without one, or with a round that week, saying why', async () => {
    const { home } = await seed({ roundDay: 'tuesday', pharmacistMinutes: 60, roundClinician: 'Dr Asha Patel' });
    const other = await t.store.homes.create(t.ctx.actor, careHomeInput.parse({ ...sampleHome, name: 'No Day House', cqcLocationId: '1-000000999', roundDay: null }));
    const week = await invoke('rounds:plan-week', {});
    expect([week.from, week.to]).toEqual(['2026-11-24', '2026-11-30']);
    expect(week.planned.map((p) => [p.round.homeId, p.round.date, p.round.clinicians])).toEqual([[home.id, '2026-11-24', ['Dr Asha Patel']]]);
    expect(week.skipped).toEqual([{ homeId: other.id, home: 'No Day House', why: expect.stringContaining('has no usual round day') }]);
    // the urgent resident is must-see: taking them off needs a reason
    const edithItem = week.planned[0]?.round.items[0];
    expect(week.planned[0]?.round.plan.mustSee?.map((m) => m.residentId)).toEqual([edithItem?.residentId]);
    expect((await failure('rounds:remove-resident', { itemId: edithItem?.id })).message).toMatch(/must be seen this week/);
    const again = await invoke('rounds:plan-week', {});
    expect(again.planned).toEqual([]);
    expect(again.skipped.map((s) => s.why)).toContain(`Test Lodge already has a round that week (round ${week.planned[0]?.round.id} on 24/11/2026).`);
  });

  it('H12: the resident a round left waiting for time is first in line next week, ahead of a same-tier resident who ranks higher on the day', async () => {
    const { home, edith, arthur, mabel } = await seed();
    // week 1: 25 minutes take the huddle and Edith (must-see); Arthur's high flag waits
    const first = await invoke('rounds:create', { homeId: home.id, date: '2026-11-24', capacityMinutes: 25 });
    expect(first.round.items.map((i) => i.residentId)).toEqual([edith.id]);
    expect(first.round.plan.notThisWeek[0]).toMatchObject({ residentId: arthur.id, kind: 'deferred', nextInLine: 1 });
    // before week 2, Mabel gets a high flag raised earlier than Arthur's: more overdue, so on the day she would rank first
    await t.store.flags.add(t.ctx.actor, { homeId: home.id, residentId: mabel.id, rawIdentity: { id: String(mabel.id) }, raisedOn: '2026-11-10', raisedBy: 'Nurse',
      category: 'skin', severity: 'high', text: 'Red heel, not blanching', scores: {} }, 'entered');
    const second = await invoke('rounds:create', { homeId: home.id, date: '2026-12-01', capacityMinutes: 37 });
    expect(second.round.items.map((i) => i.residentId)).toEqual([edith.id, arthur.id]);
    expect(second.proposal.items[1]?.waitingSince).toBe('2026-11-24');
    expect(second.round.plan.notThisWeek[0]).toMatchObject({ residentId: mabel.id, kind: 'deferred', nextInLine: 1 });
  });

  it('the time model is a setting: saved, audited, and used by the next plan', async () => {
    const { home } = await seed();
    const view = await invoke('round-settings:get', {});
    expect(view.settings.huddleMinutes).toBe(10);
    const saved = await invoke('round-settings:save', { settings: { ...view.settings, huddleMinutes: 0, acuteMinutes: 8 } });
    expect([saved.settings.huddleMinutes, saved.defaults.huddleMinutes]).toEqual([0, 10]);
    expect((await failure('round-settings:save', { settings: { ...view.settings, residentMaxMinutes: 2 } })).code).toBe('INVALID_INPUT');
    const { round } = await invoke('rounds:create', { homeId: home.id, date: '2026-11-24' });
    expect(round.items.map((i) => [i.start, i.minutes])).toEqual([['10:00', 13], ['10:13', 10]]);
    expect((await t.store.audit.list({ entity: 'setting' }))[0]?.summary).toMatch(/Round time settings changed: .*huddleMinutes=0/);
  });
});

describe('after the round', () => {
  it('records decisions, actions, flags addressed, a medication review done and a care-plan entry; open actions come back on the next agenda', async () => {
    const { home, edith, flags } = await seed({ type: 'nursing' });
    const { round } = await invoke('rounds:create', { homeId: home.id, date: '2026-11-24', clinicians: ['Dr Asha Patel'] });
    const item = round.items[0];
    expect((await failure('rounds:record-outcome', { outcome: { itemId: item?.id } })).message).toBe('Issue the agenda before recording outcomes.');
    await invoke('rounds:set-status', { roundId: round.id, status: 'agenda-issued' });
    await invoke('rounds:set-status', { roundId: round.id, status: 'held' });
    const saved = await invoke('rounds:record-outcome', { outcome: {
      itemId: item?.id ?? 0, decisions: 'Stop warfarin; start apixaban after renal function check.',
      actions: [{ action: 'Check renal function before apixaban', owner: 'practice', dueDate: '2026-12-01' }, { action: 'Hip protectors', owner: 'care-home' }],
      flagsAddressed: [flags.fall, flags.concern], reviewsDone: ['smr-annual'], reviewOutcome: 'Falls medication review',
      carePlans: [{ element: 'respect', value: 'not-for-cpr', reviewDue: '2027-11-24' }],
    } });
    expect(saved.map((o) => [o.decision, o.action, o.owner, o.dueDate, o.status])).toEqual([
      ['Stop warfarin; start apixaban after renal function check.', null, null, null, 'done'],
      [null, 'Check renal function before apixaban', 'practice', '2026-12-01', 'open'],
      [null, 'Hip protectors', 'care-home', null, 'open'],
    ]);
    await invoke('rounds:set-status', { roundId: round.id, status: 'closed' });
    const [snap] = await t.store.snapshots.load({ residentIds: [edith.id] });
    expect(snap?.flags.map((f) => f.status)).toEqual(['addressed', 'addressed']);
    expect(snap?.reviews.filter((r) => r.doneOn === '2026-11-24').map((r) => [r.rule, r.status, r.doneOn, r.doneBy])).toEqual([['smr-annual', 'done', '2026-11-24', 'Dr Asha Patel']]);
    expect(snap?.carePlans.map((c) => [c.element, c.value, c.recordedOn])).toEqual([['respect', 'not-for-cpr', '2026-11-24']]);
    expect(snap?.lastSeenOnRound).toBe('2026-11-24');
    expect(snap?.openActions.map((a) => a.action)).toEqual(['Check renal function before apixaban', 'Hip protectors']);

    const doc = await invoke('rounds:print-data', { roundId: round.id });
    const record = doc.summary[0]?.practiceRecord ?? '';
    expect(record).toContain('Decision: Stop warfarin');
    expect(record).toContain('Medication review done (Structured medication review): Falls medication review.');
    expect(record).not.toMatch(/smr-annual|acp-review|flag-/);
    expect(record).toContain('Lives in nursing home (SNOMED CT 160734000)');
    expect(record).toContain('Advance care planning (SNOMED CT 713603004)');
    expect(record).toContain('ReSPECT form (SNOMED CT 1382601000000107)');
    expect(record).toContain('Not for attempted CPR (SNOMED CT 450476008)');

    const next = await invoke('rounds:create', { homeId: home.id, date: '2026-12-01' });
    const edithNext = next.round.items.find((i) => i.residentId === edith.id);
    expect(edithNext?.reasons.map((r) => r.rule)).toEqual(['open-actions']);
    const nextDoc = await invoke('rounds:print-data', { roundId: next.round.id });
    const section = nextDoc.sections.find((s) => s.residentId === edith.id);
    expect(section?.openActions.map((a) => a.text)).toEqual(['Check renal function before apixaban', 'Hip protectors']);
    expect(section?.cpr.label).toBe('Not for attempted CPR');
  });
});

describe('printing', () => {
  it('H5: writes the staff agenda and one letter per invited representative, each letter about their own resident only', async () => {
    const { home, edith, arthur } = await seed();
    const { round } = await invoke('rounds:create', { homeId: home.id, date: '2026-11-24', clinicians: ['Dr Asha Patel'] });
    for (const item of round.items) {
      await invoke('rounds:set-attendees', { itemId: item.id, attendees: {
        resident: { attending: true, note: null }, careStaff: 'Grace (senior carer)',
        representatives: item.attendees.representatives.map((r) => ({ representativeId: r.representativeId, how: r.how, status: 'invited' as const })),
      } });
    }
    const out = path.join(t.dir, 'out', 'agenda.html');
    const files = await writeRoundFiles(t.ctx, round.id, out, { lettersDir: path.join(t.dir, 'letters') });
    expect(files.agenda.html).toBe(out);
    const agenda = readFileSync(out, 'utf8');
    for (const text of ['OFFICIAL-SENSITIVE: personal', 'Care home round: Test Lodge', formatNhsNumber(edith.nhsNumber), 'Edith Example', 'Arthur Sample',
      'Why is Mum so sleepy', 'Her garden and her cat', 'CPR: no decision recorded', '@page', 'size: A4', 'counter(pages)', 'Grace (senior carer)']) {
      expect(agenda).toContain(text);
    }
    expect(readdirSync(path.join(t.dir, 'letters')).filter((f) => f.endsWith('.html'))).toHaveLength(2);
    const residents = [edith, arthur, (await t.store.residents.search({ homeId: home.id })).find((r) => r.givenName === 'Mabel')];
    for (const letter of files.letters) {
      const html = readFileSync(letter.html, 'utf8');
      const own = letter.to === 'Susan Example' ? edith : arthur;
      expect(html).toContain(`join ${own.givenName}’s review at Test Lodge`);
      for (const other of residents.filter((r) => r && r.id !== own.id)) {
        expect(html).not.toContain(other?.givenName);
        expect(html).not.toContain(other?.familyName);
        expect(html).not.toContain(other?.nhsNumber);
        expect(html).not.toContain(formatNhsNumber(other?.nhsNumber ?? ''));
      }
      expect(html).not.toContain(own.nhsNumber);
      expect(html).not.toContain(formatNhsNumber(own.nhsNumber));
    }
    expect(existsSync(path.join(t.dir, 'out', 'agenda-summary.html'))).toBe(false);
  });
});
