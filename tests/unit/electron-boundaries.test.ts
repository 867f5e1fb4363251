/** The folder rules (docs/architecture.md, the layers), checked on the files themselves (ESLint checks them too). */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const SCANNED = ['main', 'shared', 'renderer/src'];
const SOURCE = /\.(?:ts|tsx|mts|cts|js|jsx|mjs|cjs)$/;

/** Module names in import/export-from/import()/require() statements, type-only imports included. */
function importedModules(source: string): string[] {
  const pattern = /(?:\bfrom\s*|\bimport\s*(?:\(\s*)?|\brequire\s*\(\s*)(['"`])([^'"`\n]+)\1/g;
  return [...source.matchAll(pattern)].map((m) => m[2] ?? '');
}

function sourceFiles(dir: string): string[] {
  let entries: string[];
  try {
    entries = readdirSync(dir);
  } catch {
    return [];
  }
  return entries.flatMap((name) => {
    if (name === 'node_modules' || name === 'dist') return [];
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) return sourceFiles(full);
    return SOURCE.test(name) ? [full] : [];
  });
}

const isModule = (name: string) => (spec: string) => spec === name || spec.startsWith(`${name}/`);

function offenders(moduleName: string, allowedFolder: string): string[] {
  return SCANNED.flatMap((folder) => sourceFiles(path.join(ROOT, folder)))
    .map((file) => path.relative(ROOT, file).split(path.sep).join('/'))
    .filter((file) => !file.startsWith(`${allowedFolder}/`))
    .filter((file) => importedModules(readFileSync(path.join(ROOT, file), 'utf8')).some(isModule(moduleName)));
}

describe('import boundaries', () => {
  it('scans a real tree', () => {
    const files = SCANNED.flatMap((folder) => sourceFiles(path.join(ROOT, folder)));
    expect(files.some((f) => f.endsWith(path.join('main', 'electron', 'main.ts')))).toBe(true);
    expect(files.some((f) => f.endsWith(path.join('main', 'store', 'db.ts')))).toBe(true);
  });

  it('finds every way of importing a module', () => {
    const sample = [
      "import { app } from 'electron';",
      'import type { WebContents } from "electron";',
      "import {\n  ipcMain,\n  dialog,\n} from 'electron';",
      "import 'electron';",
      "export * from 'electron/main';",
      "const e = require('electron');",
      'const db = require ( "better-sqlite3" );',
      "const lazy = await import('better-sqlite3');",
      "import builder from 'electron-builder';",
    ].join('\n');
    const found = importedModules(sample);
    expect(found.filter(isModule('electron'))).toHaveLength(6);
    expect(found.filter(isModule('better-sqlite3'))).toHaveLength(2);
    expect(found).toContain('electron-builder');
  });

  it('only main/electron imports electron', () => {
    expect(offenders('electron', 'main/electron')).toEqual([]);
  });

  it('only main/store imports better-sqlite3', () => {
    expect(offenders('better-sqlite3', 'main/store')).toEqual([]);
  });
});
