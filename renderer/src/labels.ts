/** Display text the renderer needs beyond shared/domain/enums LABELS. */
import { WEEKDAY_NAMES, type WeekdayName } from '../../shared/domain/enums';

/** Clinical Frailty Scale version 2.0 (Rockwood, 2020) category names. */
export const FRAILTY_LABELS: Readonly<Record<number, string>> = {
  1: 'Very fit',
  2: 'Fit',
  3: 'Managing well',
  4: 'Living with very mild frailty',
  5: 'Living with mild frailty',
  6: 'Living with moderate frailty',
  7: 'Living with severe frailty',
  8: 'Living with very severe frailty',
  9: 'Terminally ill',
};

export function frailtyLabel(score: number | null): string {
  return score === null ? '' : `${score} – ${FRAILTY_LABELS[score] ?? 'Unknown'}`;
}

export function weekdayLabel(day: WeekdayName): string {
  return day.charAt(0).toUpperCase() + day.slice(1);
}

/** Monday first, as a practice plans its week. */
export const WEEKDAYS_FROM_MONDAY: readonly WeekdayName[] = [...WEEKDAY_NAMES.slice(1), WEEKDAY_NAMES[0]];
