/**
 * A primary care network's register of 2,000 residents in 50 homes, as a practice nurse meets it on a
 * 1366×768 monitor and a 1920×1080 one: every resident reachable (the last resident of the last home
 * included) with the right count, ten or more rows above the fold, the long lists as paged tables,
 * the urgent at the top of a resident's page, and no accessibility violations.
 */
import { rmSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildPcnFile } from '../../bench/pcn';
import { openStore } from '../../main/store';
import { formatNhsNumber } from '../../shared/rules/nhsNumber';
import { SCREENSHOT_DIR, startHarness, type Harness } from './harness';

const TODAY = '2026-11-23';
const HOMES = 50;
const PER_HOME = 40;
const LAST_HOME = 'Willow Court';
let h: Harness;
let fixtureDir = '';
let lastHomeId = 0;

beforeAll(async () => {
  const pcn = await buildPcnFile({ homes: HOMES, perHome: PER_HOME, seed: 16, today: TODAY, openStore,
    homeName: (n) => (n === HOMES ? LAST_HOME : `Ash Lodge ${String(n).padStart(2, '0')}`) });
  fixtureDir = pcn.dir;
  lastHomeId = pcn.homeIds.at(-1) ?? 0;
  h = await startHarness({ today: TODAY, databaseFrom: pcn.file, viewport: { width: 1366, height: 768 },
    practice: { name: 'Riverside Primary Care Network', odsCode: 'U12345', isDemo: true } });
});

afterAll(async () => {
  await h?.close();
  if (fixtureDir) rmSync(fixtureDir, { recursive: true, force: true });
});

async function look(name: string): Promise<void> {
  expect(await h.audit(), name).toEqual([]);
  await h.page.screenshot({ path: `${SCREENSHOT_DIR}/${name}.png` });
}

/** How many of these rows are wholly visible without scrolling. */
async function rowsAboveFold(selector: string): Promise<number> {
  return (await h.page.evaluate(`[...document.querySelectorAll(${JSON.stringify(selector)})].filter((r) => r.getBoundingClientRect().bottom <= window.innerHeight).length`)) as number;
}

async function count(): Promise<string> {
  return (await h.page.getByTestId('list-count').textContent()) ?? '';
}

