/**
 * Where the app writes what it prints, exports and backs up when no save dialog chose a place: beside the
 * SQLite file, or, on a shared PostgreSQL database (no file on this computer), a Roundtable folder in the
 * user's home folder.
 */
import os from 'node:os';
import path from 'node:path';
import type { Store } from '../store';

export function outputFolder(store: Pick<Store, 'file'>): string {
  return store.file !== null ? path.dirname(path.resolve(store.file)) : path.join(os.homedir(), 'Roundtable');
}
