/**
 * The CSV kinds of a practice export: their columns (with the aliases EMIS Web and SystmOne reports
 * use), detection of the kind from a header row, and the reading of one row into a checked record.
 * Pure: no database. A row either becomes a record or a list of problems naming the field.
 */
import { MEDICATION_RULES } from '../../../shared/rules/reviews';
import { parseUkDate, type IsoDate } from '../../../shared/dates';
import type { AcpElement, ContactPreference, Sex } from '../../../shared/domain/enums';
import type { AsNeeded } from '../../../shared/domain/clinical';
import { LAB_TEST_UNITS, type LabTest } from '../../../shared/domain/snapshot';
import { asNeededOf } from '../../../shared/rules/medicines';
import { checkNhsNumber } from '../../../shared/rules/nhsNumber';
import { VISIT_SNOMED_CODES } from '../../../shared/rules/roundReasons';
import { RECORD_KINDS, type RecordKind } from '../../../shared/domain/imports';
import { PATHWAY_EVENTS, type EventRow, type RecordRow } from '../../../shared/domain/importRows';
import { fieldValue, matchHeaders, normaliseHeader, type FieldSpec, type HeaderMatch } from '../headers';

export { RECORD_KINDS, type RecordKind };

/** The kinds in words: "patients, medications, … or results". */
const KINDS_IN_WORDS = `${RECORD_KINDS.slice(0, -1).join(', ')} or ${RECORD_KINDS[RECORD_KINDS.length - 1] ?? ''}`;

const NHS: FieldSpec = { field: 'nhs_number', aliases: ['NHS No', 'NHS Number', 'NHSNo', 'NHS', 'Patient NHS Number', 'NHS num'], required: true };

