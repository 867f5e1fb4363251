import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { DueItem } from '../../shared/domain/due';
import { proposeAttendees } from '../../shared/rules/attendees';
import { itemMinutes, planRound, TIER_WEIGHT, tierOf, timeSlots, type RoundReason } from '../../shared/rules/planning';
import { continuityReasons, familyConcernReasons, flagReasons, openActionReasons } from '../../shared/rules/roundReasons';
import { makeRepresentative, makeSnapshot } from '../helpers/snapshots';

const today = '2026-11-23';
const due = (residentId: number, rule: string, minutes = 15, extra: Partial<DueItem> = {}): RoundReason =>
  ({ residentId, rule, due: '2026-11-20', status: 'due', explanation: `${rule} for ${residentId}`, minutes, ...extra });

describe('round planner', () => {
  it('puts escalate-now follow-ups and urgent first, then high, due reviews, ACP items, family concern, continuity and open actions', () => {
    const snapshots = [1, 2, 3, 4, 5, 6, 7, 8].map((id) => makeSnapshot(id));
    const reasons = [
      due(1, 'open-actions', 5), due(2, 'continuity', 10), due(3, 'family-concern'), due(4, 'acp-missing'), due(5, 'smr-annual', 20),
      due(6, 'flag-high'), due(7, 'flag-urgent'), due(8, 'flag-escalate-now'),
    ];
    const plan = planRound({ snapshots, reasons, capacityMinutes: 240, startTime: '10:00', today });
    expect(plan.items.map((i) => i.residentId)).toEqual([8, 7, 6, 5, 4, 3, 2, 1]);
    expect(plan.items.map((i) => i.start)).toEqual(['10:00', '10:15', '10:30', '10:45', '11:05', '11:20', '11:35', '11:45']);
    expect(plan.notThisWeek).toEqual([]);
  });

  it('gives an item the longest reason’s minutes plus 5 for each further reason, never more than their sum', () => {
    expect(itemMinutes([{ rule: 'flag-urgent', minutes: 20 }, { rule: 'smr-annual', minutes: 10 }, { rule: 'continuity', minutes: 5 }])).toBe(30);
    expect(itemMinutes([{ rule: 'flag-high', minutes: 5 }, { rule: 'acp-missing', minutes: 2 }])).toBe(7);
    expect(itemMinutes([{ rule: 'flag-high', minutes: 15 }])).toBe(15);
    expect(itemMinutes([{ rule: 'continuity', minutes: 0 }])).toBe(5);
    // One structured medication review covers the anticholinergic, STOPP and falls-drug items; one conversation covers the care-plan gaps.
    expect(itemMinutes([{ rule: 'smr-annual', minutes: 30 }, { rule: 'acb-high', minutes: 30 }, { rule: 'stopp-duration', minutes: 30 },
      { rule: 'fall-frid', minutes: 30 }])).toBe(30);
    expect(itemMinutes([{ rule: 'acp-review', minutes: 15 }, { rule: 'ppd-missing', minutes: 10 }, { rule: 'end-of-life', minutes: 20 }])).toBe(20);
  });

  it('H2: never goes over capacity; who does not fit is next in line, and everyone else has a “nothing due” line', () => {
    const snapshots = [1, 2, 3, 4].map((id) => makeSnapshot(id, { familyName: `F${id}` }));
    const reasons = [due(1, 'flag-urgent', 40), due(2, 'flag-high', 40), due(3, 'smr-annual', 30)];
    const plan = planRound({ snapshots, reasons, capacityMinutes: 90, startTime: '09:30', today });
    expect(plan.items.map((i) => i.residentId)).toEqual([1, 2]);
    expect(plan.usedMinutes).toBe(80);
    const [three, four] = plan.notThisWeek;
    expect(three?.residentId).toBe(3);
    expect(three?.nextInLine).toBe(1);
    expect(three?.why).toMatch(/Over capacity this week .*first in line for the next round — smr-annual for 3/);
    expect(four?.why).toMatch(/^Nothing due this week \(not yet seen on a round; a continuity review falls due on 24\/12\/2026\)/);
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
    expect(plan.items[0]?.minutes).toBe(30);
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

const RULES = ['flag-escalate-now', 'flag-urgent', 'flag-high', 'flag-medium', 'smr-annual', 'monitoring-lithium', 'acp-missing', 'family-concern', 'continuity', 'open-actions', 'end-of-life'];
const arbitraryPlan = fc.record({
  residents: fc.integer({ min: 0, max: 25 }),
  reasons: fc.array(fc.record({ resident: fc.integer({ min: 1, max: 25 }), rule: fc.constantFrom(...RULES), minutes: fc.integer({ min: 1, max: 60 }),
    status: fc.constantFrom('due-soon' as const, 'due' as const, 'overdue' as const), day: fc.integer({ min: 1, max: 28 }) }), { maxLength: 60 }),
  capacity: fc.integer({ min: 0, max: 300 }),
});

function build(p: { residents: number; reasons: { resident: number; rule: string; minutes: number; status: DueItem['status']; day: number }[]; capacity: number }) {
  const snapshots = Array.from({ length: p.residents }, (_, i) => makeSnapshot(i + 1, { familyName: ['Ash', 'Birch', 'Cedar'][i % 3] ?? 'X' }));
  const reasons = p.reasons.filter((r) => r.resident <= p.residents)
    .map((r) => due(r.resident, r.rule, r.minutes, { status: r.status, due: `2026-11-${String(r.day).padStart(2, '0')}` }));
  return { snapshots, reasons, capacityMinutes: p.capacity, startTime: '10:00', today };
}

describe('round planner properties', () => {
  it('H2: never over capacity; no resident twice; every item has a reason; urgent before high before routine; deterministic', () => {
    fc.assert(fc.property(arbitraryPlan, (p) => {
      const input = build(p);
      const plan = planRound(input);
      expect(plan.items.reduce((n, i) => n + i.minutes, 0)).toBeLessThanOrEqual(p.capacity);
      expect(plan.usedMinutes).toBeLessThanOrEqual(p.capacity);
      const ids = plan.items.map((i) => i.residentId);
      expect(new Set(ids).size).toBe(ids.length);
      expect(plan.items.every((i) => i.reasons.length > 0 && i.reasons.every((r) => r.residentId === i.residentId))).toBe(true);
      const weights = plan.items.map((i) => TIER_WEIGHT[i.tier]);
      expect(weights).toEqual([...weights].sort((a, b) => b - a));
      for (const item of plan.items) expect(TIER_WEIGHT[item.tier]).toBe(Math.max(...item.reasons.map((r) => TIER_WEIGHT[tierOf(r.rule)])));
      // every active resident is either on the round or has a line saying why not
      expect(new Set([...ids, ...plan.notThisWeek.map((n) => n.residentId)]).size).toBe(p.residents);
      // deterministic, whatever order the inputs come in
      const again = planRound({ ...input, snapshots: [...input.snapshots].reverse(), reasons: [...input.reasons].reverse() });
      expect(again).toEqual(plan);
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
