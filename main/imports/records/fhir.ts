/**
 * FHIR R4 (UK Core) resources -> Roundtable records. Pure mapping: a resolver supplies referenced
 * resources (Bundle fullUrl, urn:uuid, Type/id, contained #id). Every resource ends as records, a
 * patient seen, a skip with its reason, a rejection with its field, or "not understood" - never nothing.
 */
import { VISIT_SNOMED_CODES } from '../../../shared/rules/roundReasons';
import type {
  CarePlan, CodeableConcept, Condition, Consent, Dosage, DocumentReference, Encounter, Flag, Medication, MedicationRequest, MedicationStatement,
  FhirResource, Observation, Patient, Reference, RelatedPerson,
} from 'fhir/r4';

type Resource = FhirResource;
import { isIsoDate, type IsoDate } from '../../../shared/dates';
import { asNeededOf } from '../../../shared/rules/medicines';
import { checkNhsNumber } from '../../../shared/rules/nhsNumber';
import type { LabTest } from '../../../shared/domain/snapshot';
import { readLabValue, type AcpRow, type ConditionRow, type EventRow, type MedicationRow, type RecordRow, type RepresentativeRow, type ResultRow,
  type RowProblem } from './kinds';

export const NHS_NUMBER_SYSTEM = 'https://fhir.nhs.uk/Id/nhs-number';
const SNOMED = 'http://snomed.info/sct';
/** SNOMED CT codes (docs/clinical-rules.md, SNOMED CT codes). */
export const SNOMED_RESPECT = '1382601000000107';
export const SNOMED_NOT_FOR_CPR = '450476008';
export const SNOMED_ACP = '713603004';

/** Clinical rows without their NHS number: the mapper resolves the subject separately. */
type Unkeyed<T> = T extends RecordRow ? Omit<T, 'nhsNumber'> : never;
export type FhirRow = Unkeyed<MedicationRow | ConditionRow | EventRow | AcpRow | RepresentativeRow | ResultRow>;

export type FhirMapping =
  | { type: 'patient'; nhsNumber: string | null }
  | { type: 'rows'; subject: SubjectResult; rows: FhirRow[] }
  | { type: 'skip'; reason: string }
  | { type: 'rejected'; problems: RowProblem[] }
  | { type: 'not-understood'; reason: string }
  | { type: 'reference-only' };

export type SubjectResult = { ok: true; nhsNumber: string | null } | { ok: false; reason: string };

export interface Resolver {
  /** The resource a reference points at (contained ones through `container`), or undefined. */
  resolve(reference: string, container?: Resource): Resource | undefined;
}

/** The patient's NHS number from a Patient's identifiers (validated), or null. */
export function patientNhsNumber(patient: Patient): string | null {
  for (const id of patient.identifier ?? []) {
    if (id.system === NHS_NUMBER_SYSTEM && typeof id.value === 'string') {
      const check = checkNhsNumber(id.value);
      if (check.valid) return check.nhsNumber;
    }
  }
  return null;
}

/** The NHS number of a subject reference: through the referenced Patient, or the reference's own identifier. */
export function subjectOf(ref: Reference | undefined, resolver: Resolver, container: Resource): SubjectResult {
  if (!ref) return { ok: false, reason: 'the resource names no patient' };
  if (ref.identifier?.system === NHS_NUMBER_SYSTEM && typeof ref.identifier.value === 'string') {
    const check = checkNhsNumber(ref.identifier.value);
    return check.valid ? { ok: true, nhsNumber: check.nhsNumber } : { ok: false, reason: `the NHS number ${ref.identifier.value} is not valid` };
  }
  if (typeof ref.reference !== 'string') return { ok: false, reason: 'the patient reference is empty' };
  const target = resolver.resolve(ref.reference, container);
  if (!target) return { ok: false, reason: `the patient reference “${ref.reference.slice(0, 120)}” is not in the file` };
  if (target.resourceType !== 'Patient') return { ok: false, reason: `the subject is a ${String(target.resourceType)}, not a Patient` };
  return { ok: true, nhsNumber: patientNhsNumber(target) };
}

function conceptText(concept: CodeableConcept | undefined): string | null {
  if (!concept) return null;
  const text = concept.text?.trim() || concept.coding?.find((c) => c.display)?.display?.trim();
  return text ? text.replace(/\s+/g, ' ').slice(0, 300) : null;
}

function snomedCode(concept: CodeableConcept | undefined): string | null {
  return concept?.coding?.find((c) => c.system === SNOMED && typeof c.code === 'string')?.code ?? null;
}

/** A full date from a FHIR date or dateTime; partial dates (year, year-month) give null. */
function fhirDate(value: unknown): IsoDate | null {
  if (typeof value !== 'string') return null;
  const day = value.slice(0, 10);
  return isIsoDate(day) ? day : null;
}

