/**
 * Which resident a care-home flag is about (clinical safety: a flag on the wrong resident is a hazard).
 *  1. A valid NHS number on the register → that resident, unless the name or date of birth disagrees
 *     ("identity disagrees" → the unmatched queue).
 *  2. Otherwise the same date of birth and family name (normalised: case, accents, hyphens, apostrophes,
 *     spaces; "Mc" and "Mac" compared as spelled) among the home's residents, and a given name or initial
 *     that agrees → matched "on name and date of birth".
 *  3. Anything else (name alone, two candidates, none, no date of birth) → the unmatched queue with the
 *     candidates found. Never on name alone; never a pick between two candidates.
 */
import { formatUkDate } from '../dates';
import { checkNhsNumber, formatNhsNumber } from './nhsNumber';
import { normaliseName } from '../text';

/** The identity as the care home wrote it. */
export interface FlagIdentity {
  /** One column "Mary Smith" or "SMITH, Mary"; used when family/given are not given separately. */
  name?: string | null | undefined;
  familyName?: string | null | undefined;
  givenName?: string | null | undefined;
  /** ISO date, already parsed; null when missing or unreadable. */
  dateOfBirth?: string | null | undefined;
  nhsNumber?: string | null | undefined;
  room?: string | null | undefined;
}

export interface MatchableResident {
  id: number;
  nhsNumber: string;
  familyName: string;
  givenName: string;
  preferredName: string | null;
  dateOfBirth: string;
  homeId: number;
  status: 'active' | 'left' | 'died';
}

export type MatchMethod = 'nhs-number' | 'name-and-dob';

export type MatchResult =
  | { kind: 'matched'; residentId: number; method: MatchMethod; explanation: string }
  | { kind: 'unmatched'; reason: UnmatchedReason; explanation: string; candidateIds: number[] };

export type UnmatchedReason = 'identity-disagrees' | 'two-candidates' | 'no-candidate' | 'no-date-of-birth' | 'no-name';

export const UNMATCHED_LABELS: Record<UnmatchedReason, string> = {
  'identity-disagrees': 'Identity disagrees',
  'two-candidates': 'More than one possible resident',
  'no-candidate': 'No resident found',
  'no-date-of-birth': 'No date of birth',
  'no-name': 'No name',
};

export const MATCH_LABELS: Record<MatchMethod | 'confirmed' | 'entered', string> = {
  'nhs-number': 'Matched on NHS number',
  'name-and-dob': 'Matched on name and date of birth',
  confirmed: 'Match confirmed by a person',
  entered: 'Entered by hand for this resident',
};

/** A family name for comparison: normalised, then spaces removed ("O'Brien" = "OBrien" = "o brien"). */
export function familyKey(value: string): string {
  return normaliseName(value).replace(/\s/g, '');
}

function words(value: string): string[] {
  return normaliseName(value).split(' ').filter(Boolean);
}

/** The ways a written name can split into family and given names. */
export function nameReadings(identity: FlagIdentity): { family: string; given: string[] }[] {
  const family = identity.familyName?.trim() ?? '';
  const given = identity.givenName?.trim() ?? '';
  if (family !== '') return [{ family: familyKey(family), given: words(given) }];
  const name = identity.name?.trim() ?? '';
  if (name === '') return [];
  const comma = name.indexOf(',');
  if (comma >= 0) return [{ family: familyKey(name.slice(0, comma)), given: words(name.slice(comma + 1)) }];
  // "Mary Anne Smith-Jones": the family name is a run of words at the end; every split is a reading.
  const w = words(name);
  const readings: { family: string; given: string[] }[] = [];
  for (let k = w.length - 1; k >= 0; k--) readings.push({ family: w.slice(k).join(''), given: w.slice(0, k) });
  return readings;
}

/** A given name agrees when a written first name equals one of the resident's, or is its initial. */
function givenAgrees(written: string[], r: MatchableResident): boolean {
  if (written.length === 0) return false;
  const theirs = [...words(r.givenName), ...words(r.preferredName ?? '')];
  const first = written[0] ?? '';
  if (first.length === 1) return theirs.some((t) => t.startsWith(first));
  return written.some((w) => w.length > 1 && theirs.includes(w));
}

/** Family name equal and a given name or initial that agrees, under any reading of the written name. */
export function nameAgrees(identity: FlagIdentity, r: MatchableResident): boolean {
  const family = familyKey(r.familyName);
  return nameReadings(identity).some((reading) => reading.family === family && givenAgrees(reading.given, r));
}

function familyAgrees(identity: FlagIdentity, r: MatchableResident): boolean {
  const family = familyKey(r.familyName);
  return nameReadings(identity).some((reading) => reading.family === family);
}

