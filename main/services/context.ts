/** What every service call runs with: the store, who is acting, and what day it is. */
import os from 'node:os';
import type { Actor, Store } from '../store';
import { todayInLondon } from '../../shared/dates';

export interface AppContext {
  store: Store;
  actor: Actor;
  appVersion: string;
  /** Today's date (Europe/London); fixed in tests and by the CLI's --today. */
  today(): string;
  /** The desktop app's file dialog (absent in the CLI and tests); the options narrow it to one kind of file. */
  chooseFile?: ((options?: FileDialogOptions) => Promise<string | null>) | undefined;
  /** The desktop app's save dialog, offering a file name; null when cancelled. Absent in the CLI and tests. */
  chooseSaveFile?: ((fileName: string) => Promise<string | null>) | undefined;
}

export interface FileDialogOptions {
  title: string;
  extensions: string[];
  kindName: string;
}

export function osActor(staffId: number | null = null): Actor {
  let user = 'unknown';
  try {
    user = os.userInfo().username;
  } catch {
    // some sandboxes have no passwd entry; the audit still records the write
  }
  return { osUser: user, staffId };
}

export function createContext(store: Store, options: { today?: string; appVersion?: string; actor?: Actor;
  chooseFile?: (options?: FileDialogOptions) => Promise<string | null>; chooseSaveFile?: (fileName: string) => Promise<string | null> } = {}): AppContext {
  return {
    chooseFile: options.chooseFile,
    chooseSaveFile: options.chooseSaveFile,
    store,
    actor: options.actor ?? osActor(),
    appVersion: options.appVersion ?? '0.1.0',
    today: () => options.today ?? todayInLondon(),
  };
}
