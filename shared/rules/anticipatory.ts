/**
 * Anticipatory ("just in case") medicines for the last days of life, recognised by name and route: the
 * pathway's first step is that they are on the medication list (or recorded as declined). The medicines data
 * file tags other things; this small list is the end-of-life pathway's own, after the usual regional
 * anticipatory prescribing guidance (NICE NG31, NICE QS144): an opioid (morphine, diamorphine or oxycodone),
 * midazolam, an antiemetic (haloperidol or levomepromazine) and an antisecretory (hyoscine butylbromide or
 * glycopyrronium) — as injections. A medicine marked just-in-case (or as required) on the record counts too.
 */
import type { SnapshotMedication } from '../domain/snapshot';

const NAMES: readonly [RegExp, string][] = [
  [/\bmidazolam\b/i, 'midazolam'],
  [/\bmorphine\b/i, 'morphine'],
  [/\bdiamorphine\b/i, 'diamorphine'],
  [/\boxycodone\b/i, 'oxycodone'],
  [/\bhaloperidol\b/i, 'haloperidol'],
  [/\blevomepromazine\b/i, 'levomepromazine'],
  [/\bhyoscine\s+butylbromide\b|\bbuscopan\b/i, 'hyoscine butylbromide'],
  [/\bglycopyrronium\b|\bglycopyrrolate\b/i, 'glycopyrronium'],
];

/** Injection words in the product or the directions: "solution for injection", "10mg/2ml ampoules", "s/c", "syringe driver". */
const INJECTION = /\binject(ion|able)?s?\b|\bampoules?\b|\bamps?\b|\bs\/c\b|\bsubcut(aneous(ly)?)?\b|\bsc\b|\bcsci\b|\bsyringe\s+driver\b|\bpre-?filled\s+syringe/i;
const JUST_IN_CASE = /\bjust\s+in\s+case\b|\banticipatory\b|\bJIC\b|\bend\s+of\s+life\b/i;

/** The anticipatory medicine a record is, by its generic name; null when it is not one. */
export function anticipatoryMedicine(m: Pick<SnapshotMedication, 'name' | 'dose'> & { justInCase?: boolean | undefined; asRequired?: boolean | undefined }): string | null {
  const text = `${m.name} ${m.dose ?? ''}`;
  const name = NAMES.find(([re]) => re.test(m.name))?.[1] ?? null;
  const marked = m.justInCase === true || JUST_IN_CASE.test(text);
  if (name && (INJECTION.test(text) || marked || m.asRequired === true)) return name;
  return marked ? m.name : null;
}

/** The active anticipatory medicines on a resident's list, by name (each once). */
export function anticipatoryMedicines(medications: readonly SnapshotMedication[]): string[] {
  return [...new Set(medications.filter((m) => m.status === 'active').map(anticipatoryMedicine).filter((n): n is string => n !== null))];
}
