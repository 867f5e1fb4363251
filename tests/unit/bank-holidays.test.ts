/** The shipped England and Wales bank holidays, checked against the rules that make them, and working days. */
import { describe, expect, it } from 'vitest';
import data from '../../shared/data/bank-holidays.json';
import { addDays, dayOfWeek } from '../../shared/dates';
import { addWorkingDays, bankHolidaysCover, isWorkingDay } from '../../shared/rules/workingDays';

/** Easter Sunday (anonymous Gregorian algorithm). */
function easter(y: number): string {
  const a = y % 19, b = Math.floor(y / 100), c = y % 100, d = Math.floor(b / 4), e = b % 4, f = Math.floor((b + 8) / 25), g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30, i = Math.floor(c / 4), k = c % 4, l = (32 + 2 * e + 2 * i - h - k) % 7, m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31), day = ((h + l - 7 * m + 114) % 31) + 1;
  return `${y}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}
const mondayOnOrAfter = (iso: string) => addDays(iso, (8 - dayOfWeek(iso)) % 7);
const lastMonday = (y: number, m: number) => { const end = addDays(`${y}-${String(m + 1).padStart(2, '0')}-01`, -1); return addDays(end, -((dayOfWeek(end) + 6) % 7)); };
/** Christmas, Boxing Day and New Year with their substitute weekdays. */
function fixed(y: number): string[] {
  const ny = `${y}-01-01`;
  const out = [dayOfWeek(ny) === 6 ? addDays(ny, 2) : dayOfWeek(ny) === 0 ? addDays(ny, 1) : ny];
  const xmas = `${y}-12-25`;
  const dow = dayOfWeek(xmas);
  if (dow === 5) out.push(xmas, addDays(xmas, 3));
  else if (dow === 6) out.push(addDays(xmas, 2), addDays(xmas, 3));
  else if (dow === 0) out.push(addDays(xmas, 1), addDays(xmas, 2));
  else out.push(xmas, addDays(xmas, 1));
  return out;
}

describe('bank holidays 2024–2030', () => {
  it.each([2024, 2025, 2026, 2027, 2028, 2029, 2030])('%i follows the statutory pattern', (y) => {
    const expected = [...fixed(y), addDays(easter(y), -2), addDays(easter(y), 1), mondayOnOrAfter(`${y}-05-01`), lastMonday(y, 5), lastMonday(y, 8)].sort();
    expect(data.dates.filter((d) => d.date.startsWith(`${y}-`)).map((d) => d.date).sort()).toEqual(expected);
  });

  it('has the dates people get wrong', () => {
    const dates = data.dates.map((d) => d.date);
    expect(dates).toEqual(expect.arrayContaining(['2026-12-28', '2027-03-26', '2027-03-29', '2027-12-27', '2027-12-28', '2028-01-03', '2030-04-19', '2030-04-22']));
    expect(dates).not.toContain('2026-12-26');
    expect(data.sources.length).toBeGreaterThan(0);
  });

  it('knows which years it covers', () => {
    expect(bankHolidaysCover('2030-12-31')).toBe(true);
    expect(bankHolidaysCover('2031-01-01')).toBe(false);
  });

  it.each([
    ['2026-11-20', 1, '2026-11-23'], // Friday -> Monday
    ['2026-12-24', 1, '2026-12-29'], // over Christmas and the Boxing Day substitute
    ['2027-03-25', 1, '2027-03-30'], // over Easter 2027
    ['2028-02-28', 2, '2028-03-01'], // through 29 February 2028
    ['2026-11-21', 0, '2026-11-21'],
  ])('%s + %i working days = %s', (from, n, to) => {
    expect(addWorkingDays(from, n)).toBe(to);
  });

  it('weekends and bank holidays are not working days', () => {
    expect(isWorkingDay('2026-11-21')).toBe(false);
    expect(isWorkingDay('2026-12-28')).toBe(false);
    expect(isWorkingDay('2026-12-29')).toBe(true);
  });
});
