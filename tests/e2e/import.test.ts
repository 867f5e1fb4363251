/**
 * Importing practice records through the Import screen: from the empty Homes screen, follow the link,
 * choose the file (the main process's dialog, played by the harness: the page never sees a path), check it (detected kind, counts, first problems), import it, save the rejected rows as
 * CSV, and see the import in the history. Then a FHIR bundle. Every call goes through the real handlers.
 */
import { copyFileSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHarness, type Harness } from './harness';

let h: Harness;
let dir: string;
const FIXTURES = path.resolve(__dirname, '../fixtures/records');

beforeAll(async () => {
  h = await startHarness({ today: '2026-11-23', practice: { name: 'Riverside Medical Practice', odsCode: 'Y12345' } });
  dir = mkdtempSync(path.join(os.tmpdir(), 'roundtable-e2e-import-'));
  for (const f of ['patients-messy.csv', 'fhir-bundle.json']) copyFileSync(path.join(FIXTURES, f), path.join(dir, f));
});

afterAll(async () => {
  await h?.close();
  rmSync(dir, { recursive: true, force: true });
});

async function step(name: string): Promise<void> {
  expect(await h.audit(), name).toEqual([]);
  await h.screenshot(name);
}

describe('import workflow', () => {
  it('is reached from the Homes screen and explains itself when nothing has been imported', async () => {
    const { page } = h;
    await h.open('/homes');
    await page.getByRole('link', { name: 'import the practice’s records' }).click();
    await page.getByRole('heading', { level: 1, name: 'Import practice records' }).waitFor();
    expect(page.url()).toContain('#/import');
    expect(await page.title()).toBe('Import practice records – Roundtable');
    await page.getByText('No files have been imported yet.').waitFor();
    await page.getByRole('button', { name: 'Check the file' }).click();
    await page.getByText('Choose a file to import', { exact: false }).first().waitFor();
    await page.getByRole('button', { name: 'Choose a file…' }).click();
    await page.getByText('There is no file dialog here').waitFor();
    await step('import-01-empty');
  });

  it('H8: checks a messy patients file before storing anything, then imports it and saves the rejected rows', async () => {
    const { page } = h;
    h.fileDialog({ open: path.join(dir, 'patients-messy.csv') });
    await page.getByRole('button', { name: 'Choose a file…' }).click();
    await page.getByText('File to import: patients-messy.csv').waitFor();
    await page.getByRole('button', { name: 'Check the file' }).click();
    await page.getByRole('heading', { name: '2. Check what will be imported' }).waitFor();
    const main = page.locator('main');
    expect(await main.textContent()).toContain('Patients (the register) (CSV)');
    expect(await main.textContent()).toContain('Rosewood Nursing Home, Hillview House');
    expect(await main.textContent()).toContain('“31/02/1940” is not a real date');
    expect(await h.store.homes.list()).toEqual([]);
    await step('import-02-checked');

    await page.getByRole('button', { name: 'Import 7 rows' }).click();
    await page.getByRole('heading', { name: '3. What was imported' }).waitFor();
    expect(await page.locator('.nhsuk-notification-banner').textContent()).toContain('Import 1 stored: 4 rows new or changed');
    expect((await h.store.homes.list()).map((x) => x.name).sort()).toEqual(['Hillview House', 'Rosewood Nursing Home']);
    h.fileDialog({ save: path.join(dir, 'patients-messy-import-1-problems.csv') });
    await page.getByRole('button', { name: 'Save the rejected rows as a CSV file' }).click();
    await page.getByText('Saved 3 rows to').waitFor();
    const saved = readFileSync(path.join(dir, 'patients-messy-import-1-problems.csv'), 'utf8');
    expect(saved.split('\r\n')[0]).toBe('line,field,problem,reason,nhs_number');
    const history = page.locator('table').last();
    expect(await history.textContent()).toContain('patients-messy.csv');
    await step('import-03-done');
  });

  it('imports a FHIR R4 bundle, counting what it does not understand and who is not on the register', async () => {
    const { page } = h;
    await page.getByRole('button', { name: 'Import another file' }).click();
    // the same file again: the check says when it came in before
    h.fileDialog({ open: path.join(dir, 'patients-messy.csv') });
    await page.getByRole('button', { name: 'Choose a file…' }).click();
    await page.getByText('File to import: patients-messy.csv').waitFor();
    await page.getByRole('button', { name: 'Check the file' }).click();
    await page.getByText('This same file was imported on').waitFor();
    expect(await page.locator('main').textContent()).toContain('(import 1)');
    await page.getByRole('button', { name: 'Choose another file' }).click();
    h.fileDialog({ open: path.join(dir, 'fhir-bundle.json') });
    await page.getByRole('button', { name: 'Choose another file…' }).click();
    await page.getByText('File to import: fhir-bundle.json').waitFor();
    await page.getByRole('button', { name: 'Check the file' }).click();
    await page.getByRole('heading', { name: '2. Check what will be imported' }).waitFor();
    expect(await page.locator('main').textContent()).toContain('FHIR R4 resources (FHIR R4)');
    expect(await page.locator('main').textContent()).toContain('Practitioner (1), Observation (1)');
    await page.getByRole('button', { name: 'Import 16 rows' }).click();
    await page.getByRole('heading', { name: '3. What was imported' }).waitFor();
    const mary = await h.store.residents.findByNhsNumber('9990000379');
    const [snap] = await h.store.snapshots.load({ residentIds: [mary!.id] });
    expect(snap!.medications.length).toBe(2);
    await step('import-04-fhir');
    expect(h.problems).toEqual([]);
  });
});
