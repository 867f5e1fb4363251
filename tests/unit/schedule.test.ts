/** The capacity-aware schedule: examples, and fast-check properties of its promises. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { DueItem } from '../../shared/domain/due';
import { scheduleReviews, type ScheduleRound } from '../../shared/rules/schedule';

const item = (residentId: number, rule: string, due: string, status: DueItem['status'], minutes: number): DueItem =>
  ({ residentId, rule, due, status, minutes, explanation: `${rule} for ${residentId}` });

describe('scheduleReviews', () => {
  const rounds: ScheduleRound[] = [{ key: 'b', date: '2026-12-01', capacityMinutes: 60 }, { key: 'a', date: '2026-11-24', capacityMinutes: 60, usedMinutes: 20 }];

  it('places overdue first, then by due date, into the earliest round with room', () => {
    const s = scheduleReviews(rounds, [
      item(1, 'smr-annual', '2026-12-05', 'due-soon', 30),
      item(2, 'smr-annual', '2026-11-30', 'due-soon', 30),
      item(3, 'antipsychotic-dementia', '2026-11-01', 'overdue', 10),
      item(4, 'post-discharge', '2026-11-20', 'overdue', 20),
      item(5, 'acb-high', '2026-12-06', 'due-soon', 15),
    ]);
    expect(s.placed.map((p) => [p.item.residentId, p.roundKey])).toEqual([[3, 'a'], [4, 'a'], [2, 'b'], [1, 'b']]);
    expect(s.unplaced.map((u) => u.item.residentId)).toEqual([5]);
    expect(s.unplaced[0]?.reason).toBe('Needs 15 minutes; the upcoming rounds (24/11/2026, 01/12/2026) do not have that much time left.');
    expect(s.used).toEqual({ a: 50, b: 60 });
  });

  it('never books the same resident twice for one rule, and says why', () => {
    const s = scheduleReviews(rounds, [item(1, 'smr-annual', '2026-11-01', 'overdue', 5), item(1, 'smr-annual', '2026-11-02', 'overdue', 5)]);
    expect(s.placed).toHaveLength(1);
    expect(s.unplaced[0]?.reason).toMatch(/already listed once/);
  });

  it('explains a review too long for any round, and a home with no rounds', () => {
    expect(scheduleReviews(rounds, [item(1, 'smr-annual', '2026-11-01', 'overdue', 90)]).unplaced[0]?.reason).toBe('Needs 90 minutes, more than any upcoming round has free (60 minutes at most).');
    expect(scheduleReviews([], [item(1, 'smr-annual', '2026-11-01', 'overdue', 30)]).unplaced[0]?.reason).toMatch(/No upcoming rounds/);
  });
});

describe('scheduleReviews properties', () => {
  const arbRounds = fc.uniqueArray(fc.record({
    key: fc.string({ minLength: 1, maxLength: 4 }),
    date: fc.integer({ min: 0, max: 60 }).map((d) => new Date(Date.UTC(2026, 10, 23 + d)).toISOString().slice(0, 10)),
    capacityMinutes: fc.integer({ min: 0, max: 180 }),
    usedMinutes: fc.integer({ min: 0, max: 60 }),
  }), { selector: (r) => r.key, maxLength: 6 });
  const arbItems = fc.array(fc.record({
    residentId: fc.integer({ min: 1, max: 12 }),
    rule: fc.constantFrom('smr-annual', 'polypharmacy', 'antipsychotic-dementia', 'monitoring-lithium', 'post-discharge', 'acb-high'),
    due: fc.integer({ min: -400, max: 60 }).map((d) => new Date(Date.UTC(2026, 10, 23 + d)).toISOString().slice(0, 10)),
    status: fc.constantFrom('due-soon', 'due', 'overdue') as fc.Arbitrary<DueItem['status']>,
    explanation: fc.constant('x'),
    minutes: fc.integer({ min: 1, max: 60 }),
  }), { maxLength: 60 });

  it('H3: never goes over capacity, never books a resident twice for a rule, never drops a review without listing it', () => {
    fc.assert(fc.property(arbRounds, arbItems, (rounds, items) => {
      const s = scheduleReviews(rounds, items);
      // every item is either placed or listed with a reason
      expect(s.placed.length + s.unplaced.length).toBe(items.length);
      for (const u of s.unplaced) expect(u.reason.length).toBeGreaterThan(10);
      // capacity: minutes placed on each round never take it past its capacity (beyond what was already used)
      for (const r of rounds) {
        const placed = s.placed.filter((p) => p.roundKey === r.key).reduce((a, p) => a + p.item.minutes, 0);
        if (placed > 0) expect(placed + (r.usedMinutes ?? 0)).toBeLessThanOrEqual(r.capacityMinutes);
      }
      // one booking per resident and rule
      const keys = s.placed.map((p) => `${p.item.residentId}/${p.item.rule}`);
      expect(new Set(keys).size).toBe(keys.length);
      // a review left out for lack of time really did not fit anywhere
      for (const u of s.unplaced) {
        if (/already listed/.test(u.reason)) continue;
        for (const r of rounds) expect(r.capacityMinutes - (s.used[r.key] ?? 0)).toBeLessThan(u.item.minutes);
      }
      // overdue reviews are placed before any other takes the time
      const firstNotOverdue = s.placed.findIndex((p) => p.item.status !== 'overdue');
      if (firstNotOverdue >= 0) expect(s.placed.slice(firstNotOverdue).every((p) => p.item.status !== 'overdue')).toBe(true);
    }), { numRuns: 300 });
  });
});