function medicationText(resource: MedicationStatement | MedicationRequest, resolver: Resolver): string | null {
  if (resource.medicationCodeableConcept) return conceptText(resource.medicationCodeableConcept);
  const ref = resource.medicationReference?.reference;
  if (typeof ref === 'string') {
    const med = resolver.resolve(ref, resource) as Medication | undefined;
    if (med?.resourceType === 'Medication') return conceptText(med.code);
  }
  return resource.medicationReference?.display?.trim() || null;
}

const STOPPED_STATUSES = new Set(['stopped', 'completed', 'cancelled', 'not-taken', 'revoked']);

function medication(resource: MedicationStatement | MedicationRequest, resolver: Resolver): FhirMapping {
  const subject = subjectOf(resource.subject, resolver, resource);
  if (resource.status === 'entered-in-error') return { type: 'skip', reason: `${resource.resourceType} entered in error` };
  const name = medicationText(resource, resolver);
  if (!name) return { type: 'rejected', problems: [{ field: 'medication', reason: 'the medicine cannot be read (no text, coding display or resolvable Medication)' }] };
  let dose: string | null;
  let startDate: IsoDate | null;
  let type: 'repeat' | 'acute' = 'repeat';
  let lastIssued: IsoDate | null = null;
  const dosages: Dosage[] = (resource.resourceType === 'MedicationStatement' ? resource.dosage : resource.dosageInstruction) ?? [];
  if (resource.resourceType === 'MedicationStatement') {
    dose = resource.dosage?.find((d) => d.text)?.text ?? null;
    startDate = fhirDate(resource.effectivePeriod?.start ?? resource.effectiveDateTime);
  } else {
    dose = resource.dosageInstruction?.find((d) => d.text)?.text ?? null;
    startDate = fhirDate(resource.authoredOn);
    lastIssued = startDate;
    const course = resource.courseOfTherapyType?.coding?.[0]?.code;
    if (course === 'acute') type = 'acute';
  }
  const status = STOPPED_STATUSES.has(resource.status ?? '') ? 'stopped' : 'active';
  // dosage.asNeededBoolean / asNeededCodeableConcept (the reason it is taken when needed), with the dose text's own wording
  const asNeeded = asNeededOf({ name, dose, asNeeded: dosages.some((d) => d.asNeededBoolean === true || d.asNeededCodeableConcept !== undefined) ? 'as-required' : null });
  return {
    type: 'rows', subject,
    rows: [{ kind: 'medications', name, dose: dose?.slice(0, 500) ?? null, startDate, type, status, lastIssued, stoppedOn: null, asNeeded }],
  };
}

function condition(resource: Condition, resolver: Resolver): FhirMapping {
  const clinical = resource.clinicalStatus?.coding?.[0]?.code;
  if (clinical !== 'active') return { type: 'skip', reason: `Condition not active (clinical status ${clinical ?? 'missing'})` };
  if (resource.verificationStatus?.coding?.[0]?.code === 'entered-in-error') return { type: 'skip', reason: 'Condition entered in error' };
  const name = conceptText(resource.code);
  if (!name) return { type: 'rejected', problems: [{ field: 'code', reason: 'the condition has no text or coding display' }] };
  return {
    type: 'rows', subject: subjectOf(resource.subject, resolver, resource),
    rows: [{ kind: 'conditions', name, code: snomedCode(resource.code), onset: fhirDate(resource.onsetDateTime ?? resource.onsetPeriod?.start) }],
  };
}

const INPATIENT = new Set(['IMP', 'ACUTE', 'NONAC']);

function encounter(resource: Encounter, resolver: Resolver): FhirMapping {
  const cls = resource.class?.code ?? '';
  const details = conceptText(resource.type?.[0]) ?? resource.serviceProvider?.display ?? null;
  const start = fhirDate(resource.period?.start);
  const end = fhirDate(resource.period?.end);
  if (resource.status === 'entered-in-error' || resource.status === 'cancelled' || resource.status === 'planned') {
    return { type: 'skip', reason: `Encounter ${resource.status}` };
  }
  const rows: FhirRow[] = [];
  if (INPATIENT.has(cls)) {
    if (start) rows.push({ kind: 'events', type: 'admission', date: start, details });
    if (end) rows.push({ kind: 'events', type: 'discharge', date: end, details });
  } else if (cls === 'EMER') {
    if (start) rows.push({ kind: 'events', type: 'a-and-e', date: start, details });
  } else if (cls === 'HH' || resource.type?.some((t) => t.coding?.some((c) => c.code !== undefined && VISIT_SNOMED_CODES.includes(c.code)))) {
    // Home health, or a care-home or domiciliary visit by its SNOMED code: continuity counts from it.
    if (start) rows.push({ kind: 'events', type: 'visit', date: start, details });
  } else {
    return { type: 'skip', reason: `Encounter of class ${cls || 'unknown'} (only inpatient, emergency and home visits are imported)` };
  }
  if (rows.length === 0) return { type: 'rejected', problems: [{ field: 'period.start', reason: 'the encounter has no full start date' }] };
  return { type: 'rows', subject: subjectOf(resource.subject, resolver, resource), rows };
}