describe('2,000 residents in 50 homes', () => {
  it('lists every resident a page at a time with the right count, ten or more rows above the fold at 1366×768', async () => {
    const { page } = h;
    await h.open('/residents');
    await page.getByTestId('residents-table').waitFor();
    expect(await count()).toContain('2,000 residents');
    const aboveFold = await rowsAboveFold('[data-testid=residents-table] tbody tr');
    expect(aboveFold).toBeGreaterThanOrEqual(10);
    // The demo notice sits inside the banner landmark.
    expect(await page.locator('header[role=banner] [data-testid=demo-notice]').count()).toBe(1);
    await look('scale-01-residents-1366x768');
  });

  it('reaches the last resident of the last home on the last page', async () => {
    const { page } = h;
    const willow = await h.store.residents.search({ homeId: lastHomeId });
    const last = willow.at(-1);
    expect(willow).toHaveLength(PER_HOME);
    await page.getByRole('button', { name: 'Last page' }).first().click();
    await page.getByText('Page 40 of 40').first().waitFor();
    const lastRow = page.locator('[data-testid=residents-table] tbody tr').last();
    expect(await lastRow.textContent()).toContain(`${last?.familyName}, ${last?.givenName}`);
    expect(await lastRow.textContent()).toContain(LAST_HOME);
    expect(await count()).toContain('showing 1,951 to 2,000');
  });

  it('filters by home and by name, counting only what matches', async () => {
    const { page } = h;
    await page.getByLabel('Care home').selectOption({ label: LAST_HOME });
    await page.getByText(`${PER_HOME} residents`).waitFor();
    await page.getByLabel('Care home').selectOption({ label: 'All care homes' });
    await page.getByText('2,000 residents').first().waitFor();
    await page.getByLabel('Search by name, NHS number or room').fill('Family49x39');
    await page.getByText('1 resident', { exact: true }).waitFor();
    expect(await page.locator('[data-testid=residents-table] tbody tr').count()).toBe(1);
  });

  it('opens the last resident’s page with the urgent facts above the fold, each once', async () => {
    const { page } = h;
    const willow = await h.store.residents.search({ homeId: lastHomeId });
    const last = willow.at(-1);
    await h.open(`/residents/${last?.id}`);
    const facts = page.getByTestId('resident-header-facts');
    await facts.waitFor();
    const text = (await facts.textContent()) ?? '';
    for (const label of ['NHS number', 'Date of birth', 'Room', 'CPR status', 'Most severe open flag', 'Next round']) expect(text).toContain(label);
    expect(await page.evaluate(`document.querySelector('[data-testid=resident-header-facts]').getBoundingClientRect().bottom <= window.innerHeight`)).toBe(true);
    // Each fact once: the NHS number appears in the header and nowhere else on the page.
    const main = (await page.locator('main').textContent()) ?? '';
    expect(main.split(formatNhsNumber(last?.nhsNumber ?? '')).length - 1).toBe(1);
    await look('scale-02-resident-1366x768');
  });

  it('shows Reviews as one row per resident, every one reachable, the count matching the service', async () => {
    const { page } = h;
    const overview = await h.invoke('reviews:overview', {});
    const residents = new Set(overview.items.map((i) => i.residentId)).size;
    await h.open('/reviews');
    await page.getByTestId('reviews-table').waitFor();
    expect(await count()).toContain(`${residents.toLocaleString('en-GB')} residents with reviews due`);
    expect(await page.locator('[data-testid=reviews-table] tbody tr').count()).toBe(Math.min(50, residents));
    await look('scale-03-reviews-1366x768');
    await page.getByRole('button', { name: 'Last page' }).first().click();
    await page.getByText(`showing ${(Math.floor((residents - 1) / 50) * 50 + 1).toLocaleString('en-GB')} to ${residents.toLocaleString('en-GB')}`).waitFor();
    expect(await page.locator('[data-testid=reviews-table] tbody tr').count()).toBe(residents - Math.floor((residents - 1) / 50) * 50);
  });

  it('shows Care plans as one row per resident, the count matching the service', async () => {
    const { page } = h;
    const overview = await h.invoke('carePlans:overview', {});
    await h.open('/care-plans');
    await page.getByTestId('care-plans-table').waitFor();
    expect(await count()).toContain(`${overview.residents.length.toLocaleString('en-GB')} residents to talk with`);
    await look('scale-04-care-plans-1366x768');
  });

  it('lists flags and the audit trail as paged tables with their real counts', async () => {
    const { page } = h;
    const flags = await h.invoke('flags:list', { status: 'current' });
    await h.open('/flags');
    await page.getByTestId('flags-table').waitFor();
    expect(await count()).toContain(`${flags.length.toLocaleString('en-GB')} flags`);
    await look('scale-05-flags-1366x768');

    await h.open('/audit');
    await page.getByTestId('audit-table').waitFor();
    const total = (await h.invoke('audit:page', {})).total;
    expect(total).toBeGreaterThan(2000);
    expect(await count()).toMatch(/^[\d,]+ events/);
    await page.getByRole('button', { name: 'Last page' }).first().click();
    await page.getByText(/Page ([\d,]+) of \1/).first().waitFor();
    await look('scale-06-audit-1366x768');
  });

  it('lets the audit trail be filtered to any resident, the last of the last home included, and the Residents list to who has reviews or care-plan gaps due', async () => {
    const { page } = h;
    const last = (await h.invoke('residents:page', { homeId: lastHomeId, sort: 'name', descending: true, limit: 1 })).rows[0]?.resident;
    expect(last).toBeDefined();
    await h.open('/audit');
    await page.getByTestId('audit-table').waitFor();
    await page.getByLabel('Name or NHS number').fill(last?.nhsNumber ?? '');
    await page.getByTestId('audit-find-count').filter({ hasText: /^1 resident listed$/ }).waitFor();
    await page.getByLabel('Resident', { exact: true }).selectOption(String(last?.id));
    await page.getByRole('button', { name: 'Filter', exact: true }).click();
    const events = (await h.invoke('audit:page', { residentId: last?.id ?? 0 })).total;
    expect(events).toBeGreaterThan(0);
    await page.getByTestId('list-count').filter({ hasText: new RegExp(`^${events.toLocaleString('en-GB')} events?`) }).waitFor();
    expect(await page.getByLabel('Resident', { exact: true }).locator('option:checked').textContent()).toContain(formatNhsNumber(last?.nhsNumber ?? ''));
    await look('scale-10-audit-resident-1366x768');

    for (const [due, label] of [['reviews', 'With reviews due'], ['care-plan', 'With care-plan gaps']] as const) {
      const expected = (await h.invoke('residents:page', { due, limit: 1 })).total;
      await h.open('/residents');
      await page.getByTestId('residents-table').waitFor();
      await page.getByLabel('Needs attention').selectOption({ label });
      await page.getByTestId('list-count').filter({ hasText: new RegExp(`^${expected.toLocaleString('en-GB')} residents?`) }).waitFor();
    }
  });

  it('uses the whole width of a 1920×1080 screen', async () => {
    const { page } = h;
    await page.setViewportSize({ width: 1920, height: 1080 });
    await h.open('/residents');
    await page.getByTestId('residents-table').waitFor();
    expect(await page.evaluate(`document.querySelector('main').getBoundingClientRect().width`)).toBeGreaterThan(1800);
    expect(await rowsAboveFold('[data-testid=residents-table] tbody tr')).toBeGreaterThanOrEqual(15);
    await look('scale-07-residents-1920x1080');
    await h.open('/reviews');
    await page.getByTestId('reviews-table').waitFor();
    await look('scale-08-reviews-1920x1080');
    const willow = await h.store.residents.search({ homeId: lastHomeId });
    await h.open(`/residents/${willow.at(-1)?.id}`);
    await page.getByTestId('resident-header-facts').waitFor();
    await look('scale-09-resident-1920x1080');
    expect(h.problems).toEqual([]);
  });
});
