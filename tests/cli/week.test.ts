/**
 * The practice's week from the command line (issue 15): practice details, inviting the proposed relatives,
 * letters that carry the practice's phone, an agenda of one page per resident with no rule id in it, and
 * the weekly flag sheet that comes back through `import flags` with every filled line matched.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readSheet } from 'read-excel-file/node';
import { RULE_LABELS } from '../../shared/rules/ruleLabels';
import { runCliCaptured } from '../helpers/cli';
import { tempDatabase } from '../helpers/tempStore';

let dir: string;
let db: string;
let cleanup: () => Promise<void>;
const cli = (args: string[]) => runCliCaptured([...args, '--db', db, '--today', '2026-11-23'], { env: {} });

beforeAll(async () => {
  ({ dir, cleanup, file: db } = await tempDatabase('week.sqlite'));
  expect((await runCliCaptured(['demo', '--db', db, '--out', path.join(dir, 'demo'), '--today', '2026-11-23'])).code).toBe(0);
}, 300_000);
afterAll(() => cleanup());

/** Every rule id a person might be shown, as a word on its own (not inside a longer word). */
const RULE_ID = new RegExp(`(?<![\\w-])(${Object.keys(RULE_LABELS).filter((id) => id.includes('-') || id.length > 4).map((id) => id.replace(/[-]/g, '\\-')).join('|')})(?![\\w-])`);

function pdfText(file: string): string {
  return execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
}
function pdfPages(file: string): number {
  return Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [file], { encoding: 'utf8' }))?.[1]);
}

describe('the practice’s week', { timeout: 300_000 }, () => {
  it('practice sets the details letters carry and prints them all', async () => {
    const set = await cli(['practice', '--phone', '01632 960555', '--sender', 'Alex Reed, care co-ordinator']);
    expect(set.code).toBe(0);
    expect(set.out).toContain('Phone:    01632 960555');
    expect(set.out).toContain('Sender:   Alex Reed, care co-ordinator');
    expect((await cli(['practice'])).out).toContain('Address:  1 River Street, Anytown, AN1 1AA');
    expect(await cli(['practice', '--phone', 'call us'])).toMatchObject({ code: 1, err: expect.stringContaining('phone number') });
  });

  it('H16: plan, invite --all-proposed (never one who prefers not to join), agenda --letters: letters with the practice’s phone, one page per resident, no rule id', async () => {
    const plan = JSON.parse((await cli(['plan', '--home', 'Willow Court', '--date', '2026-12-01', '--json'])).out) as { roundId: number; items: { invite: unknown[] }[] };
    const proposed = plan.items.reduce((n, i) => n + i.invite.length, 0);
    expect(proposed).toBeGreaterThan(0);
    const invited = await cli(['invite', '--round', String(plan.roundId), '--all-proposed', '--json']);
    expect(invited.code).toBe(0);
    const result = JSON.parse(invited.out) as { invited: { name: string }[]; skipped: { why: string }[] };
    expect(result.invited.length + result.skipped.length).toBe(proposed);
    expect(result.skipped.every((s) => s.why.includes('prefers not to join'))).toBe(true);

    const out = path.join(dir, 'willow', 'agenda.pdf');
    const agenda = await cli(['agenda', '--round', String(plan.roundId), '--out', out, '--letters', path.join(dir, 'willow', 'letters')]);
    expect(agenda.code).toBe(0);
    const letters = [...agenda.out.matchAll(/Letter to (.+): (.+\.pdf)/g)];
    expect(letters.map((m) => m[1])).toEqual(result.invited.map((i) => i.name));
    for (const [, , file] of letters) {
      const text = pdfText(file ?? '').replace(/\s+/g, ' ');
      expect(text).toContain('01632 960555');
      expect(text).toContain('Alex Reed, care co-ordinator');
      expect(text).toContain('Tuesday 1 December 2026');
      expect(text.match(/OFFICIAL-SENSITIVE/g)).toHaveLength(1);
      expect(pdfPages(file ?? '')).toBe(1);
    }
    expect(pdfPages(out)).toBeLessThanOrEqual(plan.items.length + 1);
    const text = pdfText(out);
    expect(text).not.toMatch(RULE_ID);
    expect(readFileSync(out.replace(/\.pdf$/, '.html'), 'utf8').replace(/<[^>]+>/g, ' ')).not.toMatch(RULE_ID);
    // one relative, a given way
    expect(await cli(['invite', '--round', String(plan.roundId), '--representative', '99999', '--how', 'phone'])).toMatchObject({ code: 1 });
  });

  it('flags sheet --out sheet.csv lists every resident with their NHS number; filled in, it imports with every flag matched', async () => {
    const residents = JSON.parse((await cli(['residents', '--home', 'Beech House', '--json'])).out) as { nhsNumber: string }[];
    const file = path.join(dir, 'sheet.csv');
    expect((await cli(['flags', 'sheet', '--home', 'Beech House', '--out', file])).code).toBe(0);
    const lines = readFileSync(file, 'utf8').replace(/^\uFEFF/, '').trim().split('\r\n');
    expect(lines[0]).toBe('Name,Preferred name,Room,Date of birth,NHS number,Date,Concern,Details,NEWS2,Soft signs (RESTORE2),MUST,4AT,Raised by');
    expect(lines).toHaveLength(residents.length + 1);
    for (const r of residents) expect(lines.some((l) => l.replace(/ /g, '').includes(r.nhsNumber))).toBe(true);
    // the home fills in three lines and leaves the rest
    const filled = lines.map((line, i) => {
      if (i === 1) return line.replace(/,,,,,,,,$/, ',24/11/2026,Fall,Found on the floor at night,,,,,Night carer');
      if (i === 2) return line.replace(/,,,,,,,,$/, ',24/11/2026,Eating and drinking,Off her food,,,3,,Cook');
      if (i === 3) return line.replace(/,,,,,,,,$/, ',25/11/2026,,,,Not herself today,,,Senior carer');
      return line;
    });
    writeFileSync(file, filled.join('\r\n'));
    const imported = JSON.parse((await cli(['import', 'flags', file, '--home', 'Beech House', '--json'])).out) as { read: number; matched: number; unmatched: number; rejected: unknown[] };
    expect(imported).toMatchObject({ read: 3, matched: 3, unmatched: 0, rejected: [] });
  });

  it('flags sheet --out sheet.xlsx keeps the same columns, with the residents filled in', async () => {
    const file = path.join(dir, 'sheet.xlsx');
    expect((await cli(['flags', 'sheet', '--home', 'The Larches', '--out', file])).code).toBe(0);
    const rows = (await readSheet(file)) as unknown[][];
    expect(rows[0]?.slice(0, 5)).toEqual(['Name', 'Preferred name', 'Room', 'Date of birth', 'NHS number']);
    expect(String(rows[1]?.[4])).toMatch(/^\d{3} \d{3} \d{4}$/);
    const xml = execFileSync('unzip', ['-p', file, 'xl/worksheets/sheet1.xml'], { encoding: 'utf8' });
    expect(xml).toContain('<sheetProtection');
    expect(xml).toContain('type="list"');
    expect(xml).toMatch(/state="frozen"/);
  });
});