/**
 * Matches one flag's identity against the register. `register` is every resident (for the NHS number);
 * rule 2 looks only at the flag's home's residents who live there now.
 */
export function matchFlag(identity: FlagIdentity, homeId: number, register: readonly MatchableResident[]): MatchResult {
  const dob = identity.dateOfBirth ?? null;
  const rawNhs = identity.nhsNumber?.trim() ?? '';
  const nhs = rawNhs === '' ? null : checkNhsNumber(rawNhs);
  const validNhs = nhs?.valid ? nhs.nhsNumber : null;
  const hasName = nameReadings(identity).length > 0;

  if (validNhs !== null) {
    const byNumber = register.find((r) => r.nhsNumber === validNhs);
    if (byNumber) {
      const problems: string[] = [];
      if (!hasName) problems.push('no name was given');
      else if (!nameAgrees(identity, byNumber)) problems.push('the name differs from the register');
      if (dob !== null && dob !== byNumber.dateOfBirth) problems.push('the date of birth differs from the register');
      if (byNumber.homeId !== homeId) problems.push('the register has this resident at another home');
      if (problems.length === 0) {
        return { kind: 'matched', residentId: byNumber.id, method: 'nhs-number', explanation: 'Matched on NHS number; name and date of birth agree' };
      }
      return { kind: 'unmatched', reason: 'identity-disagrees', candidateIds: [byNumber.id],
        explanation: `The NHS number is on the register, but ${problems.join(' and ')}` };
    }
  }

  const here = register.filter((r) => r.homeId === homeId && r.status === 'active');
  if (!hasName) {
    const sameDob = dob === null ? [] : here.filter((r) => r.dateOfBirth === dob).map((r) => r.id);
    return { kind: 'unmatched', reason: 'no-name', candidateIds: sameDob, explanation: 'No name was given, so the flag cannot be matched' };
  }
  if (dob === null) {
    const byName = here.filter((r) => familyAgrees(identity, r)).map((r) => r.id);
    return { kind: 'unmatched', reason: 'no-date-of-birth', candidateIds: byName,
      explanation: 'No date of birth was given: a flag is never matched on name alone' };
  }
  const candidates = here.filter((r) => r.dateOfBirth === dob && nameAgrees(identity, r));
  if (candidates.length === 1) {
    const only = candidates[0] as MatchableResident;
    if (validNhs !== null && only.nhsNumber !== validNhs) {
      return { kind: 'unmatched', reason: 'identity-disagrees', candidateIds: [only.id],
        explanation: 'The name and date of birth fit a resident, but the NHS number given is not theirs' };
    }
    return { kind: 'matched', residentId: only.id, method: 'name-and-dob', explanation: 'Matched on name and date of birth' };
  }
  if (candidates.length > 1) {
    return { kind: 'unmatched', reason: 'two-candidates', candidateIds: candidates.map((r) => r.id),
      explanation: `${candidates.length} residents share this name and date of birth: a person must choose` };
  }
  const lookAlikes = here.filter((r) => r.dateOfBirth === dob || familyAgrees(identity, r)).map((r) => r.id);
  const invalid = nhs !== null && !nhs.valid ? ' (the NHS number given is not valid)' : '';
  return { kind: 'unmatched', reason: 'no-candidate', candidateIds: lookAlikes,
    explanation: `No resident of this home has this name and date of birth${invalid}` };
}

/** The identity exactly as the care home wrote it: "G Okafor, born 04/07/1936, NHS number 999 000 0026, room 4". */
export function identityText(raw: Record<string, string | null | undefined>): string {
  const name = raw.name ?? [raw.givenName, raw.familyName].filter(Boolean).join(' ');
  return [name || 'No name given', raw.dateOfBirth ? `born ${formatUkDate(raw.dateOfBirth)}` : 'no date of birth given',
    raw.nhsNumber ? `NHS number ${formatNhsNumber(raw.nhsNumber)}` : null, raw.room ? `room ${raw.room}` : null].filter(Boolean).join(', ');
}

/**
 * Who a flag is about, for people: the resident's name, or the name as the home wrote it, marked "not yet
 * registered" when nobody on the register fits, else "not yet matched" (a person must choose or confirm).
 */
export function flagSubject(f: { residentName: string | null; rawIdentity: Record<string, string | null | undefined>; unmatchedReason?: UnmatchedReason | null }): string {
  if (f.residentName) return f.residentName;
  const raw = f.rawIdentity;
  const written = raw.name ?? [raw.givenName, raw.familyName].filter(Boolean).join(' ');
  const why = f.unmatchedReason === undefined || f.unmatchedReason === null || f.unmatchedReason === 'no-candidate' ? 'not yet registered' : 'not yet matched';
  return `${written || 'No name given'} (${why})`;
}