export const KIND_FIELDS: Record<RecordKind, FieldSpec[]> = {
  patients: [
    NHS,
    { field: 'name', aliases: ['Patient Name', 'Full Name', 'Patient', 'Name'] },
    { field: 'family_name', aliases: ['Surname', 'Last Name', 'Family Name', 'Lastname'] },
    { field: 'given_name', aliases: ['Forename', 'Forenames', 'First Name', 'Given Name', 'Given Names', 'Firstname'] },
    { field: 'title' },
    { field: 'date_of_birth', aliases: ['DOB', 'Date of Birth', 'Birth Date', 'Birthdate', 'Born'], required: true },
    { field: 'sex', aliases: ['Gender'] },
    { field: 'care_home', aliases: ['Care Home', 'Home', 'Care Home Name', 'Residential Institute', 'Location', 'CQC Location ID', 'CQC ID'] },
    { field: 'room', aliases: ['Room Number', 'Room No'] },
    { field: 'admission_date', aliases: ['Admitted', 'Date Admitted', 'Admission'] },
    { field: 'left_date', aliases: ['Date Left', 'Left', 'Deregistered', 'Discharged'] },
    { field: 'died_date', aliases: ['Date of Death', 'DOD', 'Died', 'Deceased Date'] },
  ],
  medications: [
    NHS,
    { field: 'medication', aliases: ['Medication', 'Drug', 'Medicine', 'Product', 'Drug Name', 'Medication Name', 'Preparation'], required: true },
    { field: 'dose', aliases: ['Dosage', 'Directions', 'Dose Instructions'] },
    { field: 'start_date', aliases: ['Started', 'Date Started', 'First Issued', 'Start'] },
    { field: 'type', aliases: ['Issue Type', 'Course Type', 'Medication Type'] },
    { field: 'last_issued', aliases: ['Last Issue Date', 'Last Issue', 'Date Last Issued', 'Last Issued Date'] },
    { field: 'status', aliases: ['Medication Status'] },
    { field: 'stopped_date', aliases: ['Date Stopped', 'Stopped', 'Stopped On', 'End Date'] },
    { field: 'as_needed', aliases: ['As Needed', 'As Required', 'When Required', 'PRN', 'Just in Case', 'Anticipatory', 'Anticipatory Medicine'] },
  ],
  conditions: [
    NHS,
    { field: 'condition', aliases: ['Problem', 'Diagnosis', 'Term', 'Condition Name'], required: true },
    { field: 'code', aliases: ['SNOMED', 'SNOMED Code', 'SNOMED CT', 'Concept ID', 'SNOMED CT Code'] },
    { field: 'onset_date', aliases: ['Onset', 'Date of Onset', 'Problem Date'] },
  ],
  events: [
    NHS,
    { field: 'event', aliases: ['Event Type'], required: true },
    { field: 'date', aliases: ['Event Date'], required: true },
    { field: 'details', aliases: ['Description', 'Notes', 'Detail'] },
    // For a care and support plan or an end-of-life step (issue 14): who did it, and the plan's next review.
    { field: 'by', aliases: ['Done By', 'Recorded By', 'Author'] },
    { field: 'next_review', aliases: ['Next Review', 'Next Review Date'] },
  ],
  acp: [
    NHS,
    { field: 'element', aliases: ['ACP Element', 'Care Plan Element'], required: true },
    { field: 'value', aliases: ['Decision'], required: true },
    { field: 'recorded_on', aliases: ['Date Recorded', 'Recorded', 'Recorded Date'], required: true },
    { field: 'review_due', aliases: ['Review Date', 'Review Due Date'] },
  ],
  reviews: [
    NHS,
    { field: 'review', aliases: ['Review Type'], required: true },
    { field: 'date', aliases: ['Review Date', 'Done On', 'Date Done'], required: true },
    { field: 'by', aliases: ['Reviewed By', 'Clinician', 'Done By'] },
  ],
  representatives: [
    NHS,
    { field: 'name', aliases: ['Representative', 'Contact Name', 'Representative Name'], required: true },
    { field: 'relationship', aliases: ['Relationship to Patient', 'Relation'], required: true },
    { field: 'phone', aliases: ['Telephone', 'Phone Number', 'Tel'] },
    { field: 'email', aliases: ['Email Address', 'E-mail'] },
    { field: 'lpa_health_welfare', aliases: ['LPA', 'LPA Health and Welfare', 'Holds LPA', 'LPA Health Welfare'] },
    { field: 'preferred_contact', aliases: ['Contact Preference', 'Preferred Contact Method'] },
  ],
  results: [
    NHS,
    { field: 'test', aliases: ['Test Name', 'Result Name', 'Observation', 'Observation Name', 'Investigation', 'Test Type'], required: true },
    { field: 'value', aliases: ['Result', 'Result Value', 'Numeric Value', 'Observation Value'], required: true },
    { field: 'unit', aliases: ['Units', 'Unit of Measure', 'Result Unit', 'Numeric Unit'] },
    { field: 'date', aliases: ['Result Date', 'Date Taken', 'Sample Date', 'Observation Date', 'Effective Date', 'Date Recorded'], required: true },
  ],
};

/** The column that marks each kind apart from the others. */
const SIGNATURE: Record<RecordKind, string[][]> = {
  patients: [['date_of_birth', 'name'], ['date_of_birth', 'family_name']],
  medications: [['medication']],
  conditions: [['condition']],
  events: [['event', 'date']],
  acp: [['element', 'value']],
  reviews: [['review', 'date']],
  representatives: [['relationship', 'name']],
  results: [['test', 'value']],
};

export type Detection = { ok: true; kind: RecordKind } | { ok: false; reason: string };

/** The kind a header row belongs to: the one whose signature columns are all present and that matches most columns. */
export function detectKind(headers: string[]): Detection {
  const scored = RECORD_KINDS.map((kind) => {
    const match = matchHeaders(headers, KIND_FIELDS[kind]);
    const signed = SIGNATURE[kind].some((fields) => fields.every((f) => match.columns.has(f)));
    return { kind, signed, score: match.columns.size, hasNhs: match.columns.has('nhs_number') };
  }).filter((s) => s.signed && s.hasNhs).sort((a, b) => b.score - a.score);
  const best = scored[0];
  if (!best) {
    return { ok: false, reason: `The first row is not a header Roundtable recognises: it needs an NHS number column and the columns of one kind of record (${KINDS_IN_WORDS}).` };
  }
  if (scored[1] && scored[1].score === best.score) {
    return { ok: false, reason: `The columns fit both ${best.kind} and ${scored[1].kind}: say which with --kind.` };
  }
  return { ok: true, kind: best.kind };
}

