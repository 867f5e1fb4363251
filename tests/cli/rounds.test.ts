import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runCliCaptured } from '../helpers/cli';
import { copyDemo } from '../helpers/demo';
import { tempDir } from '../helpers/tempStore';

const cleanups: (() => unknown)[] = [];
afterEach(async () => { while (cleanups.length) await cleanups.pop()?.(); });

function cli(args: string[], env: NodeJS.ProcessEnv = {}) {
  return runCliCaptured(args, { env });
}

let demoDir: string;
let db: string;
beforeEach(async () => {
  const demo = await copyDemo();
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
    const copy = await copyDemo(); // the same data as db before this plan (a backup is a SQLite file: not on PostgreSQL)
    cleanups.push(copy.cleanup);
    const before = copy.db;
    const result = await cli(['plan', '--db', db, '--home', 'Willow Court', '--date', '2026-12-01', '--today', '2026-11-23', '--capacity', '60', '--start', '14:00', '--json']);
    expect(result.code).toBe(0);
    const plan = JSON.parse(result.out) as { roundId: number; home: string; date: string; capacityMinutes: number;
      items: { residentId: number; nhsNumber: string; name: string; minutes: number; start: string; reasons: { rule: string; explanation: string }[];
        invite: { name: string; relationship: string; how: string }[] }[]; notThisWeek: { residentId: number; name: string; why: string }[] };
    // the documented fields, in order, with overByMinutes (0 when within time) and the lists beside the round
    expect(Object.keys(plan)).toEqual(['roundId', 'home', 'date', 'capacityMinutes', 'usedMinutes', 'overByMinutes', 'items', 'notThisWeek', 'deferred', 'tasks',
      'pharmacist', 'carePlanning']);
    expect([plan.home, plan.date, plan.capacityMinutes]).toEqual(['Willow Court', '2026-12-01', 60]);
    expect(plan.items[0]?.start).toBe('14:10'); // after the 10-minute huddle
    expect(Object.keys(plan.items[0] ?? {})).toEqual(['residentId', 'nhsNumber', 'name', 'minutes', 'start', 'mustSee', 'reasons', 'invite']);
    const over = (plan as unknown as { overByMinutes: number }).overByMinutes;
    expect(plan.items.reduce((n, i) => n + i.minutes, 0)).toBeLessThanOrEqual(60 + over);
    expect(plan.items.every((i) => /^\d{10}$/.test(i.nhsNumber) && i.reasons.length > 0)).toBe(true);
    expect(plan.notThisWeek.length).toBeGreaterThan(0);
    expect(Object.keys(plan.notThisWeek[0] ?? {})).toEqual(['residentId', 'name', 'why', 'nextInLine', 'comesUp']);
    // a second round for the same home and day is refused
    expect(await cli(['plan', '--db', db, '--home', 'Willow Court', '--date', '2026-12-01', '--today', '2026-11-23'])).toMatchObject({ code: 1,
      err: expect.stringContaining('already has a round on that day') });
    // the same data and date give the same proposal (planned again on a copy made before the first plan)
    const again = JSON.parse((await cli(['plan', '--db', before, '--home', 'Willow Court', '--date', '2026-12-01', '--today', '2026-11-23', '--capacity', '60', '--start', '14:00', '--json'])).out) as typeof plan;
    expect({ ...again, roundId: 0 }).toEqual({ ...plan, roundId: 0 });
  });

  it('plan --week plans every home on its usual day, skips a home with a round that week and says so; --json is an array of plans', async () => {
    const skipped = await cli(['plan', '--db', db, '--week', '--from', '2026-11-24', '--today', '2026-11-23', '--json']);
    expect(skipped.code).toBe(0);
    expect(JSON.parse(skipped.out)).toEqual([]);
    expect(skipped.err).toMatch(/Skipped: Willow Court already has a round that week \(round \d+ on 24\/11\/2026\)/);
    const week = await cli(['plan', '--db', db, '--week', '--from', '2026-12-14', '--today', '2026-11-23', '--json']);
    expect(week.code).toBe(0);
    const plans = JSON.parse(week.out) as { home: string; date: string; overByMinutes: number; items: { minutes: number; mustSee: string | null }[] }[];
    expect(plans.map((p) => [p.home, p.date]).sort()).toEqual([['Beech House', '2026-12-16'], ['The Larches', '2026-12-17'], ['Willow Court', '2026-12-15']]);
    for (const p of plans) {
      expect(p.items.length).toBeGreaterThanOrEqual(8);
      expect(p.items.length).toBeLessThanOrEqual(12);
      expect(Math.max(...p.items.map((i) => i.minutes))).toBeLessThanOrEqual(30);
    }
    const text = await cli(['plan', '--db', db, '--week', '--from', '2026-12-14', '--today', '2026-11-23']);
    expect(text.err).toContain('Skipped: Beech House already has a round that week');
  });

  it('tasks and plan --session list bloods for the nurse, the pharmacist’s session and care-planning conversations, each reason explained', async () => {
    const tasks = await cli(['tasks', '--db', db, '--home', 'Willow Court', '--today', '2026-11-23', '--json']);
    expect(tasks.code).toBe(0);
    const list = JSON.parse(tasks.out) as { session: string; items: { name: string; reasons: { rule: string; label: string; explanation: string }[] }[] };
    expect(list.session).toBe('tasks');
    expect(list.items.length).toBeGreaterThan(0);
    expect(list.items.every((i) => i.reasons.every((r) => r.rule.startsWith('monitoring-') && r.explanation.length > 0))).toBe(true);
    const pharmacist = await cli(['plan', '--db', db, '--session', 'pharmacist', '--home', 'Willow Court', '--today', '2026-11-23']);
    expect(pharmacist.out).toMatch(/^Pharmacist’s session: Willow Court, week of 24\/11\/2026 \(\d+ of 120 minutes\)/);
    expect(pharmacist.out).toContain('Structured medication review');
    const none = await cli(['plan', '--db', db, '--session', 'pharmacist', '--home', 'Beech House', '--today', '2026-11-23']);
    expect(none.out).toMatch(/Beech House has no pharmacist session/);
    const booking = await cli(['plan', '--db', db, '--session', 'care-planning', '--home', 'Beech House', '--today', '2026-11-23']);
    expect(booking.out).toMatch(/^Care-planning conversations to book/);
    expect(await cli(['plan', '--db', db, '--session', 'chiropody', '--home', 'Beech House'])).toMatchObject({ code: 1, err: expect.stringContaining('--session takes') });
  });

  it('H12: plan --session --out prints each list beside the round on A4 (PDF and HTML), care planning with a letter to each representative', async () => {
    const out = path.join(demoDir, 'lists', 'care-planning.pdf');
    const booking = await cli(['plan', '--db', db, '--session', 'care-planning', '--home', 'Beech House', '--today', '2026-11-23', '--out', out]);
    expect(booking.code).toBe(0);
    expect(booking.out).toMatch(/^Care-planning conversations to book: .*care-planning\.pdf \(and .*care-planning\.html\), \d+ residents?, \d+ letters? to arrange the conversation\./);
    expect(readFileSync(out).subarray(0, 5).toString()).toBe('%PDF-');
    const html = readFileSync(out.replace(/\.pdf$/, '.html'), 'utf8');
    expect(html).toContain('We would like to arrange a conversation of 30–45 minutes about');
    expect(html).not.toMatch(/>[^<]*\b(acp-review|acp-missing|ppd-missing)\b/);
    const tasks = await cli(['tasks', '--db', db, '--home', 'Willow Court', '--today', '2026-11-23', '--out', path.join(demoDir, 'lists', 'tasks.html'), '--json']);
    const written = JSON.parse(tasks.out) as { html: string; pdf: string | null; residents: number; letters: number };
    expect([written.pdf, written.letters, written.residents > 0]).toEqual([null, 0, true]);
    expect(readFileSync(written.html, 'utf8')).toContain('Task list for the practice nurse or phlebotomy visit');
    expect(await cli(['plan', '--db', db, '--session', 'tasks', '--home', 'Beech House', '--out', 'tasks.docx'])).toMatchObject({ code: 1, err: expect.stringContaining('--out takes') });
  });

  it('H12: the next week’s plan takes the demo round’s queue: who waited is first in line, and says since when', async () => {
    const next = await cli(['plan', '--db', db, '--home', 'Willow Court', '--date', '2026-12-01', '--today', '2026-11-23']);
    expect(next.code).toBe(0);
    expect(next.out).toMatch(/\n\d\d:\d\d [^\n]+ — first in line: waited since 24\/11\/2026/);
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
