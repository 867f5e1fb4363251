/**
 * Settings › Shared database and "Your name in the audit trail", as a practice's IT lead would set up a
 * desktop: the form's own checks, a connection test that fails (nothing listens on the port) and one that
 * finds a server, saving the choice for the next start (the password kept by a stand-in for safeStorage,
 * never in the settings file), going back to the database on this computer, and the footer naming the
 * database in use. At 1366×768, a common practice screen.
 */
import { readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PasswordCipher } from '../../main/services/localSettings';
import { SCREENSHOT_DIR, startHarness, type Harness } from './harness';

const PASSWORD = 'e2e-Secret!42';
let h: Harness;
let settingsFile: string;
let closedPort = 0;

/** Reversible, and never the password in clear (a stand-in for Electron's safeStorage). */
const cipher: PasswordCipher = {
  isAvailable: () => true,
  encrypt: (plain) => Buffer.from(Buffer.from(plain, 'utf8').map((b) => b ^ 0x5a)),
  decrypt: (sealed) => Buffer.from(sealed.map((b) => b ^ 0x5a)).toString('utf8'),
};

/** A port nothing listens on: bound, then let go. */
async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  await new Promise<void>((resolve) => server.close(() => resolve()));
  if (address === null || typeof address === 'string') throw new Error('no port');
  return address.port;
}

beforeAll(async () => {
  h = await startHarness({ today: '2026-11-23', practice: { name: 'Riverside Medical Practice', odsCode: 'Y12345' }, viewport: { width: 1366, height: 768 } });
  settingsFile = path.join(path.dirname(h.store.file ?? ''), 'userData', 'settings.json');
  h.ctx.settingsFile = settingsFile;
  h.ctx.cipher = cipher;
  closedPort = await freePort();
});

afterAll(async () => {
  await h?.close();
});

/** The DOM method, typed here (the tests' tsconfig has no DOM library). */
interface Scrollable { scrollIntoView(options: { block: 'start' | 'end' }): void }

/** Scrolls so the element is at the top of the window. */
async function top(selector: string): Promise<void> {
  await h.page.locator(selector).evaluate((el) => (el as unknown as Scrollable).scrollIntoView({ block: 'start' }));
}

/** Checks the screen is accessible; photographs the whole page, and the 1366×768 window as it is scrolled. */
async function step(name: string): Promise<void> {
  expect(await h.audit(), name).toEqual([]);
  await h.screenshot(name);
  await h.page.screenshot({ path: path.join(SCREENSHOT_DIR, `${name}-window.png`) });
}

describe('Settings › Shared database', () => {
  it('shows the database in use in the footer, and the section on Settings', async () => {
    const { page } = h;
    await h.open('/settings');
    await page.getByRole('heading', { level: 2, name: 'Shared database' }).waitFor();
    await page.getByText('Database: this computer (SQLite)').waitFor();
    expect(await page.locator('footer').textContent()).toContain('Database: this computer (SQLite)');
    expect(await page.locator('#shared-password').getAttribute('type')).toBe('password');
    await top('#shared-database-heading');
    await step('shared-01-settings');
    await h.page.locator('footer').evaluate((el) => (el as unknown as Scrollable).scrollIntoView({ block: 'end' }));
    await h.page.screenshot({ path: path.join(SCREENSHOT_DIR, 'shared-00-footer-window.png') });
    await top('#shared-database-heading');
  });

  it('checks the form first, with an error summary that takes focus', async () => {
    const { page } = h;
    await page.getByRole('button', { name: 'Use this database' }).click();
    const summary = page.locator('section[aria-labelledby="shared-database-heading"] .nhsuk-error-summary');
    await summary.waitFor();
    expect(await summary.textContent()).toContain('Enter the connection string of the shared database');
    expect(await page.evaluate('document.activeElement.classList.contains("nhsuk-error-summary")')).toBe(true);

    await page.locator('#shared-url').fill(`postgresql://roundtable:${PASSWORD}@127.0.0.1:${closedPort}/roundtable`);
    await page.getByRole('button', { name: 'Test connection' }).click();
    await page.getByText('Take the password out of the connection string and put it in the password box').first().waitFor();
    await summary.getByRole('link').click();
    expect(await page.evaluate('document.activeElement.id')).toBe('shared-url');
  });

  it('tests a connection to a port nothing listens on, and says what went wrong', async () => {
    const { page } = h;
    await page.locator('#shared-url').fill(`postgresql://roundtable@127.0.0.1:${closedPort}/roundtable`);
    await page.locator('#shared-password').fill(PASSWORD);
    await page.getByRole('button', { name: 'Test connection' }).click();
    const failure = page.getByRole('alert').filter({ hasText: 'Roundtable could not connect' });
    await failure.waitFor();
    const words = (await failure.textContent()) ?? '';
    expect(words).toContain('Nothing has been saved.');
    expect(words).not.toContain(PASSWORD);
    expect(words.length).toBeGreaterThan(60);
    expect(await page.evaluate('document.activeElement.getAttribute("aria-labelledby")')).toBe('connection-failed-heading');
    await top('label[for="shared-url"]');
    await step('shared-02-connection-failed');
  });

  it('says what it found when a server answers', async () => {
    const { page } = h;
    h.ctx.probeDatabase = () => Promise.resolve({ engine: 'postgres', location: '', serverVersion: '16.4', schemaVersion: null });
    await page.getByRole('button', { name: 'Test connection' }).click();
    await page.getByText(`Connected to 127.0.0.1:${closedPort}/roundtable (PostgreSQL 16.4). It is an empty database: Roundtable will set it up when it first opens it.`).waitFor();
    await top('label[for="shared-url"]');
    await step('shared-03-connected');
  });

  it('saves the choice for the next start, with the password encrypted, and can go back to this computer', async () => {
    const { page } = h;
    await page.getByRole('button', { name: 'Use this database' }).click();
    await page.getByText(`Roundtable will use the shared database 127.0.0.1:${closedPort}/roundtable. The password is kept encrypted on this computer.`, { exact: false }).waitFor();
    await page.getByText('When Roundtable is next started it will use the shared database').waitFor();
    const file = readFileSync(settingsFile, 'utf8');
    expect(file).toContain(`postgresql://roundtable@127.0.0.1:${closedPort}/roundtable`);
    expect(file).not.toContain(PASSWORD);
    expect(await page.locator('#shared-password').inputValue()).toBe('');
    expect(await page.locator('footer').textContent()).toContain('Database: this computer (SQLite)'); // until the restart
    await top('#shared-database-heading');
    await step('shared-04-saved');

    await page.getByRole('button', { name: 'Use the database on this computer' }).click();
    await page.getByText('Roundtable will use the database on this computer. It takes effect when Roundtable is next started').waitFor();
    expect(JSON.parse(readFileSync(settingsFile, 'utf8'))).toMatchObject({ sharedDatabase: null });
  });

  it('records your name in the audit trail from now on', async () => {
    const { page } = h;
    await page.locator('#user-name').fill('Dr Amara Okafor');
    await page.getByRole('button', { name: 'Save your name' }).click();
    await page.getByText('The audit trail records your name as Dr Amara Okafor from now on.').waitFor();
    expect(h.ctx.actor.osUser).toBe('Dr Amara Okafor');
    expect(JSON.parse(readFileSync(settingsFile, 'utf8'))).toMatchObject({ userName: 'Dr Amara Okafor' });
    await top('#audit-name-heading');
    await step('shared-05-audit-name');
    expect(h.problems).toEqual([]);
  });
});
