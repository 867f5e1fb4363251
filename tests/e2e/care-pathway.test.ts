/**
 * The care pathway as a clinician meets it (issue 14): a GSF D at the top of the resident page with the parts
 * still open; an urgent flag about a new resident not yet registered in the round's "To resolve first" box and
 * on the banner, then added to the register from the flag in one form.
 */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importFlags } from '../../main/services/flags';
import { careHomeInput, residentInput } from '../../shared/domain/register';
import { sampleHome, sampleResident, tempDir } from '../helpers/tempStore';
import { startHarness, type Harness } from './harness';

let h: Harness;
let homeId = 0;
let residentId = 0;
let cleanup: () => void = () => undefined;

beforeAll(async () => {
  h = await startHarness({ today: '2026-11-23', practice: { name: 'Riverside Medical Practice', odsCode: 'Y12345' } });
  homeId = (await h.store.homes.create(h.ctx.actor, careHomeInput.parse({ ...sampleHome, name: 'Willow Court' }))).id;
  residentId = (await h.store.residents.create(h.ctx.actor, residentInput.parse(sampleResident(homeId, { givenName: 'Stanley', preferredName: 'Betty', sex: 'male' })))).id;
  await h.invoke('carePlans:add', { residentId, entry: { element: 'gsf', value: 'D', recordedOn: '2026-11-20' } });
  const t = tempDir();
  cleanup = t.cleanup;
  const file = path.join(t.dir, 'flags.csv');
  writeFileSync(file, ['Date,Resident,DOB,NHS No,Type,Notes', '22/11/2026,Ruby Newcomer,01/05/1944,9990000026,Confused,Moved in yesterday; new confusion overnight'].join('\n'));
  await importFlags(h.ctx, { file, homeId });
});

afterAll(async () => {
  await h?.close();
  cleanup();
});

describe('the care pathway on screen', () => {
  it('shows a GSF D at the top of the resident page with the parts of the pathway still open', async () => {
    const { page } = h;
    await h.open(`/residents/${residentId}`);
    const callout = page.getByTestId('end-of-life');
    await callout.waitFor();
    const text = await callout.textContent();
    expect(text).toContain('End of life: GSF D (days)');
    expect(text).toContain('his Gold Standards Framework code became D');
    expect(text).toMatch(/Still to do: anticipatory medicines; the conversation with the resident and family; the care home’s copy of the plan/);
    expect(await h.audit()).toEqual([]);
    await h.screenshot('care-pathway-01-end-of-life');
  });

  it('puts the unregistered resident’s urgent flag on the banner and the round, and registers them from the flag', async () => {
    const { page } = h;
    const { round } = await h.invoke('rounds:create', { homeId, date: '2026-11-24', clinicians: [] });
    await h.open(`/rounds/${round.id}`);
    const box = page.getByTestId('to-resolve');
    await box.waitFor();
    expect(await box.textContent()).toContain('Ruby Newcomer (not yet registered)');
    expect(await page.getByTestId('escalation-banner').textContent()).toContain('1 urgent flag is about someone not yet registered');
    expect(await h.audit()).toEqual([]);
    await h.screenshot('care-pathway-02-to-resolve-first');

    await box.getByRole('link', { name: /Add to the register/ }).click();
    await page.getByLabel('Given name').waitFor();
    expect(await h.audit()).toEqual([]);
    expect(await page.getByLabel('Given name').inputValue()).toBe('Ruby');
    expect(await page.getByLabel('Family name').inputValue()).toBe('Newcomer');
    await page.getByLabel('Date they moved in (optional)').fill('21/11/2026');
    await page.getByRole('button', { name: 'Add resident and match the flag' }).click();
    await page.getByText(/Ruby Newcomer has been added to Willow Court/).waitFor();
    await page.getByTestId('escalation-banner').waitFor({ state: 'detached' });
    const flag = (await h.invoke('flags:list', { severity: 'urgent' }))[0];
    expect(flag).toMatchObject({ unmatched: false, residentName: 'Ruby Newcomer' });
    const resident = await h.invoke('residents:get', { id: flag?.residentId ?? 0 });
    expect(resident.admissionDate).toBe('2026-11-21');
    expect(h.problems).toEqual([]);
  });
});
