/**
 * The Electron main process: single-instance lock, database, the one IPC handler, the window and the
 * menu. Kept thin: every decision worth testing lives in a module that does not import electron.
 */
import { app, BrowserWindow, dialog, ipcMain, Menu, safeStorage, session, type BrowserWindowConstructorOptions, type MessageBoxOptions } from 'electron';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { IPC_INVOKE, isChannel } from '../../shared/ipc';
import { DATABASE_FILE_NAME } from '../paths';
import { createBackup, dailyBackup } from '../services/backups';
import { chooseDatabase, describeLocation, type DatabaseChoice } from '../services/connection';
import { createContext, osActor, type AppContext } from '../services/context';
import { cipherFrom, LOCAL_SETTINGS_FILE_NAME, readLocalSettings, type LocalSettings } from '../services/localSettings';
import { openStore, type Store } from '../store';
import { applyGuards } from './applyGuards';
import { withContentSecurityPolicy } from './csp';
import { failurePageUrl, rendererGoneFailure, rendererLoadFailure, sharedDatabaseFailure, startupErrorCode, startupFailure, type FailurePageContent } from './failurePage';
import { handleInvoke, SENDER_REFUSED } from './invoke';
import { log, logError } from './log';
import { aboutDialog, backupDoneMessage, backupFailedMessage, menuTemplate, PRINT_OPTIONS } from './menu';
import { windowOptions } from './window';
import { electronPrintToPdf } from './printPdf';

// Relative to the bundle (out/electron/main.cjs), so it also resolves inside a packaged app.asar.
const INDEX_HTML = path.join(__dirname, '../../renderer/dist/index.html');
const APP_INDEX_URL = pathToFileURL(INDEX_HTML).href;
const PRELOAD = path.join(__dirname, 'preload.cjs');

const startedAt = performance.now();
const elapsed = (): number => Math.round(performance.now() - startedAt);

let mainWindow: BrowserWindow | null = null;
let failureWindow: BrowserWindow | null = null;
let store: Store | null = null;
/** What the handlers run with; a restore swaps ctx.store for the restored database. */
let ctx: AppContext | null = null;
let backupTimer: NodeJS.Timeout | null = null;
const HOUR_MS = 3_600_000;
/** What the About box and the failure page show: the SQLite file, or HOST/DBNAME; never a password. */
let databasePath = '';
/** safeStorage for the shared database's password: used here, in the main process, only. */
const cipher = cipherFrom(safeStorage);
const settingsFile = (): string => path.join(app.getPath('userData'), LOCAL_SETTINGS_FILE_NAME);

function showMessage(options: MessageBoxOptions): void {
  const parent = BrowserWindow.getFocusedWindow() ?? mainWindow;
  (parent ? dialog.showMessageBox(parent, options) : dialog.showMessageBox(options)).catch(() => undefined);
}

function focusExistingWindow(): void {
  const win = failureWindow ?? mainWindow;
  if (!win) return;
  if (win.isMinimized()) win.restore();
  win.show();
  win.focus();
}

/**
 * Every window goes through here. window.ts holds the whole, unit-tested options; the security switches
 * are restated literally at the constructor so the Electronegativity scan (`npm run check`) can read them.
 */
function newWindow(options: BrowserWindowConstructorOptions): BrowserWindow {
  return new BrowserWindow({
    ...options,
    webPreferences: { ...options.webPreferences, contextIsolation: true, sandbox: true, nodeIntegration: false, disableBlinkFeatures: 'Auxclick' },
  });
}

/** Replaces whatever is showing with the failure page: never a blank screen. */
function showFailure(content: FailurePageContent): void {
  if (failureWindow) return;
  const win = newWindow({ ...windowOptions(undefined, { width: 860, height: 680 }), show: true });
  failureWindow = win;
  win.on('closed', () => {
    failureWindow = null;
  });
  win.loadURL(failurePageUrl(content)).catch(() => logError('failure-page.load-failed'));
  const previous = mainWindow;
  mainWindow = null;
  previous?.destroy();
}

function createMainWindow(): void {
  const win = newWindow(windowOptions(PRELOAD, { devTools: !app.isPackaged }));
  mainWindow = win;
  win.once('ready-to-show', () => {
    win.show();
    log('window.ready', { ms: elapsed() });
  });
  win.webContents.on('did-fail-load', (_event, code, description, _url, isMainFrame) => {
    if (!isMainFrame || code === -3) return; // -3: aborted by a newer navigation, not a failure
    logError('window.load-failed', { code, ms: elapsed() });
    showFailure(rendererLoadFailure(code, description));
  });
  win.webContents.on('render-process-gone', (_event, details) => {
    logError('renderer.gone', { reason: details.reason, exitCode: details.exitCode });
    if (details.reason !== 'clean-exit') showFailure(rendererGoneFailure(details.reason));
  });
  win.webContents.on('preload-error', (_event, _preloadPath, error) => logError('preload.error', { name: error.name }));
  win.on('closed', () => {
    if (mainWindow === win) mainWindow = null;
  });
  win.loadFile(INDEX_HTML).catch(() => undefined); // did-fail-load reports it
}

