import { writeFileSync } from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importRecords } from '../../main/services/imports';
import { AppError } from '../../shared/errors';
import { openTempStore, type TempStore } from '../helpers/tempStore';
import { fingerprint, fixture } from './helpers';

let t: TempStore;
beforeAll(async () => {
  t = await openTempStore();
  await importRecords(t.ctx, fixture('patients-messy.csv'));
});
afterAll(() => t?.cleanup());

const HEADERS = [
  'NHS Number,Name,DOB,Sex,Care Home', 'NHS No,Drug,Directions,Status', 'nhs_number,condition,code,onset_date', 'NHS Number,Event,Date,Details',
  'NHS Number,Element,Value,Recorded On', 'NHS Number,Review,Date,By', 'NHS Number,Name,Relationship,Phone,Email',
];
const RESOURCE_TYPES = ['Patient', 'MedicationStatement', 'MedicationRequest', 'Condition', 'Encounter', 'RelatedPerson', 'Consent', 'Flag', 'CarePlan', 'DocumentReference', 'Bundle', 'Medication', 'Observation'];

const garbage = fc.oneof(
  fc.string({ maxLength: 400 }),
  fc.uint8Array({ maxLength: 400 }).map((bytes) => Buffer.from(bytes)),
  fc.tuple(fc.constantFrom(...HEADERS), fc.array(fc.array(fc.string({ maxLength: 30 }), { maxLength: 6 }), { maxLength: 8 }))
    .map(([header, rows]) => `${header}\n${rows.map((r) => r.join(',')).join('\n')}`),
  fc.tuple(fc.constantFrom(...RESOURCE_TYPES), fc.dictionary(fc.constantFrom('id', 'subject', 'patient', 'status', 'code', 'medicationCodeableConcept',
    'medicationReference', 'clinicalStatus', 'class', 'period', 'entry', 'category', 'dateTime', 'name', 'relationship', 'identifier', 'dosage'),
    fc.jsonValue({ maxDepth: 3 }))).map(([resourceType, rest]) => JSON.stringify({ ...rest, resourceType })),
  fc.array(fc.jsonValue({ maxDepth: 2 }), { maxLength: 5 }).map((values) => values.map((v) => JSON.stringify(v)).join('\n')),
);

describe('garbage in', () => {
  it('H8: never throws anything but a readable rejection out of the importer, and never changes the register or records', async () => {
    const before = await fingerprint(t.file);
    const file = path.join(t.dir, 'garbage.dat');
    await fc.assert(fc.asyncProperty(garbage, fc.boolean(), async (content, strict) => {
      writeFileSync(file, content);
      try {
        const outcome = await importRecords(t.ctx, file, { force: true, strict });
        expect(outcome.report.accepted).toBe(0);
      } catch (error) {
        expect(error).toBeInstanceOf(AppError);
        expect((error as AppError).message.length).toBeGreaterThan(10);
      }
      expect(await fingerprint(t.file)).toBe(before);
    }), { numRuns: 200 });
  });
});
