import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { handleInvoke, SENDER_REFUSED } from '../../main/electron/invoke';
import { createContext, type AppContext } from '../../main/services/context';
import { openStore, type Store } from '../../main/store';

const APP = 'file:///opt/Roundtable/resources/app.asar/renderer/dist/index.html';
let dir = '';
let store: Store;
let ctx: AppContext;

beforeAll(async () => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'roundtable-invoke-'));
  store = await openStore(path.join(dir, 'test.sqlite'));
  ctx = createContext(store, { today: '2025-03-03', actor: { osUser: 'test', staffId: null } });
});

afterAll(() => {
  store.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('handleInvoke', () => {
  it.each([
    ['a web page', 'https://evil.example/'],
    ['a data: page', 'data:text/html,<script>1</script>'],
    ['another local file', 'file:///tmp/evil.html'],
    ['a frame that has gone', null],
    ['no frame at all', undefined],
  ])('refuses a call from %s', async (_what, sender) => {
    expect(await handleInvoke(ctx, sender, APP, 'homes:list', {})).toBe(SENDER_REFUSED);
  });

  it('refuses an unknown channel from the app', async () => {
    const result = await handleInvoke(ctx, APP, APP, 'shell:exec', { command: 'rm -rf /' });
    expect(result).toMatchObject({ ok: false, error: { code: 'UNKNOWN_CHANNEL' } });
  });

  it('validates the input of a known channel', async () => {
    const result = await handleInvoke(ctx, `${APP}#/homes`, APP, 'homes:get', { id: 'one' });
    expect(result).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
  });

  it('runs the real handler for the app itself', async () => {
    expect(await handleInvoke(ctx, `${APP}#/homes`, APP, 'homes:list', {})).toEqual({ ok: true, value: [] });
  });
});
