/**
 * The installers' configuration, checked without packaging for real (no Electron download here):
 * electron-builder's own schema validation of electron-builder.yml, and a structural pack of a `dir`
 * target from a stand-in Electron (npmRebuild off) that proves the files, the asar, better-sqlite3
 * unpacked from it and the fuses. Packaging must never touch the Node build of better-sqlite3 the
 * tests use: its .node file is compared byte for byte before and after.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type * as ElectronBuilder from 'electron-builder';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const require = createRequire(path.join(ROOT, 'package.json'));
const NATIVE = path.join(ROOT, 'node_modules/better-sqlite3/build/Release/better_sqlite3.node');
const SENTINEL = 'dL7pKGdnNz796PbbjQWNKmHXBZaB9tsX';

interface BuilderConfig { [key: string]: unknown; directories?: Record<string, unknown>; nsis?: Record<string, unknown>; win?: Record<string, unknown>; linux?: Record<string, unknown> }
const { getConfig, validateConfiguration } = require('app-builder-lib/out/util/config/config') as {
  getConfig(projectDir: string, configPath: string | null, fromOptions: null): Promise<BuilderConfig>;
  validateConfiguration(config: BuilderConfig, logger: unknown): Promise<void>;
};
const { DebugLogger } = require('builder-util') as { DebugLogger: new (enabled: boolean) => unknown };

const sha = (file: string) => createHash('sha256').update(readFileSync(file)).digest('hex');
let config: BuilderConfig;
let nativeBefore: string;
let tmp: string;

beforeAll(async () => {
  nativeBefore = sha(NATIVE);
  tmp = mkdtempSync(path.join(os.tmpdir(), 'roundtable-pack-'));
  config = await getConfig(ROOT, 'electron-builder.yml', null);
}, 60_000);

afterAll(() => {
  rmSync(tmp, { recursive: true, force: true });
});

describe('electron-builder.yml', { timeout: 60_000 }, () => {
  it('passes electron-builder’s own schema validation', async () => {
    await expect(validateConfiguration(config, new DebugLogger(false))).resolves.toBeUndefined();
  });

  it('is really checked: an unknown key is rejected', async () => {
    await expect(validateConfiguration({ ...config, nsis: { ...config.nsis, perUser: true } }, new DebugLogger(false)))
      .rejects.toThrow(/configuration\.nsis/);
  });

  it('builds a per-user NSIS installer needing no administrator, a portable Windows build, an AppImage and a deb', () => {
    expect(config).toMatchObject({ appId: 'org.roundtable.desktop', productName: 'Roundtable', npmRebuild: true, publish: null, fileAssociations: [], protocols: [] });
    expect(config.win).toMatchObject({ target: ['nsis', 'portable'], icon: 'build/icon.ico' });
    expect(config.nsis).toMatchObject({ oneClick: false, perMachine: false, allowElevation: false, deleteAppDataOnUninstall: false });
    expect(config.linux).toMatchObject({ target: ['AppImage', 'deb'], icon: 'build/icons' });
    for (const icon of ['build/icon.ico', 'build/icon.png', 'build/icons/256x256.png', 'build/icons/512x512.png']) expect(existsSync(path.join(ROOT, icon)), icon).toBe(true);
    const ico = readFileSync(path.join(ROOT, 'build/icon.ico'));
    expect([ico.readUInt16LE(0), ico.readUInt16LE(2)]).toEqual([0, 1]); // an icon resource
    expect(ico.readUInt16LE(4)).toBeGreaterThanOrEqual(5); // several sizes, 256 px among them
  });
});

describe('a structural pack from a stand-in Electron', { timeout: 60_000 }, () => {
  let app: string;

  beforeAll(async () => {
    if (!existsSync(path.join(ROOT, 'renderer/dist/index.html'))) throw new Error('Build the renderer first: npm run build:renderer (npm test does).');
    execFileSync(process.execPath, [path.join(ROOT, 'scripts/build-electron.mjs')], { cwd: ROOT });
    // The stand-in: an "electron" carrying a fuse wire as the real binary does (8 fuses in their default states).
    const dist = path.join(tmp, 'electron-dist');
    mkdirSync(path.join(dist, 'resources'), { recursive: true });
    writeFileSync(path.join(dist, 'electron'), Buffer.concat([Buffer.from(`#!/bin/sh\n# ${SENTINEL}`), Buffer.from([1, 8]), Buffer.from('10110001\n')]));
    chmodSync(path.join(dist, 'electron'), 0o755);
    writeFileSync(path.join(dist, 'version'), '41.10.0');
    writeFileSync(path.join(dist, 'LICENSE'), 'stand-in');
    const builder = require('electron-builder') as typeof ElectronBuilder;
    await builder.build({
      projectDir: ROOT,
      targets: builder.Platform.LINUX.createTarget('dir', builder.Arch.x64),
      config: { ...(config as object), electronDist: dist, npmRebuild: false, directories: { ...config.directories, output: path.join(tmp, 'release') } },
      publish: 'never',
    });
    app = path.join(tmp, 'release', 'linux-unpacked');
  }, 120_000);

  it('puts the bundled main, preload, renderer and package.json in the asar, and no sources, maps or build-only packages', () => {
    const asar = require('@electron/asar') as { listPackage(file: string): string[] };
    const files = asar.listPackage(path.join(app, 'resources/app.asar')).map((f) => f.replace(/\\/g, '/'));
    for (const f of ['/package.json', '/out/electron/main.cjs', '/out/electron/preload.cjs', '/renderer/dist/index.html',
      '/node_modules/better-sqlite3/lib/index.js', '/node_modules/bindings/bindings.js']) expect(files, f).toContain(f);
    expect(files.some((f) => f.startsWith('/renderer/dist/assets/') && f.endsWith('.js'))).toBe(true);
    expect(files.filter((f) => /\.(map|ts|tsx|cc|cpp|h|gyp)$/.test(f))).toEqual([]);
    expect(files.filter((f) => /^\/(main|shared|tests|scripts|renderer\/src)\//.test(f))).toEqual([]);
    const packages = new Set(files.filter((f) => f.startsWith('/node_modules/')).map((f) => f.split('/')[2]));
    expect([...packages].sort()).toEqual(['better-sqlite3', 'bindings', 'file-uri-to-path']);
    expect(files.filter((f) => f.startsWith('/node_modules/better-sqlite3/') && /\/(src|deps|obj|obj\.target)\//.test(f))).toEqual([]);
  });

  it('unpacks better-sqlite3’s native module from the asar, where it loads', () => {
    const unpacked = path.join(app, 'resources/app.asar.unpacked/node_modules/better-sqlite3');
    expect(sha(path.join(unpacked, 'build/Release/better_sqlite3.node'))).toBe(nativeBefore); // npmRebuild off: copied as is
    // The unpacked module and its .node load and run (Node's ABI here). Plain Node cannot read the asar, where
    // bindings sits, so the .node is named directly; inside Electron, require() reads the asar and bindings finds it.
    const node = path.join(unpacked, 'build/Release/better_sqlite3.node');
    const check = spawnSync(process.execPath, ['-e', `const D = require(${JSON.stringify(unpacked)}); const db = new D(':memory:', { nativeBinding: ${JSON.stringify(node)} }); console.log(db.prepare('select 41 + 1 as n').get().n); db.close();`], { encoding: 'utf8' });
    expect(check.stderr).toBe('');
    expect(check.stdout.trim()).toBe('42');
  });

  it('names the executable, keeps the Electron files, and flips the security fuses', () => {
    const binary = readFileSync(path.join(app, 'roundtable'));
    const at = binary.indexOf(SENTINEL) + SENTINEL.length;
    // RunAsNode off, cookie encryption on, NODE_OPTIONS off, --inspect off, asar integrity on, app only from the asar.
    expect(binary.subarray(at + 2, at + 8).toString()).toBe('010011');
    expect(readFileSync(path.join(app, 'version'), 'utf8')).toBe('41.10.0');
  });

  it('never rebuilt or overwrote the Node build of better-sqlite3 in node_modules', () => {
    expect(sha(NATIVE)).toBe(nativeBefore);
  });
});

describe('npm run dist', { timeout: 60_000 }, () => {
  it('stops with a clear message, not a stack trace, where Electron cannot be downloaded', () => {
    const result = spawnSync(process.execPath, [path.join(ROOT, 'scripts/dist.mjs')], {
      cwd: ROOT, encoding: 'utf8', env: { ...process.env, ROUNDTABLE_DIST_PROBE_URL: 'https://github.invalid/electron/electron/releases' },
    });
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(/^\ndist: cannot build the installers: github\.invalid cannot be reached from this computer/);
    expect(result.stderr).toContain('nothing was built and node_modules was not changed');
    expect(result.stderr).not.toMatch(/^\s+at /m);
    expect(result.stdout).not.toContain('running');
    expect(sha(NATIVE)).toBe(nativeBefore);
  });
});
