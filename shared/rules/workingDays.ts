/** Working days in England and Wales: not a Saturday, Sunday or bank holiday (shipped as data, 2024–2030). */
import data from '../data/bank-holidays.json';
import { addDays, dayOfWeek, type IsoDate } from '../dates';

export const BANK_HOLIDAYS: ReadonlyMap<IsoDate, string> = new Map(data.dates.map((d) => [d.date, d.title]));
export const BANK_HOLIDAYS_VERSION: string = data.version;
const FIRST_YEAR = Number(data.dates[0]?.date.slice(0, 4));
const LAST_YEAR = Number(data.dates.at(-1)?.date.slice(0, 4));

/** Whether the shipped bank holidays cover this date's year. */
export function bankHolidaysCover(date: IsoDate): boolean {
  const year = Number(date.slice(0, 4));
  return year >= FIRST_YEAR && year <= LAST_YEAR;
}

export function isWorkingDay(date: IsoDate): boolean {
  const dow = dayOfWeek(date);
  return dow !== 0 && dow !== 6 && !BANK_HOLIDAYS.has(date);
}

/** The date n working days after date (date itself is day 0, whatever it is). */
export function addWorkingDays(date: IsoDate, n: number): IsoDate {
  let d = date;
  for (let counted = 0; counted < n;) {
    d = addDays(d, 1);
    if (isWorkingDay(d)) counted += 1;
  }
  return d;
}
