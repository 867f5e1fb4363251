/** A private copy of the demo practice built once per run by tests/setup/demoFixture.ts. */
import { cpSync } from 'node:fs';
import path from 'node:path';
import { inject } from 'vitest';
import { createTestDatabase, DEMO_TEMPLATE, onPostgres } from './engine';
import { tempDir } from './tempStore';

export { DEMO_TODAY } from '../setup/demoFixture';

export interface DemoCopy {
  /** The copied folder: practice-export/, rounds/ (and demo.sqlite on SQLite). */
  dir: string;
  /** The copied database: the demo.sqlite file, or on PostgreSQL the URL of a copy of the template database. */
  db: string;
  /** Removes the folder (and drops the database on PostgreSQL). */
  cleanup: () => Promise<void>;
}

/** Copies the run's demo folder into a fresh temporary folder; the test may change it freely. */
export async function copyDemo(): Promise<DemoCopy> {
  const source = inject('demoFixtureDir');
  if (!source) throw new Error('The demo fixture is missing: run this test through the "store" or "store-pg" project (vitest globalSetup tests/setup/demoFixture.ts).');
  const t = tempDir('roundtable-demo-');
  cpSync(source, t.dir, { recursive: true });
  if (!onPostgres) return { dir: t.dir, db: path.join(t.dir, 'demo.sqlite'), cleanup: () => Promise.resolve(t.cleanup()) };
  try {
    const copy = await createTestDatabase({ template: DEMO_TEMPLATE });
    return { dir: t.dir, db: copy.url, cleanup: async () => { t.cleanup(); await copy.drop(); } };
  } catch (e) {
    t.cleanup();
    throw e;
  }
}

/** What the fixture's `demo --json` printed. */
export function demoSummary(): string {
  return inject('demoFixtureSummary');
}
