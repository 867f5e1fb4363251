/**
 * Several desktops on one database (shared mode; SQLite behaves the same for two programs on one file):
 * two `plan`s for the same home and day at once give one round, the other told which (exit 0 and exit 1),
 * and an agenda item or flag saved from an older copy is refused, never silently overwriting the newer save.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createContext, type AppContext } from '../../main/services/context';
import { openStore, type Store } from '../../main/store';
import { runCliProcess } from '../helpers/cli';
import { copyDemo, DEMO_TODAY, type DemoCopy } from '../helpers/demo';



let demo: DemoCopy;
let store: Store;
let desktopA: AppContext;
let desktopB: AppContext;

beforeAll(async () => {
  demo = await copyDemo();
  store = await openStore(demo.db);
  desktopA = createContext(store, { today: DEMO_TODAY, actor: { osUser: 'gp', staffId: null, machine: 'DESKTOP-A' } });
  // a second connection, as a second desktop has
  desktopB = createContext(await openStore(demo.db), { today: DEMO_TODAY, actor: { osUser: 'nurse', staffId: null, machine: 'DESKTOP-B' } });
});

afterAll(async () => {
  await desktopB.store.close();
  await store.close();
  await demo.cleanup();
});

describe('two desktops at once', () => {
  it('H17: two plans for the same home and day at the same moment make one round: one exits 0, the other 1 naming it', async () => {
    const home = (await store.homes.list())[0];
    expect(home).toBeDefined();
    const args = ['plan', '--home', home?.name ?? '', '--date', '2026-12-15', '--db', demo.db, '--today', DEMO_TODAY];
    const [first, second] = await Promise.all([runCliProcess(args, demo.dir), runCliProcess(args, demo.dir)]);
    const codes = [first.code, second.code].sort();
    expect(codes, `${first.out}\n---\n${second.out}`).toEqual([0, 1]);
    const refused = first.code === 1 ? first.out : second.out;
    const rounds = (await store.rounds.list(home?.id ?? 0)).filter((r) => r.date === '2026-12-15');
    expect(rounds).toHaveLength(1);
    expect(refused).toContain(`${home?.name} already has a round on that day (round ${rounds[0]?.id})`);
  });

  it('H17: an agenda item saved from an older copy is refused and the newer save stays', async () => {
    const round = (await store.rounds.list(null))[0];
    const item = (await store.rounds.get(round?.id ?? 0)).items[0];
    if (!item) throw new Error('the demo round has no items');
    const seen = item.version;
    const saved = await desktopA.call('rounds:set-questions', { itemId: item.id, version: seen, questions: [{ from: 'Daughter', text: 'Can her tablets be crushed?' }] });
    expect(saved.version).toBe(seen + 1);
    await expect(desktopB.call('rounds:set-questions', { itemId: item.id, version: seen, questions: [{ from: 'Son', text: 'Overwrite?' }] }))
      .rejects.toMatchObject({ code: 'CONFLICT', message: expect.stringMatching(/changed by someone else .* Nothing was overwritten/) });
    expect((await desktopB.store.rounds.getItem(item.id)).questions).toEqual([{ from: 'Daughter', text: 'Can her tablets be crushed?' }]);
  });

  it('a flag saved from an older copy is refused and the newer save stays; the audit names each desktop', async () => {
    const flag = (await store.flags.list({ unmatched: false }, DEMO_TODAY)).find((f) => f.severity !== 'escalate-now' && (f.status === 'open' || f.status === 'on-agenda'));
    if (!flag) throw new Error('the demo has no open flag');
    const lowered = flag.severity === 'routine' ? 'high' : 'routine';
    await desktopA.call('flags:set-severity', { id: flag.id, version: flag.version, severity: lowered, reason: 'Seen by the GP: settled' });
    await expect(desktopB.call('flags:set-status', { id: flag.id, version: flag.version, status: 'closed' }))
      .rejects.toMatchObject({ code: 'CONFLICT' });
    const now = await desktopB.store.flags.get(flag.id, DEMO_TODAY);
    expect(now.severity).toBe(lowered);
    expect(now.status).toBe(flag.status);
    const events = await store.audit.list({ entity: 'flag', entityId: flag.id });
    expect(events[0]).toMatchObject({ osUser: 'gp', machine: 'DESKTOP-A', action: 'severity' });
  });
});
