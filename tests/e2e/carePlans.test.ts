/**
 * Advance care plans as a practice nurse uses them: read a resident's plan (the CPR status from the
 * current ReSPECT form, never the superseded one), record a DNACPR decision with who took part, see the
 * conflict in red on the resident view and first on the Care plans screen, then resolve it.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHarness, type Harness } from './harness';

const TODAY = '2026-11-23';
let h: Harness;
let edithId: number;

beforeAll(async () => {
  h = await startHarness({ today: TODAY, practice: { name: 'Riverside Medical Practice', odsCode: 'Y12345' } });
  const home = await h.invoke('homes:create', { home: { name: 'Willow Court', type: 'nursing' } });
  await h.invoke('homes:create', { home: { name: 'Oak Lodge', type: 'residential' } });
  const edith = await h.invoke('residents:create', {
    resident: { nhsNumber: '943 476 5919', familyName: 'Example', givenName: 'Edith', preferredName: 'Edie', dateOfBirth: '1938-04-02', sex: 'female',
      homeId: home.id, admissionDate: '2024-06-01' },
    representatives: [{ name: 'Susan Example', relationship: 'Daughter', holdsLpaHealthWelfare: true, lpaRegisteredOn: '2023-02-01', preferredContact: 'phone' }],
  });
  edithId = edith.id;
  await h.invoke('residents:create', { resident: { nhsNumber: '987 654 3210', familyName: 'Sample', givenName: 'Albert', dateOfBirth: '1935-01-20',
    sex: 'male', homeId: home.id, admissionDate: '2026-01-05' } });
  // An old "not for CPR" form, superseded by this year's "for CPR" one.
  await h.store.records.add(h.ctx.actor, edith.id, { carePlans: [
    { element: 'respect', value: 'not-for-cpr', recordedOn: '2024-07-01', reviewDue: '2025-07-01' },
    { element: 'respect', value: 'for-cpr', recordedOn: '2026-02-01', reviewDue: '2027-02-01', details: { treatmentFocus: 'balanced' },
      participants: { resident: { tookPart: true, hadCapacity: true }, clinician: 'Dr Amara Okafor (GP)' } },
    { element: 'preferred-place-of-death', value: 'Here, at Willow Court', recordedOn: '2026-02-01', reviewDue: null },
  ] }, 'import');
});

afterAll(async () => {
  await h?.close();
});

async function step(name: string): Promise<void> {
  expect(await h.audit(), name).toEqual([]);
  await h.screenshot(name);
}

const cpr = () => h.page.getByTestId('cpr-status');

describe('advance care plans', () => {
  it('H4: shows the CPR status from the current ReSPECT form only, with the history kept apart', async () => {
    await h.open(`/residents/${edithId}`);
    await h.page.getByRole('heading', { name: 'Advance care plan' }).waitFor();
    await cpr().getByText('For attempted CPR').waitFor();
    expect(await cpr().textContent()).not.toContain('Not for');
    expect(await h.page.getByText('Earlier entries (1), replaced by newer ones').count()).toBe(1);
    expect(await h.page.locator('main').textContent()).toContain('Who took part: Edie (had capacity), Dr Amara Okafor (GP)');
    await step('care-plans-01-resident-current');
  });

  it('records a DNACPR decision with who took part, and then shows the two decisions as a conflict in red', async () => {
    const { page } = h;
    await page.getByRole('link', { name: 'Record a care plan entry' }).click();
    await page.getByRole('heading', { level: 1, name: 'Record a care plan entry' }).waitFor();
    await page.getByRole('button', { name: 'Save entry' }).click();
    await page.locator('.nhsuk-error-summary').getByText('Select what you are recording').waitFor();
    await step('care-plans-02-form-errors');

    await page.getByLabel('What are you recording?').selectOption('dnacpr');
    await page.getByRole('button', { name: 'Save entry' }).click();
    await page.locator('.nhsuk-error-summary').getByText('Select whether the DNACPR decision is in place or cancelled').waitFor();
    await page.getByRole('radio', { name: 'In place: not for attempted CPR' }).check();
    await page.getByLabel('Who was involved in the decision (optional)').fill('Dr Amara Okafor, Edie and her daughter Susan');
    await page.getByLabel('Who was told about it (optional)').fill('Senior carer on duty');
    await page.getByLabel('Date recorded').fill('20/11/2026');
    await page.getByLabel('Edie took part').check();
    await page.getByRole('radio', { name: 'Yes' }).check();
    await page.getByLabel('Susan Example (daughter)').check();
    await page.getByLabel('Clinician').fill('Dr Amara Okafor (GP)');
    await step('care-plans-03-form-filled');
    await page.getByRole('button', { name: 'Save entry' }).click();

    await page.getByText('DNACPR decision recorded for Edith Example').waitFor();
    const conflict = cpr().locator('[data-cpr="conflict"]');
    await conflict.waitFor();
    expect(await conflict.textContent()).toContain('CPR decisions conflict (ReSPECT 01/02/2026: for attempted CPR; DNACPR 20/11/2026: not for attempted CPR)');
    const colour = await page.evaluate('getComputedStyle(document.querySelector("[data-testid=cpr-status] [data-cpr=conflict] p")).color');
    expect(colour).toBe('rgb(213, 40, 27)');
    expect(await page.locator('main').textContent()).toContain('Who took part: Edie (had capacity), Susan Example (daughter), Dr Amara Okafor (GP)');
    await step('care-plans-04-resident-conflict');
  });

  it('lists conflicts first on the Care plans screen, with coverage per home and kindly worded items', async () => {
    const { page } = h;
    await page.getByRole('link', { name: 'Care plans' }).first().click();
    await page.getByRole('heading', { level: 1, name: 'Advance care plans' }).waitFor();
    const coverage = page.locator('[data-testid=coverage-table] tbody tr').filter({ hasText: 'Willow Court' });
    expect(await coverage.textContent()).toContain('1 of 2 (50%)');
    // One row per resident, conflicts first; what to talk about sits in each row's details.
    const cards = page.locator('[data-testid=care-plans-table] tbody tr');
    expect(await cards.count()).toBe(2);
    expect(await cards.nth(0).textContent()).toContain('Edith Example (Edie)');
    expect(await cards.nth(0).locator('[data-cpr="conflict"]').count()).toBe(1);
    expect(await cards.nth(1).textContent()).toContain('There is no advance care plan for Albert, who moved in on 05/01/2026');
    expect(await cards.nth(1).textContent()).toContain('No CPR decision recorded');
    await step('care-plans-05-overview');

    // One home at a time, for a practice with several.
    await page.getByLabel('Care home').selectOption({ label: 'Oak Lodge' });
    await page.getByText('Nobody is living at this home yet.').waitFor();
    expect(await h.audit()).toEqual([]);
    expect(await page.locator('tbody tr').count()).toBe(1);
    await page.getByLabel('Care home').selectOption({ label: 'All care homes' });
    await cards.nth(1).waitFor();

    // Albert's own record says what to talk about, and that no CPR decision is recorded.
    await cards.nth(1).getByRole('link', { name: 'Albert Sample' }).click();
    await page.getByRole('heading', { name: 'To talk about with Albert' }).waitFor();
    expect(await cpr().textContent()).toBe('No CPR decision recorded');
    expect(await page.locator('main').textContent()).toContain('about 15 minutes');
    await step('care-plans-05b-resident-gaps');
  });

  it('clears the conflict once a new ReSPECT form agrees, keeping the old form in the history', async () => {
    await h.invoke('carePlans:add', { residentId: edithId, entry: { element: 'respect', value: 'not-for-cpr', recordedOn: '2026-11-21', reviewDue: '2027-11-21' } });
    await h.open(`/residents/${edithId}`);
    await cpr().getByText('Not for attempted CPR').waitFor();
    expect(await cpr().locator('[data-cpr="conflict"]').count()).toBe(0);
    await h.page.getByText('Earlier entries (2), replaced by newer ones').click();
    await step('care-plans-06-resolved-history');
    expect(h.problems).toEqual([]);
  });
});
