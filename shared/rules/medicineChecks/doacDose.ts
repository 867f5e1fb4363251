/**
 * `monitoring-doac-dose`: the dose of apixaban, rivaroxaban, edoxaban or dabigatran against the licensed dose
 * adjustment for kidney function (and, for apixaban and edoxaban, age and weight), from the latest results the
 * practice export carries. Sources: each medicine's SmPC and the BNF; MHRA Drug Safety Update, October 2019
 * ("Prescribing medicines in renal impairment: using the appropriate estimate of renal function"): DOAC doses
 * are set by creatinine clearance (Cockcroft–Gault, actual body weight), not by eGFR.
 *
 * Raised only when the data show a likely mismatch; when the dose, its frequency or the result cannot be read,
 * nothing is guessed. With only an eGFR, a possible mismatch says the dose should be checked against a
 * creatinine clearance and never asserts that the dose is wrong. How often kidney function is checked is
 * `monitoring-doac`'s business (shared/rules/reviews.ts), not repeated here. The prescriber decides.
 */
import { ageOn, daysBetween, formatUkDate, type IsoDate } from '../../dates';
import type { LabTest, ResidentSnapshot, SnapshotResult } from '../../domain/snapshot';
import { strengthInMg, type CurrentMedicine } from '../medicines';
import { findingItem, inAnyGroup, type CheckContext, type Draft, type Finding } from './common';

export const DOAC_DOSE_RULES = ['monitoring-doac-dose'] as const;

const SOURCE = 'MHRA Drug Safety Update, October 2019: use creatinine clearance (Cockcroft–Gault, actual body weight) for DOACs';

/** The latest result of a test, if the records carry one. */
export function latestResult(snapshot: Pick<ResidentSnapshot, 'results'>, test: LabTest): SnapshotResult | null {
  let best: SnapshotResult | null = null;
  for (const r of snapshot.results ?? []) if (r.test === test && (best === null || r.date > best.date)) best = r;
  return best;
}

/** How a DOAC is taken, read from its product and dose text; null when it says neither or both. */
export function dosesPerDay(text: string): 1 | 2 | null {
  const twice = /\b(b\.?d\.?|twice\s+(a|each|per|every)?\s*day|twice\s+daily|two\s+times\s+(a|each|per)\s+day|(every|each)\s+12\s+hours|12[\s-]*hourly)\b/i.test(text);
  const once = /\b(o\.?d\.?|once\s+(a|each|per|every)?\s*day|once\s+daily|(each|every)\s+(morning|evening|night|day)|at\s+night|in\s+the\s+(morning|evening)|nocte|mane)\b/i.test(text)
    || (/\bdaily\b/i.test(text) && !/\btwice\s+daily\b/i.test(text));
  if (twice === once) return null;
  return twice ? 2 : 1;
}

/** The strength of one dose in mg ("Apixaban 2.5mg tablets", one tablet); null when it cannot be read (e.g. "two tablets"). */
export function doseMg(m: Pick<CurrentMedicine, 'text' | 'strengthMg' | 'dose'>): number | null {
  const dose = m.dose ?? '';
  if (/\b(two|three|four|2|3|4|half|½|0?\.5|1\.5)\s*(x\s*)?(tablets?|tabs?|capsules?|caps?)\b/i.test(dose)) return null;
  return m.strengthMg ?? (dose ? strengthInMg(dose) : null);
}

/** Kidney function as DOAC dosing reads it: a creatinine clearance recorded or calculated. */
interface Clearance {
  value: number;
  date: IsoDate;
  /** "creatinine clearance 35 mL/min on 01/10/2026" or "creatinine clearance 35 mL/min calculated (Cockcroft–Gault) from …". */
  words: string;
}

/**
 * Cockcroft–Gault with actual body weight: (140 − age) × weight (kg) × 1.23 (men) or 1.04 (women) ÷ serum
 * creatinine (micromol/L). Null when the sex is not recorded as male or female.
 */
export function cockcroftGault(age: number, weightKg: number, creatinine: number, sex: string): number | null {
  if (sex !== 'male' && sex !== 'female') return null;
  return ((140 - age) * weightKg * (sex === 'male' ? 1.23 : 1.04)) / creatinine;
}

const resultText = (r: SnapshotResult, name: string) => `${name} ${r.comparator ?? ''}${r.value} ${r.unit} on ${formatUkDate(r.date)}`;

