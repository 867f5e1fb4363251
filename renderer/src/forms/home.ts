/** The care home form: its values as typed, and their check against main's careHomeInput schema. */
import { careHomeInput, type CareHome, type CareHomeInput } from '../../../shared/domain/register';
import type { HomeType, WeekdayName } from '../../../shared/domain/enums';
import { fromIssues, type Checked } from './errors';

export interface HomeValues {
  name: string;
  type: HomeType | '';
  cqcLocationId: string;
  address: string;
  phone: string;
  manager: string;
  roundDay: WeekdayName | '';
  roundStartTime: string;
  roundCapacityMinutes: string;
  pharmacistMinutes: string;
  roundClinician: string;
}

/** Form order: the error summary lists problems in this order. */
export const HOME_FIELDS = ['name', 'type', 'cqcLocationId', 'address', 'phone', 'manager', 'roundDay', 'roundStartTime', 'roundCapacityMinutes',
  'roundClinician', 'pharmacistMinutes'] as const;

const FRIENDLY: Record<string, string> = {
  type: 'Select whether it is a residential or nursing home',
  roundDay: 'Choose the usual round day',
};

export function homeValues(home?: CareHome): HomeValues {
  return {
    name: home?.name ?? '',
    type: home?.type ?? '',
    cqcLocationId: home?.cqcLocationId ?? '',
    address: home?.address ?? '',
    phone: home?.phone ?? '',
    manager: home?.manager ?? '',
    roundDay: home?.roundDay ?? '',
    roundStartTime: home?.roundStartTime ?? '',
    roundCapacityMinutes: home?.roundCapacityMinutes === null || home === undefined ? '' : String(home.roundCapacityMinutes),
    pharmacistMinutes: home?.pharmacistMinutes === null || home?.pharmacistMinutes === undefined ? '' : String(home.pharmacistMinutes),
    roundClinician: home?.roundClinician ?? '',
  };
}

/** "9:30" and "10.00" are how people write times; the schema wants "09:30" and "10:00". */
function tidyTime(text: string): string {
  const m = /^(\d{1,2})[:.](\d{2})$/.exec(text.trim());
  return m ? `${(m[1] ?? '').padStart(2, '0')}:${m[2] ?? ''}` : text.trim();
}

export function checkHome(values: HomeValues): Checked<CareHomeInput> {
  const own: Record<string, string> = {};
  const minutesText = values.roundCapacityMinutes.trim();
  let minutes: number | null = null;
  if (minutesText !== '') {
    if (/^\d{1,4}$/.test(minutesText)) minutes = Number(minutesText);
    else own.roundCapacityMinutes = 'Enter the length of the round in whole minutes, for example 120';
  }
  const pharmacistText = values.pharmacistMinutes.trim();
  let pharmacist: number | null = null;
  if (pharmacistText !== '') {
    if (/^\d{1,4}$/.test(pharmacistText)) pharmacist = Number(pharmacistText);
    else own.pharmacistMinutes = 'Enter the pharmacist’s time in whole minutes a week, for example 120';
  }
  const candidate = {
    name: values.name,
    type: values.type === '' ? undefined : values.type,
    cqcLocationId: values.cqcLocationId,
    address: values.address,
    phone: values.phone,
    manager: values.manager,
    roundDay: values.roundDay === '' ? null : values.roundDay,
    roundStartTime: tidyTime(values.roundStartTime),
    roundCapacityMinutes: minutes,
    pharmacistMinutes: pharmacist,
    roundClinician: values.roundClinician,
  };
  const parsed = careHomeInput.safeParse(candidate);
  const fields = { ...(parsed.success ? {} : fromIssues(parsed.error.issues, FRIENDLY)), ...own };
  if (!parsed.success || Object.keys(fields).length > 0) return { ok: false, errors: { fields, general: [] } };
  return { ok: true, input: { ...candidate, type: parsed.data.type } };
}
