/**
 * The practice's week, end to end (issue 15), from a fresh demo database and the three homes' filled
 * weekly flag sheets to the printed agendas and letters, counting each user action (a benchmark figure,
 * printed, not asserted on time). Then the flag sheet's round trip through the Homes and Import screens,
 * "Invite all proposed" on one round, and every screen of the demo read for rule ids.
 *
 * Planning is one action for every home: "Plan next week" on the Rounds screen.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { readSheet } from 'read-excel-file/node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeFlagSheet } from '../../main/services/flagSheet';
import { RULE_LABELS } from '../../shared/rules/ruleLabels';
import { startHarness, type Harness } from './harness';

const TODAY = '2026-11-23';
let h: Harness;
let dir: string;
const sheets: { home: string; file: string; filled: number }[] = [];
/** Rule ids as words on their own: the hyphenated ids and the short ones people would never write. */
const RULE_ID = new RegExp(`(?<![\\w-])(${Object.keys(RULE_LABELS).filter((id) => id.includes('-') || id === 'smr').map((id) => id.replace(/-/g, '\\-')).join('|')})(?![\\w-])`);

beforeAll(async () => {
  h = await startHarness({ today: TODAY, demo: true });
  dir = mkdtempSync(path.join(os.tmpdir(), 'roundtable-e2e-week-'));
  // What each home sends back: this week's sheet with two concerns written on it.
  for (const home of await h.store.homes.list()) {
    const file = path.join(dir, `${home.name.toLowerCase().replace(/\W+/g, '-')}-flags.csv`);
    await writeFlagSheet(h.ctx, { homeId: home.id, file });
    const lines = readFileSync(file, 'utf8').split('\r\n');
    lines[1] = lines[1]?.replace(/,,,,,,,,$/, ',23/11/2026,Fall,Found on the floor by the bed at 3am; no injury seen,,,,,Night carer') ?? '';
    lines[3] = lines[3]?.replace(/,,,,,,,,$/, ',22/11/2026,Confusion,More muddled than usual since Saturday,,,,5,Senior carer') ?? '';
    writeFileSync(file, lines.join('\r\n'));
    sheets.push({ home: home.name, file, filled: 2 });
  }
}, 300_000);

afterAll(async () => {
  await h?.close();
  rmSync(dir, { recursive: true, force: true });
});

async function step(name: string): Promise<void> {
  expect(await h.audit(), name).toEqual([]);
  await h.screenshot(name);
}

function pdfText(file: string): string {
  return execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
}