function relatedPerson(resource: RelatedPerson, resolver: Resolver): FhirMapping {
  const n = resource.name?.[0];
  const name = (n?.text ?? [...(n?.prefix ?? []), ...(n?.given ?? []), n?.family ?? ''].join(' ')).replace(/\s+/g, ' ').trim();
  if (!name) return { type: 'rejected', problems: [{ field: 'name', reason: 'the related person has no name' }] };
  const relationship = conceptText(resource.relationship?.[0]) ?? resource.relationship?.[0]?.coding?.[0]?.code ?? 'representative';
  const phone = resource.telecom?.find((t) => t.system === 'phone')?.value ?? null;
  const email = resource.telecom?.find((t) => t.system === 'email')?.value ?? null;
  return {
    type: 'rows', subject: subjectOf(resource.patient, resolver, resource),
    rows: [{ kind: 'representatives', name: name.slice(0, 200), relationship: relationship.slice(0, 100), phone, email, holdsLpa: false, preferredContact: 'phone' }],
  };
}

function concepts(resource: Resource): CodeableConcept[] {
  const r = resource as { category?: unknown; type?: unknown; code?: unknown };
  const list: (CodeableConcept | undefined)[] = [];
  if (Array.isArray(r.category)) list.push(...(r.category as CodeableConcept[]));
  if (r.type && typeof r.type === 'object' && !Array.isArray(r.type)) list.push(r.type as CodeableConcept);
  if (r.code && typeof r.code === 'object' && !Array.isArray(r.code)) list.push(r.code as CodeableConcept);
  const provision = (resource as Consent).provision;
  if (provision?.code) list.push(...provision.code);
  return list.filter((c): c is CodeableConcept => c !== undefined);
}

/** ReSPECT and DNACPR records carried as Consent, DocumentReference, CarePlan or Flag. */
function carePlanRecord(resource: Consent | DocumentReference | CarePlan | Flag, resolver: Resolver): FhirMapping {
  const codes = new Set(concepts(resource).flatMap((c) => (c.coding ?? []).filter((x) => x.system === SNOMED).map((x) => x.code ?? '')));
  const respect = codes.has(SNOMED_RESPECT);
  const notForCpr = codes.has(SNOMED_NOT_FOR_CPR);
  if (!respect && !notForCpr) {
    return codes.has(SNOMED_ACP)
      ? { type: 'skip', reason: `${resource.resourceType} for advance care planning without a ReSPECT or DNACPR code (record its parts in Roundtable)` }
      : { type: 'not-understood', reason: `${resource.resourceType} that is not a ReSPECT or DNACPR record` };
  }
  let subjectRef: Reference | undefined;
  let recorded: unknown;
  let reviewDue: unknown;
  let inactive = false;
  switch (resource.resourceType) {
    case 'Consent':
      subjectRef = resource.patient; recorded = resource.dateTime ?? resource.provision?.period?.start; reviewDue = resource.provision?.period?.end;
      inactive = resource.status === 'inactive' || resource.status === 'rejected'; break;
    case 'DocumentReference':
      subjectRef = resource.subject; recorded = resource.date ?? resource.context?.period?.start; reviewDue = resource.context?.period?.end;
      inactive = resource.status === 'superseded'; break;
    case 'CarePlan':
      subjectRef = resource.subject; recorded = resource.created ?? resource.period?.start; reviewDue = resource.period?.end;
      inactive = resource.status === 'revoked' || resource.status === 'completed'; break;
    case 'Flag':
      subjectRef = resource.subject; recorded = resource.period?.start; reviewDue = resource.period?.end;
      inactive = resource.status === 'inactive'; break;
  }
  if ((resource as { status?: string }).status === 'entered-in-error') return { type: 'skip', reason: `${resource.resourceType} entered in error` };
  const recordedOn = fhirDate(recorded);
  if (!recordedOn) return { type: 'rejected', problems: [{ field: 'date', reason: 'the record has no full date it was made' }] };
  const rows: FhirRow[] = [];
  if (respect) {
    rows.push({ kind: 'acp', element: 'respect', value: notForCpr ? 'not-for-cpr' : 'recorded', recordedOn, reviewDue: fhirDate(reviewDue) });
  } else {
    rows.push({ kind: 'acp', element: 'dnacpr', value: inactive ? 'cancelled' : 'in-place', recordedOn, reviewDue: fhirDate(reviewDue) });
  }
  return { type: 'rows', subject: subjectOf(subjectRef, resolver, resource), rows };
}

