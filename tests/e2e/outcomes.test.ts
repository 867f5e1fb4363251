/**
 * Shared outcomes, the audit trail and backups in the real renderer, on the synthetic demo practice:
 * the practice nurse reads the figures with the home, prints the A4 report, exports CSV, checks who
 * opened a resident's record, and backs up, restores and undoes the restore. Every screen is checked
 * with axe-core (WCAG 2.2 AA) and photographed.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildDemoPractice } from '../../main/services/demoData';
import { careHomeInput, representativeInput, residentInput } from '../../shared/domain/register';
import { SCREENSHOT_DIR, startHarness, type Harness } from './harness';

const TODAY = '2026-11-23';
let h: Harness;

beforeAll(async () => {
  h = await startHarness({ today: TODAY, practice: { name: 'Riverside Medical Practice', odsCode: 'Y12345', isDemo: true } });
  const demo = buildDemoPractice(TODAY);
  const { store, actor } = h.ctx;
  const homeIds: number[] = [];
  for (const home of demo.homes) homeIds.push((await store.homes.create(actor, careHomeInput.parse(home))).id);
  for (const r of demo.residents) {
    const homeId = homeIds[r.homeIndex];
    if (homeId === undefined) continue;
    const created = await store.residents.create(actor, residentInput.parse({ ...r.resident, homeId }), r.representatives.map((p) => representativeInput.parse(p)));
    await store.records.add(actor, created.id, r.records, 'demo');
    for (const flag of r.flags) await store.flags.add(actor, { ...flag, homeId, residentId: created.id }, 'entered');
  }
});

afterAll(async () => {
  h?.ctx.store.close(); // the restore swapped in a new store; the harness closes the first
  await h?.close();
});

async function step(name: string): Promise<void> {
  expect(await h.audit(), name).toEqual([]);
  await h.screenshot(name);
}

async function download(click: () => Promise<void>): Promise<{ name: string; text: string }> {
  const [file] = await Promise.all([h.page.waitForEvent('download'), click()]);
  const saved = path.join(SCREENSHOT_DIR, file.suggestedFilename());
  await file.saveAs(saved);
  return { name: file.suggestedFilename(), text: readFileSync(saved, 'utf8') };
}

describe('shared outcomes', () => {
  it('shows the practice’s figures, each with how it was counted, and three charts', async () => {
    const { page } = h;
    await h.open('/reports');
    await page.getByRole('heading', { level: 1, name: 'Shared outcomes' }).waitFor();
    await page.getByRole('heading', { level: 2, name: 'Riverside Medical Practice: all care homes' }).waitFor();
    expect(await page.title()).toBe('Shared outcomes – Roundtable');
    const respect = page.locator('tr[data-figure="respect-coverage"]');
    expect(await respect.textContent()).toMatch(/ReSPECT coverage\d+% \(\d+ of \d+\)Residents living in the home on 23\/11\/2026/);
    // recharts loads lazily, when the charts are first shown.
    await page.locator('.app-chart .recharts-wrapper').nth(2).waitFor();
    expect(await page.locator('.app-chart .recharts-wrapper').count()).toBe(3);
    expect(await page.getByRole('table', { name: 'Each care home side by side' }).locator('thead th').allTextContents())
      .toEqual(['Figure', 'Beech House', 'The Larches', 'Willow Court']);
    await page.getByText('Show the numbers: ReSPECT coverage at the end of each month').click();
    await step('20-reports-practice');
  });

  it('narrows to one home and period, and says what is wrong with a date', async () => {
    const { page } = h;
    await page.getByLabel('Last day').fill('31/02/2026');
    await page.getByRole('button', { name: 'Show figures' }).click();
    await page.locator('.nhsuk-error-summary').getByText('Enter a real date, for example 31/03/2027').waitFor();
    expect(await page.title()).toBe('Error: Shared outcomes – Roundtable');
    await step('21-reports-error');

    await page.getByLabel('Care home', { exact: true }).selectOption({ label: 'Willow Court' });
    await page.getByLabel('First day').fill('01/06/2026');
    await page.getByLabel('Last day').fill('30/11/2026');
    await page.getByRole('button', { name: 'Show figures' }).click();
    await page.getByRole('heading', { level: 2, name: 'Willow Court' }).waitFor();
    expect(await page.locator('.app-report').textContent()).toContain('01/06/2026 to 30/11/2026');
    expect(await page.getByRole('table', { name: 'Each care home side by side' }).count()).toBe(0);
    await step('22-reports-home');
  });

  it('exports the figures as CSV', async () => {
    const csv = await download(() => h.page.getByRole('button', { name: 'Download figures (CSV)' }).click());
    expect(csv.name).toBe('roundtable-outcomes-willow-court-2026-06-01-to-2026-11-30.csv');
    expect(csv.text.replace(/^\ufeff/, '').split('\r\n')[0]).toBe('Scope,From,To,Figure,Value,As shown,How counted');
    expect(csv.text).toContain('Willow Court,2026-06-01,2026-11-30,ReSPECT coverage,');
  });

  it('prints as an A4 report without the app’s navigation', async () => {
    const { page } = h;
    await page.emulateMedia({ media: 'print' });
    expect(await page.locator('.nhsuk-header__navigation').isVisible()).toBe(false);
    expect(await page.locator('form.app-filters').isVisible()).toBe(false);
    expect(await page.getByText('For the practice and the care home to go through together').isVisible()).toBe(true);
    const pdf = path.join(SCREENSHOT_DIR, 'report.pdf');
    await page.pdf({ path: pdf, format: 'A4', printBackground: true, preferCSSPageSize: true });
    await page.emulateMedia({ media: 'screen' });
    const info = execFileSync('pdfinfo', [pdf], { encoding: 'utf8' });
    expect(info).toMatch(/Page size:\s+59[45]\.\d+ x 841\.\d+ pts \(A4\)/);
    expect(Number(/Pages:\s+(\d+)/.exec(info)?.[1])).toBeGreaterThanOrEqual(2);
    execFileSync('pdftoppm', ['-png', '-r', '50', pdf, path.join(SCREENSHOT_DIR, 'report-page')]);
  });
});

describe('audit trail', () => {
  it('shows who opened a resident’s record, filtered to that resident, and exports it', async () => {
    const { page } = h;
    const [resident] = await h.invoke('residents:search', { homeId: 1 });
    await h.open('/homes');
    await page.getByRole('link', { name: 'Audit trail' }).click();
    await page.getByRole('heading', { level: 1, name: 'Audit trail' }).waitFor();
    await page.locator('table').first().waitFor();
    await step('23-audit-all');

    // From the resident's record to its audit trail, already filtered to them.
    await h.open(`/residents/${resident?.id}`);
    await page.getByRole('link', { name: `Who has viewed or changed ${resident?.givenName}’s record` }).click();
    await page.getByRole('heading', { level: 1, name: 'Audit trail' }).waitFor();
    expect(await page.getByLabel('Resident').inputValue()).toBe(String(resident?.id));
    await page.getByLabel('Kind').selectOption('view');
    await page.getByRole('button', { name: 'Filter' }).click();
    await page.getByTestId('list-count').filter({ hasText: /^1 event$/ }).waitFor();
    const row = await page.locator('tbody tr').first().textContent();
    expect(row).toContain('e2e-test');
    expect(row).toContain('Viewed');
    expect(row).toContain(`Viewed the record of ${resident?.givenName} ${resident?.familyName}`);
    await step('24-audit-filtered');

    const csv = await download(() => page.getByRole('button', { name: 'Download as CSV' }).click());
    expect(csv.name).toBe(`roundtable-audit-${TODAY}.csv`);
    expect(csv.text.trimEnd().split('\r\n')).toHaveLength(2);

    await page.getByLabel('From').fill('not a date');
    await page.getByRole('button', { name: 'Filter' }).click();
    await page.locator('.nhsuk-error-summary').waitFor();
    await step('25-audit-error');
  });
});

describe('backups', () => {
  it('backs up now, restores with a confirmation, and undoes the restore', async () => {
    const { page } = h;
    await h.open('/backups');
    await page.getByText('There are no backups yet.').waitFor();
    await step('26-backups-empty');

    await page.getByRole('button', { name: 'Back up now' }).click();
    await page.getByText(/^Backed up: 3 care homes and 60 residents, checked and saved as roundtable-.*-manual\.sqlite$/).waitFor();
    await page.getByRole('table', { name: '1 backup, newest first' }).waitFor();
    expect(await page.locator('tbody tr').first().textContent()).toContain('Checked');
    await step('27-backups-list');

    // Work after the backup: a new home, which the restore will take away and the undo bring back.
    await h.invoke('homes:create', { home: { name: 'Later House', type: 'nursing' } });
    await page.getByRole('button', { name: /^Restore the backup taken/ }).click();
    await page.getByRole('heading', { level: 1, name: 'Restore this backup?' }).waitFor();
    expect(await page.title()).toBe('Restore this backup? – Roundtable');
    await step('28-backups-confirm');
    await page.getByRole('button', { name: 'Restore this backup' }).click();
    await page.getByText(/^Restored the backup taken \d\d\/\d\d\/\d{4} \d\d:\d\d: 3 care homes and 60 residents$/).waitFor();
    expect((await h.invoke('homes:list', {})).map((x) => x.name)).not.toContain('Later House');
    await step('29-backups-restored');

    await page.getByRole('button', { name: 'Undo this restore' }).click();
    await page.getByText(/^Restored the backup taken \d\d\/\d\d\/\d{4} \d\d:\d\d: 4 care homes and 60 residents$/).waitFor();
    expect((await h.invoke('homes:list', {})).map((x) => x.name)).toContain('Later House');
    expect(h.problems).toEqual([]);
  });
});
