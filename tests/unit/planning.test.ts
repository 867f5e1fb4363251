import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { DueItem } from '../../shared/domain/due';
import { proposeAttendees } from '../../shared/rules/attendees';
import { planRound, TIER_WEIGHT, tierOf, tierOfReason, timeSlots, type RoundReason } from '../../shared/rules/planning';
import { DEFAULT_ROUND_TIME, residentMinutes } from '../../shared/rules/roundTime';
import { continuityReasons, familyConcernReasons, flagReasons, openActionReasons } from '../../shared/rules/roundReasons';
import { makeRepresentative, makeSnapshot } from '../helpers/snapshots';

const today = '2026-11-23';
const due = (residentId: number, rule: string, minutes = 15, extra: Partial<DueItem> = {}): RoundReason =>
  ({ residentId, rule, due: '2026-11-20', status: 'due', explanation: `${rule} for ${residentId}`, minutes, ...extra });

const gsf = (value: string) => ({ id: 1, element: 'gsf' as const, value, details: {}, recordedOn: '2026-11-10', reviewDue: null, participants: {}, source: 'test', supersededBy: null });

describe('round planner', () => {
  it('puts escalate-now follow-ups and urgent first, then high, a family’s or the home’s medium concern, due reviews, ACP items, continuity and open actions, after a 10-minute huddle', () => {
    const snapshots = [1, 2, 3, 4, 5, 6, 7, 8].map((id) => makeSnapshot(id));
    const reasons = [
      due(1, 'open-actions', 5), due(2, 'continuity', 10), due(3, 'family-concern'), due(4, 'acp-missing'), due(5, 'smr-annual', 20),
      due(6, 'flag-high'), due(7, 'flag-urgent'), due(8, 'flag-escalate-now'),
    ];
    const plan = planRound({ snapshots, reasons, capacityMinutes: 240, startTime: '10:00', today });
    expect(plan.items.map((i) => i.residentId)).toEqual([8, 7, 6, 3, 5, 4, 2, 1]);
    expect(plan.items.map((i) => i.start)).toEqual(['10:10', '10:22', '10:34', '10:46', '10:58', '11:13', '11:20', '11:27']);
    expect(plan.usedMinutes).toBe(10 + 12 * 4 + 15 + 7 * 3);
    expect(plan.overByMinutes).toBe(0);
    expect(plan.notThisWeek).toEqual([]);
  });

  it('times a resident by the longest discussion, 3 for each further one and 2 for notes: at most 15, or 30 with a new admission or end of life', () => {
    expect(residentMinutes([{ rule: 'flag-high' }])).toBe(12);
    expect(residentMinutes([{ rule: 'continuity' }])).toBe(7);
    expect(residentMinutes([{ rule: 'antipsychotic-dementia' }])).toBe(7);
    expect(residentMinutes([{ rule: 'acp-review' }, { rule: 'ppd-missing' }])).toBe(7);
    expect(residentMinutes([{ rule: 'flag-urgent' }, { rule: 'smr-annual' }, { rule: 'continuity' }])).toBe(15);
    // One structured medication review covers the anticholinergic, STOPP and falls-drug items.
    expect(residentMinutes([{ rule: 'smr-annual' }, { rule: 'acb-high' }, { rule: 'stopp-duration' }, { rule: 'fall-frid' }, { rule: 'interaction-x' }])).toBe(15);
    expect(residentMinutes([{ rule: 'new-admission-pcsp' }])).toBe(27);
    // back from hospital: the post-discharge review and a care-plan update, not a new-admission assessment
    expect(residentMinutes([{ rule: 'post-discharge' }, { rule: 'new-admission-pcsp' }])).toBe(15);
    expect(residentMinutes([{ rule: 'end-of-life' }, { rule: 'acp-review' }, { rule: 'flag-high' }])).toBe(30);
    expect(residentMinutes([{ rule: 'flag-high' }], { ...DEFAULT_ROUND_TIME, acuteMinutes: 8, notesMinutes: 0 })).toBe(8);
  });

  it('sends bloods to the task list and medication reviews to the pharmacist’s session when the home has one; an urgent medicines item stays on the round', () => {
    const snapshots = [1, 2, 3].map((id) => makeSnapshot(id));
    const reasons = [due(1, 'monitoring-lithium'), due(2, 'smr-annual'), due(2, 'stopp-duration'), due(3, 'interaction-warfarin-apixaban', 10, { urgent: true })];
    const withPharmacist = planRound({ snapshots, reasons, capacityMinutes: 120, startTime: '10:00', today, pharmacistMinutes: 60 });
    expect(withPharmacist.items.map((i) => [i.residentId, i.mustSee])).toEqual([[3, 'Same-day call to the prescriber about medicines']]);
    expect(withPharmacist.tasks.map((t) => [t.residentId, t.reasons.map((r) => r.rule)])).toEqual([[1, ['monitoring-lithium']]]);
    expect(withPharmacist.pharmacist.items.map((t) => [t.residentId, t.reasons.map((r) => r.rule), t.fits])).toEqual([[2, ['smr-annual', 'stopp-duration'], true]]);
    expect(withPharmacist.notThisWeek.map((n) => [n.residentId, n.kind])).toEqual([[1, 'elsewhere'], [2, 'elsewhere']]);
    expect(withPharmacist.notThisWeek[0]?.why).toMatch(/task list/);
    const without = planRound({ snapshots, reasons, capacityMinutes: 120, startTime: '10:00', today });
    expect(without.items.map((i) => [i.residentId, i.minutes])).toEqual([[3, 12], [2, 15]]);
    expect(without.pharmacist.items).toEqual([]);
  });

  it('puts advance-care-plan items on the round for 5 minutes to book the conversation, and on the care-planning list', () => {
    const plan = planRound({ snapshots: [makeSnapshot(1)], reasons: [due(1, 'acp-review'), due(1, 'ppd-missing')], capacityMinutes: 120, startTime: '10:00', today });
    expect(plan.items[0]?.minutes).toBe(7);
    expect(plan.carePlanning.map((c) => [c.residentId, c.reasons.map((r) => r.rule)])).toEqual([[1, ['acp-review', 'ppd-missing']]]);
  });

  it('H12: a home of 15 with a week’s mix: every must-see resident and at least 8 in all in 120 minutes, nobody over 30 minutes', () => {
    const snapshots = Array.from({ length: 15 }, (_, i) => makeSnapshot(i + 1));
    const reasons = [
      due(1, 'flag-escalate-now'), due(2, 'post-discharge', 20, { status: 'due', due: '2026-11-27' }), due(3, 'new-admission-pcsp', 30, { due: '2026-11-26' }),
      due(4, 'flag-high'), due(5, 'flag-high'), due(6, 'flag-high'), due(7, 'flag-high'), due(7, 'fall-frid'),
      due(8, 'smr-annual', 30, { status: 'overdue' }), due(9, 'polypharmacy'), due(10, 'acp-review'), due(11, 'acp-review'), due(11, 'ppd-missing'),
      due(12, 'antipsychotic-dementia'), due(13, 'continuity'), due(14, 'monitoring-lithium'), due(15, 'family-concern'),
    ];
    const plan = planRound({ snapshots, reasons, capacityMinutes: 120, startTime: '10:00', today });
    const seen = plan.items.map((i) => i.residentId);
    expect(seen).toEqual(expect.arrayContaining([1, 2, 3]));
    expect(plan.items.filter((i) => i.mustSee).map((i) => i.residentId)).toEqual([1, 2, 3]);
    expect(seen.length).toBeGreaterThanOrEqual(8);
    expect(Math.max(...plan.items.map((i) => i.minutes))).toBeLessThanOrEqual(30);
    expect(plan.usedMinutes).toBeLessThanOrEqual(120);
    expect(plan.overByMinutes).toBe(0);
    expect(plan.tasks.map((t) => t.residentId)).toEqual([14]);
    expect(plan.deferred.total).toBe(plan.notThisWeek.filter((n) => n.kind === 'deferred').length);
    expect(plan.deferred.text).toMatch(/wait for the next round for lack of time: /);
  });

  it('H12: must-see residents are never deferred: when they alone need more than the round, the plan says by how much', () => {
    const snapshots = [1, 2, 3, 4].map((id) => makeSnapshot(id, {}, id === 4 ? { carePlans: [gsf('D')] } : {}));
    const soon = { due: '2026-11-25' };
    const reasons = [due(1, 'new-admission-pcsp', 30, soon), due(2, 'post-discharge', 20, soon), due(3, 'flag-urgent'), due(4, 'end-of-life')];
    const plan = planRound({ snapshots, reasons, capacityMinutes: 60, startTime: '10:00', today });
    expect(plan.items.map((i) => i.residentId).sort()).toEqual([1, 2, 3, 4]);
    expect(plan.items.every((i) => i.mustSee !== null)).toBe(true);
    expect(plan.usedMinutes).toBe(10 + 27 + 12 + 12 + 27);
    expect(plan.overByMinutes).toBe(plan.usedMinutes - 60);
    expect(plan.notThisWeek).toEqual([]);
    // once its date has passed, a post-discharge reconciliation is no longer must-see (still urgent, first after must-see)
    const late = planRound({ snapshots, reasons: reasons.map((r) => (r.residentId === 2 ? { ...r, due: '2026-11-16', status: 'overdue' as const } : r)),
      capacityMinutes: 60, startTime: '10:00', today });
    expect(late.items.find((i) => i.residentId === 2)).toBeUndefined();
    expect(late.notThisWeek[0]).toMatchObject({ residentId: 2, nextInLine: 1 });
  });

  it('H12: end of life is must-see with GSF C or D or the surprise question answered “no”, not with GSF A', () => {
    const plan = (carePlans: ReturnType<typeof gsf>[]) => planRound({ snapshots: [makeSnapshot(1, {}, { carePlans }), makeSnapshot(2)],
      reasons: [due(1, 'end-of-life-family-meeting'), due(2, 'flag-escalate-now')], capacityMinutes: 30, startTime: '10:00', today });
    expect(plan([gsf('C')]).items.find((i) => i.residentId === 1)?.mustSee).toMatch(/End of life/);
    expect(plan([{ ...gsf('no'), element: 'surprise-question' as never }]).items.map((i) => i.residentId)).toContain(1);
    expect(plan([gsf('A')]).items.map((i) => i.residentId)).toEqual([2]);
  });

  it('within a tier, the sicker and more overdue resident comes before the one with more paperwork', () => {
    const snapshots = [1, 2].map((id) => makeSnapshot(id));
    const reasons = [due(1, 'smr-annual', 15, { status: 'due', due: '2026-11-20' }), due(1, 'polypharmacy', 15, { status: 'due', due: '2026-11-20' }),
      due(1, 'pcsp-review', 15, { status: 'due', due: '2026-11-20' }), due(2, 'smr-annual', 15, { status: 'overdue', due: '2026-09-01' })];
    const plan = planRound({ snapshots, reasons, capacityMinutes: 30, startTime: '10:00', today });
    expect(plan.items.map((i) => i.residentId)).toEqual([2]);
    expect(plan.notThisWeek[0]).toMatchObject({ residentId: 1, nextInLine: 1, kind: 'deferred', comesUp: '2026-11-30' });
  });

  it('H2: who does not fit is next in line with the date they come up; a shorter lower tier fills only the time left; nothing due is listed last', () => {
    const snapshots = [1, 2, 3, 4, 5].map((id) => makeSnapshot(id, { familyName: `F${id}` }));
    const reasons = [due(1, 'flag-high'), due(2, 'smr-annual'), due(3, 'continuity'), due(5, 'flag-high')];
    const plan = planRound({ snapshots, reasons, capacityMinutes: 41, startTime: '09:30', today, date: '2026-11-24' });
    expect(plan.items.map((i) => i.residentId)).toEqual([1, 5, 3]);
    expect(plan.usedMinutes).toBe(41);
    const [two, four] = plan.notThisWeek;
    expect(two).toMatchObject({ residentId: 2, nextInLine: 1, comesUp: '2026-12-01' });
    expect(two?.why).toMatch(/Over capacity this week \(needs 15 minutes\): first in line for the next round, expected 01\/12\/2026 — smr-annual for 2/);
    expect(four?.why).toMatch(/^Nothing due this week \(not yet seen on a round; a continuity review falls due on 24\/12\/2026\)/);
    expect(plan.deferred).toMatchObject({ total: 1, byReason: [{ rule: 'smr-annual', label: 'Structured medication review', count: 1 }] });
  });

  it('H12: the resident last week’s round left waiting is first in line within their tier this week, in the old queue order', () => {
    const snapshots = [1, 2, 3, 4].map((id) => makeSnapshot(id, { familyName: `F${id}` }));
    // 1 is sicker (overdue) than 2 and 3, so without the carried-over queue 1 comes first
    const reasons = [due(1, 'smr-annual', 15, { status: 'overdue', due: '2026-09-01' }), due(2, 'smr-annual'), due(3, 'smr-annual'), due(4, 'flag-high')];
    const fresh = planRound({ snapshots, reasons, capacityMinutes: 37, startTime: '10:00', today });
    expect(fresh.items.map((i) => i.residentId)).toEqual([4, 1]);
    const carried = planRound({ snapshots, reasons, capacityMinutes: 37, startTime: '10:00', today,
      waitingFromLastRound: [{ residentId: 3, since: '2026-11-09' }, { residentId: 2, since: '2026-11-16' }] });
    // the higher tier (flag-high) still comes first; then 3 (first in the old queue): 2 waits again, first in line, ahead of 1
    expect(carried.items.map((i) => i.residentId)).toEqual([4, 3]);
    expect(carried.items[1]?.waitingSince).toBe('2026-11-09');
    expect(carried.notThisWeek.filter((n) => n.kind === 'deferred').map((n) => n.residentId)).toEqual([2, 1]);
    expect(carried.notThisWeek[0]?.why).toMatch(/first in line for the next round, expected 30\/11\/2026; waited since 16\/11\/2026/);
    // a carried-over resident never jumps a higher tier, and must-see residents still come first
    const mustSee = planRound({ snapshots, reasons: [...reasons, due(1, 'flag-urgent')], capacityMinutes: 37, startTime: '10:00', today,
      waitingFromLastRound: [{ residentId: 3, since: '2026-11-09' }] });
    expect(mustSee.items.map((i) => i.residentId)).toEqual([1, 4]);
    expect(mustSee.notThisWeek[0]).toMatchObject({ residentId: 3, nextInLine: 1, waitingSince: '2026-11-09' });
  });

  it('H7: leaves out residents who have left or died, whatever their reasons', () => {
    const snapshots = [makeSnapshot(1), makeSnapshot(2, { status: 'died', statusDate: '2026-11-01' }), makeSnapshot(3, { status: 'left', statusDate: '2026-11-02' })];
    const plan = planRound({ snapshots, reasons: [due(1, 'flag-high'), due(2, 'flag-urgent'), due(3, 'flag-urgent')], capacityMinutes: 120, startTime: '10:00', today });
    expect(plan.items.map((i) => i.residentId)).toEqual([1]);
    expect(plan.notThisWeek).toEqual([]);
  });

  it('keeps every reason of a resident, each with its explanation, highest first', () => {
    const plan = planRound({ snapshots: [makeSnapshot(1)], reasons: [due(1, 'continuity', 10), due(1, 'flag-urgent', 20), due(1, 'acp-review', 15)],
      capacityMinutes: 120, startTime: '10:00', today });
    expect(plan.items[0]?.reasons.map((r) => r.rule)).toEqual(['flag-urgent', 'acp-review', 'continuity']);
    expect(plan.items[0]?.minutes).toBe(15);
    expect(plan.items[0]?.reasons.every((r) => r.explanation.length > 0)).toBe(true);
  });

  it('H9: lists escalate-now flags for action today', () => {
    const s = makeSnapshot(1, {}, { flags: [{ id: 9, raisedOn: today, raisedBy: 'Nurse', category: 'news2', severity: 'escalate-now', status: 'open', text: 'NEWS2 8', scores: { news2: 8 } }] });
    const plan = planRound({ snapshots: [s], reasons: flagReasons(s, today), capacityMinutes: 60, startTime: '10:00', today });
    expect(plan.escalations).toHaveLength(1);
    expect(plan.escalations[0]?.explanation).toMatch(/act today/);
    expect(plan.items[0]?.reasons[0]?.rule).toBe('flag-escalate-now');
  });

  it('computes slots from the start time', () => {
    expect(timeSlots('11:50', [15, 20, 5])).toEqual(['11:50', '12:05', '12:25']);
  });
});

