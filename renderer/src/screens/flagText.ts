/** How a flag's identity and source read on screen. */
import { formatUkDate } from '../../../shared/dates';
import type { FlagView } from '../../../shared/domain/flags';
import { formatNhsNumber } from '../../../shared/rules/nhsNumber';

/** The identity exactly as the care home wrote it: "G Okafor, born 04/07/1936, NHS 999 000 0026, room 4". */
export function rawIdentityText(raw: Record<string, string | null>): string {
  const name = raw.name ?? [raw.givenName, raw.familyName].filter(Boolean).join(' ');
  return [name || 'No name given', raw.dateOfBirth ? `born ${formatUkDate(raw.dateOfBirth)}` : 'no date of birth given',
    raw.nhsNumber ? `NHS number ${formatNhsNumber(raw.nhsNumber)}` : null, raw.room ? `room ${raw.room}` : null].filter(Boolean).join(', ');
}

export function flagSourceText(f: FlagView): string {
  const by = f.raisedBy ? `Raised by ${f.raisedBy}` : 'Who raised it was not recorded';
  const how = f.sourceFile ? `imported from ${f.sourceFile}` : 'entered by hand';
  return `${by}; ${how}${f.enteredBy ? ` by ${f.enteredBy}` : ''}`;
}
