/**
 * Bundles main and preload into a temporary folder with the real build script, then runs the preload
 * the way Electron's sandbox does: a require() that knows only `electron`.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { builtinModules } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import vm from 'node:vm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { IPC_INVOKE } from '../../shared/ipc';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
let outdir = '';

beforeAll(() => {
  outdir = mkdtempSync(path.join(os.tmpdir(), 'roundtable-build-'));
  execFileSync(process.execPath, [path.join(ROOT, 'scripts/build-electron.mjs'), '--outdir', outdir], { cwd: ROOT, stdio: 'pipe' });
}, 60_000);

afterAll(() => {
  rmSync(outdir, { recursive: true, force: true });
});

function requires(file: string): Set<string> {
  return new Set([...readFileSync(path.join(outdir, file), 'utf8').matchAll(/\brequire\("([^"]+)"\)/g)].map((m) => m[1] ?? ''));
}

interface ExposedApi {
  invoke(channel: unknown, input: unknown): Promise<unknown>;
}

function runPreload(): { exposed: Map<string, unknown>; sent: unknown[][] } {
  const exposed = new Map<string, unknown>();
  const sent: unknown[][] = [];
  const electron = {
    contextBridge: { exposeInMainWorld: (key: string, value: unknown) => exposed.set(key, value) },
    ipcRenderer: { invoke: (...args: unknown[]) => (sent.push(args), Promise.resolve({ ok: true, value: 'from main' })) },
  };
  const sandboxRequire = (id: string): unknown => {
    if (id === 'electron') return electron;
    throw new Error(`the sandboxed preload cannot require ${id}`);
  };
  const module = { exports: {} };
  vm.runInNewContext(readFileSync(path.join(outdir, 'preload.cjs'), 'utf8'), { require: sandboxRequire, module, exports: module.exports, console });
  return { exposed, sent };
}

describe('scripts/build-electron.mjs', () => {
  it('bundles main with only electron, better-sqlite3 and Node built-ins left to require (and pg\'s optional native binding, never loaded)', () => {
    const allowed = new Set(['electron', 'better-sqlite3', 'pg-native', ...builtinModules, ...builtinModules.map((m) => `node:${m}`)]);
    const external = [...requires('main.cjs')].filter((id) => !allowed.has(id));
    expect(external).toEqual([]);
    expect(requires('main.cjs')).toContain('better-sqlite3');
  });

  it('loads the renderer relative to the bundle, so it works inside app.asar', () => {
    expect(readFileSync(path.join(outdir, 'main.cjs'), 'utf8')).toContain('../../renderer/dist/index.html');
  });

  it('bundles the preload into one file that requires only electron', () => {
    expect([...requires('preload.cjs')]).toEqual(['electron']);
  });

  it('exposes only window.roundtable.invoke, which forwards known channels and refuses others', async () => {
    const { exposed, sent } = runPreload();
    expect([...exposed.keys()]).toEqual(['roundtable']);
    const api = exposed.get('roundtable') as ExposedApi;
    expect(Object.keys(api)).toEqual(['invoke']);

    await expect(api.invoke('homes:list', {})).resolves.toEqual({ ok: true, value: 'from main' });
    expect(sent).toEqual([[IPC_INVOKE, 'homes:list', {}]]);

    for (const channel of ['shell:exec', '__proto__', 'constructor', 42, null]) {
      await expect(api.invoke(channel, {})).resolves.toMatchObject({ ok: false, error: { code: 'UNKNOWN_CHANNEL' } });
    }
    expect(sent).toHaveLength(1);
  });
});