const RULES = ['flag-escalate-now', 'flag-urgent', 'flag-high', 'flag-medium', 'smr-annual', 'monitoring-lithium', 'acp-missing', 'family-concern', 'continuity',
  'open-actions', 'end-of-life', 'post-discharge', 'new-admission-pcsp', 'antipsychotic-dementia', 'stopp-duration', 'pcsp-review'];
const MUST_SEE = new Set(['flag-escalate-now', 'flag-urgent', 'end-of-life', 'post-discharge', 'new-admission-pcsp']);
const arbitraryPlan = fc.record({
  residents: fc.integer({ min: 0, max: 25 }),
  reasons: fc.array(fc.record({ resident: fc.integer({ min: 1, max: 25 }), rule: fc.constantFrom(...RULES), minutes: fc.integer({ min: 1, max: 60 }),
    status: fc.constantFrom('due-soon' as const, 'due' as const, 'overdue' as const), day: fc.integer({ min: 1, max: 28 }), urgent: fc.boolean() }), { maxLength: 60 }),
  capacity: fc.integer({ min: 0, max: 300 }),
  pharmacist: fc.constantFrom(0, 0, 60),
  waiting: fc.uniqueArray(fc.integer({ min: 1, max: 25 }), { maxLength: 8 }),
});

function build(p: { residents: number; reasons: { resident: number; rule: string; minutes: number; status: DueItem['status']; day: number; urgent: boolean }[];
  capacity: number; pharmacist: number; waiting: number[] }) {
  const snapshots = Array.from({ length: p.residents }, (_, i) => makeSnapshot(i + 1, { familyName: ['Ash', 'Birch', 'Cedar'][i % 3] ?? 'X' }, { carePlans: [gsf(i % 2 ? 'D' : 'B')] }));
  const reasons = p.reasons.filter((r) => r.resident <= p.residents)
    .map((r) => due(r.resident, r.rule, r.minutes, { status: r.status, due: `2026-11-${String(r.day).padStart(2, '0')}`, ...(r.urgent && r.day % 7 === 0 ? { urgent: true } : {}) }));
  return { snapshots, reasons, capacityMinutes: p.capacity, startTime: '10:00', today, pharmacistMinutes: p.pharmacist,
    waitingFromLastRound: p.waiting.map((residentId) => ({ residentId, since: '2026-11-16' })) };
}

