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
  /** The desktop app's file dialog (absent in the CLI and tests). */
  chooseFile?: (() => Promise<string | null>) | undefined;
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

export function createContext(store: Store, options: { today?: string; appVersion?: string; actor?: Actor; chooseFile?: () => Promise<string | null> } = {}): AppContext {
  return {
    chooseFile: options.chooseFile,
    store,
    actor: options.actor ?? osActor(),
    appVersion: options.appVersion ?? '0.1.0',
    today: () => options.today ?? todayInLondon(),
  };
}
