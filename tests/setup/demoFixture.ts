/**
 * Vitest global setup: builds the synthetic demo practice ONCE per run, with the same code as
 * `npm run cli -- demo`, into a temporary folder (database, practice export, printed rounds). Tests copy it
 * (tests/helpers/demo.ts) instead of running the demo themselves, so a busy machine runs the demo once,
 * not once per file, and nothing is written into the working tree.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { runCli } from '../../main/cli/index';

/** The day the fixture's demo is made on; tests that use it pass the same --today. */
export const DEMO_TODAY = '2026-11-23';

declare module 'vitest' {
  export interface ProvidedContext {
    /** A folder holding demo.sqlite, practice-export/ and rounds/, made by `demo --out DIR --today 2026-11-23`. */
    demoFixtureDir: string;
    /** What that demo run printed with --json. */
    demoFixtureSummary: string;
  }
}

export default async function setup(project: TestProject): Promise<() => void> {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'roundtable-demo-fixture-'));
  const out: string[] = [];
  const err: string[] = [];
  const code = await runCli(['demo', '--out', dir, '--today', DEMO_TODAY, '--json'],
    { out: (s) => out.push(s), err: (s) => err.push(s), env: { XDG_CONFIG_HOME: dir, APPDATA: dir }, cwd: dir });
  if (code !== 0) {
    rmSync(dir, { recursive: true, force: true });
    throw new Error(`The demo fixture could not be built (exit ${code}): ${err.join('\n')}`);
  }
  project.provide('demoFixtureDir', dir);
  project.provide('demoFixtureSummary', out.join('\n'));
  return () => rmSync(dir, { recursive: true, force: true });
}
