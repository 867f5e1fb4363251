/**
 * Smoke test of the bundled main process. Electron cannot run here, so the bundle runs in Node with a
 * small stand-in for the `electron` module that records what main asks of it; the database, handlers
 * and guards are the real ones.
 */
import Database from 'better-sqlite3';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import vm from 'node:vm';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { CONTENT_SECURITY_POLICY } from '../../main/electron/csp';
import { IPC_INVOKE } from '../../shared/ipc';
import { ROUNDTABLE_APPLICATION_ID } from '../../main/store/db';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
let tmp = '';
let outdir = '';

beforeAll(() => {
  tmp = mkdtempSync(path.join(os.tmpdir(), 'roundtable-main-'));
  outdir = path.join(tmp, 'out', 'electron');
  execFileSync(process.execPath, [path.join(ROOT, 'scripts/build-electron.mjs'), '--outdir', outdir], { cwd: ROOT, stdio: 'pipe' });
}, 60_000);

afterAll(() => {
  rmSync(tmp, { recursive: true, force: true });
});

type Listener = (...args: unknown[]) => unknown;

class Emitter {
  readonly listeners = new Map<string, Listener[]>();
  on(name: string, listener: Listener): this {
    this.listeners.set(name, [...(this.listeners.get(name) ?? []), listener]);
    return this;
  }
  once(name: string, listener: Listener): this {
    return this.on(name, listener);
  }
  emit(name: string, ...args: unknown[]): unknown[] {
    return (this.listeners.get(name) ?? []).map((listener) => listener(...args));
  }
}

interface FakeRun {
  app: Emitter & { quit: ReturnType<typeof vi.fn> };
  windows: FakeWindow[];
  ipc: Map<string, Listener>;
  menu: unknown;
  headersListener: Listener | null;
  permissionRequest: Listener | null;
  permissionCheck: Listener | null;
  openExternal: ReturnType<typeof vi.fn>;
}

interface FakeWindow extends Emitter {
  options: { webPreferences?: { preload?: string } };
  loadedFile: string | null;
  loadedUrl: string | null;
  destroyed: boolean;
  webContents: Emitter & { windowOpenHandler: Listener | null };
}

const logs: string[] = [];
afterEach(() => {
  vi.restoreAllMocks();
  vi.unstubAllEnvs();
  logs.length = 0;
});

async function runMain(options: { database: string; lock?: boolean }): Promise<FakeRun> {
  const run: FakeRun = {
    app: Object.assign(new Emitter(), { quit: vi.fn() }),
    windows: [], ipc: new Map(), menu: null, headersListener: null, permissionRequest: null, permissionCheck: null,
    openExternal: vi.fn(() => Promise.resolve()),
  };
  const session = {
    setPermissionRequestHandler: (fn: Listener) => { run.permissionRequest = fn; },
    setPermissionCheckHandler: (fn: Listener) => { run.permissionCheck = fn; },
    webRequest: { onHeadersReceived: (fn: Listener) => { run.headersListener = fn; } },
  };
  const app = Object.assign(run.app, {
    isPackaged: false,
    enableSandbox: vi.fn(),
    setAppUserModelId: vi.fn(),
    requestSingleInstanceLock: () => options.lock ?? true,
    getVersion: () => '0.1.0',
    getPath: () => path.join(tmp, 'userData'),
    whenReady: () => Promise.resolve(),
  });
  class BrowserWindow extends Emitter {
    static getFocusedWindow = (): null => null;
    loadedFile: string | null = null;
    loadedUrl: string | null = null;
    destroyed = false;
    readonly webContents = Object.assign(new Emitter(), {
      session,
      windowOpenHandler: null as Listener | null,
      setWindowOpenHandler(fn: Listener) { this.windowOpenHandler = fn; },
      print: vi.fn(),
    });
    constructor(readonly options: FakeWindow['options']) {
      super();
      run.windows.push(this);
      app.emit('web-contents-created', {}, this.webContents);
    }
    loadFile(file: string): Promise<void> { this.loadedFile = file; return Promise.resolve(); }
    loadURL(url: string): Promise<void> { this.loadedUrl = url; return Promise.resolve(); }
    show(): void {}
    focus(): void {}
    isMinimized(): boolean { return false; }
    restore(): void {}
    destroy(): void { this.destroyed = true; }
  }
  const electron = {
    app, BrowserWindow, session: { defaultSession: session },
    ipcMain: { handle: (channel: string, fn: Listener) => run.ipc.set(channel, fn) },
    Menu: { buildFromTemplate: (template: unknown) => template, setApplicationMenu: (menu: unknown) => { run.menu = menu; } },
    dialog: { showMessageBox: vi.fn(() => Promise.resolve({ response: 0 })) },
    shell: { openExternal: run.openExternal },
  };
  vi.spyOn(console, 'log').mockImplementation((line: string) => { logs.push(line); });
  vi.spyOn(console, 'error').mockImplementation((line: string) => { logs.push(line); });
  vi.stubEnv('ROUNDTABLE_DB', options.database);

  const file = path.join(outdir, 'main.cjs');
  const realRequire = createRequire(path.join(ROOT, 'package.json')); // the project's node_modules
  const module = { exports: {} };
  const wrapper = vm.runInThisContext(`(function (require, module, exports, __filename, __dirname) {${readFileSync(file, 'utf8')}\n})`) as Listener;
  wrapper((id: string) => (id === 'electron' ? electron : realRequire(id)), module, module.exports, file, outdir);
  // Main has settled once it has shown a window or quit.
  await vi.waitFor(() => expect(run.windows.length + run.app.quit.mock.calls.length).toBeGreaterThan(0), { timeout: 4000 });
  return run;
}

