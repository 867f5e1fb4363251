// Electronegativity scan of the Electron shell (main/electron/*.ts) and the renderer's index.html.
//   node scripts/security-scan.mjs        (part of `npm run check` and .ci/run)
// Fails on any HIGH or MEDIUM finding that is not in REVIEWED below. Works offline: the one check that
// needs the internet (AVAILABLE_SECURITY_FIXES_GLOBAL_CHECK, which downloads Electron's release list) is
// skipped, and the Electron version is given (the installed one) instead of guessed. The results are
// written to test-output/electronegativity.csv.
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/**
 * Findings a person has reviewed; each is matched on check and file, and carries why it is safe.
 * Only TENTATIVE "review this" findings belong here, never a FIRM one.
 */
const REVIEWED = [
  {
    id: 'OPEN_EXTERNAL_JS_CHECK', file: 'applyGuards.ts',
    why: 'openExternalSafely() passes only URLs that isSafeExternalUrl() accepts (https: alone, no credentials); ' +
      'tests/unit/electron-guards.test.ts feeds it a list of hostile URLs.',
  },
];

const electronVersion = JSON.parse(readFileSync(path.join(root, 'node_modules/electron/package.json'), 'utf8')).version;
const cli = path.join(root, 'node_modules/@doyensec/electronegativity/dist/index.js');
const work = mkdtempSync(path.join(os.tmpdir(), 'roundtable-electronegativity-'));
const outDir = path.join(root, 'test-output');
const csvFile = path.join(outDir, 'electronegativity.csv');
mkdirSync(outDir, { recursive: true });

try {
  for (const name of readdirSync(path.join(root, 'main/electron'))) {
    if (name.endsWith('.ts')) copyFileSync(path.join(root, 'main/electron', name), path.join(work, name));
  }
  copyFileSync(path.join(root, 'renderer/index.html'), path.join(work, 'index.html'));
  const started = performance.now();
  const run = spawnSync(process.execPath, [cli, '-i', work, '-e', electronVersion, '-x', 'AvailableSecurityFixesGlobalCheck', '-r', '-o', csvFile], {
    cwd: root, encoding: 'utf8', env: { ...process.env, LANG: 'en' },
  });
  if (run.status !== 0) {
    console.error(`security-scan: electronegativity did not run (exit ${run.status}):\n${run.stderr || run.stdout}`);
    process.exit(1);
  }
  const lines = readFileSync(csvFile, 'utf8').trim().split('\n').slice(1).filter(Boolean);
  const findings = lines.map((line) => {
    const [id, severity, confidence, file, location] = line.split(',').map((c) => c.replace(/^"|"$/g, ''));
    return { id, severity, confidence, file, location, line };
  });
  const serious = findings.filter((f) => f.severity === 'HIGH' || f.severity === 'MEDIUM');
  const reviewed = serious.filter((f) => f.confidence === 'TENTATIVE' && REVIEWED.some((r) => r.id === f.id && r.file === f.file));
  const failing = serious.filter((f) => !reviewed.includes(f));
  console.log(`security-scan: Electronegativity (Electron ${electronVersion}) over main/electron and renderer/index.html in ${Math.round(performance.now() - started)} ms`);
  console.log(`security-scan: ${findings.length} findings: ${findings.length - serious.length} low or informational, ${reviewed.length} reviewed, ${failing.length} high or medium`);
  for (const f of reviewed) console.log(`  reviewed ${f.id} in ${f.file}: ${REVIEWED.find((r) => r.id === f.id)?.why}`);
  for (const f of failing) console.error(`  ${f.severity} ${f.id} at ${f.file}:${f.location}`);
  console.log(`security-scan: details in ${path.relative(root, csvFile)}`);
  if (failing.length > 0) process.exit(1);
} finally {
  rmSync(work, { recursive: true, force: true });
}
