/**
 * Vitest setup file for the store projects: each test file gets a temporary home folder (HOME, which
 * os.homedir() reads), removed afterwards. Where the app writes into the user's own folder, such as the
 * Roundtable folder for a PostgreSQL database's exports, a test run writes into a temporary folder instead.
 * Made in beforeAll, not on import: a file whose tests are all skipped runs neither hook, and leaves nothing.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll } from 'vitest';

let home: string | undefined;
let previous: string | undefined;

beforeAll(() => {
  home = mkdtempSync(path.join(os.tmpdir(), 'roundtable-home-'));
  previous = process.env.HOME;
  process.env.HOME = home;
});

afterAll(() => {
  if (home === undefined) return;
  if (previous === undefined) delete process.env.HOME;
  else process.env.HOME = previous;
  rmSync(home, { recursive: true, force: true });
  home = undefined;
});
