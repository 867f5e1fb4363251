import { describe, expect, it } from 'vitest';
import { addDays, addMonths, ageOn, daysBetween, formatUkDate, isIsoDate, parseUkDate, todayInLondon } from '../../shared/dates';

describe('UK dates', () => {
  it.each([
    ['02/03/2026', '2026-03-02'],
    ['2/3/2026', '2026-03-02'],
    ['2026-03-02', '2026-03-02'],
    ['02-Mar-2026', '2026-03-02'],
    ['2 March 2026', '2026-03-02'],
    ['02 Sept 2026', '2026-09-02'],
    ['29/02/2024', '2024-02-29'],
    ['31.12.1939', '1939-12-31'],
  ])('H6: reads %s day first as %s', (raw, iso) => {
    expect(parseUkDate(raw)).toBe(iso);
  });

  it.each(['29/02/2026', '31/04/2026', '13/13/2026', '00/01/2026', '2026-02-30', '12/31/2026', 'yesterday', '1/2/26', '02-Mxr-2026', ''])(
    'H6: refuses the impossible or ambiguous %j rather than guessing', (raw) => {
      expect(parseUkDate(raw)).toBeNull();
    });

  it('shows ISO dates as dd/mm/yyyy', () => {
    expect(formatUkDate('2026-11-23')).toBe('23/11/2026');
    expect(formatUkDate(null)).toBe('');
  });

  it('does calendar arithmetic across month ends, leap years and the clock change', () => {
    expect(addDays('2024-02-28', 1)).toBe('2024-02-29');
    expect(addDays('2026-03-28', 2)).toBe('2026-03-30'); // clocks go forward on 29/03/2026
    expect(addMonths('2026-01-31', 1)).toBe('2026-02-28');
    expect(addMonths('2025-11-23', 12)).toBe('2026-11-23');
    expect(daysBetween('2026-11-01', '2026-11-23')).toBe(22);
    expect(isIsoDate('2026-02-29')).toBe(false);
  });

  it('works out age on a given day', () => {
    expect(ageOn('1938-11-24', '2026-11-23')).toBe(87);
    expect(ageOn('1938-11-23', '2026-11-23')).toBe(88);
  });

  it('takes today in London, not UTC', () => {
    // 23:30 UTC on 30 June is already 1 July in London (BST).
    expect(todayInLondon(new Date('2026-06-30T23:30:00Z'))).toBe('2026-07-01');
    expect(todayInLondon(new Date('2026-12-31T23:30:00Z'))).toBe('2026-12-31');
  });
});