export function headerLooksLikeData(headers: string[]): boolean {
  return headers.some((h) => /^\d[\d\s-]{8,}$/.test(h.trim()) || parseUkDate(h) !== null);
}

export { matchHeaders, normaliseHeader, type HeaderMatch };

export interface RowProblem { field: string; reason: string }

export {
  PATHWAY_EVENTS, type AcpRow, type ConditionRow, type EventRow, type MedicationRow, type PathwayEvent, type PatientRow, type RecordRow,
  type RepresentativeRow, type ResultRow, type ReviewRow,
} from '../../../shared/domain/importRows';

export type RowResult = { ok: true; row: RecordRow } | { ok: false; problems: RowProblem[]; nhsNumber: string | null };

/** Exports repeat the same few dates thousands of times: each distinct text is parsed once. */
const dateCache = new Map<string, IsoDate | null>();
function cachedDate(raw: string): IsoDate | null {
  let iso = dateCache.get(raw);
  if (iso === undefined) {
    iso = parseUkDate(raw);
    if (dateCache.size > 20_000) dateCache.clear();
    dateCache.set(raw, iso);
  }
  return iso;
}

/** Each patient's NHS number repeats on every row of theirs: each distinct text is checked once. */
const nhsCache = new Map<string, ReturnType<typeof checkNhsNumber>>();
function cachedNhsCheck(raw: string): ReturnType<typeof checkNhsNumber> {
  let check = nhsCache.get(raw);
  if (check === undefined) {
    check = checkNhsNumber(raw);
    if (nhsCache.size > 20_000) nhsCache.clear();
    nhsCache.set(raw, check);
  }
  return check;
}

/** Collects problems while reading one row's fields. */
class RowReader {
  readonly problems: RowProblem[] = [];
  constructor(private readonly values: string[], private readonly match: HeaderMatch) {}

  text(field: string, max = 500): string {
    let value = fieldValue(this.values, this.match, field);
    if (/\s\s|[\t\r\n]/.test(value)) value = value.replace(/\s+/g, ' ');
    if (value.length > max) {
      this.problems.push({ field, reason: `is longer than ${max} characters` });
      return value.slice(0, max);
    }
    return value;
  }
  required(field: string, label: string, max = 500): string {
    const value = this.text(field, max);
    if (value === '') this.problems.push({ field, reason: `${label} is missing` });
    return value;
  }
  optional(field: string, max = 500): string | null {
    const value = this.text(field, max);
    return value === '' ? null : value;
  }
  date(field: string, required: boolean): IsoDate | null {
    const raw = this.text(field, 40);
    if (raw === '') {
      if (required) this.problems.push({ field, reason: 'the date is missing' });
      return null;
    }
    const iso = cachedDate(raw);
    if (iso === null) this.problems.push({ field, reason: `“${raw}” is not a real date (dates are read day first, e.g. 23/11/2026)` });
    return iso;
  }
  nhsNumber(): string | null {
    const raw = this.text('nhs_number', 40);
    const check = cachedNhsCheck(raw);
    if (!check.valid) {
      this.problems.push({ field: 'nhs_number', reason: raw === '' ? 'the NHS number is missing' : `“${raw}”: ${check.reason}` });
      return null;
    }
    return check.nhsNumber;
  }
  choice<T extends string>(field: string, map: Record<string, T>, fallback: T | null, label: string): T {
    const raw = this.text(field, 100);
    const key = raw.toLowerCase().replace(/[\s_]+/g, ' ').trim();
    if (key === '' && fallback !== null) return fallback;
    const value = map[key];
    if (value === undefined) {
      this.problems.push({ field, reason: raw === '' ? `${label} is missing` : `“${raw}” is not a known ${label} (expected ${[...new Set(Object.values(map))].join(', ')})` });
      return (fallback ?? Object.values(map)[0]) as T;
    }
    return value;
  }
}

