import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { FhirResource } from 'fhir/r4';
import { afterEach, describe, expect, it } from 'vitest';
import { mapResource, NHS_NUMBER_SYSTEM } from '../../main/imports/records/fhir';
import { importRecords } from '../../main/services/imports';
import { openTempStore, type TempStore } from '../helpers/tempStore';
import { fingerprint, fixture } from './helpers';

let t: TempStore;
afterEach(() => t?.cleanup());

const EXAMPLES = path.resolve(__dirname, '../../node_modules/hl7.fhir.r4.examples');
const TYPES = ['Patient', 'MedicationStatement', 'MedicationRequest', 'Medication', 'Condition', 'Encounter', 'RelatedPerson', 'Consent',
  'CarePlan', 'Flag', 'DocumentReference', 'Bundle', 'Observation', 'Practitioner', 'AllergyIntolerance', 'Procedure'];
const exampleFiles = readdirSync(EXAMPLES).filter((f) => TYPES.includes(f.split('-')[0] ?? '') && f.endsWith('.json'));

async function registerMary() {
  await importRecords(t.ctx, fixture('patients-messy.csv'));
}

describe('FHIR R4 imports', () => {
  it('imports a UK Core collection Bundle: references by urn:uuid, Type/id, contained #id and NHS-number identifier', async () => {
    t = await openTempStore();
    await registerMary();
    const outcome = await importRecords(t.ctx, fixture('fhir-bundle.json'));
    expect(outcome.format).toBe('fhir');
    expect(outcome.report).toMatchObject({ kind: 'fhir', read: 16, accepted: 8 });
    expect(outcome.report.rejected).toEqual([{ line: 'entry 15 (MedicationStatement/ms2)', field: 'subject', reason: expect.stringMatching(/Patient\/missing.*not in the file/) }]);
    expect(outcome.summary.notOnRegister).toBe(2);
    expect(outcome.summary.notUnderstood).toEqual({ Practitioner: 1, Observation: 1 });
    expect(outcome.summary.skipped).toEqual({ 'Condition not active (clinical status resolved)': 1 });
    const mary = (await t.store.residents.findByNhsNumber('9990000379'))!;
    const [snap] = await t.store.snapshots.load({ residentIds: [mary.id] });
    expect(snap!.medications.map((m) => [m.name, m.type, m.dose]).sort()).toEqual([
      ['Amlodipine 5mg tablets', 'repeat', 'One tablet once a day'], ['Amoxicillin 500mg capsules', 'acute', 'One capsule three times a day for 5 days']]);
    expect(snap!.conditions.map((c) => [c.name, c.code, c.onset])).toEqual([['Atrial fibrillation', '49436004', '2019-11-04']]);
    expect(snap!.events.map((e) => [e.type, e.date]).sort()).toEqual([['a-and-e', '2026-11-21'], ['admission', '2026-11-02'], ['discharge', '2026-11-09']]);
    expect(snap!.carePlans.map((c) => [c.element, c.value, c.recordedOn, c.reviewDue]).sort()).toEqual([
      ['dnacpr', 'in-place', '2026-02-15', null], ['respect', 'not-for-cpr', '2026-03-01', '2027-03-01']]);
    const detail = await t.store.residents.get(mary.id);
    expect(detail.representatives).toEqual([expect.objectContaining({ name: 'Susan Smith', relationship: 'daughter', phone: '01632 960001' })]);
  });

  it('H13: reads creatinine clearance, eGFR, creatinine and weight Observations by their LOINC codes; others stay not understood', async () => {
    t = await openTempStore();
    await registerMary();
    const file = path.join(t.dir, 'observations.json');
    const subject = { identifier: { system: NHS_NUMBER_SYSTEM, value: '9990000379' } };
    const obs = (id: string, code: string, value: number, unit: string, date = '2026-10-01T09:30:00Z', comparator?: string) => ({ resource: {
      resourceType: 'Observation', id, status: 'final', subject, effectiveDateTime: date,
      code: { coding: [{ system: 'http://loinc.org', code }] }, valueQuantity: { value, unit, ...(comparator ? { comparator } : {}) } } });
    writeFileSync(file, JSON.stringify({ resourceType: 'Bundle', type: 'collection', entry: [
      obs('o1', '2164-2', 34, 'mL/min'), obs('o2', '62238-1', 90, 'mL/min/{1.73_m2}', '2026-10-01', '>'), obs('o3', '14682-9', 140, 'umol/L'),
      obs('o4', '29463-7', 57.5, 'kg'), obs('o5', '2160-0', 1.4, 'mg/dL'), obs('o6', '8867-4', 72, '/min'),
    ] }));
    const outcome = await importRecords(t.ctx, file);
    expect(outcome.report.accepted).toBe(4);
    expect(outcome.report.rejected).toEqual([{ line: expect.stringContaining('Observation/o5'), field: 'valueQuantity.unit', reason: expect.stringContaining('“mg/dL” is not a unit') }]);
    expect(outcome.summary.notUnderstood).toEqual({ Observation: 1 });
    const mary = (await t.store.residents.findByNhsNumber('9990000379'))!;
    const [snap] = await t.store.snapshots.load({ residentIds: [mary.id] });
    expect(snap!.results).toEqual([
      { test: 'crcl', value: 34, comparator: null, unit: 'mL/min', date: '2026-10-01' },
      { test: 'creatinine', value: 140, comparator: null, unit: 'micromol/L', date: '2026-10-01' },
      { test: 'egfr', value: 90, comparator: '>', unit: 'mL/min/1.73m2', date: '2026-10-01' },
      { test: 'weight', value: 57.5, comparator: null, unit: 'kg', date: '2026-10-01' },
    ]);
  });

  it('streams NDJSON (bulk export): patients indexed first, a broken line rejected, the same data idempotent', async () => {
    t = await openTempStore();
    await registerMary();
    const first = await importRecords(t.ctx, fixture('fhir-bundle.json'));
    expect(first.report.accepted).toBe(8);
    const before = await fingerprint(t.file);
    const outcome = await importRecords(t.ctx, fixture('fhir-export.ndjson'));
    expect(outcome.report.accepted).toBe(0);
    expect(outcome.report.rejected.map((r) => r.line)).toEqual(['line 4', 'line 14 (MedicationStatement/ms2)']);
    expect(await fingerprint(t.file)).toBe(before);
    const again = await importRecords(t.ctx, fixture('fhir-bundle.json'), { force: true });
    expect(again.report.accepted).toBe(0);
    expect(await fingerprint(t.file)).toBe(before);
  });

  it('reads ReSPECT and DNACPR records from DocumentReference, CarePlan, Consent and Flag by their SNOMED codes', async () => {
    t = await openTempStore();
    await registerMary();
    const outcome = await importRecords(t.ctx, fixture('fhir-acp.json'));
    expect(outcome.report).toMatchObject({ read: 6, accepted: 2, unchanged: 1 });
    expect(outcome.report.rejected).toEqual([{ line: 'entry 5 (Flag/no-date)', field: 'date', reason: 'the record has no full date it was made' }]);
    expect(outcome.summary.skipped).toEqual({ 'CarePlan for advance care planning without a ReSPECT or DNACPR code (record its parts in Roundtable)': 1 });
    expect(outcome.summary.notUnderstood).toEqual({ 'Flag that is not a ReSPECT or DNACPR record': 1 });
    const mary = (await t.store.residents.findByNhsNumber('9990000379'))!;
    const [snap] = await t.store.snapshots.load({ residentIds: [mary.id] });
    expect(snap!.carePlans.map((c) => [c.element, c.value, c.recordedOn]).sort()).toEqual([
      ['dnacpr', 'cancelled', '2024-01-05'], ['respect', 'not-for-cpr', '2026-06-10']]);
  });

  it('reads a home-health Encounter, or one coded as a home visit, as a GP visit at the home', async () => {
    t = await openTempStore();
    await registerMary();
    const subject = { identifier: { system: 'https://fhir.nhs.uk/Id/nhs-number', value: '9990000379' } };
    const encounter = (id: string, cls: string, start: string, type?: unknown) => ({ resource: { resourceType: 'Encounter', id, status: 'finished',
      class: { system: 'http://terminology.hl7.org/CodeSystem/v3-ActCode', code: cls }, subject, period: { start }, ...(type ? { type: [type] } : {}) } });
    const file = path.join(t.dir, 'visits.json');
    writeFileSync(file, JSON.stringify({ resourceType: 'Bundle', type: 'collection', entry: [
      encounter('v1', 'HH', '2026-10-01'),
      encounter('v2', 'AMB', '2026-11-02', { coding: [{ system: 'http://snomed.info/sct', code: '439708006', display: 'Home visit' }] }),
      encounter('v3', 'AMB', '2026-11-03'),
    ] }));
    const outcome = await importRecords(t.ctx, file);
    expect(outcome.report.accepted).toBe(2);
    const [mary] = await t.store.snapshots.load({ residentIds: [(await t.store.residents.findByNhsNumber('9990000379'))!.id] });
    expect(mary?.events.filter((e) => e.type === 'visit').map((e) => e.date)).toEqual(['2026-10-01', '2026-11-02']);
  });

  it('takes a single resource, and rejects whole JSON that is not FHIR', async () => {
    t = await openTempStore();
    const notRegistered = await importRecords(t.ctx, fixture('fhir-condition.json'));
    expect(notRegistered.report).toMatchObject({ read: 1, accepted: 0 });
    expect(notRegistered.summary.notOnRegister).toBe(1);
    await registerMary();
    const single = await importRecords(t.ctx, fixture('fhir-condition.json'), { force: true });
    expect(single.report).toMatchObject({ read: 1, accepted: 1 });
    const bad = path.join(t.dir, 'bad.json');
    writeFileSync(bad, '{"hello": "world"}');
    await expect(importRecords(t.ctx, bad)).rejects.toMatchObject({ code: 'IMPORT_REJECTED', message: expect.stringMatching(/not a FHIR resource/) });
    writeFileSync(bad, '{"resourceType": "Bundle", "entry": [');
    await expect(importRecords(t.ctx, bad)).rejects.toMatchObject({ code: 'IMPORT_REJECTED' });
  });

  it(`imports ${exampleFiles.length} official R4 examples without throwing, counting what it does not understand`, async () => {
    t = await openTempStore();
    expect(exampleFiles.length).toBeGreaterThan(150);
    const totals: Record<string, number> = {};
    let rejectedWhole = 0;
    for (const name of exampleFiles) {
      let outcome;
      try {
        outcome = await importRecords(t.ctx, path.join(EXAMPLES, name), { force: true });
      } catch (error) {
        // a batch/transaction Bundle of bare requests holds no resources: rejected whole, with a message
        expect((error as { code?: string }).code, name).toBe('IMPORT_REJECTED');
        rejectedWhole++;
        continue;
      }
      const s = outcome.summary;
      const accounted = outcome.report.accepted + outcome.report.unchanged + new Set(outcome.report.rejected.map((r) => r.line)).size +
        (s.notOnRegister ?? 0) + Object.values(s.notUnderstood ?? {}).reduce((a, b) => a + b, 0) + Object.values(s.skipped ?? {}).reduce((a, b) => a + b, 0);
      expect(accounted, name).toBe(outcome.report.read);
      for (const [k, n] of Object.entries(s.notUnderstood ?? {})) totals[k] = (totals[k] ?? 0) + n;
    }
    expect(rejectedWhole).toBeLessThan(5);
    expect(totals.Observation).toBeGreaterThan(0);
    expect(totals.Practitioner).toBeGreaterThan(0);
  });

  it('maps every official example resource for a registered patient without throwing', () => {
    const patient = { resourceType: 'Patient', id: 'x', identifier: [{ system: NHS_NUMBER_SYSTEM, value: '9990000379' }] } as FhirResource;
    const resolver = { resolve: () => patient };
    const kinds = new Set<string>();
    for (const name of exampleFiles.filter((f) => !f.startsWith('Bundle'))) {
      const resource = JSON.parse(readFileSync(path.join(EXAMPLES, name), 'utf8')) as FhirResource;
      const mapping = mapResource(resource, resolver);
      kinds.add(mapping.type);
      if (mapping.type === 'rows') expect(mapping.subject, name).toEqual({ ok: true, nhsNumber: '9990000379' });
    }
    expect(kinds).toEqual(new Set(['patient', 'rows', 'skip', 'rejected', 'not-understood', 'reference-only']));
  });
});

