/** npm run bench: runs every bench/*.bench.ts module's exported run() and prints its figures. */
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

const dir = import.meta.dirname;
const only = process.argv[2];
for (const name of readdirSync(dir).filter((f) => f.endsWith('.bench.ts')).sort()) {
  if (only && !name.includes(only)) continue;
  const mod = (await import(pathToFileURL(path.join(dir, name)).href)) as { run?: () => Promise<string[] | void> };
  if (typeof mod.run !== 'function') continue;
  console.log(`\n== ${name}`);
  const began = performance.now();
  const lines = await mod.run();
  for (const line of lines ?? []) console.log(line);
  console.log(`   (${((performance.now() - began) / 1000).toFixed(1)} s)`);
}