const SEX: Record<string, Sex> = { f: 'female', female: 'female', m: 'male', male: 'male', u: 'unknown', unknown: 'unknown', 'not known': 'unknown', i: 'other', indeterminate: 'other', other: 'other' };
const MED_TYPE: Record<string, 'repeat' | 'acute'> = { repeat: 'repeat', r: 'repeat', 'repeat dispensing': 'repeat', acute: 'acute', a: 'acute' };
const MED_STATUS: Record<string, 'active' | 'stopped'> = { active: 'active', current: 'active', stopped: 'stopped', discontinued: 'stopped', inactive: 'stopped', cancelled: 'stopped' };
const EVENT: Record<string, EventRow['type']> = {
  admission: 'admission', 'hospital admission': 'admission', discharge: 'discharge', 'hospital discharge': 'discharge',
  'a&e': 'a-and-e', 'a and e': 'a-and-e', 'a-and-e': 'a-and-e', 'a & e': 'a-and-e', ed: 'a-and-e', 'emergency department': 'a-and-e',
  fall: 'fall', death: 'death', died: 'death', other: 'other',
  // A GP or clinician seeing the resident at the home: continuity counts from the last one.
  visit: 'visit', 'gp visit': 'visit', 'home visit': 'visit', 'care home visit': 'visit', 'care-home visit': 'visit', 'nursing home visit': 'visit',
  'domiciliary visit': 'visit', 'ward round': 'visit', 'care home round': 'visit', 'seen in care home': 'visit', 'seen in nursing home': 'visit',
  ...Object.fromEntries(VISIT_SNOMED_CODES.map((code) => [code, 'visit' as const])),
  // The care pathway (issue 14).
  pcsp: 'pcsp', 'care and support plan': 'pcsp', 'personalised care and support plan': 'pcsp', 'care plan written': 'pcsp', 'pcsp written': 'pcsp',
  'pcsp review': 'pcsp-review', 'pcsp-review': 'pcsp-review', 'pcsp reviewed': 'pcsp-review', 'care and support plan review': 'pcsp-review',
  'care and support plan reviewed': 'pcsp-review', 'care plan review': 'pcsp-review',
  'anticipatory medicines': 'anticipatory-medicines', 'anticipatory-medicines': 'anticipatory-medicines', 'just in case medicines': 'anticipatory-medicines',
  'anticipatory medicines declined': 'anticipatory-medicines-declined', 'anticipatory-medicines-declined': 'anticipatory-medicines-declined',
  'just in case medicines declined': 'anticipatory-medicines-declined',
  'end of life conversation': 'end-of-life-conversation', 'end-of-life-conversation': 'end-of-life-conversation', 'eol conversation': 'end-of-life-conversation',
  'end of life plan with home': 'end-of-life-plan-with-home', 'end-of-life-plan-with-home': 'end-of-life-plan-with-home',
  'end of life plan shared with home': 'end-of-life-plan-with-home', 'eol plan with home': 'end-of-life-plan-with-home',
};
const ACP: Record<string, AcpElement> = {
  respect: 'respect', dnacpr: 'dnacpr', 'preferred-place-of-care': 'preferred-place-of-care', 'preferred place of care': 'preferred-place-of-care',
  'preferred-place-of-death': 'preferred-place-of-death', 'preferred place of death': 'preferred-place-of-death',
  'lpa-health-welfare': 'lpa-health-welfare', 'lpa health welfare': 'lpa-health-welfare', 'lpa health and welfare': 'lpa-health-welfare',
  adrt: 'adrt', gsf: 'gsf',
};
const REVIEW: Record<string, string> = {
  smr: 'smr', 'structured medication review': 'smr', 'medication-review': 'medication-review', 'medication review': 'medication-review',
  'antipsychotic-review': 'antipsychotic-review', 'antipsychotic review': 'antipsychotic-review', monitoring: 'monitoring',
  // Roundtable's own rule ids (docs/clinical-rules.md), so a review it recorded round-trips through an export.
  ...Object.fromEntries(MEDICATION_RULES.map((rule) => [rule, rule])),
};
/** An as-needed column: yes/PRN/as required, or just in case/anticipatory; blank or no leaves it to the dose text. */
const AS_NEEDED: Record<string, AsNeeded | 'no'> = {
  yes: 'as-required', y: 'as-required', true: 'as-required', '1': 'as-required', prn: 'as-required', 'as required': 'as-required',
  'when required': 'as-required', 'as needed': 'as-required', 'as-required': 'as-required',
  'just in case': 'just-in-case', 'just-in-case': 'just-in-case', jic: 'just-in-case', anticipatory: 'just-in-case',
  no: 'no', n: 'no', false: 'no', '0': 'no', regular: 'no',
};
const YES_NO: Record<string, 'yes' | 'no'> = { yes: 'yes', y: 'yes', true: 'yes', '1': 'yes', no: 'no', n: 'no', false: 'no', '0': 'no' };
const CONTACT: Record<string, ContactPreference> = {
  'in person': 'in-person', 'in-person': 'in-person', phone: 'phone', telephone: 'phone', video: 'video', none: 'not', not: 'not',
};

