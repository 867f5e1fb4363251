/** A real SQLite store in a fresh temporary folder, removed after the test. */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { openStore, type Store } from '../../main/store';
import { createContext, type AppContext } from '../../main/services/context';

export function tempDir(prefix = 'roundtable-test-'): { dir: string; cleanup: () => void } {
  const dir = mkdtempSync(path.join(os.tmpdir(), prefix));
  return { dir, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

export interface TempStore {
  dir: string;
  file: string;
  store: Store;
  ctx: AppContext;
  cleanup: () => void;
}

export async function openTempStore(today = '2026-11-23'): Promise<TempStore> {
  const { dir, cleanup } = tempDir();
  const file = path.join(dir, 'roundtable.sqlite');
  const store = await openStore(file);
  const ctx = createContext(store, { today, actor: { osUser: 'tester', staffId: null } });
  return { dir, file, store, ctx, cleanup: () => { store.close(); cleanup(); } };
}

export const sampleHome = {
  name: 'Test Lodge', type: 'residential' as const, cqcLocationId: '1-555000111', address: '1 Test Street, Anytown', phone: '01632 960999',
  manager: 'Ann Example', roundDay: 'tuesday' as const, roundStartTime: '10:00', roundCapacityMinutes: 120,
};

export const sampleResident = (homeId: number, overrides: Record<string, unknown> = {}) => ({
  nhsNumber: '943 476 5919', familyName: 'Example', givenName: 'Edith', dateOfBirth: '1938-04-02', sex: 'female' as const, homeId,
  room: '12', admissionDate: '2025-06-01', dementia: true, frailty: 6, whatMatters: 'Her garden and her cat', ...overrides,
});

/** A CSV file's text, every value quoted, as a practice system exports it. */
export function csvText(lines: readonly (readonly string[])[]): string {
  return `${lines.map((l) => l.map((v) => `"${v.replace(/"/g, '""')}"`).join(',')).join('\n')}\n`;
}

/** Writes a CSV file into a folder and returns its path. */
export function writeCsv(dir: string, name: string, lines: readonly (readonly string[])[]): string {
  const file = path.join(dir, name);
  writeFileSync(file, csvText(lines));
  return file;
}
