/** `report` from the command line, on the synthetic demo practice. */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runCliCaptured } from '../helpers/cli';
import { copyDemo, type DemoCopy } from '../helpers/demo';
import type { OutcomeReport } from '../../shared/domain/reports';

let demo: DemoCopy;
let db: string;

function cli(args: string[]) {
  return runCliCaptured(args);
}

beforeEach(async () => {
  demo = await copyDemo();
  db = demo.db;
});
afterEach(() => demo.cleanup());

describe('report', () => {
  it('prints the practice’s figures with how each was counted, then each home', async () => {
    const result = await cli(['report', '--db', db, '--from', '01/12/2025', '--to', '2026-11-30', '--today', '2026-11-23']);
    expect(result.code).toBe(0);
    expect(result.out).toMatch(/^Shared outcomes: Riverside Medical Practice \(demo\): all care homes\n01\/12\/2025 to 30\/11\/2026 \(produced 23\/11\/2026\)/);
    expect(result.out).toMatch(/ReSPECT coverage\s+\d+% \(\d+ of 60\)\s+Residents living in the home on 30\/11\/2026/);
    for (const home of ['Beech House', 'The Larches', 'Willow Court']) expect(result.out).toContain(`\n${home}\n`);
  });

  it('gives one home as JSON, and the figures as CSV', async () => {
    const json = JSON.parse((await cli(['report', '--db', db, '--home', 'Willow Court', '--from', '2026-01-01', '--to', '2026-11-30', '--json'])).out) as OutcomeReport;
    expect(json.scope.name).toBe('Willow Court');
    expect(json.homes).toEqual([]);
    expect(json.scope.figures.map((f) => f.key)).toContain('hospital-admissions-per-100');
    expect(json.charts.admissionsByMonth).toHaveLength(11);
    const csv = await cli(['report', '--db', db, '--home', 'Willow Court', '--from', '2026-01-01', '--to', '2026-11-30', '--csv']);
    expect(csv.out.split('\r\n')[0]).toBe('Scope,From,To,Figure,Value,As shown,How counted');
  });

  it('says what is missing or wrong, with exit code 1', async () => {
    expect(await cli(['report', '--db', db, '--to', '2026-11-30'])).toMatchObject({ code: 1, err: expect.stringContaining('--from is needed') });
    expect(await cli(['report', '--db', db, '--from', '31/02/2026', '--to', '2026-11-30'])).toMatchObject({ code: 1, err: expect.stringContaining('--from takes a date') });
    expect(await cli(['report', '--db', db, '--from', '2026-11-30', '--to', '2026-01-01'])).toMatchObject({ code: 1, err: expect.stringContaining('--to must be the same day as --from or later') });
    expect(await cli(['report', '--db', db, '--from', '1900-01-01', '--to', '2100-12-31'])).toMatchObject({ code: 1, err: expect.stringContaining('A report can cover at most 10 years') });
    expect(await cli(['report', '--db', db, '--home', 'Nowhere', '--from', '2026-01-01', '--to', '2026-11-30'])).toMatchObject({ code: 1, err: expect.stringContaining('No care home is called or numbered “Nowhere”') });
  });
});
