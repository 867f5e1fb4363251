import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runCliCaptured } from '../helpers/cli';
import { copyDemo } from '../helpers/demo';
import { tempDir } from '../helpers/tempStore';

const cleanups: (() => void)[] = [];
afterEach(() => { while (cleanups.length) cleanups.pop()?.(); });

function cli(args: string[], env: NodeJS.ProcessEnv = {}) {
  return runCliCaptured(args, { env });
}

let demoDir: string;
let db: string;
beforeEach(() => {
  const demo = copyDemo();
  demoDir = demo.dir;
  db = demo.db;
  cleanups.push(demo.cleanup);
});

describe('round commands', () => {
  it('demo plans next week’s round for every home and writes each agenda (PDF and HTML) and the letters, printing the paths', async () => {
    const rounds = JSON.parse((await cli(['rounds', '--db', db, '--json'])).out) as { homeName: string; date: string; items: number }[];
    expect(rounds.map((r) => [r.homeName, r.date]).sort()).toEqual([['Beech House', '2026-11-25'], ['The Larches', '2026-11-26'], ['Willow Court', '2026-11-24']]);
    expect(rounds.every((r) => r.items > 0)).toBe(true);
    const willow = path.join(demoDir, 'rounds', 'willow-court');
    expect(existsSync(path.join(willow, 'agenda-2026-11-24.html'))).toBe(true);
    expect(readFileSync(path.join(willow, 'agenda-2026-11-24.pdf')).subarray(0, 5).toString()).toBe('%PDF-');
    expect(readdirSync(path.join(willow, 'letters')).filter((f) => f.endsWith('.pdf')).length).toBeGreaterThan(0);
  });

  it('plan --json prints the proposal in the documented shape, honouring --today, --capacity and --start', async () => {
    const before = path.join(path.dirname(db), 'before-plan.sqlite');
    await cli(['backup', '--db', db, '--to', before]);
    const result = await cli(['plan', '--db', db, '--home', 'Willow Court', '--date', '2026-12-01', '--today', '2026-11-23', '--capacity', '60', '--start', '14:00', '--json']);
    expect(result.code).toBe(0);
    const plan = JSON.parse(result.out) as { roundId: number; home: string; date: string; capacityMinutes: number;
      items: { residentId: number; nhsNumber: string; name: string; minutes: number; start: string; reasons: { rule: string; explanation: string }[];
        invite: { name: string; relationship: string; how: string }[] }[]; notThisWeek: { residentId: number; name: string; why: string }[] };
    expect(Object.keys(plan)).toEqual(['roundId', 'home', 'date', 'capacityMinutes', 'items', 'notThisWeek']);
    expect([plan.home, plan.date, plan.capacityMinutes]).toEqual(['Willow Court', '2026-12-01', 60]);
    expect(plan.items[0]?.start).toBe('14:00');
    expect(Object.keys(plan.items[0] ?? {})).toEqual(['residentId', 'nhsNumber', 'name', 'minutes', 'start', 'reasons', 'invite']);
    expect(plan.items.reduce((n, i) => n + i.minutes, 0)).toBeLessThanOrEqual(60);
    expect(plan.items.every((i) => /^\d{10}$/.test(i.nhsNumber) && i.reasons.length > 0)).toBe(true);
    expect(plan.notThisWeek.length).toBeGreaterThan(0);
    expect(Object.keys(plan.notThisWeek[0] ?? {})).toEqual(['residentId', 'name', 'why']);
    // a second round for the same home and day is refused
    expect(await cli(['plan', '--db', db, '--home', 'Willow Court', '--date', '2026-12-01', '--today', '2026-11-23'])).toMatchObject({ code: 1,
      err: expect.stringContaining('already has a round on that day') });
    // the same data and date give the same proposal (planned again on a copy made before the first plan)
    const again = JSON.parse((await cli(['plan', '--db', before, '--home', 'Willow Court', '--date', '2026-12-01', '--today', '2026-11-23', '--capacity', '60', '--start', '14:00', '--json'])).out) as typeof plan;
    expect({ ...again, roundId: 0 }).toEqual({ ...plan, roundId: 0 });
  });

  it('plan refuses a missing home or date with exit code 1 and says what to do', async () => {
    expect(await cli(['plan', '--db', db, '--date', '2026-12-01'])).toMatchObject({ code: 1, err: expect.stringContaining('--home names the care home') });
    expect(await cli(['plan', '--db', db, '--home', 'Nowhere', '--date', '2026-12-01'])).toMatchObject({ code: 1, err: expect.stringContaining('No care home is called') });
    expect(await cli(['plan', '--db', db, '--home', '1', '--date', '01/12/2026'])).toMatchObject({ code: 1, err: expect.stringContaining('YYYY-MM-DD') });
  });

  it('agenda writes HTML always and says clearly when no Chromium can make the PDF', async () => {
    const t = tempDir();
    cleanups.push(t.cleanup);
    const html = await cli(['agenda', '--db', db, '--round', '1', '--out', path.join(t.dir, 'a.html')]);
    expect(html.code).toBe(0);
    expect(readFileSync(path.join(t.dir, 'a.html'), 'utf8')).toContain('Care home round: Beech House');
    const noChromium = await cli(['agenda', '--db', db, '--round', '1', '--out', path.join(t.dir, 'b.pdf'), '--letters', path.join(t.dir, 'letters')],
      { CHROMIUM_PATH: path.join(t.dir, 'no-such-chromium') });
    expect(noChromium.code).toBe(0);
    expect(noChromium.err).toMatch(/No Chromium was found to make the PDF/);
    expect(existsSync(path.join(t.dir, 'b.html'))).toBe(true);
    expect(existsSync(path.join(t.dir, 'b.pdf'))).toBe(false);
    expect(await cli(['agenda', '--db', db, '--round', '99', '--out', path.join(t.dir, 'c.pdf')])).toMatchObject({ code: 1, err: 'There is no round numbered 99.' });
  });
});