describe('FHIR dosage.asNeeded', () => {
  const patient = { resourceType: 'Patient', id: 'p', identifier: [{ system: NHS_NUMBER_SYSTEM, value: '9990000379' }] } as FhirResource;
  const resolver = { resolve: () => patient };
  const statement = (name: string, dosage: Record<string, unknown>) => ({
    resourceType: 'MedicationStatement', id: 'm', status: 'active', subject: { reference: 'Patient/p' },
    medicationCodeableConcept: { text: name }, dosage: [dosage],
  }) as FhirResource;
  const asNeeded = (resource: FhirResource) => {
    const m = mapResource(resource, resolver);
    return m.type === 'rows' && m.rows[0]?.kind === 'medications' ? m.rows[0].asNeeded : 'not a medicine row';
  };

  it('stores asNeededBoolean and asNeededCodeableConcept; an injection given as needed is just in case', () => {
    expect(asNeeded(statement('Paracetamol 500mg tablets', { text: 'Two tablets', asNeededBoolean: true }))).toBe('as-required');
    expect(asNeeded(statement('Lorazepam 500microgram tablets', { text: 'One tablet', asNeededCodeableConcept: { text: 'anxiety' } }))).toBe('as-required');
    expect(asNeeded(statement('Midazolam 10mg/2ml solution for injection', { text: '2.5mg', asNeededBoolean: true }))).toBe('just-in-case');
    expect(asNeeded(statement('Sertraline 50mg tablets', { text: 'One each morning', asNeededBoolean: false }))).toBeNull();
    const request = { resourceType: 'MedicationRequest', id: 'r', status: 'active', intent: 'order', subject: { reference: 'Patient/p' },
      medicationCodeableConcept: { text: 'Haloperidol 5mg/1ml solution for injection' }, dosageInstruction: [{ text: '500 micrograms subcutaneously', asNeededBoolean: true }] } as FhirResource;
    expect(asNeeded(request)).toBe('just-in-case');
  });
});

