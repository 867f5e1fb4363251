/**
 * Medication reviews through the real handlers on a real SQLite file: the due list and its schedule,
 * recording a review done or deferred (the next due date recomputed at once), settings, and the record
 * of each computed schedule.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { dispatch } from '../../main/handlers';
import type { ChannelOutput, Contract } from '../../shared/ipc';
import type { ResidentMedicines } from '../../shared/ipc/reviews';
import type { Result } from '../../shared/errors';
import { DEFAULT_REVIEW_SETTINGS } from '../../shared/rules/reviewSettings';
import { REVIEW_RULES_VERSION } from '../../shared/rules/reviews';
import { residentMinutes } from '../../shared/rules/roundTime';
import { residentInput } from '../../shared/domain/register';
import { withRaw } from '../helpers/rawDb';
import { openTempStore, sampleHome, sampleResident, type TempStore } from '../helpers/tempStore';

let t: TempStore;
beforeEach(async () => { t = await openTempStore('2026-11-23'); });
afterEach(() => t.cleanup());

async function ok<C extends Parameters<typeof dispatch>[1] & string>(channel: C, input: unknown) {
  const result = await dispatch(t.ctx, channel, input);
  if (!result.ok) throw new Error(`${channel}: ${JSON.stringify(result.error)}`);
  return result.value as ChannelOutput<C & keyof Contract>;
}

async function seed() {
  const home = await t.store.homes.create(t.ctx.actor, { ...sampleHome, roundDay: 'tuesday', roundCapacityMinutes: 40 });
  const edith = await t.store.residents.create(t.ctx.actor, residentInput.parse({ ...sampleResident(home.id), admissionDate: '2024-01-01', dementia: true }));
  await t.store.records.add(t.ctx.actor, edith.id, {
    medications: [
      { name: 'Risperidone 500microgram tablets', dose: null, startDate: '2026-09-02', type: 'repeat', status: 'active' },
      { name: 'Amitriptyline 10mg tablets', dose: null, startDate: '2026-03-01', type: 'repeat', status: 'active' },
      { name: 'Zyxoprine 10mg tablets', dose: null, startDate: '2026-03-01', type: 'repeat', status: 'active' },
    ],
    reviews: [{ rule: 'smr', doneOn: '2026-01-10', doneBy: 'Tom Briggs', outcome: 'Reviewed' }, { rule: 'antipsychotic-dementia', doneOn: '2026-10-01', doneBy: 'Dr Okafor', outcome: 'Continue' }],
  }, 'test');
  const fred = await t.store.residents.create(t.ctx.actor, residentInput.parse({ ...sampleResident(home.id, { nhsNumber: '9434765870', givenName: 'Fred', dementia: false }), admissionDate: '2024-01-01' }));
  await t.store.records.add(t.ctx.actor, fred.id, { reviews: [{ rule: 'smr', doneOn: '2025-10-01', doneBy: 'Tom Briggs', outcome: 'Reviewed' }] }, 'test');
  return { home, edith, fred };
}

describe('reviews overview', () => {
  it('lists due reviews with explanations, fits them into the home’s rounds, and records the run', async () => {
    const { edith, fred } = await seed();
    const o = await ok('reviews:overview', {});
    expect(o.rulesVersion).toBe(REVIEW_RULES_VERSION);
    expect(o.items.map((i) => [i.name, i.rule, i.status])).toEqual([
      ['Fred Example', 'smr-annual', 'overdue'],
      ['Edith Example', 'antipsychotic-dementia', 'overdue'],
      ['Edith Example', 'acb-high', 'due'],
    ]);
    expect(o.items.find((i) => i.rule === 'antipsychotic-dementia')?.explanation)
      .toBe('Risperidone since 02/09/2026 with dementia: antipsychotic review every 6 weeks; last review 01/10/2026, due 12/11/2026 — overdue by 11 days');
    // Projected from the usual Tuesday round of 40 minutes, with the round's minutes (the time model, not the review settings'
    // 30 for an SMR): the SMR and the ACB review 15 each (15 + 2 for notes, at most 15), the antipsychotic check 5 + 2: all on 24/11.
    expect(o.items.map((i) => i.minutes)).toEqual([15, 7, 15]);
    expect(o.rounds.slice(0, 2)).toMatchObject([{ date: '2026-11-24', capacityMinutes: 40, usedMinutes: 0, reviewMinutes: 37, projected: true },
      { date: '2026-12-01', usedMinutes: 0, reviewMinutes: 0 }]);
    expect(o.items.map((i) => i.scheduledFor)).toEqual(['2026-11-24', '2026-11-24', '2026-11-24']);
    const runs = await t.store.reviews.runs();
    expect(runs[0]).toMatchObject({ today: '2026-11-23', rulesVersion: REVIEW_RULES_VERSION, items: 3, placed: 3, unplaced: 0 });
    expect(JSON.parse(runs[0]?.settings ?? '{}')).toEqual(DEFAULT_REVIEW_SETTINGS);
    expect(edith.id).not.toBe(fred.id);
  });

  it('says why a review does not fit, and never schedules a resident who has left', async () => {
    const { home, fred } = await seed();
    await t.store.homes.update(t.ctx.actor, home.id, { ...sampleHome, roundDay: 'tuesday', roundCapacityMinutes: 10 });
    let o = await ok('reviews:overview', { homeId: home.id });
    expect(o.items.find((i) => i.rule === 'smr-annual')?.notScheduledReason).toBe('Needs 15 minutes, more than any upcoming round has free (10 minutes at most).');
    await t.store.residents.update(t.ctx.actor, fred.id, residentInput.parse({ ...sampleResident(home.id, { nhsNumber: '9434765870', givenName: 'Fred', dementia: false }), status: 'left', statusDate: '2026-11-20', admissionDate: '2024-01-01' }));
    o = await ok('reviews:overview', {});
    expect(o.items.some((i) => i.residentId === fred.id)).toBe(false);
  });
});

describe('one source of truth for minutes', () => {
  it('a review’s minutes on Reviews are what the round would give it (the round’s time model), and follow its settings; with a pharmacist session the medicines work goes there', async () => {
    const { home } = await seed();
    const time = (await ok('round-settings:get', {})).settings;
    let o = await ok('reviews:overview', {});
    for (const i of o.items) expect(i.minutes, i.rule).toBe(residentMinutes([i], time));
    await ok('round-settings:save', { settings: { ...time, medicationReviewMinutes: 10 } });
    o = await ok('reviews:overview', {});
    expect(o.items.find((i) => i.rule === 'smr-annual')?.minutes).toBe(12);
    expect((await ok('reviews:resident', { residentId: o.items[0]?.residentId ?? 0 })).due.find((i) => i.rule === 'smr-annual')?.minutes).toBe(12);
    expect((await ok('settings:get', {})).settings.minutesSmr).toBe(30); // the review settings' minutes are kept, but no longer used
    // a home with pharmacist minutes: the SMR work is for the pharmacist's session, not the GP round; the antipsychotic check stays on the round
    await t.store.homes.update(t.ctx.actor, home.id, { ...sampleHome, roundDay: 'tuesday', roundCapacityMinutes: 40, pharmacistMinutes: 60 });
    o = await ok('reviews:overview', {});
    expect(o.items.map((i) => [i.rule, i.scheduledFor, i.minutes])).toEqual([['smr-annual', null, 20], ['antipsychotic-dementia', '2026-11-24', 7], ['acb-high', null, 20]]);
    expect(o.items[0]?.notScheduledReason).toBe('For the home’s pharmacist session, not the GP round.');
  });
});

describe('reviews list, one row per resident', () => {
  it('groups each resident’s reviews in one row, counts the whole set, and filters and pages on the main side', async () => {
    const { edith, fred } = await seed();
    const list = await ok('reviews:list', {});
    expect(list.counts).toEqual({ overdue: 2, due: 1, dueSoon: 0, unplaced: 0 });
    expect(list.residents.total).toBe(2);
    // Both have something overdue; Edith's earliest reason fell due first.
    expect(list.residents.rows.map((g) => [g.residentId, g.worst, g.items.map((i) => i.rule)])).toEqual([
      [edith.id, 'overdue', ['antipsychotic-dementia', 'acb-high']],
      [fred.id, 'overdue', ['smr-annual']],
    ]);
    expect((await ok('reviews:list', { rule: 'acb-high' })).residents.rows.map((g) => g.residentId)).toEqual([edith.id]);
    expect((await ok('reviews:list', { query: 'fred' })).residents.total).toBe(1);
    const second = await ok('reviews:list', { offset: 1, limit: 1 });
    expect(second.residents).toMatchObject({ total: 2, offset: 1, limit: 1 });
    expect(second.residents.rows.map((g) => g.residentId)).toEqual([fred.id]);
    // The schedule run is recorded once: filtering and turning pages show the same schedule, so no new record.
    expect((await t.store.reviews.runs()).length).toBe(1);
  });

  it('shows a change at once, from this app or another process, and records a run only when the schedule changes', async () => {
    const { home, edith, fred } = await seed();
    const before = await ok('reviews:list', {});
    expect(before.residents.rows.map((g) => g.residentId)).toEqual([edith.id, fred.id]);
    await ok('reviews:list', {});
    expect((await t.store.reviews.runs()).length).toBe(1);
    // Recorded here: Fred's review is no longer due, and the new schedule is recorded.
    await ok('reviews:record-done', { residentId: fred.id, rule: 'smr-annual', doneOn: '2026-11-20', doneBy: 'Tom Briggs', outcome: 'Reviewed', medicinesChanged: 'None' });
    const after = await ok('reviews:list', {});
    expect(after.residents.rows.map((g) => g.residentId)).toEqual([edith.id]);
    expect((await t.store.reviews.runs()).map((r) => r.items)).toEqual([2, 3]);
    // Written by another process on the same file: Edith has left, so nobody is due.
    await withRaw(t.file, (other) => other.run("UPDATE resident SET status = 'left', status_date = '2026-11-22' WHERE id = ?", [edith.id]));
    expect((await ok('reviews:list', {})).residents.total).toBe(0);
    expect((await ok('reviews:overview', { homeId: home.id })).items).toEqual([]);
  });
});

describe('planned rounds', () => {
  it('uses a home’s planned rounds (with the minutes their agenda already takes, the figure the round shows) instead of projecting its usual day', async () => {
    const { home, edith } = await seed();
    const roundId = await withRaw(t.file, async (raw) => {
      const id = await raw.insert(`INSERT INTO round (home_id, date, start_time, capacity_minutes, status, created_at, updated_at)
        VALUES (?, '2026-11-26', '10:00', 45, 'planning', 'x', 'x')`, [home.id]);
      await raw.insert('INSERT INTO agenda_item (round_id, resident_id, position, minutes) VALUES (?, ?, 1, 20)', [id, edith.id]);
      return id;
    });
    const o = await ok('reviews:overview', {});
    // The round's own agenda takes 20 of 45 minutes (25 left, as the round says); the reviews suggested for it are counted apart.
    expect(o.rounds).toEqual([{ key: String(roundId), homeId: home.id, home: home.name, date: '2026-11-26', capacityMinutes: 45, usedMinutes: 20,
      reviewMinutes: 22, projected: false }]);
    const [listed] = await ok('rounds:list', {});
    expect(45 - (listed?.usedMinutes ?? 0)).toBe(25);
    expect(o.items.map((i) => [i.rule, i.scheduledFor])).toEqual([['smr-annual', '2026-11-26'], ['antipsychotic-dementia', '2026-11-26'], ['acb-high', null]]);
    expect(o.items[2]?.notScheduledReason).toBe('Needs 15 minutes; the upcoming rounds (26/11/2026) do not have that much time left.');
  });
});

describe('recording reviews', () => {
  it('a review done moves the next due date at once, and shows in the recorded list', async () => {
    const { edith } = await seed();
    const after = await ok('reviews:record-done', { residentId: edith.id, rule: 'antipsychotic-dementia', doneOn: '2026-11-23', doneBy: 'Dr Amara Okafor',
      outcome: 'Dose reduced; review again in 6 weeks', medicinesChanged: 'Risperidone reduced to 250 micrograms at night' });
    expect(after.due.some((i) => i.rule === 'antipsychotic-dementia')).toBe(false);
    expect(after.nextDue).toBe('2027-01-04');
    expect(after.recorded[0]).toMatchObject({ rule: 'antipsychotic-dementia', status: 'done', doneOn: '2026-11-23', medicinesChanged: 'Risperidone reduced to 250 micrograms at night' });
    // Six weeks on it is due again.
    const later = await dispatch({ ...t.ctx, today: () => '2027-01-04' }, 'reviews:resident', { residentId: edith.id }) as Result<ResidentMedicines>;
    expect(later.ok && later.value.due.find((i) => i.rule === 'antipsychotic-dementia')?.due).toBe('2027-01-04');
    expect((await t.store.audit.list({ entity: 'medication_review' }))[0]?.summary).toMatch(/Antipsychotic review \(dementia\) recorded as done/);
  });

  it('a deferral hides the review until its date', async () => {
    const { fred } = await seed();
    const after = await ok('reviews:defer', { residentId: fred.id, rule: 'smr-annual', until: '2026-12-14', reason: 'In hospital; review when back' });
    expect(after.due).toEqual([]);
    expect(after.recorded[0]).toMatchObject({ status: 'deferred', deferredUntil: '2026-12-14', deferredReason: 'In hospital; review when back' });
    const back = await dispatch({ ...t.ctx, today: () => '2026-12-14' }, 'reviews:resident', { residentId: fred.id }) as Result<ResidentMedicines>;
    expect(back.ok && back.value.due.map((i) => i.rule)).toEqual(['smr-annual']);
  });

  it('refuses a review in the future, a deferral to the past, and missing details', async () => {
    const { fred } = await seed();
    expect(await dispatch(t.ctx, 'reviews:record-done', { residentId: fred.id, rule: 'smr-annual', doneOn: '2026-11-24', doneBy: 'X', outcome: 'Y' }))
      .toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', details: [{ field: 'doneOn' }] } });
    expect(await dispatch(t.ctx, 'reviews:defer', { residentId: fred.id, rule: 'smr-annual', until: '2026-11-23', reason: 'Busy' }))
      .toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', details: [{ field: 'until' }] } });
    expect(await dispatch(t.ctx, 'reviews:record-done', { residentId: fred.id, rule: 'smr-annual', doneOn: '2026-11-20', doneBy: '', outcome: '' }))
      .toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', message: 'Enter who did the review' } });
    expect(await dispatch(t.ctx, 'reviews:record-done', { residentId: 999, rule: 'smr-annual', doneOn: '2026-11-20', doneBy: 'X', outcome: 'Y' }))
      .toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
  });
});

describe('resident medicines', () => {
  it('shows tags, totals and what is not recognised', async () => {
    const { edith } = await seed();
    const m = await ok('reviews:resident', { residentId: edith.id });
    expect(m.profile).toMatchObject({ count: 3, acbTotal: 4, notRecognised: ['Zyxoprine 10mg tablets'] });
    expect(m.profile.fallsRisk.map((f) => f.name)).toEqual(['Amitriptyline', 'Risperidone']);
  });
});

describe('settings', () => {
  it('starts at the default settings, saves changes that the rules then use, and refuses nonsense', async () => {
    const { edith } = await seed();
    expect((await ok('settings:get', {})).settings).toEqual(DEFAULT_REVIEW_SETTINGS);
    const saved = await ok('settings:save', { settings: { ...DEFAULT_REVIEW_SETTINGS, antipsychoticIntervalWeeks: 12, minutesSmr: 45 } });
    expect(saved.settings).toMatchObject({ antipsychoticIntervalWeeks: 12, minutesSmr: 45 });
    const m = await ok('reviews:resident', { residentId: edith.id });
    expect(m.due.some((i) => i.rule === 'antipsychotic-dementia')).toBe(false);
    const bad = await dispatch(t.ctx, 'settings:save', { settings: { ...DEFAULT_REVIEW_SETTINGS, minutesSmr: 0 } });
    expect(bad).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', details: [{ field: 'settings.minutesSmr', message: '“Structured medication review” must be 1 or more' }] } });
    const o = await ok('reviews:overview', {});
    expect(o.settings.minutesSmr).toBe(45);
    expect(JSON.parse((await t.store.reviews.runs())[0]?.settings ?? '{}')).toMatchObject({ minutesSmr: 45, antipsychoticIntervalWeeks: 12 });
  });
});