/**
 * The tests the `results` kind knows, by the names EMIS Web and SystmOne reports use, their Read/SNOMED
 * terms and LOINC codes (lower case, spaces collapsed). Anything else is rejected, named: a result is never
 * guessed. eGFR is kept apart from creatinine clearance: they are not interchangeable for dosing.
 */
const LAB_TEST_NAMES: Record<string, LabTest> = {
  crcl: 'crcl', 'creatinine clearance': 'crcl', 'estimated creatinine clearance': 'crcl', 'calculated creatinine clearance': 'crcl',
  'creatinine clearance (cockcroft-gault)': 'crcl', 'creatinine clearance (cockcroft gault)': 'crcl', 'cockcroft-gault': 'crcl',
  'cockcroft gault': 'crcl', 'cockcroft-gault creatinine clearance': 'crcl', 'cockcroft gault creatinine clearance': 'crcl', '2164-2': 'crcl',
  egfr: 'egfr', 'estimated gfr': 'egfr', 'estimated glomerular filtration rate': 'egfr', 'egfr (ckd-epi)': 'egfr', 'ckd-epi egfr': 'egfr',
  'egfr ckd-epi': 'egfr', 'mdrd egfr': 'egfr', 'egfr (mdrd)': 'egfr', 'egfr using creatinine (ckd-epi) per 1.73 square metres': 'egfr',
  'glomerular filtration rate': 'egfr', gfr: 'egfr', '33914-3': 'egfr', '62238-1': 'egfr', '69405-9': 'egfr',
  creatinine: 'creatinine', 'serum creatinine': 'creatinine', 'plasma creatinine': 'creatinine', 'serum creatinine level': 'creatinine',
  'creatinine level': 'creatinine', creat: 'creatinine', '2160-0': 'creatinine',
  weight: 'weight', 'body weight': 'weight', 'o/e - weight': 'weight', 'o/e weight': 'weight', wt: 'weight', '29463-7': 'weight',
};
/** The units each test is accepted in (lower case, spaces removed); a blank unit means the test's usual one. */
const LAB_UNITS: Record<LabTest, string[]> = {
  crcl: ['ml/min', 'mls/min', 'ml/minute'],
  egfr: ['ml/min/1.73m2', 'ml/min/1.73m^2', 'ml/min/1.73m²', 'ml/min/{1.73_m2}', 'ml/min/1.73sqm', 'ml/min/1.73', 'ml/min'],
  creatinine: ['umol/l', 'µmol/l', 'μmol/l', 'micromol/l', 'micromoles/l', 'micromol/litre'],
  weight: ['kg', 'kgs', 'kilograms', 'kilogram'],
};
/** Values outside these are a typing or unit slip, not a result: rejected, named. */
const LAB_RANGES: Record<LabTest, [number, number]> = { crcl: [1, 250], egfr: [1, 200], creatinine: [10, 3000], weight: [20, 300] };