function setMenu(): void {
  Menu.setApplicationMenu(Menu.buildFromTemplate(menuTemplate({
    isPackaged: app.isPackaged,
    importFile: () => { mainWindow?.loadFile(INDEX_HTML, { hash: '/import' }).catch(() => undefined); },
    backUpNow: () => {
      if (!ctx) return showMessage(backupFailedMessage('The database is not open.'));
      createBackup(ctx, 'manual').then(
        (backup) => {
          log('backup.manual', { bytes: backup.bytes });
          showMessage(backupDoneMessage(backup));
        },
        (error: unknown) => {
          logError('backup.failed', { code: startupErrorCode(error) });
          showMessage(backupFailedMessage(error instanceof Error ? error.message : String(error)));
        },
      );
    },
    print: () => {
      const target = BrowserWindow.getFocusedWindow() ?? mainWindow;
      target?.webContents.print(PRINT_OPTIONS, (ok, reason) => {
        if (!ok) log('print.not-completed', { reason });
      });
    },
    about: () => showMessage(aboutDialog({
      appVersion: app.getVersion(),
      electron: process.versions.electron,
      chrome: process.versions.chrome,
      node: process.versions.node,
      databasePath,
    })),
  })));
}

/** The automatic daily backup: once a day (checked hourly while the app stays open), with retention. */
function runDailyBackup(): void {
  if (!ctx) return;
  const began = performance.now();
  dailyBackup(ctx).then(
    ({ created, deleted }) => {
      if (created) log('backup.daily', { bytes: created.bytes, deleted: deleted.length, ms: Math.round(performance.now() - began) });
    },
    (error: unknown) => logError('backup.daily-failed', { code: startupErrorCode(error) }),
  );
}

function registerIpc(opened: Store, settings: LocalSettings): void {
  const context = createContext(opened, {
    appVersion: app.getVersion(),
    actor: osActor(null, settings.userName),
    settingsFile: settingsFile(),
    cipher,
    // Files belong to the main process: its dialogs choose them and the renderer gets tokens (main/services/files.ts).
    chooseFile: async (options) => (await dialog.showOpenDialog({ title: options?.title ?? 'Choose a file to import', properties: ['openFile'],
      filters: [{ name: options?.kindName ?? 'Practice exports', extensions: options?.extensions ?? ['csv', 'json', 'ndjson', 'txt'] }, { name: 'All files', extensions: ['*'] }] })).filePaths[0] ?? null,
    chooseSaveFile: async (fileName) => {
      const chosen = await dialog.showSaveDialog({ title: 'Save the file', defaultPath: path.join(app.getPath('documents'), fileName) });
      return chosen.canceled || !chosen.filePath ? null : chosen.filePath;
    },
    pdfPrinter: electronPrintToPdf,
  });
  ctx = context;
  ipcMain.handle(IPC_INVOKE, async (event, channel: unknown, input: unknown) => {
    const began = performance.now();
    const result = await handleInvoke(context, event.senderFrame?.url, APP_INDEX_URL, channel, input);
    if (result === SENDER_REFUSED) logError('ipc.sender-refused');
    else if (!result.ok) log('ipc.error', { channel: isChannel(channel) ? channel : 'unknown', code: result.error.code, ms: Math.round(performance.now() - began) });
    return result;
  });
}

async function start(): Promise<void> {
  log('app.start', {
    version: app.getVersion(), electron: process.versions.electron, chrome: process.versions.chrome,
    node: process.versions.node, platform: process.platform, packaged: app.isPackaged, ms: elapsed(),
  });
  // Header CSP for any non-file load; file:// pages are covered by the meta tag in index.html.
  session.defaultSession.webRequest.onHeadersReceived((details, callback) => {
    callback({ responseHeaders: withContentSecurityPolicy(details.responseHeaders) });
  });
  setMenu();
  // The environment, else this desktop's settings file (Settings › Shared database), else the SQLite file here.
  databasePath = path.join(app.getPath('userData'), DATABASE_FILE_NAME);
  let settings: LocalSettings | null = null;
  let choice: DatabaseChoice;
  try {
    settings = readLocalSettings(settingsFile());
    choice = chooseDatabase({ env: process.env, settings, defaultFile: databasePath, cipher });
    databasePath = choice.description.location;
    store = await openStore(choice.target, { program: 'the desktop app' });
  } catch (error) {
    logError('startup.failed', { code: startupErrorCode(error), ms: elapsed() });
    const shared = process.env.ROUNDTABLE_DB?.trim() ? null : settings?.sharedDatabase;
    showFailure(shared ? sharedDatabaseFailure(error, describeLocation(shared.url), settingsFile()) : startupFailure(error, databasePath));
    return;
  }
  log('database.open', { schema: store.schemaVersion(), engine: choice.description.engine, source: choice.source, ms: elapsed() });
  registerIpc(store, settings);
  createMainWindow();
  // On a shared PostgreSQL database, backups are the server's: the daily SQLite backup is for the file here.
  if (choice.description.engine === 'sqlite') {
    runDailyBackup();
    backupTimer = setInterval(runDailyBackup, HOUR_MS);
    backupTimer.unref();
  }
}

app.enableSandbox();
if (process.platform === 'win32') app.setAppUserModelId('org.roundtable.desktop');
app.on('web-contents-created', (_event, contents) => applyGuards(contents, APP_INDEX_URL));

// One writer per database file: a second launch focuses the first window and exits.
if (!app.requestSingleInstanceLock()) {
  log('app.already-running');
  app.quit();
} else {
  app.on('second-instance', focusExistingWindow);
  app.on('window-all-closed', () => app.quit());
  app.on('will-quit', () => {
    if (backupTimer) clearInterval(backupTimer);
    // after a restore ctx.store is the restored database; a shared database's pool ends asynchronously
    for (const open of new Set([ctx?.store, store])) {
      open?.close().catch((error: unknown) => logError('database.close-failed', { code: startupErrorCode(error) }));
    }
    store = null;
  });
  app.whenReady().then(start).catch((error: unknown) => {
    logError('startup.failed', { code: startupErrorCode(error), ms: elapsed() });
    showFailure(startupFailure(error, databasePath));
  });
}
