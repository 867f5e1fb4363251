/**
 * The register, as a practice nurse would build it on day one: from an empty database, add a care
 * home, add a resident with their daughter as representative (after the NHS number check catches a
 * typo), find the resident again, and read their record. Every click goes through the real handlers.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHarness, type Harness } from './harness';

const TODAY = '2026-11-23';
let h: Harness;

beforeAll(async () => {
  h = await startHarness({ today: TODAY, practice: { name: 'Riverside Medical Practice', odsCode: 'Y12345' } });
});

afterAll(async () => {
  await h?.close();
});

/** Photographs a step after checking its structure is accessible. */
async function step(name: string): Promise<void> {
  expect(await h.audit(), name).toEqual([]);
  await h.screenshot(name);
}

async function text(selector: string): Promise<string> {
  return (await h.page.locator(selector).first().textContent()) ?? '';
}

describe('register workflow', () => {
  it('starts empty, explains what to do, and can be used from the keyboard', async () => {
    const { page } = h;
    await h.open('/homes');
    await page.getByText('No care homes have been added yet.').waitFor();
    expect(await page.title()).toBe('Care homes – Roundtable');
    expect(await text('header')).toContain('Riverside Medical Practice');
    expect(await text('main')).toContain('npm run demo');
    expect(await page.locator('html').getAttribute('lang')).toBe('en-GB');

    // The skip link is the first thing a keyboard user reaches, and it moves focus to the main content.
    await page.keyboard.press('Tab');
    expect(await page.evaluate('document.activeElement.textContent.trim()')).toBe('Skip to main content');
    await page.keyboard.press('Enter');
    expect(await page.evaluate('document.activeElement.id')).toBe('maincontent');
    expect(page.url()).toContain('#/homes');
    await step('01-homes-empty');
  });

  it('adds a care home through the form, showing client-side errors first', async () => {
    const { page } = h;
    await page.getByRole('link', { name: 'Add your first care home' }).click();
    await page.getByRole('heading', { level: 1, name: 'Add a care home' }).waitFor();

    await page.getByRole('button', { name: 'Save care home' }).click();
    const summary = page.locator('.nhsuk-error-summary');
    await summary.waitFor();
    expect(await summary.textContent()).toContain('Enter the home’s name');
    expect(await summary.textContent()).toContain('Select whether it is a residential or nursing home');
    expect(await page.title()).toBe('Error: Add a care home – Roundtable');
    expect(await page.evaluate('document.activeElement.classList.contains("nhsuk-error-summary")')).toBe(true);

    await page.getByLabel('Name of the home').fill('Willow Court');
    await page.getByRole('radio', { name: 'Nursing' }).check();
    await page.getByLabel('CQC location ID (optional)').fill('1-123456789');
    await page.getByLabel('Address (optional)').fill('14 Mill Lane\nRiverside\nRV1 2AB');
    await page.getByLabel('Phone number (optional)').fill('01632 960123');
    await page.getByLabel('Manager (optional)').fill('Grace Okafor');
    await page.getByLabel('Usual round day (optional)').selectOption('tuesday');
    await page.getByLabel('Start time (optional)').fill('10:00');
    await page.getByLabel('Time available for the round (optional)').fill('120');
    await page.getByRole('button', { name: 'Save care home' }).click();

    await page.getByText('Willow Court has been added').waitFor();
    const row = page.locator('tbody tr').filter({ hasText: 'Willow Court' });
    expect(await row.textContent()).toContain('Nursing');
    expect(await row.textContent()).toContain('Tuesday at 10:00');
    expect(await row.textContent()).toContain('2 hours');
    await step('02-homes-list');
  });

  it('adds a resident with a representative, after the NHS number check catches a mistyped number', async () => {
    const { page } = h;
    await page.getByRole('navigation', { name: 'Menu' }).getByRole('link', { name: 'Residents' }).click();
    await page.getByText('No residents have been added yet.').waitFor();
    await page.getByRole('link', { name: 'Add a resident' }).click();
    await page.getByRole('heading', { level: 1, name: 'Add a resident' }).waitFor();

    // With one home on the register it is already chosen.
    expect(await page.getByLabel('Care home').inputValue()).not.toBe('');

    await page.getByLabel('NHS number').fill('1234567890');
    await page.getByLabel('Family name').fill('Hartley');
    await page.getByLabel('Given name').fill('Margaret');
    await page.getByLabel('Preferred name (optional)').fill('Peggy');
    await page.getByLabel('Date of birth').fill('31/02/1941');
    await page.getByRole('radio', { name: 'Female' }).check();
    await page.getByLabel('Room (optional)').fill('12');
    await page.getByLabel('Date they moved in (optional)').fill('02/11/2026');
    await page.getByLabel('Clinical Frailty Scale (optional)').selectOption('6');
    await page.locator('#dementia').check();
    await page.getByLabel('Communication needs (optional)').fill('Wears hearing aids; speak on her left side.');
    await page.getByLabel('What matters to me (optional)').fill('Seeing my garden every morning.\nTea with my daughter on Sundays.');

    await page.getByLabel('Add a relative or representative now').check();
    await page.getByLabel('Full name').fill('Susan Hartley');
    await page.getByLabel('Relationship to the resident').fill('Daughter');
    await page.getByLabel('Phone number (optional)').fill('07700 900123');
    await page.getByLabel('Email address (optional)').fill('susan.hartley@example.com');
    await page.locator('#rep-holdsLpaHealthWelfare').check();
    await page.getByLabel('Date the LPA was registered (optional)').fill('02/04/2023');
    await page.getByRole('radio', { name: 'In person' }).check();

    await page.getByRole('button', { name: 'Save resident' }).click();
    const summary = page.locator('.nhsuk-error-summary');
    await summary.waitFor();
    const nhsError = 'This is not a valid NHS number: the check digit does not match. Check it has been copied correctly';
    expect(await summary.textContent()).toContain(nhsError);
    expect(await summary.textContent()).toContain('Enter a real date, for example 15/03/1941');
    expect(await text('#nhsNumber-error')).toContain(nhsError);
    expect(await page.getByLabel('NHS number').getAttribute('aria-describedby')).toContain('nhsNumber-error');
    expect(await page.evaluate('document.activeElement.classList.contains("nhsuk-error-summary")')).toBe(true);
    await step('03-resident-form-errors');

    // The summary's link takes focus to the field without leaving the page.
    await summary.getByRole('link', { name: nhsError }).click();
    expect(await page.evaluate('document.activeElement.id')).toBe('nhsNumber');
    expect(page.url()).toContain('#/residents/new');

    await page.getByLabel('NHS number').fill('943 476 5919');
    await page.getByLabel('Date of birth').fill('15/03/1941');
    await page.getByRole('button', { name: 'Save resident' }).click();

    await page.getByText('Margaret Hartley has been added').waitFor();
    expect(await text('h1')).toContain('Margaret Hartley');
  });

  it('finds the resident by family name and by NHS number typed with spaces', async () => {
    const { page } = h;
    await page.getByRole('navigation', { name: 'Menu' }).getByRole('link', { name: 'Residents' }).click();
    await page.getByRole('heading', { level: 1, name: 'Residents' }).waitFor();
    const search = page.getByLabel('Search by name, NHS number or room');
    const row = page.locator('tbody tr').filter({ hasText: 'Hartley, Margaret' });

    await search.fill('nobody-called-this');
    await page.getByText('No residents match “nobody-called-this”.').waitFor();

    await search.fill('hartley');
    await row.waitFor();
    expect(await row.textContent()).toContain('943 476 5919');
    expect(await row.textContent()).toContain('15/03/1941 (age 85)');
    expect(await row.textContent()).toContain('Willow Court');

    await search.fill('943 476 5919');
    await search.press('Enter');
    await row.waitFor();
    expect(await page.locator('tbody tr').count()).toBe(1);
    await step('04-residents-list');

    await row.getByRole('link', { name: 'Hartley, Margaret' }).click();
    await page.getByRole('heading', { level: 1, name: /Margaret Hartley/ }).waitFor();
  });

  it('shows the resident’s record with dd/mm/yyyy dates, the 3-3-4 NHS number and the representative', async () => {
    const { page } = h;
    const main = (await text('main')).replace(/\s+/g, ' ');
    expect(main).toContain('943 476 5919');
    expect(main).toContain('15/03/1941 (age 85)');
    expect(main).toContain('02/11/2026');
    expect(main).toContain('6 – Living with moderate frailty');
    expect(main).toContain('Seeing my garden every morning.');
    const card = page.locator('.app-representative').filter({ hasText: 'Susan Hartley' });
    expect(await card.textContent()).toContain('Daughter');
    expect(await card.textContent()).toContain('Yes, registered 02/04/2023');
    expect(await card.textContent()).toContain('In person');
    expect(await page.title()).toBe('Resident details – Roundtable');
    await step('05-resident-detail');
  });

  it('holds the resident, the representative and their audit events in the database', async () => {
    const [found] = await h.invoke('residents:search', { query: '9434765919', status: 'all' });
    expect(found).toMatchObject({ nhsNumber: '9434765919', familyName: 'Hartley', givenName: 'Margaret', preferredName: 'Peggy',
      dateOfBirth: '1941-03-15', sex: 'female', room: '12', admissionDate: '2026-11-02', frailty: 6, dementia: true, homeName: 'Willow Court' });
    const detail = await h.invoke('residents:get', { id: found?.id ?? 0 });
    expect(detail.representatives).toHaveLength(1);
    expect(detail.representatives[0]).toMatchObject({ name: 'Susan Hartley', relationship: 'Daughter', holdsLpaHealthWelfare: true,
      lpaRegisteredOn: '2023-04-02', preferredContact: 'in-person', email: 'susan.hartley@example.com' });

    const audit = await h.store.audit.list();
    const actions = audit.map((e) => `${e.action} ${e.entity}`);
    expect(actions).toEqual(expect.arrayContaining(['create care_home', 'create resident', 'create representative']));
    expect(audit.find((e) => e.entity === 'resident')).toMatchObject({ entityId: found?.id, osUser: 'e2e-test' });
  });

  it('puts a server-side refusal (the NHS number is already registered) on the field at fault', async () => {
    const { page } = h;
    await h.open('/residents/new');
    await page.getByLabel('NHS number').fill('9434765919');
    await page.getByLabel('Family name').fill('Hartley');
    await page.getByLabel('Given name').fill('Peggy');
    await page.getByLabel('Date of birth').fill('15-Mar-1941');
    await page.getByRole('radio', { name: 'Female' }).check();
    await page.locator('#dementia-no').check();
    await page.getByRole('button', { name: 'Save resident' }).click();
    await page.locator('.nhsuk-error-summary').waitFor();
    expect(await text('#nhsNumber-error')).toContain('NHS number 943 476 5919 is already registered to Margaret Hartley');
    expect((await h.invoke('residents:search', { query: 'hartley', status: 'all' })).length).toBe(1);
  });

  it('removes a representative only after asking', async () => {
    const { page } = h;
    const [resident] = await h.invoke('residents:search', { query: '9434765919' });
    await h.open(`/residents/${resident?.id ?? 0}`);
    await page.getByRole('link', { name: 'Remove Susan Hartley' }).click();
    await page.getByRole('heading', { level: 1, name: /Remove Susan Hartley\?/ }).waitFor();
    await page.getByRole('button', { name: 'Yes, remove Susan Hartley' }).click();
    await page.getByText('Susan Hartley has been removed').waitFor();
    expect(await text('main')).toContain('No relatives or representatives have been added.');
  });

  it('raised no console errors, CSP violations or off-origin requests', () => {
    expect(h.problems).toEqual([]);
  });
});

describe('the accessibility audit itself', () => {
  it('reports an axe-core WCAG violation when a screen has one (so a clean audit means something)', async () => {
    await h.open('/homes');
    // A string, because the Node-side type-check has no DOM types.
    await h.page.evaluate(`(() => {
      const p = document.createElement('p');
      p.textContent = 'Faint text';
      p.style.color = '#eeeeee';
      p.style.background = '#ffffff';
      document.querySelector('main').append(p);
    })()`);
    const problems = await h.audit();
    expect(problems.some((p) => p.startsWith('axe color-contrast'))).toBe(true);
  });
});
