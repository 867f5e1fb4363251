// Builds the installers: Windows NSIS (per-user) and portable, Linux AppImage and deb (electron-builder.yml).
//   npm run dist                 installers for this platform
//   npm run dist -- --win --linux   (Windows targets from Linux need Wine)
// electron-builder downloads Electron (and NSIS, AppImage tools) from GitHub. Where GitHub cannot be
// reached this stops first, with a message saying so, before anything is built or rebuilt. Packaging
// rebuilds better-sqlite3 for Electron in node_modules; afterwards it is rebuilt for Node again, so the
// tests and the CLI keep working whatever happened.
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
const npx = process.platform === 'win32' ? 'npx.cmd' : 'npx';
// Where Electron comes from: ELECTRON_MIRROR when set (electron-builder honours it), else GitHub.
const probe = process.env.ROUNDTABLE_DIST_PROBE_URL ?? process.env.ELECTRON_MIRROR ?? 'https://github.com/electron/electron/releases';

function stop(message) {
  console.error(`\ndist: ${message}\n`);
  process.exit(1);
}

async function reachable(url) {
  try {
    const response = await fetch(url, { method: 'HEAD', redirect: 'manual', signal: AbortSignal.timeout(8000) });
    return { ok: response.status < 500, reason: `HTTP ${response.status}` };
  } catch (error) {
    const cause = error instanceof Error && error.cause instanceof Error ? error.cause.message : '';
    return { ok: false, reason: [error instanceof Error ? error.message : String(error), cause].filter(Boolean).join(': ') };
  }
}

function run(command, args) {
  console.log(`dist: running ${[command, ...args].join(' ')}`);
  const result = spawnSync(command, args, { cwd: root, stdio: 'inherit', shell: command.endsWith('.cmd') });
  if (result.error) return `could not run ${command}: ${result.error.message}`;
  return result.status === 0 ? null : `${command} ${args[0] ?? ''} exited with code ${result.status ?? `signal ${result.signal}`}`;
}

const check = await reachable(probe);
if (!check.ok) {
  stop(`cannot build the installers: ${new URL(probe).host} cannot be reached from this computer (${check.reason}).\n` +
    'Packaging downloads Electron for each platform from there, so nothing was built and node_modules was not changed.\n' +
    'Run `npm run dist` on a computer with internet access, or set ELECTRON_MIRROR to a mirror you can reach.');
}

const failure = run(npm, ['run', 'build'])
  ?? run(npx, ['electron-builder', '--config', 'electron-builder.yml', '--publish', 'never', ...process.argv.slice(2)]);
// Whatever happened, give the tests and the CLI back their Node build of better-sqlite3.
const restored = run(process.execPath, [path.join(root, 'scripts/native.mjs'), 'node']);
if (failure) stop(`packaging failed: ${failure}. See the electron-builder output above.`);
if (restored) stop(`the installers are in release/, but better-sqlite3 could not be rebuilt for Node: ${restored}. Run \`npm run rebuild:node\`.`);
console.log('dist: installers written to release/');
