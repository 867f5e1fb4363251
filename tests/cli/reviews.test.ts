/** `reviews due` on the demo practice: the JSON shape, filters, --today and exit codes. */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runCliCaptured } from '../helpers/cli';
import { copyDemo, type DemoCopy } from '../helpers/demo';

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

interface Row { residentId: number; nhsNumber: string; name: string; home: string; rule: string; due: string; status: string; explanation: string }

describe('reviews due', () => {
  it('prints exactly { residentId, nhsNumber, name, home, rule, due, status, explanation } with --json, overdue first', async () => {
    const r = await cli(['reviews', 'due', '--db', db, '--today', '2026-11-23', '--json']);
    expect(r.code).toBe(0);
    const rows = JSON.parse(r.out) as Row[];
    expect(rows.length).toBeGreaterThan(20);
    for (const row of rows) expect(Object.keys(row)).toEqual(['residentId', 'nhsNumber', 'name', 'home', 'rule', 'due', 'status', 'explanation']);
    const rank = { overdue: 0, due: 1, 'due-soon': 2 } as Record<string, number>;
    expect(rows.map((x) => rank[x.status])).toEqual([...rows.map((x) => rank[x.status])].sort());
    expect(rows.some((x) => x.rule === 'antipsychotic-dementia' && /with dementia: antipsychotic review every 6 weeks/.test(x.explanation))).toBe(true);
    expect(rows.every((x) => x.nhsNumber.length === 10 && /^\d{4}-\d{2}-\d{2}$/.test(x.due))).toBe(true);
  });

  it('filters by home and by --before, and prints a table by default', async () => {
    const all = JSON.parse((await cli(['reviews', 'due', '--db', db, '--today', '2026-11-23', '--json'])).out) as Row[];
    const willow = JSON.parse((await cli(['reviews', 'due', '--db', db, '--today', '2026-11-23', '--home', 'Willow Court', '--json'])).out) as Row[];
    expect(willow.length).toBeGreaterThan(0);
    expect(willow.every((x) => x.home === 'Willow Court')).toBe(true);
    expect(willow).toEqual(all.filter((x) => x.home === 'Willow Court'));
    const before = JSON.parse((await cli(['reviews', 'due', '--db', db, '--today', '2026-11-23', '--before', '2025-01-01', '--json'])).out) as Row[];
    expect(before.length).toBeGreaterThan(0);
    expect(before.every((x) => x.due < '2025-01-01')).toBe(true);
    const table = await cli(['reviews', 'due', '--db', db, '--today', '2026-11-23', '--home', 'Beech House']);
    expect(table.out).toMatch(/Status\s+Due\s+Resident/);
    expect(table.out).toMatch(/rules reviews-2\.1/);
  });

  it('is a user error (exit 1) for a bad date or an unknown home', async () => {
    expect((await cli(['reviews', 'due', '--db', db, '--before', '01/01/2027'])).code).toBe(1);
    expect((await cli(['reviews', 'due', '--db', db, '--today', '2026-13-01'])).code).toBe(1);
    const r = await cli(['reviews', 'due', '--db', db, '--home', 'Nowhere']);
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/No care home/);
  });
});
