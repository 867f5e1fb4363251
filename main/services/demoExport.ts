/**
 * The demo practice written as a practice would export it: CSV files per kind and a FHIR R4 Bundle of
 * conditions, so the demo goes through the same importers as real data.
 */
import { writeFileSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import type { Bundle, Condition, Patient } from 'fhir/r4';
import { formatUkDate } from '../../shared/dates';
import { csvLine } from '../imports/csvWrite';
import { NHS_NUMBER_SYSTEM } from '../imports/records/fhir';
import type { DemoPractice } from './demoData';

const CONTACT = { 'in-person': 'in person', phone: 'phone', video: 'video', not: 'none' } as const;

function write(file: string, header: string[], rows: (string | number | boolean | null | undefined)[][]): string {
  writeFileSync(file, [csvLine(header), ...rows.map(csvLine)].join('\r\n') + '\r\n', 'utf8');
  return file;
}

/** Writes the export files; returns them in the order they must be imported (patients first). */
export function writeDemoExport(dir: string, demo: DemoPractice, homeNames: string[]): string[] {
  mkdirSync(dir, { recursive: true });
  const d = (iso: string | null | undefined) => (iso ? formatUkDate(iso) : '');
  const files: string[] = [];
  const residents = demo.residents;
  files.push(write(path.join(dir, 'patients.csv'), ['NHS Number', 'Name', 'Date of Birth', 'Sex', 'Care Home', 'Room', 'Admission Date'],
    residents.map((r) => [r.resident.nhsNumber, `${r.resident.familyName.toUpperCase()}, ${r.resident.givenName}`, d(r.resident.dateOfBirth),
      r.resident.sex, homeNames[r.homeIndex], r.resident.room, d(r.resident.admissionDate)])));
  files.push(write(path.join(dir, 'representatives.csv'), ['NHS Number', 'Name', 'Relationship', 'Phone', 'Email', 'LPA Health and Welfare', 'Preferred Contact'],
    residents.flatMap((r) => r.representatives.map((p) => [r.resident.nhsNumber, p.name, p.relationship, p.phone, p.email,
      p.holdsLpaHealthWelfare ? 'yes' : 'no', CONTACT[p.preferredContact ?? 'phone']]))));
  files.push(write(path.join(dir, 'medications.csv'), ['NHS Number', 'Medication', 'Dose', 'Start Date', 'Type', 'Last Issued', 'Status', 'Date Stopped'],
    residents.flatMap((r) => (r.records.medications ?? []).map((m) => [r.resident.nhsNumber, m.name, m.dose, d(m.startDate), m.type,
      d(m.lastIssued), m.status, d(m.stoppedOn)]))));
  files.push(write(path.join(dir, 'events.csv'), ['NHS Number', 'Event', 'Date', 'Details'],
    residents.flatMap((r) => (r.records.events ?? []).map((e) => [r.resident.nhsNumber, e.type === 'a-and-e' ? 'A&E' : e.type === 'visit' ? 'Care home visit' : e.type, d(e.date), e.details]))));
  files.push(write(path.join(dir, 'acp.csv'), ['NHS Number', 'Element', 'Value', 'Recorded On', 'Review Due'],
    residents.flatMap((r) => (r.records.carePlans ?? []).map((c) => [r.resident.nhsNumber, c.element, c.value, d(c.recordedOn), d(c.reviewDue)]))));
  files.push(write(path.join(dir, 'reviews.csv'), ['NHS Number', 'Review', 'Date', 'By'],
    residents.flatMap((r) => (r.records.reviews ?? []).map((v) => [r.resident.nhsNumber, v.rule, d(v.doneOn), v.doneBy]))));

  // Conditions as a FHIR R4 collection Bundle (UK Core shape), referencing patients by urn:uuid.
  const entry: NonNullable<Bundle['entry']> = [];
  residents.forEach((r, i) => {
    const patientUrl = `urn:uuid:00000000-0000-4000-8000-${String(i + 1).padStart(12, '0')}`;
    const patient: Patient = {
      resourceType: 'Patient', meta: { profile: ['https://fhir.hl7.org.uk/StructureDefinition/UKCore-Patient'] },
      identifier: [{ system: NHS_NUMBER_SYSTEM, value: r.resident.nhsNumber }],
      name: [{ use: 'official', family: r.resident.familyName, given: [r.resident.givenName] }], birthDate: r.resident.dateOfBirth,
      gender: r.resident.sex === 'female' || r.resident.sex === 'male' ? r.resident.sex : 'unknown',
    };
    entry.push({ fullUrl: patientUrl, resource: patient });
    (r.records.conditions ?? []).forEach((c, j) => {
      const condition: Condition = {
        resourceType: 'Condition', meta: { profile: ['https://fhir.hl7.org.uk/StructureDefinition/UKCore-Condition'] },
        clinicalStatus: { coding: [{ system: 'http://terminology.hl7.org/CodeSystem/condition-clinical', code: 'active' }] },
        code: c.code ? { coding: [{ system: 'http://snomed.info/sct', code: c.code, display: c.name }], text: c.name } : { text: c.name },
        subject: { reference: patientUrl }, ...(c.onset ? { onsetDateTime: c.onset } : {}),
      };
      entry.push({ fullUrl: `urn:uuid:00000000-0000-4000-9000-${String((i + 1) * 100 + j).padStart(12, '0')}`, resource: condition });
    });
  });
  const bundle: Bundle = { resourceType: 'Bundle', type: 'collection', entry };
  const fhirFile = path.join(dir, 'conditions.fhir.json');
  writeFileSync(fhirFile, JSON.stringify(bundle, null, 2), 'utf8');
  files.push(fhirFile);
  return files;
}
