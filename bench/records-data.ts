/** Synthetic practice exports of any size (test-range NHS numbers), written in chunks so memory stays flat. */
import { execFileSync } from 'node:child_process';
import { closeSync, openSync, writeSync } from 'node:fs';
import path from 'node:path';
import { testNhsNumber } from '../main/services/demoData';

const DRUGS = ['Sertraline 50mg tablets', 'Amlodipine 5mg tablets', 'Paracetamol 500mg tablets', 'Donepezil 10mg tablets', 'Ramipril 2.5mg capsules',
  'Atorvastatin 20mg tablets', 'Lansoprazole 15mg capsules', 'Furosemide 40mg tablets', 'Bisoprolol 2.5mg tablets', 'Apixaban 5mg tablets',
  'Senna 7.5mg tablets', 'Laxido oral powder sachets', 'Mirtazapine 15mg tablets', 'Levothyroxine 50microgram tablets', 'Metformin 500mg tablets',
  'Quetiapine 25mg tablets', 'Zopiclone 3.75mg tablets', 'Adcal-D3 chewable tablets', 'Oxybutynin 5mg tablets', 'Gabapentin 300mg capsules'];

function writer(file: string) {
  const fd = openSync(file, 'w');
  let buffer: string[] = [];
  let size = 0;
  const flush = () => {
    if (buffer.length) writeSync(fd, buffer.join(''));
    buffer = [];
    size = 0;
  };
  return {
    line(text: string) {
      buffer.push(`${text}\r\n`);
      size += text.length;
      if (size > 1 << 20) flush();
    },
    close() {
      flush();
      closeSync(fd);
    },
  };
}

/** Writes patients.csv (patients rows, 10 homes) and medications.csv (medications rows spread over them). */
export function writeRecordFiles(dir: string, patients: number, medications: number, variant = 0): { patients: string; medications: string } {
  const files = { patients: path.join(dir, 'patients.csv'), medications: path.join(dir, 'medications.csv') };
  const p = writer(files.patients);
  p.line('NHS Number,Name,Date of Birth,Sex,Care Home,Room,Admission Date');
  for (let i = 0; i < patients; i++) {
    const dob = `${String(1 + (i % 28)).padStart(2, '0')}/${String(1 + (i % 12)).padStart(2, '0')}/${1925 + (i % 20)}`;
    p.line(`${testNhsNumber(i * 7 + 1)},"PATIENT${i}, Synthetic",${dob},${i % 2 ? 'F' : 'M'},Bench Home ${i % 10},${i % 60},01/01/2025`);
  }
  p.close();
  const m = writer(files.medications);
  m.line('NHS Number,Medication,Dose,Start Date,Type,Last Issued,Status');
  const perPatient = Math.max(1, Math.ceil(medications / patients));
  for (let j = 0; j < medications; j++) {
    const patient = Math.floor(j / perPatient) % patients;
    const k = j % perPatient;
    const drug = `${DRUGS[k % DRUGS.length]}${k >= DRUGS.length ? ` (${Math.floor(k / DRUGS.length)})` : ''}`;
    m.line(`${testNhsNumber(patient * 7 + 1)},${drug},"One to be taken ${variant % 2 ? 'twice' : 'each'} day, with food",01/02/2025,Repeat,01/11/2026,Active`);
  }
  m.close();
  return files;
}

/** Writes export.ndjson: one Patient line per patient, then MedicationStatement lines (bulk-data style, Type/id references). */
export function writeNdjson(dir: string, patients: number, statements: number): string {
  const file = path.join(dir, 'export.ndjson');
  const out = writer(file);
  for (let i = 0; i < patients; i++) {
    out.line(JSON.stringify({ resourceType: 'Patient', id: `p${i}`, identifier: [{ system: 'https://fhir.nhs.uk/Id/nhs-number', value: testNhsNumber(i * 7 + 1) }],
      name: [{ family: `PATIENT${i}`, given: ['Synthetic'] }], birthDate: '1930-01-01' }));
  }
  const perPatient = Math.max(1, Math.ceil(statements / patients));
  for (let j = 0; j < statements; j++) {
    const patient = Math.floor(j / perPatient) % patients;
    const k = j % perPatient;
    out.line(JSON.stringify({ resourceType: 'MedicationStatement', id: `ms${j}`, status: 'active',
      medicationCodeableConcept: { text: `${DRUGS[k % DRUGS.length]}${k >= DRUGS.length ? ` (${Math.floor(k / DRUGS.length)})` : ''}` },
      subject: { reference: `Patient/p${patient}` }, effectivePeriod: { start: '2025-02-01' }, dosage: [{ text: 'One to be taken each day, with food' }] }));
  }
  out.close();
  return file;
}

/** One timed records import in its own process (bench/records-import-child.ts), so its peak RSS is its own. */
export function importInChild(file: string, db: string): { ms: number; maxRssMb: number; read: number; accepted: number; rejected: number } {
  const out = execFileSync(process.execPath, ['--import', 'tsx', path.join(import.meta.dirname, 'records-import-child.ts'), file, db],
    { cwd: path.resolve(import.meta.dirname, '..'), encoding: 'utf8', maxBuffer: 1 << 26 });
  return JSON.parse(out) as ReturnType<typeof importInChild>;
}
