/**
 * Medicines knowledge (docs/clinical-rules.md, medicines knowledge): product text such as "Amitriptyline 10mg tablets" is matched
 * on its leading words to a generic entry of the shipped data file (shared/data/medicines.json), by
 * generic name, alias or brand, case-insensitively. Nothing is guessed: text whose leading words are not
 * in the file is "not recognised".
 */
import data from '../data/medicines.json';
import type { AsNeeded } from '../domain/clinical';
import type { ResidentSnapshot, SnapshotMedication } from '../domain/snapshot';

export const MONITORING_RULES = ['lithium', 'methotrexate', 'doac', 'warfarin', 'amiodarone', 'dmard', 'renal', 'digoxin', 'metformin'] as const;
export type MonitoringRule = (typeof MONITORING_RULES)[number];

/**
 * The medicine groups the safety checks use (shared/rules/medicineChecks), each a tag of the data file
 * with its source. A medicine is in a group only when the file says so: nothing is inferred from a name.
 */
export const MEDICINE_GROUPS = ['doac', 'vka', 'heparin', 'paracetamol', 'nsaid', 'ssri', 'snri', 'tca', 'laxative', 'opioid', 'anti-dementia', 'dmard',
  'qt-prolonging', 'serotonergic', 'antiplatelet', 'ace-inhibitor', 'arb', 'thiazide', 'loop-diuretic', 'potassium-sparing', 'potassium', 'lithium',
  'statin', 'lipid-lowering', 'bone-antiresorptive', 'vitamin-d', 'sulfonylurea', 'long-acting-sulfonylurea', 'insulin', 'beta-blocker',
  'rate-limiting-ccb', 'glitazone', 'first-generation-antihistamine', 'trimethoprim', 'bladder-antimuscarinic',
  // groups carried by the older tags
  'anticoagulant', 'antipsychotic', 'benzodiazepine', 'ppi'] as const;
export type MedicineGroup = (typeof MEDICINE_GROUPS)[number];
const GROUP_SET: ReadonlySet<string> = new Set(MEDICINE_GROUPS);

interface RawTag { tag: string; source: string; class?: string; fullDoseMg?: number }
interface RawMedicine { name: string; class: string; aliases?: string[]; brands?: string[]; note?: string; tags: RawTag[] }

export interface MedicineEntry {
  name: string;
  class: string;
  aliases: string[];
  brands: string[];
  antipsychotic: boolean;
  /** Anticholinergic Cognitive Burden score, 0 when the ACB list does not score it. */
  acb: 0 | 1 | 2 | 3;
  /** STOPPFall class, when it is a falls-risk-increasing drug. */
  fallsRiskClass: string | null;
  anticoagulant: boolean;
  benzodiazepine: boolean;
  /** Full-dose threshold per unit (mg) for a PPI; null when not a PPI. */
  ppiFullDoseMg: number | null;
  monitoring: MonitoringRule | null;
  /** The groups of MEDICINE_GROUPS the data file puts it in (an array, so it crosses IPC and JSON as it is). */
  groups: readonly MedicineGroup[];
  /** Each tag with the id of its source (see MEDICINES_SOURCES). */
  tags: { tag: string; source: string }[];
}

export const MEDICINES_VERSION: string = data.version;
export const MEDICINES_SOURCES: Record<string, string> = data.sources;

function toEntry(raw: RawMedicine): MedicineEntry {
  const find = (prefix: string) => raw.tags.find((t) => t.tag === prefix || t.tag.startsWith(`${prefix}:`));
  const acb = Number(find('acb')?.tag.split(':')[1] ?? 0);
  const monitoring = find('monitoring')?.tag.split(':')[1] ?? null;
  const ppi = find('ppi');
  return {
    name: raw.name,
    class: raw.class,
    aliases: raw.aliases ?? [],
    brands: raw.brands ?? [],
    antipsychotic: Boolean(find('antipsychotic')),
    acb: (acb === 1 || acb === 2 || acb === 3 ? acb : 0),
    fallsRiskClass: find('falls-risk')?.class ?? null,
    anticoagulant: Boolean(find('anticoagulant')),
    benzodiazepine: Boolean(find('benzodiazepine')),
    ppiFullDoseMg: ppi?.fullDoseMg ?? null,
    monitoring: MONITORING_RULES.find((r) => r === monitoring) ?? null,
    groups: raw.tags.map((t) => t.tag).filter((t): t is MedicineGroup => GROUP_SET.has(t)),
    tags: raw.tags.map((t) => ({ tag: t.class ? `${t.tag}:${t.class}` : t.tag, source: t.source })),
  };
}

export const MEDICINES: readonly MedicineEntry[] = (data.medicines as RawMedicine[]).map(toEntry);

