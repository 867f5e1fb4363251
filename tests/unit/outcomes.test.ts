/** The pure parts of the outcome figures: care plans as they stood, places, medians. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { OutcomeData } from '../../shared/domain/reports';
import { carePlansAsOf, computeCharts, computeFigures, median, placeOf } from '../../shared/rules/outcomes';

describe('care plans as they stood on a day', () => {
  const entries = [
    { id: 1, residentId: 1, element: 'respect' as const, value: 'for-cpr', recordedOn: '2025-01-01', reviewDue: null, supersededBy: 2 },
    { id: 2, residentId: 1, element: 'respect' as const, value: 'not-for-cpr', recordedOn: '2026-06-01', reviewDue: null, supersededBy: null },
  ];
  it('keeps an entry current until the day its replacement was recorded', () => {
    expect(carePlansAsOf(entries, '2024-12-31')).toEqual([]);
    expect(carePlansAsOf(entries, '2026-05-31').map((e) => [e.id, e.supersededBy])).toEqual([[1, null]]);
    expect(carePlansAsOf(entries, '2026-06-01').map((e) => [e.id, e.supersededBy])).toEqual([[1, 2], [2, null]]);
  });
});

describe('places of death', () => {
  it.each([
    ['Care home', 'care-home'], ['Died peacefully at the home', 'care-home'], ['Nursing home', 'care-home'],
    ['Hospice', 'hospice'], ['St Ann’s Hospice inpatient unit', 'hospice'], ['Anytown General Hospital', 'hospital'], ['Died on the ward', 'hospital'],
    ['Own home', 'own-home'], ['Her daughter’s house', 'own-home'], ['', null], ['Not discussed', null],
  ])('reads %j as %s', (text, place) => {
    expect(placeOf(text)).toBe(place);
  });
});

describe('median', () => {
  it('is the middle value, or the mean of the two middle values', () => {
    expect(median([])).toBeNull();
    expect(median([5])).toBe(5);
    expect(median([9, 1, 4])).toBe(4);
    expect(median([4, 5, 1, 10])).toBe(4.5);
  });

  it('lies between the smallest and largest value, whatever the order', () => {
    fc.assert(fc.property(fc.array(fc.integer({ min: 0, max: 365 }), { minLength: 1 }), (values) => {
      const m = median(values) ?? -1;
      expect(m).toBeGreaterThanOrEqual(Math.min(...values));
      expect(m).toBeLessThanOrEqual(Math.max(...values));
      expect(median([...values].reverse())).toBe(m);
    }));
  });
});

describe('reviews chart', () => {
  const data: OutcomeData = {
    homes: [{ id: 1, name: 'Willow Court' }],
    residents: [1, 2, 3].map((id) => ({ id, homeId: 1, status: 'active' as const, statusDate: null, admissionDate: '2024-01-01', createdOn: '2024-01-01' })),
    rounds: [], agendaItems: [], carePlans: [], flags: [], events: [],
    reviews: [{ residentId: 1, rule: 'smr-annual', status: 'done', dueDate: '2026-09-10', doneOn: '2026-09-20' }],
    overdueAtEnd: [
      { residentId: 2, rule: 'smr-annual', dueDate: '2026-10-05' },
      { residentId: 3, rule: 'antipsychotic-dementia', dueDate: '2026-10-20' },
      { residentId: 3, rule: 'acb-high', dueDate: '2026-11-23' },
    ],
  };

  it('counts as due in a month the reviews still overdue at the end, not only those recorded, so it agrees with the overdue figure', () => {
    const period = { from: '2026-09-01', to: '2026-11-30' };
    const months = computeCharts(data, period).reviewsByMonth.map((m) => [m.month, m.done, m.due]);
    expect(months).toEqual([['2026-09', 1, 1], ['2026-10', 0, 2], ['2026-11', 0, 1]]);
    const overdue = computeFigures(data, period).find((f) => f.key === 'reviews-overdue')?.value;
    expect(overdue).toBe(3);
  });
});
