/**
 * Flags as a practice nurse meets them: a care home's file is imported; an escalate-now flag puts a red
 * banner on every screen until the same-day action is recorded; the unmatched queue is worked through;
 * a flag phoned in is recorded from the keyboard alone; the resident view shows it all on one timeline.
 */
import { writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importFlags } from '../../main/services/flags';
import { careHomeInput, residentInput } from '../../shared/domain/register';
import { sampleHome } from '../helpers/tempStore';
import { startHarness, type Harness } from './harness';

const TODAY = '2026-11-23';
let h: Harness;
const ids: Record<string, number> = {};
let homeId = 0;

beforeAll(async () => {
  h = await startHarness({ today: TODAY, practice: { name: 'Riverside Medical Practice', odsCode: 'Y12345' } });
  const actor = h.ctx.actor;
  homeId = (await h.store.homes.create(actor, careHomeInput.parse({ ...sampleHome, name: 'Willow Court' }))).id;
  const add = async (key: string, f: Record<string, unknown>) => {
    ids[key] = (await h.store.residents.create(actor, residentInput.parse({ sex: 'female', homeId, dementia: false, ...f }))).id;
  };
  await add('mary', { nhsNumber: '9990000026', familyName: 'Smith', givenName: 'Mary', dateOfBirth: '1940-03-15', room: '4', frailty: 6, dementia: true,
    whatMatters: 'Her budgie, Captain, and Sunday phone calls with her son' });
  await add('grace', { nhsNumber: '9990000042', familyName: 'Okafor', givenName: 'Grace', dateOfBirth: '1936-07-04', room: '7' });
  await add('gloria', { nhsNumber: '9990000050', familyName: 'Okafor', givenName: 'Gloria', dateOfBirth: '1936-07-04', room: '8' });
  await h.store.records.add(actor, ids.mary as number, {
    medications: [
      { name: 'Donepezil 10mg tablets', dose: 'One at night', startDate: '2025-02-01', type: 'repeat', status: 'active' },
      { name: 'Amitriptyline 10mg tablets', dose: 'One at night', startDate: '2024-01-10', type: 'repeat', status: 'stopped', stoppedOn: '2026-10-01' },
    ],
    events: [{ type: 'discharge', date: '2026-11-10', details: 'Discharged after a chest infection' }],
    carePlans: [
      { element: 'respect', value: 'not-for-cpr', recordedOn: '2026-03-02', reviewDue: '2027-03-02' },
      { element: 'dnacpr', value: 'cancelled', recordedOn: '2025-01-01', reviewDue: null },
    ],
    reviews: [{ rule: 'smr-annual', doneOn: '2026-05-20', doneBy: 'Dr A Patel', outcome: 'Stopped amitriptyline' }],
  }, 'practice-records.csv');
  const file = path.join(os.tmpdir(), `willow-flags-${process.pid}.csv`);
  writeFileSync(file, [
    'Date,Resident,DOB,NHS No,Type,Priority,Notes,Reported by,NEWS2',
    '22/11/2026,Mary Smith,15/03/1940,9990000026,Obs,,"Breathing fast, NEWS2 6",Night nurse Jo,6',
    '21/11/2026,G Okafor,04/07/1936,,Confused,,More muddled than usual,Sam Carer,',
    '20/11/2026,Walter Unknown,01/01/1930,,Fall,,Found on floor,Sam Carer,',
    '10/11/2026,Mary Smith,15/03/1940,,Skin,,Red heel,Sam Carer,',
  ].join('\n'));
  await importFlags(h.ctx, { file, homeId });
});

afterAll(async () => {
  await h?.close();
});

async function step(name: string): Promise<void> {
  expect(await h.audit(), name).toEqual([]);
  await h.screenshot(name);
}

