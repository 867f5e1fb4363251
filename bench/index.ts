/**
 * Benchmarks: runs the exported `run()` of every bench/*.bench.ts module in turn. Each prints its own
 * figures; nothing here fails on timing. `npm run bench` (or `npm run bench -- carePlans` for one).
 */
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const dir = path.dirname(fileURLToPath(import.meta.url));
const only = process.argv[2];
const modules = readdirSync(dir).filter((f) => f.endsWith('.bench.ts') && (only === undefined || f.includes(only))).sort();
for (const file of modules) {
  const mod = (await import(pathToFileURL(path.join(dir, file)).href)) as { run?: () => Promise<void> | void };
  if (typeof mod.run !== 'function') continue;
  console.log(`\n## ${file}`);
  await mod.run();
}
