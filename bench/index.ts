/**
 * Benchmarks: runs the exported run() of every bench/*.bench.ts module and prints its figures.
 * Timings are printed, never asserted: a slow machine never fails a build.
 */
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const dir = path.dirname(fileURLToPath(import.meta.url));
const only = process.argv[2];
for (const file of readdirSync(dir).filter((f) => f.endsWith('.bench.ts')).sort()) {
  if (only && !file.includes(only)) continue;
  const mod = (await import(pathToFileURL(path.join(dir, file)).href)) as { run?: () => Promise<void> | void };
  if (typeof mod.run !== 'function') {
    console.log(`${file}: no run() exported, skipped`);
    continue;
  }
  console.log(`\n== ${file}`);
  await mod.run();
}