describe('flags workflow', () => {
  it('H9: shows the escalate-now banner on every screen', async () => {
    const { page } = h;
    for (const route of ['/homes', '/residents', '/flags', '/reviews', `/residents/${ids.grace}`]) {
      await h.open(route);
      const banner = page.getByTestId('escalation-banner');
      await banner.waitFor();
      expect(await banner.textContent()).toContain('Act today: 1 flag needs same-day escalation');
      expect(await banner.textContent()).toContain('Mary Smith');
    }
    await step('flags-01-banner-on-homes');
  });

  it('H9: folds the banner to one line once seen today, never hiding it while the flag is unacknowledged', async () => {
    const { page } = h;
    await h.open('/residents');
    const banner = page.getByTestId('escalation-banner');
    await page.getByRole('button', { name: /Fold to one line for today/ }).click();
    await page.getByRole('button', { name: /Show the flags/ }).waitFor();
    // One line: the headline and who, the urgent flag about someone not yet on the register included
    const folded = await banner.textContent();
    expect(folded).toMatch(/^Act today: 1 flag needs same-day escalation; 1 urgent flag is about someone not yet registered: Mary Smith, G Okafor/);
    expect(await page.getByRole('link', { name: /Record the action taken/ }).count()).toBe(0);
    // Still folded on the next screen, and still there.
    await h.open('/flags');
    await page.getByRole('button', { name: /Show the flags/ }).waitFor();
    expect(await banner.count()).toBe(1);
    expect(await h.audit()).toEqual([]);
    await page.getByRole('button', { name: /Show the flags/ }).click();
    await page.getByRole('link', { name: 'Record the action taken for Mary Smith' }).waitFor();
  });

  it('lists flags by home, status and severity, with waiting flags marked', async () => {
    const { page } = h;
    await h.open('/flags');
    const rows = page.locator('tbody tr');
    await rows.first().waitFor();
    expect(await rows.count()).toBe(3);
    expect(await rows.first().textContent()).toContain('Escalate now');
    // The urgent flag about one of two residents who cannot be told apart is listed too, not left in the queue alone.
    expect(await rows.nth(1).textContent()).toContain('G Okafor (not yet matched)');
    expect(await rows.nth(2).textContent()).toContain('Waiting');
    await page.getByLabel('Severity').selectOption('urgent');
    await page.locator('tbody tr').filter({ hasText: 'G Okafor (not yet matched)' }).waitFor();
    expect(await page.locator('tbody tr').count()).toBe(1);
    await page.getByLabel('Severity').selectOption('medium');
    await page.getByText('No flags match these choices.').waitFor();
    await page.getByLabel('Severity').selectOption('');
    await page.getByLabel('Status').selectOption('waiting');
    await page.locator('tbody tr').filter({ hasText: 'Red heel' }).waitFor();
    expect(await page.locator('tbody tr').count()).toBe(1);
    await page.getByLabel('Status').selectOption('current');
    await page.locator('tbody tr').nth(1).waitFor();
    await step('flags-02-flags-screen');
  });

  it('H1: works through the unmatched queue: a person confirms the twin, and dismisses with a reason', async () => {
    const { page } = h;
    await page.getByRole('link', { name: /Unmatched queue \(2\)/ }).click();
    await page.getByText('More than one possible resident').waitFor();
    expect(await page.locator('tbody').textContent()).toContain('Grace Okafor, Gloria Okafor');
    await step('flags-03-unmatched-queue');

    await page.getByRole('link', { name: /G Okafor, born 04\/07\/1936/ }).click();
    await page.getByRole('heading', { level: 1, name: /not yet matched/ }).waitFor();
    await step('flags-04-unmatched-flag');
    await page.getByRole('button', { name: 'This flag is about Grace Okafor' }).click();
    await page.getByText('The flag is now on Grace Okafor’s record').waitFor();

    await h.open('/flags/unmatched');
    await page.getByRole('link', { name: /Walter Unknown/ }).click();
    await page.getByRole('radio', { name: 'Add them as a new resident' }).check();
    expect(await page.getByLabel('Family name').inputValue()).toBe('Unknown');
    expect(await page.getByLabel('Date of birth').inputValue()).toBe('01/01/1930');
    await step('flags-04b-add-new-resident-form');
    await page.getByRole('radio', { name: /Dismiss this flag/ }).check();
    await page.getByRole('button', { name: 'Dismiss the flag' }).click();
    await page.getByText('Enter why this flag is being dismissed').first().waitFor();
    await page.getByLabel('Why is this flag being dismissed?').fill('Visitor, not a resident: the home confirmed by phone');
    await page.getByRole('button', { name: 'Dismiss the flag' }).click();
    await page.getByText('The unmatched queue is empty.').waitFor();
    const audit = (await h.store.audit.list({ entity: 'flag' })).map((e) => e.action);
    expect(audit).toEqual(expect.arrayContaining(['match', 'dismiss']));
  });

  it('H9: refuses to lower an escalate-now flag without a reason, and clears the banner only when the action is recorded', async () => {
    const { page } = h;
    const [urgent] = await h.invoke('flags:escalations', {});
    await h.open(`/flags/${urgent?.id}`);
    await page.getByRole('heading', { name: /Escalate today/ }).waitFor();
    await step('flags-05-escalate-now-flag');

    await expect(h.invoke('flags:set-severity', { id: urgent?.id ?? 0, severity: 'medium' })).rejects.toThrow(/reason/);
    await page.getByRole('button', { name: 'Record the action taken' }).click();
    await page.locator('.nhsuk-error-summary').getByText('Enter the action taken today').waitFor();
    await page.getByLabel('Action taken today').fill('GP visited at 11:00; started antibiotics; NEWS2 rechecked 4-hourly');
    await page.getByRole('button', { name: 'Record the action taken' }).click();
    await page.getByText('The same-day action has been recorded').waitFor();
    await page.getByTestId('escalation-banner').waitFor({ state: 'detached' });
    // The flag still waits for a follow-up on the next round.
    expect((await h.invoke('flags:get', { id: urgent?.id ?? 0 })).status).toBe('open');
    await h.open('/homes');
    await page.getByRole('heading', { level: 1, name: 'Care homes' }).waitFor();
    expect(await page.getByTestId('escalation-banner').count()).toBe(0);
  });

  it('records a flag phoned in, from the keyboard alone', async () => {
    const { page } = h;
    await h.open('/flags/new');
    await page.getByRole('heading', { level: 1, name: 'Record a flag' }).waitFor();
    await page.locator('#flag-form-home').focus();
    await page.keyboard.press('ArrowDown'); // Willow Court, the only home, is already chosen; stays chosen
    await page.keyboard.press('Tab');
    await page.keyboard.type('okafor');
    await page.keyboard.press('Tab');
    await page.locator('#flag-form-resident option', { hasText: 'Okafor, Gloria' }).waitFor({ state: 'attached' });
    await page.keyboard.press('ArrowDown');
    expect(await page.locator('#flag-form-resident').inputValue()).toBe(String(ids.gloria));
    await page.keyboard.press('Tab');
    await page.keyboard.type('Fall');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Tab');
    await page.keyboard.type('Found sitting on the floor of her room, no obvious injury');
    await page.keyboard.press('Tab');
    await page.keyboard.type('Pat Senior, senior carer');
    await page.keyboard.press('Enter');
    await page.getByText(/The flag has been recorded for Gloria Okafor \(high\)/).waitFor();
    await step('flags-06-flag-recorded');
  });

  it('shows one resident page: header with CPR status, then a timeline of everything, filterable, each with its source', async () => {
    const { page } = h;
    await h.open(`/residents/${ids.mary}`);
    await page.getByRole('heading', { level: 2, name: 'Timeline' }).waitFor();
    expect(await page.getByTestId('resident-header-cpr').textContent()).toContain('Not for attempted CPR');
    expect(await page.getByTestId('resident-header-cpr').textContent()).toContain('ReSPECT recorded 02/03/2026');
    const header = (await page.locator('.app-resident-header').textContent()) ?? '';
    expect(header).toMatch(/Room\s*4/);
    expect(header).toContain('Her budgie, Captain');
    // The escalate-now flag is the first thing in the header, not thousands of pixels down the timeline.
    expect(await page.getByTestId('resident-escalate-now').textContent()).toContain('Escalate now: NEWS2 flag raised 22/11/2026');
    expect(await page.getByTestId('resident-header-flag').textContent()).toContain('Escalate now');
    const entries = page.locator('.app-timeline__entry');
    const first = (await entries.first().textContent()) ?? '';
    expect(first).toContain('22/11/2026');
    expect(first).toContain('NEWS2 flag');
    expect(first).toContain('Imported from willow-flags');
    const all = (await page.locator('.app-timeline').textContent()) ?? '';
    for (const text of ['Stopped Amitriptyline', 'Started Donepezil', 'Hospital discharge', 'Structured medication review done', 'ReSPECT form']) {
      expect(all).toContain(text);
    }
    await step('flags-07-resident-view');
    await page.getByLabel('Show').selectOption('medicine');
    await page.getByText('3 of').waitFor();
    expect(await entries.count()).toBe(3);
  });

  it('raised no console errors, CSP violations or off-origin requests', () => {
    expect(h.problems).toEqual([]);
  });
});