/** The creatinine clearance to dose by: the latest recorded, or one calculated from a newer creatinine and weight. */
export function clearanceOf(snapshot: Pick<ResidentSnapshot, 'results' | 'resident'>): Clearance | null {
  const crcl = latestResult(snapshot, 'crcl');
  const creatinine = latestResult(snapshot, 'creatinine');
  const weight = latestResult(snapshot, 'weight');
  const { dateOfBirth, sex } = snapshot.resident;
  const calculable = creatinine !== null && weight !== null && creatinine.comparator === null && weight.comparator === null;
  if (crcl !== null && crcl.comparator !== '<' && (!calculable || crcl.date >= creatinine.date)) {
    return { value: crcl.value, date: crcl.date, words: resultText(crcl, 'creatinine clearance') };
  }
  if (calculable) {
    const date = creatinine.date;
    const value = cockcroftGault(ageOn(dateOfBirth, date), weight.value, creatinine.value, sex);
    if (value !== null) {
      const rounded = Math.round(value);
      return {
        value: rounded, date,
        words: `creatinine clearance about ${rounded} mL/min, calculated by Roundtable (Cockcroft–Gault, actual body weight) from serum creatinine ${creatinine.value} micromol/L on ${formatUkDate(creatinine.date)}, weight ${weight.value} kg on ${formatUkDate(weight.date)}, age ${ageOn(dateOfBirth, date)} and sex`,
      };
    }
  }
  if (crcl !== null && crcl.comparator !== '<') return { value: crcl.value, date: crcl.date, words: resultText(crcl, 'creatinine clearance') };
  return null;
}

type Indication = 'af' | 'vte' | 'unknown';

function indicationOf(c: CheckContext): Indication {
  const names = c.snapshot.conditions.map((x) => x.name).join(' | ');
  if (/atrial fibrillation|atrial flutter/i.test(names)) return 'af';
  if (/deep vein thrombosis|\bdvt\b|pulmonary embol|venous thromboembol|\bvte\b/i.test(names)) return 'vte';
  return 'unknown';
}

/** What was found; `since` is the date of the result it was judged on (none for age alone). */
interface Assessment { what: string; consider: string; urgent?: boolean; since?: IsoDate }

const product = (m: CurrentMedicine, mg: number, perDay: 1 | 2 | null) =>
  `${m.entry?.name ?? m.text} ${mg} mg${perDay === 2 ? ' twice daily' : perDay === 1 ? ' once daily' : ''}`;

