/** `npm run bench`: runs every bench/*.bench.ts module's exported run() and prints its figures. Never fails on timing. */
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
for (const file of readdirSync(here).filter((f) => f.endsWith('.bench.ts')).sort()) {
  const module = (await import(pathToFileURL(path.join(here, file)).href)) as { run?: () => Promise<void> | void };
  if (typeof module.run !== 'function') continue;
  console.log(`\n== ${file}`);
  await module.run();
}
