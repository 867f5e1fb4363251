/** A private copy of the demo practice built once per run by tests/setup/demoFixture.ts. */
import { cpSync } from 'node:fs';
import path from 'node:path';
import { inject } from 'vitest';
import { tempDir } from './tempStore';

export { DEMO_TODAY } from '../setup/demoFixture';

export interface DemoCopy {
  /** The copied folder: demo.sqlite, practice-export/, rounds/. */
  dir: string;
  /** The copied database. */
  db: string;
  cleanup: () => void;
}

/** Copies the run's demo folder into a fresh temporary folder; the test may change it freely. */
export function copyDemo(): DemoCopy {
  const source = inject('demoFixtureDir');
  if (!source) throw new Error('The demo fixture is missing: run this test through the "store" project (vitest globalSetup tests/setup/demoFixture.ts).');
  const t = tempDir('roundtable-demo-');
  cpSync(source, t.dir, { recursive: true });
  return { dir: t.dir, db: path.join(t.dir, 'demo.sqlite'), cleanup: t.cleanup };
}

/** What the fixture's `demo --json` printed. */
export function demoSummary(): string {
  return inject('demoFixtureSummary');
}