const LOINC = 'http://loinc.org';
/** LOINC codes of the results Roundtable reads: eGFR, serum creatinine (mass or moles; only micromol/L is accepted), creatinine clearance, body weight. */
export const LOINC_TESTS: Record<string, LabTest> = {
  '33914-3': 'egfr', '62238-1': 'egfr', '69405-9': 'egfr', '2160-0': 'creatinine', '14682-9': 'creatinine', '2164-2': 'crcl', '29463-7': 'weight',
};

/** An Observation of kidney function or weight, by its LOINC code; any other observation is counted as not understood, not rejected. */
function observation(resource: Observation, resolver: Resolver): FhirMapping {
  if (resource.status === 'entered-in-error' || resource.status === 'cancelled') return { type: 'skip', reason: `Observation ${resource.status}` };
  const coding = resource.code?.coding?.find((c) => c.system === LOINC && typeof c.code === 'string' && LOINC_TESTS[c.code] !== undefined);
  const test = coding?.code ? LOINC_TESTS[coding.code] : undefined;
  if (!test) return { type: 'not-understood', reason: 'Observation' };
  const date = fhirDate(resource.effectiveDateTime ?? resource.effectivePeriod?.start ?? resource.issued);
  if (!date) return { type: 'rejected', problems: [{ field: 'effectiveDateTime', reason: 'the result has no full date' }] };
  const quantity = resource.valueQuantity;
  const comparator = quantity?.comparator === '<' || quantity?.comparator === '<=' ? '<' : quantity?.comparator === '>' || quantity?.comparator === '>=' ? '>' : '';
  const read = readLabValue(test, quantity?.value === undefined ? '' : `${comparator}${quantity.value}`, quantity?.unit ?? quantity?.code ?? '');
  if ('reason' in read) return { type: 'rejected', problems: [{ field: read.field === 'unit' ? 'valueQuantity.unit' : 'valueQuantity', reason: read.reason }] };
  const name = conceptText(resource.code) ?? coding?.code ?? test;
  return { type: 'rows', subject: subjectOf(resource.subject, resolver, resource), rows: [{ kind: 'results', test, ...read, date, nameAsWritten: name.slice(0, 200) }] };
}

/** Maps one resource. */
export function mapResource(resource: Resource, resolver: Resolver): FhirMapping {
  switch (resource.resourceType) {
    case 'Patient': return { type: 'patient', nhsNumber: patientNhsNumber(resource) };
    case 'MedicationStatement':
    case 'MedicationRequest': return medication(resource, resolver);
    case 'Condition': return condition(resource, resolver);
    case 'Encounter': return encounter(resource, resolver);
    case 'RelatedPerson': return relatedPerson(resource, resolver);
    case 'Observation': return observation(resource, resolver);
    case 'Consent':
    case 'DocumentReference':
    case 'CarePlan':
    case 'Flag': return carePlanRecord(resource, resolver);
    case 'Medication': return { type: 'reference-only' };
    default: return { type: 'not-understood', reason: String((resource as { resourceType: unknown }).resourceType) };
  }
}

/** Looks like a FHIR resource: an object with a string resourceType. */
export function isResource(value: unknown): value is Resource {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && typeof (value as { resourceType?: unknown }).resourceType === 'string';
}

/** An index of resources by every name a reference may use: fullUrl, Type/id, and the fullUrl's trailing Type/id. */
export class ResourceIndex implements Resolver {
  private readonly byKey = new Map<string, Resource>();

  add(resource: Resource, fullUrl?: string): void {
    if (fullUrl) {
      this.byKey.set(fullUrl, resource);
      const m = /([A-Za-z]+\/[A-Za-z0-9\-.]{1,64})(?:\/_history\/.*)?$/.exec(fullUrl);
      if (m?.[1] && !fullUrl.startsWith('urn:')) this.byKey.set(m[1], resource);
    }
    if (typeof resource.id === 'string') this.byKey.set(`${resource.resourceType}/${resource.id}`, resource);
  }

  resolve(reference: string, container?: Resource): Resource | undefined {
    if (reference.startsWith('#')) {
      const contained = (container as { contained?: Resource[] } | undefined)?.contained ?? [];
      return contained.find((c) => `#${c.id}` === reference);
    }
    const direct = this.byKey.get(reference);
    if (direct) return direct;
    const m = /([A-Za-z]+\/[A-Za-z0-9\-.]{1,64})(?:\/_history\/.*)?$/.exec(reference);
    return m?.[1] ? this.byKey.get(m[1]) : undefined;
  }
}
