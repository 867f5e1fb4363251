/**
 * How a resident is named and referred to in every explanation, letter and print: one place, so a rule never
 * guesses a pronoun from a preferred name.
 *  - Pronouns come from the recorded sex (female: she/her, male: he/him/his, other or unknown: they/them),
 *    unless the record says otherwise: "pronouns: they/them" (or "uses she/her") in the communication needs or
 *    what matters notes wins.
 *  - A preferred name is shown with the registered given name on first mention, "Stanley (Betty)", and alone
 *    after that ("Betty"), so the clinician can find the record and the family hears the name they use.
 */
import type { Sex } from '../domain/enums';

export interface Pronouns {
  /** she / he / they */
  they: string;
  /** her / him / them */
  them: string;
  /** her / his / their */
  their: string;
}

const BY_WORD: Record<string, Pronouns> = {
  she: { they: 'she', them: 'her', their: 'her' },
  he: { they: 'he', them: 'him', their: 'his' },
  they: { they: 'they', them: 'them', their: 'their' },
};

export interface NamedPerson {
  givenName: string;
  preferredName: string | null;
  sex: Sex | string;
  communicationNeeds?: string | null;
  whatMatters?: string | null;
}

/** Pronouns written in the record: "pronouns: they/them", "Pronouns - she/her", "uses he/him". */
export function recordedPronouns(text: string | null | undefined): Pronouns | null {
  const m = /\b(?:pronouns?\s*(?:are|is|:|-|–)?|uses|prefers)\s*(she|he|they)\s*\/\s*(her|him|them|hers|his|theirs)\b/i.exec(text ?? '');
  return m?.[1] ? (BY_WORD[m[1].toLowerCase()] ?? null) : null;
}

/** The pronouns for a resident: as the record says, else from the recorded sex. */
export function pronounsOf(r: Pick<NamedPerson, 'sex'> & Partial<NamedPerson>): Pronouns {
  const said = recordedPronouns(r.communicationNeeds) ?? recordedPronouns(r.whatMatters);
  if (said) return said;
  return BY_WORD[r.sex === 'female' ? 'she' : r.sex === 'male' ? 'he' : 'they'] as Pronouns;
}

/** The name used in conversation: the preferred name, else the given name. */
export function callingName(r: Pick<NamedPerson, 'givenName' | 'preferredName'>): string {
  return r.preferredName?.trim() || r.givenName;
}

/** The first mention: "Stanley (Betty)" when a different preferred name is recorded, else the given name. */
export function firstMention(r: Pick<NamedPerson, 'givenName' | 'preferredName'>): string {
  const preferred = r.preferredName?.trim();
  return preferred && preferred.toLowerCase() !== r.givenName.trim().toLowerCase() ? `${r.givenName} (${preferred})` : r.givenName;
}

/** "they are" / "she is": the verb agreeing with the pronoun. */
export function verbIs(p: Pronouns): string {
  return p.they === 'they' ? 'are' : 'is';
}