/** A test's name as Roundtable knows it, or null. */
export function labTestOf(name: string): LabTest | null {
  return LAB_TEST_NAMES[name.toLowerCase().replace(/\s+/g, ' ').trim().replace(/[.:]$/, '')] ?? null;
}

/** Reads a result's value, unit and limit sign ("> 90"); problems are named by field. */
export function readLabValue(test: LabTest, rawValue: string, rawUnit: string): { value: number; comparator: '<' | '>' | null; unit: string } | RowProblem {
  const m = /^([<>])?\s*=?\s*(\d+(?:\.\d+)?)$/.exec(rawValue.trim());
  if (!m?.[2]) return { field: 'value', reason: rawValue.trim() === '' ? 'the result is missing' : `“${rawValue}” is not a number` };
  const value = Number(m[2]);
  const unit = rawUnit.toLowerCase().replace(/\s+/g, '');
  if (unit !== '' && !LAB_UNITS[test].includes(unit)) {
    return { field: 'unit', reason: `“${rawUnit}” is not a unit Roundtable reads for ${test === 'crcl' ? 'creatinine clearance' : test === 'egfr' ? 'eGFR' : test} (expected ${LAB_TEST_UNITS[test]})` };
  }
  const [low, high] = LAB_RANGES[test];
  if (value < low || value > high) return { field: 'value', reason: `${value} ${LAB_TEST_UNITS[test]} is outside ${low}–${high}: check the value and its unit` };
  return { value, comparator: (m[1] as '<' | '>' | undefined) ?? null, unit: LAB_TEST_UNITS[test] };
}

/** "SMITH, Mary (Mrs)" -> Smith / Mary; "Mary Smith" -> Smith / Mary. */
export function splitPatientName(raw: string): { familyName: string; givenName: string } | null {
  const text = raw.replace(/\([^)]*\)/g, ' ').replace(/\s+/g, ' ').trim();
  if (text === '') return null;
  const comma = text.indexOf(',');
  let family: string;
  let given: string;
  if (comma >= 0) {
    family = text.slice(0, comma).trim();
    given = text.slice(comma + 1).trim();
  } else {
    const parts = text.split(' ');
    if (parts.length < 2) return null;
    family = parts.pop() ?? '';
    given = parts.join(' ');
  }
  given = given.replace(/^(mr|mrs|miss|ms|mx|dr|prof|rev|sir|dame|lady|lord)\.?\s+/i, '');
  if (family === '' || given === '') return null;
  return { familyName: titleCase(family), givenName: titleCase(given) };
}

