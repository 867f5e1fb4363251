/**
 * Calendar dates for Roundtable. Stored as ISO "YYYY-MM-DD" (a calendar day in Europe/London),
 * shown as dd/mm/yyyy. Day-first always (UK): an impossible date is an error, never a guess.
 * Pure arithmetic on calendar days in UTC, so no daylight-saving hour can shift a day.
 */

export type IsoDate = string; // YYYY-MM-DD

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

export function daysInMonth(year: number, month: number): number {
  return [31, isLeapYear(year) ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1] ?? 0;
}

function pad(n: number, width = 2): string {
  return String(n).padStart(width, '0');
}

function buildIso(year: number, month: number, day: number): IsoDate | null {
  if (!Number.isInteger(year) || year < 1850 || year > 2200) return null;
  if (!Number.isInteger(month) || month < 1 || month > 12) return null;
  if (!Number.isInteger(day) || day < 1 || day > daysInMonth(year, month)) return null;
  return `${pad(year, 4)}-${pad(month)}-${pad(day)}`;
}

export function isIsoDate(value: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  return m !== null && buildIso(Number(m[1]), Number(m[2]), Number(m[3])) === value;
}

/**
 * Reads a date as people and exports write it, day first: dd/mm/yyyy, d/m/yyyy, yyyy-mm-dd,
 * dd-Mon-yyyy, dd Mon yyyy (also "." separators). Returns null for anything impossible or ambiguous.
 */
export function parseUkDate(raw: string): IsoDate | null {
  const text = raw.trim();
  if (text === '') return null;
  let m = /^(\d{4})-(\d{1,2})-(\d{1,2})(?:T.*)?$/.exec(text);
  if (m) return buildIso(Number(m[1]), Number(m[2]), Number(m[3]));
  m = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(text);
  if (m) return buildIso(Number(m[3]), Number(m[2]), Number(m[1]));
  m = /^(\d{1,2})[\s-]([A-Za-z]{3,9})\.?[\s-](\d{4})$/.exec(text);
  if (m) {
    const monthIndex = MONTHS.indexOf((m[2] ?? '').slice(0, 3).toLowerCase());
    if (monthIndex < 0) return null;
    const full = (m[2] ?? '').toLowerCase();
    // Accept "Sep", "Sept" and "September", but not words that merely start like a month.
    const names = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'];
    if (full.length > 3 && !(names[monthIndex] ?? '').startsWith(full) && full !== 'sept') return null;
    return buildIso(Number(m[3]), monthIndex + 1, Number(m[1]));
  }
  return null;
}

/** "2026-11-23" -> "23/11/2026". */
export function formatUkDate(iso: IsoDate | null | undefined): string {
  if (!iso) return '';
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(iso);
  return m ? `${m[3]}/${m[2]}/${m[1]}` : iso;
}

/** Today's calendar date in Europe/London. */
export function todayInLondon(now: Date = new Date()): IsoDate {
  const parts = new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/London', year: 'numeric', month: '2-digit', day: '2-digit' })
    .formatToParts(now);
  const get = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
  return `${get('year')}-${get('month')}-${get('day')}`;
}

function toUtcMs(iso: IsoDate): number {
  // The common yyyy-mm-dd read without splitting (the rules do this thousands of times per resident list)
  if (iso.length === 10 && iso[4] === '-' && iso[7] === '-') return Date.UTC(Number(iso.slice(0, 4)), Number(iso.slice(5, 7)) - 1, Number(iso.slice(8, 10)));
  const [y, m, d] = iso.split('-').map(Number);
  return Date.UTC(y ?? 0, (m ?? 1) - 1, d ?? 1);
}

function fromUtcMs(ms: number): IsoDate {
  const d = new Date(ms);
  return `${pad(d.getUTCFullYear(), 4)}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
}

const DAY_MS = 86_400_000;

export function addDays(iso: IsoDate, days: number): IsoDate {
  return fromUtcMs(toUtcMs(iso) + days * DAY_MS);
}

/** Adds calendar months; the 31st of a shorter month becomes its last day. */
export function addMonths(iso: IsoDate, months: number): IsoDate {
  const [y, m, d] = iso.split('-').map(Number);
  const total = (y ?? 0) * 12 + ((m ?? 1) - 1) + months;
  const year = Math.floor(total / 12);
  const month = (total % 12) + 1;
  return `${pad(year, 4)}-${pad(month)}-${pad(Math.min(d ?? 1, daysInMonth(year, month)))}`;
}

/** Whole days from a to b (positive when b is later). */
export function daysBetween(a: IsoDate, b: IsoDate): number {
  return Math.round((toUtcMs(b) - toUtcMs(a)) / DAY_MS);
}

/** 0 = Sunday … 6 = Saturday. */
export function dayOfWeek(iso: IsoDate): number {
  return new Date(toUtcMs(iso)).getUTCDay();
}

/** Age in whole years on a given day. */
export function ageOn(dateOfBirth: IsoDate, on: IsoDate): number {
  const [by, bm, bd] = dateOfBirth.split('-').map(Number);
  const [oy, om, od] = on.split('-').map(Number);
  let age = (oy ?? 0) - (by ?? 0);
  if ((om ?? 0) < (bm ?? 0) || ((om ?? 0) === (bm ?? 0) && (od ?? 0) < (bd ?? 0))) age -= 1;
  return age;
}

export const WEEKDAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'] as const;

const MONTH_NAMES = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'] as const;

/** NHS style for letters and prints: "Tuesday 1 December 2026". */
export function formatWrittenDate(iso: IsoDate): string {
  const [y, m, d] = iso.split('-').map(Number);
  return `${WEEKDAYS[dayOfWeek(iso)]} ${d ?? ''} ${MONTH_NAMES[(m ?? 1) - 1] ?? ''} ${y ?? ''}`;
}

/** "Monday 23/11/2026". */
export function formatLongUkDate(iso: IsoDate): string {
  return `${WEEKDAYS[dayOfWeek(iso)]} ${formatUkDate(iso)}`;
}
