/**
 * The weekly round as a practice nurse plans it: propose the round in the UI, reorder it from the
 * keyboard-friendly buttons, invite a relative, issue and print the agenda to PDF, then look at the pages
 * (pdftoppm) and check no resident is split across pages; record the outcome and close the round.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { careHomeInput, representativeInput, residentInput } from '../../shared/domain/register';
import { createDemoDatabase } from '../../main/services/demo';
import { sampleHome, sampleResident } from '../helpers/tempStore';
import { SCREENSHOT_DIR, startHarness, type Harness } from './harness';

const TODAY = '2026-11-23';
let h: Harness;

beforeAll(async () => {
  h = await startHarness({ today: TODAY, practice: { name: 'Riverside Medical Practice', odsCode: 'Y12345' } });
  const { store, ctx } = h;
  const home = await store.homes.create(ctx.actor, careHomeInput.parse(sampleHome));
  const edith = await store.residents.create(ctx.actor, residentInput.parse(sampleResident(home.id, { admissionDate: '2026-10-01' })),
    [representativeInput.parse({ name: 'Susan Example', relationship: 'daughter', preferredContact: 'in-person' })]);
  const arthur = await store.residents.create(ctx.actor, residentInput.parse(sampleResident(home.id, {
    nhsNumber: '9876543210', givenName: 'Arthur', familyName: 'Sample', sex: 'male', dementia: false, admissionDate: '2026-10-01', whatMatters: 'Cricket on the radio' })));
  const flag = (residentId: number, severity: 'urgent' | 'high' | 'medium', category: 'fall' | 'skin' | 'family-concern', text: string, raisedBy: string) =>
    store.flags.add(ctx.actor, { homeId: home.id, residentId, rawIdentity: { id: String(residentId) }, raisedOn: '2026-11-20', raisedBy, category, severity, text, scores: {} }, 'entered');
  await flag(edith.id, 'high', 'fall', 'Fell twice this week', 'Senior carer');
  await flag(edith.id, 'medium', 'family-concern', 'Why is Mum so sleepy in the afternoons?', 'Susan Example');
  await flag(arthur.id, 'urgent', 'skin', 'New category 3 pressure ulcer on the heel', 'Nurse');
  // A recent SMR and care plan after moving in, so this round is about the flags.
  for (const id of [edith.id, arthur.id]) {
    await store.records.add(ctx.actor, id, { reviews: [{ rule: 'smr-annual', doneOn: '2026-10-05', doneBy: 'Pharmacist', outcome: null },
      { rule: 'new-admission-pcsp', doneOn: '2026-10-20', doneBy: 'Nurse', outcome: null }] }, 'test');
  }
  await store.records.add(ctx.actor, edith.id, { medications: [
    { name: 'Warfarin 1mg tablets', dose: 'as directed', startDate: '2025-01-01', type: 'repeat', status: 'active' },
    { name: 'Donepezil 10mg tablets', dose: 'one at night', startDate: '2025-01-01', type: 'repeat', status: 'active' },
  ] }, 'test');
});

afterAll(async () => {
  await h?.close();
});

async function step(name: string): Promise<void> {
  expect(await h.audit(), name).toEqual([]);
  await h.screenshot(name);
}

describe('the weekly round', () => {
  it('plans a round from the Rounds screen and explains who is on it and why', async () => {
    const { page } = h;
    await h.open('/rounds');
    await page.getByText('No rounds have been planned yet.').waitFor();
    await step('rounds-01-empty');
    await page.getByRole('link', { name: 'Plan a round' }).click();
    await page.getByRole('heading', { level: 1, name: 'Plan a round' }).waitFor();
    await page.getByRole('button', { name: 'Propose the round' }).click();
    await page.locator('.nhsuk-error-summary').waitFor();
    expect(await page.locator('.nhsuk-error-summary').textContent()).toContain('Choose the care home');
    await page.getByLabel('Care home').selectOption({ label: 'Test Lodge' });
    await page.getByLabel('Date of the round').fill('24/11/2026');
    await page.getByLabel('Clinicians (optional)').fill('Dr Asha Patel');
    await step('rounds-02-new');
    await page.getByRole('button', { name: 'Propose the round' }).click();
    await page.getByRole('heading', { level: 1, name: /Round on Tuesday 24\/11\/2026/ }).waitFor();
    const items = page.locator('.app-round-item');
    expect(await items.count()).toBe(2);
    // a 10-minute huddle first; Arthur's urgent flag (10 + 2 for notes), then Edith's fall and her daughter's concern (10 + 3 + 2)
    expect(await items.nth(0).textContent()).toContain('10:10 · Arthur Sample');
    expect(await items.nth(0).textContent()).toContain('Must see');
    expect(await items.nth(1).textContent()).toContain('10:22 · Edith Example');
    expect(await page.locator('main').textContent()).toContain('Susan Example (daughter) raised a concern about Edith');
    await step('rounds-03-planner');
  });

  it('reorders with the move buttons, and asks why before taking an urgent resident off', async () => {
    const { page } = h;
    await page.getByRole('button', { name: /^Move up\s*: Edith Example$/ }).click();
    await page.getByText('Edith Example moved up').waitFor();
    expect(await page.locator('.app-round-item h3').allTextContents()).toEqual(['10:10 · Edith Example', '10:25 · Arthur Sample']);
    await page.getByRole('button', { name: /^Take off the round\s*: Arthur Sample$/ }).click();
    await page.getByRole('button', { name: 'Take Arthur Sample off the round' }).click();
    await page.getByText('Enter why Arthur Sample is coming off the round').first().waitFor();
    await page.getByRole('button', { name: 'Keep them on' }).click();
    expect(await page.locator('.app-round-item').count()).toBe(2);
  });

  it('invites a relative in the attendee panel', async () => {
    const { page } = h;
    await page.locator('.app-round-item', { hasText: 'Edith Example' }).locator('summary').click();
    const panel = page.locator('.app-round-item', { hasText: 'Edith Example' }).locator('.app-attendees');
    expect(await panel.textContent()).toContain('Proposed: raised a concern');
    await panel.getByLabel('Invitation for Susan Example').selectOption('invited');
    await panel.getByLabel('Care staff member who knows them').fill('Grace Adeyemi (senior carer)');
    await panel.getByRole('button', { name: /^Save who is coming\s*for Edith Example$/ }).click();
    await page.getByText('Saved who is coming for Edith Example.').waitFor();
    await step('rounds-04-attendees');
    await page.getByRole('button', { name: 'Issue the agenda' }).click();
    await page.getByText('Agenda issued').first().waitFor();
  });

  it('H5: prints the agenda to PDF: one resident per page, never split, readable type', async () => {
    const { page } = h;
    await page.getByRole('link', { name: 'Print preview' }).click();
    await page.getByRole('heading', { level: 1, name: 'Staff agenda' }).waitFor();
    expect(await page.locator('.rt-resident').count()).toBe(2);
    await step('rounds-05-print-agenda');
    await page.getByRole('button', { name: 'Save as PDF' }).click();
    const saved = page.getByText(/^Saved as PDF: /);
    await saved.waitFor();
    const pdf = ((await saved.textContent()) ?? '').replace('Saved as PDF: ', '');
    expect(existsSync(pdf)).toBe(true);

    const dir = path.join(SCREENSHOT_DIR, 'rounds-agenda-pdf');
    rmSync(dir, { recursive: true, force: true });
    mkdirSync(dir, { recursive: true });
    execFileSync('pdftoppm', ['-png', '-r', '60', pdf, path.join(dir, 'page')]);
    expect(readdirSync(dir).filter((f) => f.endsWith('.png'))).toHaveLength(3);
    const pages = [1, 2, 3].map((n) => execFileSync('pdftotext', ['-layout', '-f', String(n), '-l', String(n), pdf, '-'], { encoding: 'utf8' }));
    expect(pages[0]).toContain('Care home round: Test Lodge');
    for (const [n, name, nhs] of [[1, 'Edith Example', '943 476 5919'], [2, 'Arthur Sample', '987 654 3210']] as const) {
      // the whole section on its own page: name and NHS number at the top, the decisions table at the foot, nobody else
      expect(pages[n]).toContain(name);
      expect(pages[n]).toContain(nhs);
      expect(pages[n]).toContain('Decisions and actions');
      expect(pages[n]).toContain(`Page ${n + 1} of 3`);
      expect(pages[n]).toContain('OFFICIAL-SENSITIVE: personal');
      for (const [m, other] of [[1, 'Edith Example'], [2, 'Arthur Sample']] as const) if (m !== n) expect(pages[n]).not.toContain(other);
    }
    expect(pages[1]).toContain('Why is Mum so sleepy');
    expect(pages[1]).toContain('Warfarin 1mg tablets');
    expect(pages[1]).toContain('Grace Adeyemi (senior carer)');
    // at least 11pt: pdffonts cannot tell sizes, so check the computed style of the smallest text on screen
    const smallest = await page.evaluate(`Math.min(...[...document.querySelectorAll('.rt-print *')].filter((el) => el.childNodes.length && [...el.childNodes].some((c) => c.nodeType === 3 && c.textContent.trim()))
      .map((el) => parseFloat(getComputedStyle(el).fontSize)))`) as number;
    expect(smallest).toBeGreaterThanOrEqual(11 * (96 / 72) - 0.01);

    await page.getByRole('link', { name: 'Invitation letters' }).click();
    await page.getByRole('heading', { level: 1, name: 'Invitation letters' }).waitFor();
    const letter = (await page.locator('.rt-letter').textContent()) ?? '';
    expect(letter).toContain('Dear Susan Example');
    expect(letter).not.toContain('Arthur');
    expect(letter).not.toContain('943 476 5919');
    await step('rounds-06-print-letter');
  });

  it('records the outcome after the round, shows the practice-record summary, and closes the round', async () => {
    const { page } = h;
    await page.getByRole('link', { name: 'Back to the round' }).click();
    await page.getByRole('button', { name: 'Mark the round as held' }).click();
    await page.getByRole('link', { name: 'Record outcomes' }).click();
    await page.getByRole('heading', { level: 1, name: 'Round outcomes' }).waitFor();
    const edith = page.locator('.app-outcome', { hasText: 'Edith Example' });
    await edith.getByLabel('Decisions for Edith Example').fill('Stop warfarin; start apixaban.');
    await edith.getByLabel('Action 1', { exact: true }).fill('Check renal function');
    await edith.getByLabel('Due by (action 1)').fill('01/12/2026');
    await edith.getByLabel('fall (high): Fell twice this week').check();
    await edith.getByRole('button', { name: /^Save the outcome\s*for Edith Example$/ }).click();
    await page.getByText('Outcome saved for Edith Example').waitFor();
    const summary = (await page.locator('.app-outcome', { hasText: 'Edith Example' }).locator('.app-record-summary').textContent()) ?? '';
    expect(summary).toContain('Decision: Stop warfarin; start apixaban.');
    expect(summary).toContain('Action: Check renal function (practice, by 01/12/2026).');
    await step('rounds-07-outcomes');
    await page.getByRole('button', { name: 'Close the round' }).click();
    await page.getByText('This round is closed.').waitFor();
    expect(h.problems).toEqual([]);
  });
});

describe('the week for a practice', () => {
  let w: Harness;
  let dir: string;
  beforeAll(async () => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'roundtable-e2e-week-'));
    const { store } = await createDemoDatabase(path.join(dir, 'demo.sqlite'), TODAY, { osUser: 'e2e-test', staffId: null }, path.join(dir, 'export'));
    store.close();
    w = await startHarness({ today: TODAY, file: path.join(dir, 'demo.sqlite') });
  });
  afterAll(async () => {
    await w?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('H12: plans next week for the 3 demo homes in one action, each seeing 8 to 12 residents with the must-see marked and the lists beside the round', async () => {
    const { page } = w;
    await w.open('/rounds');
    await page.getByRole('button', { name: 'Plan next week' }).click();
    const card = page.locator('.app-week-plan');
    await card.getByText('3 rounds planned for 24/11/2026 to 30/11/2026').waitFor();
    const lines = await card.locator('li').allTextContents();
    expect(lines.map((l) => l.split(',')[0])).toEqual(['Beech House', 'The Larches', 'Willow Court']);
    for (const line of lines) {
      const seen = Number(/: (\d+) residents/.exec(line)?.[1]);
      expect(seen).toBeGreaterThanOrEqual(8);
      expect(seen).toBeLessThanOrEqual(12);
      expect(line).toMatch(/wait for the next round for lack of time: \d+ /);
    }
    expect(await page.locator('table').first().locator('tbody tr').count()).toBe(3);
    expect(await w.audit()).toEqual([]);
    await w.screenshot('rounds-08-week-planned');

    await card.getByRole('link', { name: /^Willow Court/ }).click();
    await page.getByRole('heading', { level: 1, name: /Round on Tuesday 24\/11\/2026/ }).waitFor();
    expect(await page.locator('.app-round-item .nhsuk-tag--red').count()).toBeGreaterThan(0);
    const main = (await page.locator('main').textContent()) ?? '';
    expect(main).toContain('Task list for the practice nurse or phlebotomy visit');
    expect(main).toContain('Pharmacist’s session');
    expect(main).toMatch(/wait for the next round for lack of time/);
    expect(await w.audit()).toEqual([]);
    await w.screenshot('rounds-09-week-round');

    // each list beside the round prints to an A4 PDF (the harness has no save dialog: the prints folder beside the database)
    const pharmacist = page.getByRole('region', { name: 'Pharmacist’s session' });
    await pharmacist.getByRole('button', { name: /^Print/ }).click();
    const saved = pharmacist.getByText(/^Saved as PDF: /);
    await saved.waitFor();
    const pdf = ((await saved.textContent()) ?? '').replace('Saved as PDF: ', '');
    expect(path.basename(pdf)).toMatch(/^pharmacist-2026-11-24-willow-court-round-\d+\.pdf$/);
    expect(readFileSync(pdf).subarray(0, 5).toString()).toBe('%PDF-');
    const pdfDir = path.join(SCREENSHOT_DIR, 'rounds-pharmacist-pdf');
    rmSync(pdfDir, { recursive: true, force: true });
    mkdirSync(pdfDir, { recursive: true });
    execFileSync('pdftoppm', ['-png', '-r', '60', '-f', '1', '-l', '1', pdf, path.join(pdfDir, 'page')]);
    expect(readdirSync(pdfDir).length).toBe(1);
    expect(await w.audit()).toEqual([]);

    // planning the week again leaves the planned homes as they are, and says so
    await w.open('/rounds');
    await page.getByRole('button', { name: 'Plan next week' }).click();
    await page.locator('.app-week-plan').getByText('No rounds planned for 24/11/2026 to 30/11/2026').waitFor();
    expect(await page.locator('.app-week-plan').textContent()).toContain('Not planned: Willow Court already has a round that week');
    expect(w.problems).toEqual([]);
  });

  it('shows the round’s time model and each home’s round on the Settings screen, and saves a change', async () => {
    const { page } = w;
    await w.open('/settings');
    await page.getByRole('heading', { level: 2, name: 'The weekly round' }).waitFor();
    const homes = page.locator('.app-round-time table');
    expect(await homes.locator('tbody tr').count()).toBe(3);
    expect(await homes.locator('tbody tr', { hasText: 'Willow Court' }).textContent()).toContain('2 hours');
    expect(await homes.locator('tbody tr', { hasText: 'Beech House' }).textContent()).toContain('None: reviews on the round');
    await page.getByLabel('Huddle with the nurse in charge at the start').fill('5');
    await page.getByRole('button', { name: 'Save round settings' }).click();
    await page.getByText('Round settings saved.').waitFor();
    expect(await page.getByLabel('Huddle with the nurse in charge at the start').inputValue()).toBe('5');
    expect((await w.invoke('round-settings:get', {})).settings.huddleMinutes).toBe(5);
    expect(await w.audit()).toEqual([]);
    await w.screenshot('rounds-10-round-settings');
    expect(w.problems).toEqual([]);
  });
});