/** Lower case; brackets, slashes, commas and plus signs become spaces; hyphens inside words stay. */
export function productTokens(text: string): string[] {
  return text.normalize('NFKD').replace(/[\u0300-\u036f]/g, '').toLowerCase()
    .replace(/[’‘`]/g, '\'').replace(/[()[\]/,+;:]/g, ' ').split(/\s+/).filter(Boolean)
    .map((t) => t.replace(/^[-.]+|[-.]+$/g, '')).filter(Boolean);
}

interface IndexEntry { tokens: string[]; entry: MedicineEntry; via: string }

const INDEX: Map<string, IndexEntry[]> = (() => {
  const map = new Map<string, IndexEntry[]>();
  for (const entry of MEDICINES) {
    for (const via of [entry.name, ...entry.aliases, ...entry.brands]) {
      const tokens = productTokens(via);
      const first = tokens[0];
      if (!first) continue;
      const list = map.get(first) ?? [];
      list.push({ tokens, entry, via });
      map.set(first, list);
    }
  }
  for (const list of map.values()) list.sort((a, b) => b.tokens.length - a.tokens.length);
  return map;
})();

/** Topical forms: their anticholinergic effect is not counted (the ACB scale is about systemic use). */
const TOPICAL = /\b(cream|ointment|gel|lotion|eye drops?|ear drops?|eye ointment|shampoo|scalp application|cutaneous)\b/i;

export interface MatchedMedicine {
  text: string;
  entry: MedicineEntry | null;
  /** The generic name, alias or brand the text was matched on. */
  matchedOn: string | null;
  topical: boolean;
  /** The first strength in milligrams in the text ("20mg" -> 20), if any. */
  strengthMg: number | null;
  /** ACB score counted for this product (0 for topical products). */
  acb: number;
}

export function strengthInMg(text: string): number | null {
  const m = /(\d+(?:\.\d+)?)\s*(mg|milligrams?|micrograms?|mcg)\b/i.exec(text);
  if (!m?.[1] || !m[2]) return null;
  const n = Number(m[1]);
  return /^m(g|illigram)/i.test(m[2]) ? n : n / 1000;
}

/** Product texts repeat across residents: matches are remembered (bounded, so memory stays small). */
const MEMO = new Map<string, MatchedMedicine>();
const MEMO_LIMIT = 20_000;

/** Matches product text to a data-file entry on its leading words; null entry = not recognised. */
export function matchMedicine(text: string): MatchedMedicine {
  const known = MEMO.get(text);
  if (known) return known;
  const match = matchUncached(text);
  if (MEMO.size >= MEMO_LIMIT) MEMO.clear();
  MEMO.set(text, match);
  return match;
}

function matchUncached(text: string): MatchedMedicine {
  const tokens = productTokens(text);
  const candidates = tokens[0] ? INDEX.get(tokens[0]) ?? [] : [];
  const hit = candidates.find((c) => c.tokens.every((t, i) => tokens[i] === t));
  const topical = TOPICAL.test(text);
  return {
    text,
    entry: hit?.entry ?? null,
    matchedOn: hit?.via ?? null,
    topical,
    strengthMg: strengthInMg(text),
    acb: hit && !topical ? hit.entry.acb : 0,
  };
}

// --- as required and just in case ---------------------------------------------------------------

const JUST_IN_CASE = /\b(just[\s-]*in[\s-]*case|anticipatory|jic)\b/i;
const AS_REQUIRED = /\b(p\.?r\.?n|when required|as required|if required|when needed|as needed|if needed|when necessary|as necessary)\b/i;
const INJECTION = /\b(injections?|inj|subcut(aneous(ly)?)?|s\/c|syringe driver|csci|intramuscular(ly)?|intravenous(ly)?)\b/i;

/**
 * How a medicine is taken, read from its product and dose text: "just-in-case" when it is marked just in
 * case or anticipatory, or is an injection given as required (the anticipatory medicines kept for the last
 * days of life); "as-required" when taken when required, as required or PRN; null for a regular medicine.
 */
export function asNeededFromText(name: string, dose: string | null): AsNeeded | null {
  const text = dose ? `${name} ${dose}` : name;
  if (JUST_IN_CASE.test(text)) return 'just-in-case';
  if (AS_REQUIRED.test(text)) return INJECTION.test(text) ? 'just-in-case' : 'as-required';
  return null;
}

/** The text's reading, remembered per product and dose text (they repeat across residents; bounded). */
const AS_NEEDED_MEMO = new Map<string, AsNeeded | null>();

/** A stored marking and the text together: the stronger of the two (just in case over as required). */
export function asNeededOf(m: { name: string; dose: string | null; asNeeded?: AsNeeded | null }): AsNeeded | null {
  const key = `${m.asNeeded ?? ''}\u0000${m.name}\u0000${m.dose ?? ''}`;
  const known = AS_NEEDED_MEMO.get(key);
  if (known !== undefined) return known;
  const value = asNeededUncached(m);
  if (AS_NEEDED_MEMO.size >= MEMO_LIMIT) AS_NEEDED_MEMO.clear();
  AS_NEEDED_MEMO.set(key, value);
  return value;
}

function asNeededUncached(m: { name: string; dose: string | null; asNeeded?: AsNeeded | null }): AsNeeded | null {
  const fromText = asNeededFromText(m.name, m.dose);
  if (m.asNeeded === 'just-in-case' || fromText === 'just-in-case') return 'just-in-case';
  if (m.asNeeded === 'as-required' && INJECTION.test(`${m.name} ${m.dose ?? ''}`)) return 'just-in-case';
  return m.asNeeded ?? fromText;
}

export interface CurrentMedicine extends MatchedMedicine {
  id: number;
  dose: string | null;
  startDate: string | null;
  type: SnapshotMedication['type'];
  asNeeded: AsNeeded | null;
  /**
   * Kept in place just in case (anticipatory medicines), not being taken: long-term-use rules (duration,
   * antipsychotic review, falls risk, burden, omissions) leave them out.
   */
  anticipatory: boolean;
}

/** Whether this current medicine is in a group of the data file. */
export function inGroup(m: Pick<MatchedMedicine, 'entry'>, group: MedicineGroup): boolean {
  return m.entry?.groups.includes(group) ?? false;
}

export interface MedicinesProfile {
  /** Active medicines, in start-date order. */
  current: CurrentMedicine[];
  count: number;
  /** Sum of ACB scores, each generic counted once. */
  acbTotal: number;
  acbContributors: { name: string; score: number }[];
  fallsRisk: { name: string; reason: string }[];
  notRecognised: string[];
  /** Anticipatory medicines in place (the product text), for the agenda: "just-in-case medicines in place". */
  justInCase: string[];
  dataVersion: string;
}

/**
 * Each record's reading, remembered per product, dose and marking (they repeat across residents; bounded).
 * Keyed by text, not by record object: every request loads fresh records, and a weak map over thousands of
 * short-lived records cost more in garbage collection than the reading it saved.
 */
const READING_MEMO = new Map<string, { matched: MatchedMedicine; asNeeded: AsNeeded | null }>();

function toCurrent(m: SnapshotMedication): CurrentMedicine {
  const key = `${m.asNeeded ?? ''}\u0000${m.name}\u0000${m.dose ?? ''}`;
  let reading = READING_MEMO.get(key);
  if (reading === undefined) {
    reading = { matched: matchMedicine(m.name), asNeeded: asNeededOf(m) };
    if (READING_MEMO.size >= MEMO_LIMIT) READING_MEMO.clear();
    READING_MEMO.set(key, reading);
  }
  const { matched, asNeeded } = reading;
  return { text: matched.text, entry: matched.entry, matchedOn: matched.matchedOn, topical: matched.topical, strengthMg: matched.strengthMg, acb: matched.acb,
    id: m.id, dose: m.dose, startDate: m.startDate, type: m.type, asNeeded, anticipatory: asNeeded === 'just-in-case' };
}

export function currentMedicines(snapshot: Pick<ResidentSnapshot, 'medications'>): CurrentMedicine[] {
  const out: CurrentMedicine[] = [];
  for (const m of snapshot.medications) if (m.status === 'active') out.push(toCurrent(m));
  return out;
}

/**
 * Per resident: current medicine count, ACB total, falls-risk medicines, what is not recognised and the
 * just-in-case medicines in place. Anticipatory medicines count in the list but not in the burden or falls risk.
 */
export function medicinesProfile(snapshot: Pick<ResidentSnapshot, 'medications'>, current: CurrentMedicine[] = currentMedicines(snapshot)): MedicinesProfile {
  const acb = new Map<string, number>();
  for (const m of current) {
    if (m.entry && m.acb > 0 && !m.anticipatory) acb.set(m.entry.name, Math.max(acb.get(m.entry.name) ?? 0, m.acb));
  }
  const fallsRisk = new Map<string, string>();
  for (const m of current) {
    if (!m.entry || m.anticipatory) continue;
    const reasons = [m.entry.fallsRiskClass, m.entry.anticoagulant ? 'anticoagulant' : null].filter((x): x is string => x !== null);
    if (reasons.length) fallsRisk.set(m.entry.name, reasons.join('; '));
  }
  return {
    current,
    count: current.length,
    acbTotal: [...acb.values()].reduce((a, b) => a + b, 0),
    acbContributors: [...acb].map(([name, score]) => ({ name, score })),
    fallsRisk: [...fallsRisk].map(([name, reason]) => ({ name, reason })),
    notRecognised: current.filter((m) => !m.entry).map((m) => m.text),
    justInCase: current.filter((m) => m.anticipatory).map((m) => m.text),
    dataVersion: MEDICINES_VERSION,
  };
}
