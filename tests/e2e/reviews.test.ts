/**
 * Medication reviews as a practice nurse uses them: the Reviews screen with each review's reason and where
 * it fits on the coming rounds, recording one done (it leaves the list at once), the medicines panel on
 * the resident's page, and the Settings screen. Every screen passes the accessibility audit.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { residentInput } from '../../shared/domain/register';
import { sampleHome, sampleResident } from '../helpers/tempStore';
import { startHarness, type Harness } from './harness';

let h: Harness;
let edithId = 0;

beforeAll(async () => {
  h = await startHarness({ today: '2026-11-23', practice: { name: 'Riverside Medical Practice', odsCode: 'Y12345' } });
  const home = await h.store.homes.create(h.ctx.actor, { ...sampleHome, roundDay: 'tuesday', roundCapacityMinutes: 40 });
  const edith = await h.store.residents.create(h.ctx.actor, residentInput.parse({ ...sampleResident(home.id), admissionDate: '2024-01-01', dementia: true }));
  edithId = edith.id;
  await h.store.records.add(h.ctx.actor, edith.id, {
    medications: [
      { name: 'Risperidone 500microgram tablets', dose: 'One tablet at night', startDate: '2026-09-02', type: 'repeat', status: 'active' },
      { name: 'Amitriptyline 10mg tablets', dose: 'One tablet at night', startDate: '2026-03-01', type: 'repeat', status: 'active' },
      { name: 'Apixaban 2.5mg tablets', dose: 'One tablet twice a day', startDate: '2025-03-01', type: 'repeat', status: 'active' },
      { name: 'Zyxoprine 10mg tablets', dose: null, startDate: '2026-03-01', type: 'repeat', status: 'active' },
    ],
    reviews: [
      { rule: 'smr', doneOn: '2026-01-10', doneBy: 'Tom Briggs', outcome: 'Reviewed' },
      { rule: 'antipsychotic-dementia', doneOn: '2026-10-01', doneBy: 'Dr Okafor', outcome: 'Continue' },
      { rule: 'monitoring-doac', doneOn: '2026-06-01', doneBy: 'Practice nurse', outcome: 'eGFR 48' },
    ],
  }, 'test');
  const fred = await h.store.residents.create(h.ctx.actor, residentInput.parse({ ...sampleResident(home.id, { nhsNumber: '9434765870', givenName: 'Fred', familyName: 'Sample', dementia: false }), admissionDate: '2024-01-01' }));
  await h.store.records.add(h.ctx.actor, fred.id, { reviews: [{ rule: 'smr', doneOn: '2025-10-01', doneBy: 'Tom Briggs', outcome: 'Reviewed' }] }, 'test');
});

afterAll(async () => {
  await h?.close();
});

async function step(name: string): Promise<void> {
  expect(await h.audit(), name).toEqual([]);
  await h.screenshot(name);
}

describe('medication reviews', () => {
  it('H3: shows what is due and why, overdue first, and where it fits on the rounds', async () => {
    const { page } = h;
    await h.open('/reviews');
    await page.getByRole('heading', { level: 1, name: 'Medication reviews' }).waitFor();
    // One row per resident; the reasons, and why each is due, open from the row.
    await page.getByTestId('reviews-table').waitFor();
    expect(await page.locator('[data-testid=reviews-table] tbody tr').count()).toBe(2);
    await page.locator('summary', { hasText: 'details for Fred Sample' }).click();
    await page.getByText('Structured medication review every 12 months; last review 01/10/2025').waitFor();
    const main = (await page.locator('main').textContent()) ?? '';
    expect(main).toContain('Risperidone since 02/09/2026 with dementia: antipsychotic review every 6 weeks; last review 01/10/2026, due 12/11/2026 — overdue by 11 days');
    expect(main).toContain('Overdue: 2');
    // Nothing is on the projected round's agenda yet (0 of 40 minutes, 40 left, as a round would say); the reviews suggested for it take 37,
    // the minutes the round itself would give them (the round's time model: 15 + 15 + 7).
    expect(await page.locator('[data-testid=rounds-table] tbody tr').first().textContent()).toMatch(/Test Lodge: Tuesday 24\/11\/2026.*from the usual round day0 of 40 minutes40 minutes37 minutes/);
    expect(await page.title()).toBe('Medication reviews – Roundtable');
    expect(await page.locator('.nhsuk-header__navigation-item--current').textContent()).toContain('Reviews');
    await step('20-reviews');
  });

  it('records a review done, and it leaves the list at once', async () => {
    const { page } = h;
    await page.locator('summary', { hasText: 'details for Edith Example' }).click();
    await page.getByRole('link', { name: 'Record this review (Antipsychotic review (dementia)) for Edith Example' }).click();
    await page.getByRole('heading', { level: 1, name: /Antipsychotic review \(dementia\)/ }).waitFor();
    await page.getByRole('button', { name: 'Save' }).click();
    await page.locator('.nhsuk-error-summary').waitFor();
    expect(await page.locator('.nhsuk-error-summary').textContent()).toContain('Select whether the review was done or is deferred');
    await page.getByLabel('The review was done').check();
    await page.getByLabel('Who did it').fill('Dr Amara Okafor');
    await page.getByLabel('Outcome').fill('Agitation settled; dose reduced with a plan to stop');
    await page.getByLabel('Medicines changed (optional)').fill('Risperidone reduced to 250 micrograms at night');
    await step('21-record-review');
    await page.getByRole('button', { name: 'Save' }).click();
    await page.getByText('Antipsychotic review (dementia) recorded as done for Edith Example. Next due 04/01/2027.').waitFor();
    // the banner shows before the list has loaded again: wait for the list, never read it half-loaded
    await page.getByText('Risperidone reduced to 250 micrograms at night').first().waitFor();
    const main = (await page.locator('main').textContent()) ?? '';
    expect(main).not.toContain('Risperidone since 02/09/2026 with dementia');
    expect(main).toContain('Risperidone reduced to 250 micrograms at night');
    await step('22-reviews-after-recording');
  });

  it('defers a review to a date, with a reason', async () => {
    const { page } = h;
    await page.locator('summary', { hasText: 'details for Fred Sample' }).click();
    await page.getByRole('link', { name: 'Record this review (Structured medication review) for Fred Sample' }).click();
    await page.getByRole('heading', { level: 1, name: 'Structured medication review' }).waitFor();
    await page.getByLabel('Put the review off to a later date').check();
    await page.getByLabel('Defer until').fill('23/11/2026');
    await page.getByLabel('Reason').fill('In hospital; review when back');
    await page.getByRole('button', { name: 'Save' }).click();
    await page.locator('.nhsuk-error-summary').waitFor();
    expect(await page.locator('.nhsuk-error-summary').textContent()).toContain('The date to defer to must be after today');
    await page.getByLabel('Defer until').fill('14/12/2026');
    await page.getByRole('button', { name: 'Save' }).click();
    await page.getByText('Structured medication review for Fred Sample deferred to 14/12/2026.').waitFor();
    await page.getByText('Deferred to 14/12/2026').first().waitFor(); // the list, loaded again after the save
    const main = (await page.locator('main').textContent()) ?? '';
    expect(main).toContain('Deferred to 14/12/2026');
    expect(main).toContain('Overdue: 0');
  });

  it('shows the resident’s medicines with tags, totals and what is not recognised', async () => {
    const { page } = h;
    await h.open(`/residents/${edithId}`);
    const panel = page.locator('section.app-medicines');
    await panel.getByRole('heading', { name: 'Medicines and reviews' }).waitFor();
    await panel.locator('table').waitFor();
    const text = (await panel.textContent()) ?? '';
    expect(text).toContain('Anticholinergic burden (ACB)4 (Amitriptyline 3, Risperidone 1)');
    expect(text).toContain('Not recognisedZyxoprine 10mg tablets');
    expect(text).toContain('Apixaban (anticoagulant)');
    expect(text).toContain('Blood monitoring: DOAC');
    expect(text).toContain('Anticoagulant (DOAC) monitoring');
    await step('23-resident-medicines');
  });

  it('changes settings, refusing nonsense', async () => {
    const { page } = h;
    await h.open('/settings');
    await page.getByRole('heading', { level: 1, name: 'Settings' }).waitFor();
    await step('24-settings');
    // a review's minutes on the round come from the round's time model: the review settings no longer ask for them
    expect(await page.getByLabel('Structured medication review', { exact: true }).count()).toBe(0);
    const smr = page.getByLabel('Structured medication review: every', { exact: true });
    await smr.fill('0');
    await page.getByRole('button', { name: 'Save settings' }).click();
    await page.locator('.nhsuk-error-summary').waitFor();
    expect(await page.locator('.nhsuk-error-summary').textContent()).toContain('“Structured medication review: every” must be 1 or more');
    await smr.fill('18');
    await page.getByRole('button', { name: 'Save settings' }).click();
    await page.getByText('Settings saved.').waitFor();
    await page.getByLabel('Structured medication review: every', { exact: true }).waitFor();
    expect(await page.getByLabel('Structured medication review: every', { exact: true }).inputValue()).toBe('18');
    await step('25-settings-saved');
    expect((await h.invoke('settings:get', {})).settings).toMatchObject({ smrIntervalMonths: 18, minutesSmr: 30 });
    expect(h.problems).toEqual([]);
  });
});
