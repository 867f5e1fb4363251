// Bundles the Electron main process and the preload with esbuild.
//   node scripts/build-electron.mjs [--outdir DIR]   (default out/electron)
// main.cjs: Node platform, electron and better-sqlite3 left to require() at run time.
// preload.cjs: runs sandboxed, where require() knows only a few modules, so everything but electron is
// bundled in and the browser platform makes any Node built-in import fail the build.
import { build } from 'esbuild';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const flag = process.argv.indexOf('--outdir');
const outdir = path.resolve(root, flag > -1 && process.argv[flag + 1] ? process.argv[flag + 1] : 'out/electron');

const common = {
  bundle: true,
  format: 'cjs',
  sourcemap: true,
  logLevel: 'warning',
  absWorkingDir: root,
  legalComments: 'none',
};

const builds = [
  // pg-native: pg's optional native binding, required only when pg.native is used (never here); left out of the bundle.
  { ...common, entryPoints: ['main/electron/main.ts'], outfile: path.join(outdir, 'main.cjs'), platform: 'node', target: 'node20', external: ['electron', 'better-sqlite3', 'pg-native'] },
  { ...common, entryPoints: ['main/electron/preload.ts'], outfile: path.join(outdir, 'preload.cjs'), platform: 'browser', target: 'chrome130', external: ['electron'], minify: true },
];

const started = performance.now();
try {
  await Promise.all(builds.map((options) => build(options)));
} catch (error) {
  console.error(`build-electron: failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
}
for (const options of builds) console.log(`build-electron: wrote ${path.relative(root, options.outfile)}`);
console.log(`build-electron: done in ${Math.round(performance.now() - started)} ms`);
