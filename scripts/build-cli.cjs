// Bundles the command line with esbuild, like the Electron main (scripts/build-electron.mjs):
//   node scripts/build-cli.cjs [--if-possible]
// writes out/cli/roundtable.cjs (better-sqlite3 left to require() at run time) and
// out/cli/roundtable.inputs.json, the files it was built from, which scripts/cli.cjs checks to rebuild
// when a source is newer. `npm ci` runs this through the `prepare` script; --if-possible makes a missing
// esbuild (an install without dev dependencies) a note rather than a failure.
'use strict';
const fs = require('node:fs');
const path = require('node:path');

const root = path.resolve(__dirname, '..');
const outdir = path.join(root, 'out', 'cli');
const bundle = path.join(outdir, 'roundtable.cjs');
const inputsFile = path.join(outdir, 'roundtable.inputs.json');

/** Builds the bundle synchronously; returns the milliseconds it took. */
function buildCli() {
  const started = performance.now();
  const { buildSync } = require('esbuild');
  const result = buildSync({
    absWorkingDir: root,
    entryPoints: ['main/cli/main.ts'],
    outfile: bundle,
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'cjs',
    minify: true, // less to read and compile at every start
    sourcemap: true,
    legalComments: 'none',
    logLevel: 'warning',
    external: ['better-sqlite3'],
    metafile: true,
    // import() becomes require(): the launcher runs the bundle as a vm.Script (for its code cache), which has no ES module loader
    supported: { 'dynamic-import': false },
  });
  const inputs = Object.keys(result.metafile.inputs).filter((f) => !f.startsWith('<'));
  fs.writeFileSync(inputsFile, `${JSON.stringify({ node: process.version, inputs })}\n`);
  // a code cache made for the previous bundle would only be rejected: drop it
  fs.rmSync(`${bundle}.cache`, { force: true });
  return Math.round(performance.now() - started);
}

module.exports = { buildCli, bundle, inputsFile, root };

if (require.main === module) {
  const ifPossible = process.argv.includes('--if-possible');
  try {
    const ms = buildCli();
    console.log(`build-cli: wrote ${path.relative(root, bundle)} in ${ms} ms`);
  } catch (error) {
    if (ifPossible && error && error.code === 'MODULE_NOT_FOUND') {
      console.log('build-cli: esbuild is not installed; the command line will be built when it is first run with it.');
    } else {
      console.error(`build-cli: failed: ${error instanceof Error ? error.message : String(error)}`);
      process.exit(1);
    }
  }
}
