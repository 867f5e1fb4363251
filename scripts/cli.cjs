// `npm run cli -- …` starts here. It rebuilds out/cli/roundtable.cjs when it is missing or any file it was
// built from is newer (so a fresh clone or an edited source needs no extra step), then runs it with a V8
// code cache beside it (out/cli/roundtable.cjs.cache), so later starts skip most of the compiling.
'use strict';
const fs = require('node:fs');
const path = require('node:path');
const Module = require('node:module');
const vm = require('node:vm');

const root = path.resolve(__dirname, '..');
const bundle = path.join(root, 'out', 'cli', 'roundtable.cjs');
const cacheFile = `${bundle}.cache`;

function isStale() {
  let built;
  try {
    built = fs.statSync(bundle).mtimeMs;
    const { node, inputs } = JSON.parse(fs.readFileSync(path.join(root, 'out', 'cli', 'roundtable.inputs.json'), 'utf8'));
    if (node !== process.version) return true;
    for (const input of inputs) {
      const stat = fs.statSync(path.join(root, input), { throwIfNoEntry: false });
      if (!stat || stat.mtimeMs > built) return true;
    }
    return false;
  } catch {
    return true;
  }
}

if (isStale()) {
  const ms = require('./build-cli.cjs').buildCli();
  process.stderr.write(`(the command line was rebuilt from its sources in ${ms} ms)\n`);
}

const source = fs.readFileSync(bundle, 'utf8');
let cachedData;
try {
  cachedData = fs.readFileSync(cacheFile);
} catch {
  cachedData = undefined;
}
const script = new vm.Script(Module.wrap(source), { filename: bundle, cachedData });
const mod = { exports: {} };
script.runInThisContext().call(mod.exports, mod.exports, Module.createRequire(bundle), mod, bundle, path.dirname(bundle));
if (cachedData === undefined || script.cachedDataRejected) {
  // after the command has run, so the cache holds the functions it compiled; written whole or not at all
  process.once('beforeExit', () => {
    try {
      const temp = `${cacheFile}.${process.pid}`;
      fs.writeFileSync(temp, script.createCachedData());
      fs.renameSync(temp, cacheFile);
    } catch {
      // a read-only install simply starts without the cache
    }
  });
}