const isMustSee = (r: RoundReason, residentId: number) => r.urgent === true || (MUST_SEE.has(r.rule) && (r.rule !== 'end-of-life' || residentId % 2 === 0)
  && (!['post-discharge', 'new-admission-pcsp'].includes(r.rule) || r.due >= today));

describe('round planner properties', () => {
  it('H2: every active resident is on the round or has a line saying why, nobody twice, the same plan whatever the input order', () => {
    fc.assert(fc.property(arbitraryPlan, (p) => {
      const input = build(p);
      const plan = planRound(input);
      const ids = [...plan.items.map((i) => i.residentId), ...plan.notThisWeek.map((n) => n.residentId)];
      expect(new Set(ids).size).toBe(ids.length);
      expect(ids.length).toBe(p.residents);
      expect(plan.notThisWeek.every((n) => n.why.length > 0)).toBe(true);
      expect(planRound({ ...input, snapshots: [...input.snapshots].reverse(), reasons: [...input.reasons].reverse() })).toEqual(plan);
    }), { numRuns: 100 });
  });

  it('H12: must-see never deferred; a lower tier never displaces a waiting higher tier except to fill time it cannot use; nobody over 30; deterministic', () => {
    fc.assert(fc.property(arbitraryPlan, (p) => {
      const input = build(p);
      const plan = planRound(input);
      const ids = plan.items.map((i) => i.residentId);
      expect(new Set(ids).size).toBe(ids.length);
      // must-see: every resident with a must-see reason is on the round; over capacity only by their minutes
      const mustSee = new Set(input.reasons.filter((r) => isMustSee(r, r.residentId)).map((r) => r.residentId));
      for (const id of mustSee) expect(ids).toContain(id);
      expect(plan.items.filter((i) => i.mustSee !== null).map((i) => i.residentId).sort()).toEqual([...mustSee].sort());
      const mustSeeMinutes = plan.huddleMinutes + plan.items.filter((i) => i.mustSee).reduce((n, i) => n + i.minutes, 0);
      expect(plan.overByMinutes).toBe(Math.max(0, mustSeeMinutes - p.capacity));
      if (plan.overByMinutes > 0) expect(plan.items.every((i) => i.mustSee !== null)).toBe(true);
      else expect(plan.usedMinutes).toBeLessThanOrEqual(p.capacity);
      // a resident left to wait could not fit: not in the time left, nor in the time before any lower tier took it
      for (const waiting of plan.notThisWeek.filter((n) => n.kind === 'deferred')) {
        // only the reasons for the round count: bloods go to the task list, medication reviews to the pharmacist's session
        const onRound = waiting.reasons.filter((r) => !r.rule.startsWith('monitoring-') && !(p.pharmacist && ['smr-annual', 'stopp-duration'].includes(r.rule)));
        const minutes = residentMinutes(onRound);
        const weight = Math.max(...onRound.map((r) => TIER_WEIGHT[tierOfReason(r)]));
        expect(p.capacity - plan.usedMinutes).toBeLessThan(minutes);
        const higher = plan.items.filter((i) => !i.mustSee && TIER_WEIGHT[i.tier] >= weight).reduce((n, i) => n + i.minutes, 0);
        // (same-tier items count too: a weaker bound, as some of them rank below the one waiting)
        expect(mustSeeMinutes + higher + minutes).toBeGreaterThan(p.capacity);
      }
      // first in line next time: a carried-over resident is never behind a same-tier resident who was not carried over,
      // on the round (after must-see) or in the queue, and carried residents keep the old queue's order
      const carriedPlace = new Map(p.waiting.map((id, i) => [id, i]));
      const inOrder = (list: { residentId: number; tier: string }[]) => list.forEach((a, i) => list.slice(i + 1).forEach((b) => {
        if (a.tier !== b.tier || !carriedPlace.has(b.residentId)) return;
        expect(carriedPlace.has(a.residentId)).toBe(true);
        expect(carriedPlace.get(a.residentId)).toBeLessThan(carriedPlace.get(b.residentId) ?? -1);
      }));
      inOrder(plan.items.filter((i) => !i.mustSee).map((i) => ({ residentId: i.residentId, tier: String(TIER_WEIGHT[i.tier]) })));
      const tierOfWaiting = (n: { reasons: RoundReason[] }) => {
        const onRound = n.reasons.filter((r) => !r.rule.startsWith('monitoring-') && !(p.pharmacist && ['smr-annual', 'stopp-duration'].includes(r.rule)));
        return String(Math.max(...onRound.map((r) => TIER_WEIGHT[tierOfReason(r)])));
      };
      inOrder(plan.notThisWeek.filter((n) => n.kind === 'deferred').map((n) => ({ residentId: n.residentId, tier: tierOfWaiting(n) })));
      // nobody over 30 minutes, and over 15 only with a new admission or end of life
      for (const item of plan.items) {
        expect(item.minutes).toBeLessThanOrEqual(30);
        if (item.minutes > 15) expect(item.reasons.some((r) => (r.rule === 'new-admission-pcsp' && !item.reasons.some((x) => x.rule === 'post-discharge')) || r.rule === 'end-of-life')).toBe(true);
      }
      expect(plan.items.every((i) => i.reasons.length > 0 && i.reasons.every((r) => r.residentId === i.residentId))).toBe(true);
      for (const item of plan.items) expect(TIER_WEIGHT[item.tier]).toBe(Math.max(...item.reasons.map((r) => TIER_WEIGHT[tierOfReason(r)])));
      // every active resident is either on the round or has a line saying why not
      expect(new Set([...ids, ...plan.notThisWeek.map((n) => n.residentId)]).size).toBe(p.residents);
      // deterministic, whatever order the inputs come in
      const again = planRound({ ...input, snapshots: [...input.snapshots].reverse(), reasons: [...input.reasons].reverse() });
      expect(again).toEqual(plan);
      expect(tierOf('flag-high')).toBe('high');
    }), { numRuns: 300 });
  });
});

