/**
 * Benchmarks: runs every bench/*.bench.ts module's exported run() in turn and prints its figures.
 * Timings are printed, never asserted: a slow machine does not fail a build.
 *   npm run bench [-- NAME]   (NAME filters the modules, e.g. "rounds")
 */
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const dir = path.dirname(fileURLToPath(import.meta.url));
const filter = process.argv[2];
const modules = readdirSync(dir).filter((f) => f.endsWith('.bench.ts') && (!filter || f.includes(filter))).sort();
for (const file of modules) {
  const mod = (await import(pathToFileURL(path.join(dir, file)).href)) as { run?: () => Promise<void> | void };
  if (typeof mod.run !== 'function') {
    console.log(`${file}: no run() exported, skipped`);
    continue;
  }
  console.log(`\n== ${file}`);
  await mod.run();
}
