// Rebuilds better-sqlite3's native module for one runtime:
//   node scripts/native.mjs electron   for Electron's ABI (before `electron .`)
//   node scripts/native.mjs node       back for Node (tests, CLI)
//   add --dry-run to print the commands without running them.
// Only `npm start` calls this; tests and CI never do, so they always keep the Node build.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const target = args.find((a) => !a.startsWith('--'));
const dryRun = args.includes('--dry-run');
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
const npx = process.platform === 'win32' ? 'npx.cmd' : 'npx';

function fail(message) {
  console.error(`native: ${message}`);
  process.exit(1);
}

function run(command, commandArgs, env = {}) {
  const shown = [...Object.entries(env).map(([k, v]) => `${k}=${v}`), command, ...commandArgs].join(' ');
  console.log(`native: ${dryRun ? 'would run' : 'running'}: ${shown}`);
  if (dryRun) return;
  const result = spawnSync(command, commandArgs, {
    // .cmd shims need a shell on Windows; node itself must not get one (its path may contain spaces).
    cwd: root, stdio: 'inherit', env: { ...process.env, ...env }, shell: command.endsWith('.cmd'),
  });
  if (result.error) fail(`could not run ${command}: ${result.error.message}`);
  if (result.status !== 0) fail(`${command} exited with code ${result.status ?? `signal ${result.signal}`}`);
}

function electronVersion() {
  const file = path.join(root, 'node_modules/electron/package.json');
  if (!existsSync(file)) fail('electron is not installed (node_modules/electron is missing). Run npm install first.');
  return JSON.parse(readFileSync(file, 'utf8')).version;
}

function forElectron() {
  const version = electronVersion();
  console.log(`native: rebuilding better-sqlite3 for Electron ${version}`);
  const cli = path.join(root, 'node_modules/@electron/rebuild/lib/cli.js');
  if (existsSync(cli)) {
    run(process.execPath, [cli, '--version', version, '--module-dir', root, '--only', 'better-sqlite3', '--force']);
  } else {
    console.log('native: @electron/rebuild not found; using electron-builder install-app-deps');
    run(npx, ['electron-builder', 'install-app-deps']);
  }
  if (!dryRun) console.log('native: better-sqlite3 now targets Electron; run `node scripts/native.mjs node` before tests or the CLI.');
}

function forNode() {
  console.log(`native: rebuilding better-sqlite3 for Node ${process.versions.node}`);
  // Debian's nodejs ships its headers in /usr/include/node; elsewhere node-gyp fetches them itself.
  const env = existsSync('/usr/include/node') ? { npm_config_nodedir: '/usr' } : {};
  run(npm, ['rebuild', 'better-sqlite3'], env);
  if (dryRun) return;
  const check = spawnSync(process.execPath, ['-e', "new (require('better-sqlite3'))(':memory:').close()"], { cwd: root, encoding: 'utf8' });
  if (check.status !== 0) fail(`better-sqlite3 still does not load in Node:\n${check.stderr.trim()}`);
  console.log('native: better-sqlite3 loads in Node.');
}

if (target === 'electron') forElectron();
else if (target === 'node') forNode();
else fail(`expected "electron" or "node", got ${target === undefined ? 'nothing' : `"${target}"`}.\nUsage: node scripts/native.mjs electron|node [--dry-run]`);