describe('the round’s own reason sources', () => {
  it('flags become flag-<severity> reasons naming every open flag; addressed and closed ones do not count', () => {
    const s = makeSnapshot(1, {}, { flags: [
      { id: 1, raisedOn: '2026-11-20', raisedBy: 'Senior carer', category: 'fall', severity: 'high', status: 'open', text: 'Fell in the lounge', scores: {} },
      { id: 2, raisedOn: '2026-11-21', raisedBy: null, category: 'skin', severity: 'high', status: 'on-agenda', text: 'Sore heel', scores: {} },
      { id: 3, raisedOn: '2026-11-01', raisedBy: null, category: 'pain', severity: 'urgent', status: 'addressed', text: 'Old', scores: {} },
    ] });
    const reasons = flagReasons(s, today);
    expect(reasons.map((r) => [r.rule, r.flagIds])).toEqual([['flag-high', [1, 2]]]);
    expect(reasons[0]?.explanation).toMatch(/Fell in the lounge.*Sore heel/);
  });

  it('a family concern names the relative who raised it, and proposes inviting them with their question', () => {
    const daughter = makeRepresentative(5, 1, { name: 'Susan Example', relationship: 'daughter', preferredContact: 'video' });
    const son = makeRepresentative(6, 1, { name: 'Peter Example', relationship: 'son' });
    const s = makeSnapshot(1, { givenName: 'Edith' }, { representatives: [daughter, son], flags: [
      { id: 1, raisedOn: '2026-11-20', raisedBy: 'Susan Example (daughter)', category: 'family-concern', severity: 'medium', status: 'open', text: 'Is Mum eating enough?', scores: {} },
    ] });
    const [reason] = familyConcernReasons(s, today);
    expect(reason?.rule).toBe('family-concern');
    expect(reason?.explanation).toMatch(/Susan Example \(daughter\) raised a concern about Edith/);
    expect(flagReasons(s, today)).toEqual([]);
    const { attendees, questions } = proposeAttendees(s);
    expect(attendees.representatives.map((r) => [r.name, r.proposed, r.how])).toEqual([['Susan Example', true, 'video'], ['Peter Example', false, 'phone']]);
    expect(questions).toEqual([{ from: 'Susan Example (daughter)', text: 'Is Mum eating enough?' }]);
  });

  it('proposes every representative when the resident lacks capacity, and an LPA holder always', () => {
    const lpa = makeRepresentative(5, 1, { holdsLpaHealthWelfare: true });
    const other = makeRepresentative(6, 1);
    expect(proposeAttendees(makeSnapshot(1, {}, { representatives: [lpa, other] })).attendees.representatives.map((r) => r.proposed)).toEqual([true, false]);
    expect(proposeAttendees(makeSnapshot(1, { capacityNotes: 'Lacks capacity for medication decisions' }, { representatives: [lpa, other] }))
      .attendees.representatives.map((r) => r.proposed)).toEqual([true, true]);
    expect(proposeAttendees(makeSnapshot(1, { dementia: true }, { representatives: [other] })).attendees.representatives[0]?.why).toMatch(/may lack capacity/);
  });

  it('H2: continuity: 12 weeks since the last round, or since admission for someone never seen', () => {
    expect(continuityReasons(makeSnapshot(1, { admissionDate: '2026-09-01' }), today)).toEqual([]);
    expect(continuityReasons(makeSnapshot(1, { admissionDate: '2026-08-01' }), today)[0]?.explanation).toMatch(/not been seen on a round since admission 16 weeks ago/);
    expect(continuityReasons(makeSnapshot(1, { admissionDate: '2020-01-01' }, { lastSeenOnRound: '2026-10-01' }), today)).toEqual([]);
    expect(continuityReasons(makeSnapshot(1, { admissionDate: '2020-01-01' }, { lastSeenOnRound: '2026-08-20' }), today)[0]?.due).toBe('2026-11-12');
  });

  it('open actions from an earlier round come back as one reason', () => {
    const s = makeSnapshot(1, {}, { openActions: [{ id: 3, decision: null, action: 'Bloods for renal function', owner: 'practice', dueDate: '2026-11-30', createdAt: '2026-11-01T10:00:00Z' }] });
    const [reason] = openActionReasons(s, today);
    expect(reason?.explanation).toBe('Follow up an open action from an earlier round: Bloods for renal function (practice, due 30/11/2026).');
  });
});
