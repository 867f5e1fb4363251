/** How register data reads on screen: dd/mm/yyyy dates, 3-3-4 NHS numbers, names in register order. */
import { ageOn, formatUkDate } from '../../shared/dates';
import type { CareHome, Resident } from '../../shared/domain/register';
import { weekdayLabel } from './labels';

/** "Smith, Mary" for lists sorted by family name. */
export function registerName(r: Pick<Resident, 'familyName' | 'givenName'>): string {
  return `${r.familyName}, ${r.givenName}`;
}

/** "Mary Smith" for headings and sentences. */
export function fullName(r: Pick<Resident, 'familyName' | 'givenName'>): string {
  return `${r.givenName} ${r.familyName}`;
}

/** "15/03/1941 (age 85)"; for someone who has died, their age when they died. */
export function dateOfBirthWithAge(r: Pick<Resident, 'dateOfBirth' | 'status' | 'statusDate'>, today: string): string {
  const died = r.status === 'died' && r.statusDate !== null;
  const age = ageOn(r.dateOfBirth, died && r.statusDate ? r.statusDate : today);
  return `${formatUkDate(r.dateOfBirth)} (${died ? 'died aged' : 'age'} ${age})`;
}

/** "Monday at 10:00", "Monday", "Starts at 10:00" or "" when nothing is set. */
export function usualRound(home: Pick<CareHome, 'roundDay' | 'roundStartTime'>): string {
  if (home.roundDay && home.roundStartTime) return `${weekdayLabel(home.roundDay)} at ${home.roundStartTime}`;
  if (home.roundDay) return weekdayLabel(home.roundDay);
  return home.roundStartTime ? `Starts at ${home.roundStartTime}` : '';
}

/** "90 minutes", "2 hours", "2 hours 30 minutes". */
export function minutesText(minutes: number | null): string {
  if (minutes === null) return '';
  const hours = Math.floor(minutes / 60);
  const rest = minutes % 60;
  const h = hours === 0 ? '' : `${hours} hour${hours === 1 ? '' : 's'}`;
  const m = rest === 0 ? '' : `${rest} minute${rest === 1 ? '' : 's'}`;
  return [h, m].filter(Boolean).join(' ');
}

export function plural(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}