function closeStore(run: FakeRun): void {
  run.app.emit('will-quit');
}

describe('main process (bundled, with a stand-in for electron)', () => {
  it('opens the database, registers one IPC handler that checks the sender, and loads the renderer', async () => {
    const run = await runMain({ database: path.join(tmp, 'ok.sqlite') });
    try {
      expect(run.windows).toHaveLength(1);
      const win = run.windows[0];
      if (!win) throw new Error('no window');
      expect(win.options.webPreferences?.preload).toBe(path.join(outdir, 'preload.cjs'));
      expect(win.loadedFile).toBe(path.join(tmp, 'renderer', 'dist', 'index.html'));

      expect([...run.ipc.keys()]).toEqual([IPC_INVOKE]);
      const handle = run.ipc.get(IPC_INVOKE);
      if (!handle) throw new Error('no handler');
      const appUrl = `${pathToFileURL(win.loadedFile ?? '').href}#/homes`;
      await expect(handle({ senderFrame: { url: appUrl } }, 'homes:list', {})).resolves.toEqual({ ok: true, value: [] });
      await expect(handle({ senderFrame: { url: 'https://evil.example/' } }, 'homes:list', {})).resolves.toMatchObject({ ok: false, error: { code: 'UNKNOWN_CHANNEL' } });
      await expect(handle({ senderFrame: null }, 'homes:list', {})).resolves.toMatchObject({ ok: false });

      expect(logs.some((line) => line.startsWith('[roundtable] app.start version=0.1.0'))).toBe(true);
      expect(logs.some((line) => line.startsWith('[roundtable] database.open schema='))).toBe(true);
    } finally {
      closeStore(run);
    }
  });

  it('takes the daily backup at start, backs up from the menu, and builds every window sandboxed and isolated', async () => {
    const database = path.join(tmp, 'backups', 'db.sqlite');
    const run = await runMain({ database });
    try {
      const folder = path.join(tmp, 'backups', 'backups');
      await vi.waitFor(() => expect(existsSync(folder) && readdirSync(folder).some((f) => f.endsWith('-daily.sqlite'))).toBe(true), { timeout: 4000 });
      const file = (run.menu as { label: string; submenu: { label?: string; click?: () => void }[] }[])[0]?.submenu.find((i) => i.label === 'Back up now');
      file?.click?.();
      await vi.waitFor(() => expect(readdirSync(folder).some((f) => f.endsWith('-manual.sqlite'))).toBe(true), { timeout: 4000 });
      await vi.waitFor(() => expect(logs.some((line) => line.startsWith('[roundtable] backup.manual bytes='))).toBe(true));
      const prefs = (run.windows[0]?.options as { webPreferences?: Record<string, unknown> }).webPreferences;
      expect(prefs).toMatchObject({ contextIsolation: true, sandbox: true, nodeIntegration: false, webviewTag: false, disableBlinkFeatures: 'Auxclick' });
    } finally {
      closeStore(run);
    }
  });

  it('guards every webContents: navigation, new windows, permissions and the CSP header', async () => {
    const run = await runMain({ database: path.join(tmp, 'guards.sqlite') });
    try {
      const contents = run.windows[0]?.webContents;
      if (!contents) throw new Error('no webContents');
      const navigate = { url: 'https://www.nhs.uk/', preventDefault: vi.fn() };
      contents.emit('will-navigate', navigate);
      expect(navigate.preventDefault).toHaveBeenCalled();
      expect(run.openExternal).toHaveBeenCalledWith('https://www.nhs.uk/');

      const hostile = { url: 'file:///etc/passwd', preventDefault: vi.fn() };
      contents.emit('will-navigate', hostile);
      contents.emit('will-redirect', hostile);
      expect(hostile.preventDefault).toHaveBeenCalledTimes(2);
      expect(run.openExternal).toHaveBeenCalledTimes(1);

      const frame = { url: 'https://evil.example/', isMainFrame: false, preventDefault: vi.fn() };
      contents.emit('will-frame-navigate', frame);
      expect(frame.preventDefault).toHaveBeenCalled();

      const webview = { preventDefault: vi.fn() };
      contents.emit('will-attach-webview', webview, {}, {});
      expect(webview.preventDefault).toHaveBeenCalled();

      expect(contents.windowOpenHandler?.({ url: 'javascript:alert(1)' })).toEqual({ action: 'deny' });
      expect(contents.windowOpenHandler?.({ url: 'https://www.nhs.uk/' })).toEqual({ action: 'deny' });

      const granted = vi.fn();
      run.permissionRequest?.(contents, 'media', granted, {});
      expect(granted).toHaveBeenCalledWith(false);
      expect(run.permissionCheck?.(contents, 'clipboard-read', 'file://', {})).toBe(false);

      const headers = vi.fn();
      run.headersListener?.({ responseHeaders: { 'content-security-policy': ['default-src *'] } }, headers);
      expect(headers).toHaveBeenCalledWith({ responseHeaders: { 'Content-Security-Policy': [CONTENT_SECURITY_POLICY] } });

      expect((run.menu as { label: string }[]).map((m) => m.label)).toEqual(['File', 'Edit', 'View', 'Help']);
    } finally {
      closeStore(run);
    }
  });

  it('shows the failure page, not a blank window, when the database is from a newer version', async () => {
    const database = path.join(tmp, 'newer.sqlite');
    const db = new Database(database);
    db.pragma(`application_id = ${ROUNDTABLE_APPLICATION_ID}`); // a newer Roundtable marks its databases too
    db.pragma('user_version = 9990');
    db.close();
    const run = await runMain({ database });
    expect(run.windows).toHaveLength(1);
    const url = run.windows[0]?.loadedUrl ?? '';
    expect(url.startsWith('data:text/html')).toBe(true);
    expect(decodeURIComponent(url)).toContain('This database needs a newer version of Roundtable');
    expect(run.windows[0]?.options.webPreferences?.preload).toBeUndefined();
    expect(run.ipc.size).toBe(0);
    expect(logs.some((line) => /^\[roundtable\] startup\.failed code=DATABASE_NEWER ms=\d+$/.test(line))).toBe(true);
  });

  it('opens the shared database saved in this desktop’s settings file, and says how to go back when it cannot', async () => {
    const settings = path.join(tmp, 'userData', 'settings.json');
    mkdirSync(path.dirname(settings), { recursive: true });
    writeFileSync(settings, JSON.stringify({ format: 1, sharedDatabase: { url: 'postgresql://rt@127.0.0.1:1/roundtable', encryptedPassword: null }, userName: null }));
    try {
      const run = await runMain({ database: '' });
      expect(run.windows).toHaveLength(1);
      const page = decodeURIComponent(run.windows[0]?.loadedUrl ?? '');
      expect(page).toContain('Roundtable cannot open the shared database');
      expect(page).toContain('127.0.0.1:1/roundtable');
      expect(page).toContain(settings);
      expect(run.ipc.size).toBe(0);
      expect(existsSync(path.join(process.cwd(), 'postgresql:'))).toBe(false);
    } finally {
      rmSync(settings, { force: true });
    }
  });

  it('leaves at once when another Roundtable is already running', async () => {
    const run = await runMain({ database: path.join(tmp, 'second.sqlite'), lock: false });
    expect(run.app.quit).toHaveBeenCalled();
    expect(run.windows).toHaveLength(0);
    expect(run.ipc.size).toBe(0);
  });
});
