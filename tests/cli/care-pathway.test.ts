/**
 * The care pathway through the command line on a real database file (issue 14): records imported as a practice
 * would export them, then `acp gaps --json` and `reviews due --json`.
 */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runCliCaptured } from '../helpers/cli';
import { tempDatabase } from '../helpers/tempStore';

let dir: string;
let file: string;
let cleanup: () => Promise<void>;

interface Row { residentId: number; nhsNumber: string; name: string; rule: string; due: string; status?: string; explanation: string }

const cli = (args: string[], today = '2026-11-23') => runCliCaptured([...args, '--db', file, '--today', today]);

async function importCsv(name: string, lines: string[]): Promise<void> {
  const csv = path.join(dir, name);
  writeFileSync(csv, `${lines.join('\n')}\n`);
  const result = await cli(['import', 'records', csv, '--json']);
  expect(result.code, result.err + result.out).toBe(0);
}

beforeEach(async () => {
  const t = await tempDatabase('cli.sqlite');
  dir = t.dir;
  cleanup = t.cleanup;
  file = t.file;
  await importCsv('patients.csv', [
    'NHS Number,Patient Name,DOB,Gender,Care Home,Room,Admitted',
    '9990000379,"SMITH, Mary",02/04/1938,F,Rosewood Nursing Home,12,01/06/2024',
    '9990000387,"JONES, Stanley",14/03/1941,M,Rosewood Nursing Home,14,02/11/2026',
    '9990000395,"BROWN, Ada",09/09/1936,F,Rosewood Nursing Home,15,01/06/2024',
  ]);
});
afterEach(() => cleanup());

describe('end of life is a pathway (H14)', () => {
  it('H14: a GSF D with a same-day ReSPECT and no anticipatory medicines leaves end-of-life due in acp gaps --json', async () => {
    await importCsv('acp.csv', [
      'NHS Number,Element,Value,Recorded On,Review Due',
      '9990000379,GSF,D,20/11/2026,',
      '9990000379,ReSPECT,not-for-cpr,20/11/2026,20/11/2027',
    ]);
    const rows = JSON.parse((await cli(['acp', 'gaps', '--json'])).out) as Row[];
    const eol = rows.filter((r) => r.nhsNumber === '9990000379' && r.rule === 'end-of-life');
    expect(eol.length).toBe(3);
    expect(eol.every((r) => r.due === '2026-11-20')).toBe(true);
    expect(eol.some((r) => /Anticipatory/.test(r.explanation))).toBe(true);
  });

  it('H14: each part closes as the records come in: the medicines, the conversation and the home’s copy', async () => {
    await importCsv('acp.csv', ['NHS Number,Element,Value,Recorded On', '9990000379,GSF,D,20/11/2026']);
    await importCsv('meds.csv', ['NHS Number,Medication,Dosage,Start Date', '9990000379,Morphine sulfate 10mg/1ml solution for injection ampoules,2.5mg s/c as required,21/11/2026']);
    let eol = (JSON.parse((await cli(['acp', 'gaps', '--json'])).out) as Row[]).filter((r) => r.rule === 'end-of-life');
    expect(eol).toHaveLength(2);
    await importCsv('steps.csv', [
      'NHS Number,Event,Date,Details,By',
      '9990000379,End of life conversation,21/11/2026,With her son: wants to stay at Rosewood,Dr Okafor',
      '9990000379,End of life plan with home,22/11/2026,Copy in the nursing office,Dr Okafor',
    ]);
    eol = (JSON.parse((await cli(['acp', 'gaps', '--json'])).out) as Row[]).filter((r) => r.rule === 'end-of-life');
    expect(eol).toEqual([]);
  });
});

describe('the care and support plan', () => {
  it('a hospital stay after moving in leaves new-admission-pcsp due on the original date', async () => {
    await importCsv('events.csv', [
      'NHS Number,Event,Date,Details',
      '9990000387,Hospital admission,04/11/2026,Chest infection',
      '9990000387,Hospital discharge,09/11/2026,',
    ]);
    const rows = JSON.parse((await cli(['reviews', 'due', '--json'], '2026-11-16')).out) as Row[];
    const stanley = rows.filter((r) => r.nhsNumber === '9990000387');
    expect(stanley.find((r) => r.rule === 'new-admission-pcsp')).toMatchObject({ due: '2026-11-11', status: 'overdue' });
    expect(stanley.find((r) => r.rule === 'new-admission-pcsp')?.explanation).toMatch(/^Moved into Rosewood Nursing Home on 02\/11\/2026/);
    expect(stanley.some((r) => r.rule === 'post-discharge')).toBe(true);
  });

  it('a care and support plan imported as an event closes new-admission-pcsp; an old one brings pcsp-review', async () => {
    await importCsv('pcsp.csv', [
      'NHS Number,Event,Date,Details,By,Next Review',
      '9990000387,Care and support plan,06/11/2026,Written with his daughter,Nurse Lee,',
      '9990000395,PCSP,01/10/2025,,Nurse Lee,',
    ]);
    const reviews = JSON.parse((await cli(['reviews', 'due', '--json'], '2026-11-16')).out) as Row[];
    expect(reviews.some((r) => r.rule === 'new-admission-pcsp')).toBe(false);
    const gaps = JSON.parse((await cli(['acp', 'gaps', '--json'], '2026-11-16')).out) as Row[];
    expect(gaps.find((r) => r.nhsNumber === '9990000395' && r.rule === 'pcsp-review')).toMatchObject({ due: '2026-10-01' });
    expect(gaps.some((r) => r.nhsNumber === '9990000387' && r.rule === 'pcsp-review')).toBe(false);
  });
});
