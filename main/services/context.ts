/**
 * What every service call runs with: the store, who is acting, what day it is, the validated front door
 * (`call`), the files the main process chose, and the state of this one context (import progress, the PDF
 * printer, backup checks). No module keeps mutable state: a test or a second window gets its own context.
 */
import os from 'node:os';
import type { Actor, BackupCheck, Store } from '../store';
import { todayInLondon } from '../../shared/dates';
import type { Channel, ChannelInput, ChannelOutput, ImportProgress } from '../../shared/ipc';
import { callChannel } from '../handlers';
import type { PdfPrinter } from '../print/render';
import { createFileTokens, type FileTokens } from './files';
import type { PasswordCipher } from './localSettings';
import type { ProbeDatabase } from './probe';

export interface ContextState {
  /** The import running (or last run) in this context, for imports:progress. */
  importProgress: ImportProgress;
  /** The desktop app's printToPDF; null means Chromium through playwright-core (CLI, tests). */
  pdfPrinter: PdfPrinter | null;
  /** quick_check answers by file, size and time: a backup file is not changed once written, so each is read once. */
  backupChecks: Map<string, BackupCheck>;
  /** Whole-register computations (the review schedule, the care-plan list) for one data version and day (remembered.ts). */
  remembered: { version: string; values: Map<string, Promise<unknown>> };
}

export interface AppContext {
  store: Store;
  actor: Actor;
  appVersion: string;
  /** Today's date (Europe/London); fixed in tests and by the CLI's --today. */
  today(): string;
  /**
   * The one front door: validates the input with the channel's contract schema and runs its handler, exactly
   * as IPC does. The CLI and the demo call services through it; a refusal throws its AppError.
   */
  call<C extends Channel>(channel: C, input: ChannelInput<C>): Promise<ChannelOutput<C>>;
  /** Files the main process chose, by opaque token (main/services/files.ts). */
  files: FileTokens;
  /** The desktop app's open-file dialog, narrowed by the options to one kind of file (absent in the CLI and tests, where the harness may stand in). */
  chooseFile?: ((options?: FileDialogOptions) => Promise<string | null>) | undefined;
  /** The desktop app's save dialog, given a suggested name; absent: the main process saves next to the database. */
  chooseSaveFile?: ((suggestedName: string) => Promise<string | null>) | undefined;
  /** This desktop's settings file (main/services/localSettings.ts); absent in the CLI and tests, where Settings › Shared database cannot save. */
  settingsFile?: string | undefined;
  /** Electron's safeStorage for the shared database's password (main process only); absent or unavailable: no password is saved. */
  cipher?: PasswordCipher | undefined;
  /** Connects to a database and says what is there (main/services/probe.ts); tests may stand in for it. */
  probeDatabase?: ProbeDatabase | undefined;
  state: ContextState;
}

export interface FileDialogOptions {
  title: string;
  extensions: string[];
  kindName: string;
}

/** The operating-system account the app runs under ("unknown" where there is none). */
export function osUserName(): string {
  try {
    return os.userInfo().username || 'unknown';
  } catch {
    return 'unknown'; // some sandboxes have no passwd entry; the audit still records the write
  }
}

/**
 * Who the audit names: the desktop's "Your name in the audit trail" setting when given, else ROUNDTABLE_USER
 * (for the CLI and scripts), else the operating-system user; with the computer's name.
 */
export function osActor(staffId: number | null = null, userName: string | null = null, env: NodeJS.ProcessEnv = process.env): Actor & { machine?: string } {
  const named = userName?.trim() || env.ROUNDTABLE_USER?.trim().slice(0, 100);
  let machine: string | undefined;
  try {
    machine = os.hostname() || undefined;
  } catch {
    machine = undefined;
  }
  return { osUser: named || osUserName(), staffId, ...(machine ? { machine } : {}) };
}

export interface ContextOptions {
  today?: string;
  appVersion?: string;
  actor?: Actor;
  chooseFile?: (options?: FileDialogOptions) => Promise<string | null>;
  chooseSaveFile?: (suggestedName: string) => Promise<string | null>;
  pdfPrinter?: PdfPrinter | null;
  settingsFile?: string;
  cipher?: PasswordCipher;
}

export function createContext(store: Store, options: ContextOptions = {}): AppContext {
  const ctx: AppContext = {
    chooseFile: options.chooseFile,
    chooseSaveFile: options.chooseSaveFile,
    settingsFile: options.settingsFile,
    cipher: options.cipher,
    store,
    actor: options.actor ?? osActor(),
    appVersion: options.appVersion ?? '0.1.0',
    today: () => options.today ?? todayInLondon(),
    call: (channel, input) => callChannel(ctx, channel, input),
    files: createFileTokens(),
    state: {
      importProgress: { running: false, fileName: null, bytesRead: 0, totalBytes: 0, rows: 0 },
      pdfPrinter: options.pdfPrinter ?? null,
      backupChecks: new Map(),
      remembered: { version: '', values: new Map() },
    },
  };
  return ctx;
}
