/** Files belong to the main process: a save goes where its dialog says, and the renderer cannot name a path. */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { dispatch } from '../../main/handlers';
import { createContext } from '../../main/services/context';
import { openStore } from '../../main/store';
import { copyDemo, DEMO_TODAY } from '../helpers/demo';

const cleanups: (() => void)[] = [];
afterEach(() => { while (cleanups.length) cleanups.pop()?.(); });

async function demoContext() {
  const demo = await copyDemo();
  const store = await openStore(demo.db);
  cleanups.push(demo.cleanup, () => store.close());
  return { demo, ctx: createContext(store, { today: DEMO_TODAY, actor: { osUser: 'tester', staffId: null } }) };
}

describe('Save as PDF', () => {
  it('saves where the save dialog says, nothing when it is cancelled, and refuses a path from the renderer', async () => {
    const { demo, ctx } = await demoContext();
    const chosen = path.join(demo.dir, 'my agenda.pdf');
    const asked: string[] = [];
    ctx.chooseSaveFile = (suggested) => { asked.push(suggested); return Promise.resolve(chosen); };
    expect(await dispatch(ctx, 'rounds:save-pdf', { roundId: 1, document: 'agenda' })).toEqual({ ok: true, value: { path: chosen } });
    expect(asked).toEqual([expect.stringMatching(/^agenda-2026-11-\d\d-[a-z-]+-round-1\.pdf$/)]);
    expect(readFileSync(chosen).subarray(0, 5).toString()).toBe('%PDF-');

    ctx.chooseSaveFile = () => Promise.resolve(null);
    expect(await dispatch(ctx, 'rounds:save-pdf', { roundId: 1, document: 'agenda' })).toEqual({ ok: true, value: { path: null } });

    const elsewhere = path.join(demo.dir, 'elsewhere.pdf');
    expect(await dispatch(ctx, 'rounds:save-pdf', { roundId: 1, document: 'agenda', path: elsewhere })).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    expect(existsSync(elsewhere)).toBe(false);
  });
});
