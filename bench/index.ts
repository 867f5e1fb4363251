/**
 * `npm run bench`: runs every bench/*.bench.ts module's exported run() in turn and prints its figures.
 * Benchmarks never fail on timing; they print what they measured.
 */
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const files = readdirSync(here).filter((f) => f.endsWith('.bench.ts')).sort();
for (const file of files) {
  const mod = (await import(pathToFileURL(path.join(here, file)).href)) as { run?: () => Promise<void> | void };
  if (typeof mod.run !== 'function') {
    console.log(`${file}: no run() exported, skipped`);
    continue;
  }
  console.log(`\n== ${file}`);
  await mod.run();
}