/** One DOAC against the licensed dose for the kidney function (and age, weight) the records show; null when it fits or cannot be told. */
function assess(c: CheckContext, m: CurrentMedicine, indication: Indication): Assessment | null {
  const generic = m.entry?.name.toLowerCase() ?? '';
  const mg = doseMg(m);
  if (mg === null) return null;
  const perDay = dosesPerDay(`${m.text} ${m.dose ?? ''}`);
  const age = ageOn(c.snapshot.resident.dateOfBirth, c.today);
  const weight = latestResult(c.snapshot, 'weight');
  const creatinine = latestResult(c.snapshot, 'creatinine');
  const clearance = clearanceOf(c.snapshot);
  const egfr = latestResult(c.snapshot, 'egfr');
  const dose = product(m, mg, perDay);
  const smpc = `${m.entry?.name ?? 'its'} SmPC; BNF; ${SOURCE}`;
  const stale = (date: IsoDate) => (daysBetween(date, c.today) > 365 ? ' (a result more than 12 months old: a new one first)' : '');
  const forAf = indication === 'unknown' ? 'if it is for atrial fibrillation, ' : '';

  // The licensed reduced dose, and the limit below which the DOAC is not recommended or contraindicated, per medicine.
  type Verdict = { reason: string; expect: string; urgent?: boolean } | null;
  const byClearance = (crcl: number): Verdict => {
    if (crcl < 15) return { reason: 'below 15 mL/min', expect: `${m.entry?.name ?? 'it'} is not recommended below 15 mL/min`, urgent: true };
    switch (generic) {
      case 'rivaroxaban':
        if (mg === 20 && perDay !== 2 && crcl < 50 && indication !== 'vte') return { reason: '15–49 mL/min', expect: `${forAf}the licensed dose is 15 mg once daily` };
        if (mg === 15 && perDay !== 2 && crcl >= 50 && indication === 'af') return { reason: '50 mL/min or more', expect: 'the licensed dose for atrial fibrillation is 20 mg once daily' };
        return null;
      case 'edoxaban':
        if (mg === 60 && crcl <= 50) return { reason: '15–50 mL/min', expect: 'the licensed dose is 30 mg once daily' };
        return null;
      case 'dabigatran':
        if ((mg === 110 || mg === 150) && crcl < 30) return { reason: 'below 30 mL/min', expect: 'dabigatran is contraindicated below 30 mL/min', urgent: true };
        return null;
      case 'apixaban':
        if (mg === 5 && perDay !== 1 && crcl < 30 && indication !== 'vte') return { reason: '15–29 mL/min', expect: `${forAf}the licensed dose is 2.5 mg twice daily` };
        return null;
      default:
        return null;
    }
  };

  // A creatinine clearance that calls for another dose (or none) first: it may be urgent.
  const verdict = clearance === null ? null : byClearance(clearance.value);
  if (clearance !== null && verdict !== null) {
    return {
      since: clearance.date,
      what: `${dose} with ${clearance.words}${stale(clearance.date)}`,
      consider: `the dose: with creatinine clearance ${verdict.reason}, ${verdict.expect} (${smpc})`,
      ...(verdict.urgent ? { urgent: true } : {}),
    };
  }

  // Age and weight criteria, which need no kidney result.
  if (generic === 'dabigatran' && mg === 150 && age >= 80) {
    return { what: `${dose}, aged ${age}`, consider: `the dose: from age 80 the licensed dose is 110 mg twice daily (${smpc})` };
  }
  if (generic === 'edoxaban' && mg === 60 && weight !== null && weight.value <= 60) {
    return { since: weight.date, what: `${dose} with weight ${weight.value} kg on ${formatUkDate(weight.date)}`, consider: `the dose: at 60 kg or less the licensed dose is 30 mg once daily (${smpc})` };
  }
  if (generic === 'apixaban' && indication !== 'vte' && perDay !== 1 && (mg === 5 || mg === 2.5)) {
    const criteria = [
      age >= 80 ? `aged ${age}` : null,
      weight !== null && weight.value <= 60 ? `weight ${weight.value} kg on ${formatUkDate(weight.date)}` : null,
      creatinine !== null && creatinine.value >= 133 ? `serum creatinine ${creatinine.value} micromol/L on ${formatUkDate(creatinine.date)}` : null,
    ].filter((x): x is string => x !== null);
    if (mg === 5 && criteria.length >= 2) {
      const dates = [weight?.value !== undefined && weight.value <= 60 ? weight.date : null, creatinine !== null && creatinine.value >= 133 ? creatinine.date : null]
        .filter((d): d is IsoDate => d !== null).sort();
      return { ...(dates.length ? { since: dates.at(-1) } : {}), what: `${dose} with ${criteria.join(', ')}`, consider: `the dose: with two of age 80 or more, weight 60 kg or less and serum creatinine 133 micromol/L or more, ${forAf}the licensed dose is 2.5 mg twice daily (${smpc})` };
    }
    // A low dose is named only when every criterion is known and none applies: 2.5 mg has other uses (after VTE treatment).
    if (mg === 2.5 && indication === 'af' && criteria.length === 0 && weight !== null && creatinine !== null && clearance !== null && clearance.value >= 30) {
      return {
        since: [weight.date, creatinine.date, clearance.date].sort().at(-1),
        what: `${dose} with atrial fibrillation, aged ${age}, weight ${weight.value} kg on ${formatUkDate(weight.date)}, serum creatinine ${creatinine.value} micromol/L on ${formatUkDate(creatinine.date)} and ${clearance.words}`,
        consider: `whether the reduced dose is intended: none of the dose-reduction criteria is met, so the licensed dose for atrial fibrillation is 5 mg twice daily; a dose too low risks a stroke (${smpc})`,
      };
    }
  }

  if (clearance !== null) return null;
  if (egfr !== null && egfr.comparator !== '>') {
    // eGFR is not creatinine clearance: a possible mismatch is named as a check to make, never as a wrong dose.
    const verdict = byClearance(egfr.value);
    if (verdict === null) return null;
    return {
      since: egfr.date,
      what: `${dose} with ${resultText(egfr, 'eGFR')}${stale(egfr.date)} and no creatinine clearance recorded`,
      consider: `calculating creatinine clearance (Cockcroft–Gault, actual body weight) and checking the dose against it: eGFR is not interchangeable with creatinine clearance for DOAC dosing, and if creatinine clearance is also ${verdict.reason}, ${verdict.expect} (${smpc})`,
    };
  }
  return null;
}

/** The DOAC dose check for each current DOAC; one finding per resident (an urgent one first), as one rule id is one item. */
export function doacDoseFindings(c: CheckContext): Finding[] {
  const doacs = inAnyGroup(c, 'doac');
  if (doacs.length === 0 || (c.snapshot.results ?? []).length === 0) return [];
  const indication = indicationOf(c);
  const out: Finding[] = [];
  for (const m of doacs) {
    const found = assess(c, m, indication);
    if (found) {
      out.push({ rule: 'monitoring-doac-dose', meds: [m], what: found.what, consider: found.consider, ...(found.since ? { evidenceDate: found.since } : {}),
        ...(found.urgent ? { urgent: true } : {}) });
    }
  }
  return out.sort((a, b) => Number(b.urgent === true) - Number(a.urgent === true)).slice(0, 1);
}

/**
 * Due from the later of the medicine's start and the result it was judged on (a new result after a review
 * raises it again); answered by a review of this rule (or, when not urgent, a structured medication review) on or after that.
 */
export function doacDoseItems(c: CheckContext): (Draft | null)[] {
  return doacDoseFindings(c).map((f) => findingItem(c, f));
}