describe('the practice’s week', { timeout: 300_000 }, () => {
  it('from three filled flag sheets to the week’s printed agendas and letters, counting the user’s actions', async () => {
    const { page } = h;
    let actions = 0;
    const act = async <T>(what: () => Promise<T>): Promise<T> => { actions += 1; return what(); };
    await h.open('/homes');

    await act(() => page.getByRole('link', { name: 'Import', exact: true }).click());
    await page.getByRole('heading', { name: 'Import care homes’ flags' }).waitFor();
    // The three sheets dragged onto the window together.
    const files = sheets.map((s) => ({ name: path.basename(s.file), base64: readFileSync(s.file).toString('base64') }));
    await act(() => page.evaluate(`(() => {
      const transfer = new DataTransfer();
      for (const f of ${JSON.stringify(files)}) transfer.items.add(new File([Uint8Array.from(atob(f.base64), (c) => c.charCodeAt(0))], f.name, { type: 'text/csv' }));
      window.dispatchEvent(new DragEvent('drop', { dataTransfer: transfer, bubbles: true, cancelable: true }));
    })()`));
    await page.getByRole('list', { name: 'Flag files to import' }).getByText(files[2]?.name ?? '').waitFor();
    await act(() => page.getByRole('button', { name: 'Check the flags' }).click());
    await page.getByText('6 flags: 6 matched to a resident, 0 to go to the unmatched queue').waitFor();
    for (const s of sheets) await page.getByRole('heading', { name: `${path.basename(s.file)}: ${s.home}` }).waitFor();
    await step('week-01-flags-checked');
    await act(() => page.getByRole('button', { name: 'Import 6 flags' }).click());
    await page.getByText('Flags imported:').waitFor();
    expect((await h.store.flags.list({}, TODAY)).filter((f) => f.raisedBy === 'Night carer' || f.raisedBy === 'Senior carer')).toHaveLength(6);

    // Planning: one action for every home ("Plan next week", issue 12).
    await act(() => page.getByRole('link', { name: 'Rounds', exact: true }).click());
    await act(() => page.getByRole('button', { name: 'Plan next week' }).click());
    await page.getByRole('heading', { name: /^3 rounds planned for / }).waitFor();
    await act(() => page.getByRole('button', { name: 'Invite all proposed this week' }).click());
    await page.getByText(/Invited \d+ relatives to 3 rounds this week/).waitFor();
    await act(() => page.getByRole('button', { name: 'Print the week' }).click());
    await page.getByText('The week’s agendas and letters, one PDF for each home:').waitFor();
    await step('week-02-printed');

    console.log(`[effort] the practice’s week, fresh demo and three filled flag sheets to printed agendas and letters: ${actions} user actions (target 15 or fewer)`);
    const printed = (await page.getByRole('status').filter({ hasText: 'saved as' }).innerText()).split('\n').filter((l) => l.includes('saved as'));
    expect(printed).toHaveLength(3);
    for (const line of printed) {
      const file = /saved as (.+\.pdf)$/.exec(line)?.[1] ?? '';
      expect(existsSync(file), file).toBe(true);
      const text = pdfText(file);
      expect(text).toContain('Care home round:');
      expect(text).toContain('An invitation to');
      expect(text).toContain('01632 960000');
      expect(text).not.toMatch(RULE_ID);
    }
    expect(actions).toBeLessThanOrEqual(15);
  });

  it('the weekly flag sheet: downloaded from the Homes screen, filled in, imported through the file dialog with every line matched', async () => {
    const { page } = h;
    await h.open('/homes');
    await page.getByRole('button', { name: 'Download this week’s flag sheet for Beech House' }).click();
    const status = await page.getByRole('status').innerText();
    const file = /saved as (.+\.xlsx)$/.exec(status)?.[1] ?? '';
    expect(existsSync(file), status).toBe(true);
    const beech = (await h.store.homes.list()).find((x) => x.name === 'Beech House');
    const rows = (await readSheet(file)) as unknown[][];
    expect(rows.length - 1).toBe(beech?.activeResidents);
    await step('week-03-sheet-downloaded');
    // The home fills in two lines in Excel.
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(file);
    const ws = book.getWorksheet('Flags');
    if (!ws) throw new Error('The sheet has no Flags worksheet');
    ws.getRow(2).getCell(6).value = '27/11/2026';
    ws.getRow(2).getCell(7).value = 'Skin';
    ws.getRow(2).getCell(8).value = 'Red heel, blanching';
    ws.getRow(2).getCell(13).value = 'Day carer';
    ws.getRow(5).getCell(6).value = '27/11/2026';
    ws.getRow(5).getCell(7).value = 'Pain';
    ws.getRow(5).getCell(8).value = 'Knee pain when walking';
    const filled = path.join(dir, 'beech-filled.xlsx');
    await book.xlsx.writeFile(filled);

    h.ctx.chooseFile = async () => filled; // the desktop app's file dialog, bridged
    await page.getByRole('link', { name: 'Import', exact: true }).click();
    await page.getByRole('button', { name: 'Choose a flag file…' }).click();
    await page.getByRole('list', { name: 'Flag files to import' }).getByText('beech-filled.xlsx').waitFor();
    await page.getByRole('button', { name: 'Check the flags' }).click();
    await page.getByText('2 flags: 2 matched to a resident, 0 to go to the unmatched queue').waitFor();
    await step('week-04-sheet-checked');
    await page.getByRole('button', { name: 'Import 2 flags' }).click();
    await page.getByText('Flags imported: Beech House 2 flags placed.').waitFor();
    await page.getByRole('link', { name: 'See the flags' }).waitFor();
    h.ctx.chooseFile = undefined;
  });

  it('Invite all proposed on a round invites every relative the planner proposed, except one who prefers not to join', async () => {
    const { page } = h;
    const willow = (await h.store.homes.list()).find((x) => x.name === 'Willow Court');
    const { round } = await h.invoke('rounds:create', { homeId: willow?.id ?? 0, date: '2026-12-01', clinicians: [] });
    const proposed = round.items.flatMap((i) => i.attendees.representatives.filter((r) => r.proposed));
    expect(proposed.length).toBeGreaterThan(0);
    await h.open(`/rounds/${round.id}`);
    await page.getByRole('button', { name: `Invite all proposed (${proposed.length})` }).click();
    await page.getByText(/Invited /).first().waitFor();
    await step('week-05-invited');
    const after = await h.store.rounds.get(round.id);
    const snapshots = await h.store.snapshots.load({ homeId: round.homeId });
    const declines = new Set(snapshots.flatMap((s) => s.representatives.filter((r) => r.preferredContact === 'not').map((r) => r.id)));
    for (const r of after.items.flatMap((i) => i.attendees.representatives.filter((x) => x.proposed))) {
      expect(r.status, r.name).toBe(declines.has(r.representativeId) ? 'not-invited' : 'invited');
    }
    await expect(page.getByRole('button', { name: /Invite all proposed \(/ }).count()).resolves.toBe(0);
  });

  it('a family’s question typed into the attendee panel is kept when the page is left without pressing a button', async () => {
    const { page } = h;
    const round = (await h.store.rounds.list(null)).find((r) => r.date === '2026-12-01');
    await h.open(`/rounds/${round?.id ?? 0}`);
    const item = (await h.store.rounds.get(round?.id ?? 0)).items[0];
    await page.locator(`#item-${item?.id ?? 0}-question-from`).locator('xpath=ancestor::details').locator('summary').click();
    await page.locator(`#item-${item?.id ?? 0}-question-from`).fill('Her daughter');
    await page.locator(`#item-${item?.id ?? 0}-question-text`).fill('Could her tablets be given as a liquid?');
    await page.keyboard.press('Tab');
    await page.getByText('Saved.').first().waitFor();
    await page.getByRole('link', { name: 'Rounds', exact: true }).click();
    const saved = await h.store.rounds.getItem(item?.id ?? 0);
    expect(saved.questions).toContainEqual({ from: 'Her daughter', text: 'Could her tablets be given as a liquid?' });
  });

  it('no screen of the demo shows a rule id to a person', async () => {
    const { page } = h;
    const round = (await h.store.rounds.list(null))[0];
    const resident = (await h.store.residents.search({ status: 'active' }))[0];
    for (const route of ['/homes', '/residents', `/residents/${resident?.id ?? 1}`, '/flags', '/flags/unmatched', '/reviews', '/care-plans', '/rounds',
      `/rounds/${round?.id ?? 1}`, `/rounds/${round?.id ?? 1}/print`, '/reports', '/settings', '/import']) {
      await h.open(route);
      const text = await page.locator('body').innerText();
      expect(text, route).not.toMatch(RULE_ID);
    }
  });
});