/** "SMITH" -> "Smith", "o'brien-jones" -> "O'Brien-Jones"; mixed-case names are kept as written. */
function titleCase(name: string): string {
  if (name !== name.toUpperCase() && name !== name.toLowerCase()) return name;
  return name.toLowerCase().replace(/(^|[\s'’-])(\p{L})/gu, (_m, sep: string, c: string) => sep + c.toUpperCase());
}

/** Reads one CSV row of the given kind. */
export function readRow(kind: RecordKind, values: string[], match: HeaderMatch): RowResult {
  const r = new RowReader(values, match);
  const nhsNumber = r.nhsNumber();
  let row: RecordRow;
  switch (kind) {
    case 'patients': {
      let familyName = r.text('family_name', 100);
      let givenName = r.text('given_name', 100);
      if (familyName === '' || givenName === '') {
        const whole = r.text('name', 200);
        const split = splitPatientName(whole);
        if (split) ({ familyName, givenName } = split);
        else r.problems.push({ field: match.columns.has('name') ? 'name' : 'family_name', reason: whole === '' ? 'the name is missing' : `“${whole}” is not a name as “SURNAME, Forename”` });
      } else {
        familyName = titleCase(familyName);
        givenName = titleCase(givenName);
      }
      const dateOfBirth = r.date('date_of_birth', true);
      const sex = r.choice('sex', SEX, 'unknown', 'sex');
      const careHome = r.required('care_home', 'the care home', 200);
      const admissionDate = r.date('admission_date', false);
      const left = r.date('left_date', false);
      const died = r.date('died_date', false);
      if (dateOfBirth && admissionDate && admissionDate < dateOfBirth) r.problems.push({ field: 'admission_date', reason: 'is before the date of birth' });
      row = {
        kind, nhsNumber: nhsNumber ?? '', familyName, givenName, dateOfBirth: dateOfBirth ?? '', sex, careHome, room: r.optional('room', 40),
        admissionDate, status: died ? 'died' : left ? 'left' : 'active', statusDate: died ?? left,
      };
      break;
    }
    case 'medications': {
      const name = r.required('medication', 'the medicine', 300);
      const dose = r.optional('dose', 500);
      const column = r.choice('as_needed', AS_NEEDED, 'no', 'as-needed marking');
      row = {
        kind, nhsNumber: nhsNumber ?? '', name, dose,
        startDate: r.date('start_date', false), type: r.choice('type', MED_TYPE, 'repeat', 'medication type'),
        status: r.choice('status', MED_STATUS, 'active', 'status'), lastIssued: r.date('last_issued', false), stoppedOn: r.date('stopped_date', false),
        asNeeded: asNeededOf({ name, dose, asNeeded: column === 'no' ? null : column }),
      };
      if (row.stoppedOn !== null) row.status = 'stopped';
      break;
    }
    case 'conditions': {
      const code = r.optional('code', 20);
      if (code !== null && !/^\d{6,18}$/.test(code)) r.problems.push({ field: 'code', reason: `“${code}” is not a SNOMED CT concept id (6 to 18 digits)` });
      row = { kind, nhsNumber: nhsNumber ?? '', name: r.required('condition', 'the condition', 300), code, onset: r.date('onset_date', false) };
      break;
    }
    case 'events': {
      const type = r.choice('event', EVENT, null, 'event');
      row = { kind, nhsNumber: nhsNumber ?? '', type, date: r.date('date', true) ?? '', details: r.optional('details', 1000) };
      if ((PATHWAY_EVENTS as readonly string[]).includes(type)) Object.assign(row, { by: r.optional('by', 200), nextReview: r.date('next_review', false) });
      break;
    }
    case 'acp':
      row = {
        kind, nhsNumber: nhsNumber ?? '', element: r.choice('element', ACP, null, 'care-plan element'), value: r.required('value', 'the value', 500),
        recordedOn: r.date('recorded_on', true) ?? '', reviewDue: r.date('review_due', false),
      };
      break;
    case 'reviews':
      row = { kind, nhsNumber: nhsNumber ?? '', rule: r.choice('review', REVIEW, null, 'review'), doneOn: r.date('date', true) ?? '', doneBy: r.optional('by', 200) };
      break;
    case 'representatives': {
      const email = r.optional('email', 200);
      if (email !== null && !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email)) r.problems.push({ field: 'email', reason: `“${email}” is not an email address` });
      row = {
        kind, nhsNumber: nhsNumber ?? '', name: r.required('name', 'the name', 200), relationship: r.required('relationship', 'the relationship', 100),
        phone: r.optional('phone', 40), email, holdsLpa: r.choice('lpa_health_welfare', YES_NO, 'no', 'yes/no answer') === 'yes',
        preferredContact: r.choice('preferred_contact', CONTACT, 'phone', 'contact preference'),
      };
      break;
    }
    case 'results': {
      const name = r.required('test', 'the test', 200);
      const test = name === '' ? null : labTestOf(name);
      if (name !== '' && test === null) {
        r.problems.push({ field: 'test', reason: `“${name}” is not a test Roundtable reads (creatinine clearance, eGFR, serum creatinine or weight)` });
      }
      const date = r.date('date', true) ?? '';
      const read = test === null ? null : readLabValue(test, r.text('value', 40), r.text('unit', 40));
      if (read !== null && 'reason' in read) r.problems.push(read);
      const ok = read !== null && !('reason' in read) ? read : { value: 0, comparator: null, unit: '' };
      row = { kind, nhsNumber: nhsNumber ?? '', test: test ?? 'crcl', ...ok, date, nameAsWritten: name };
      break;
    }
  }
  if (r.problems.length > 0) return { ok: false, problems: r.problems, nhsNumber };
  return { ok: true, row };
}
