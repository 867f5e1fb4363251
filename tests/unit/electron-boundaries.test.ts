/** The folder rules (docs/architecture.md, the layers), checked on the files themselves (ESLint checks them too). */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ESLint } from 'eslint';
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

/** Every source file under a folder, as a path from the repository's root with forward slashes. */
function filesUnder(folder: string): string[] {
  return sourceFiles(path.join(ROOT, folder)).map((file) => path.relative(ROOT, file).split(path.sep).join('/'));
}

/** The repository paths a file's relative imports resolve to (packages left out). */
function relativeImports(file: string): string[] {
  return importedModules(readFileSync(path.join(ROOT, file), 'utf8'))
    .filter((spec) => spec.startsWith('.'))
    .map((spec) => path.posix.normalize(path.posix.join(path.posix.dirname(file), spec)));
}

describe('the print boundary: main/ and the renderer meet only in main/print and renderer/src/print', () => {
  it('only main/print imports the renderer, and only its print components', () => {
    const crossings = filesUnder('main').flatMap((file) => relativeImports(file).filter((target) => target.startsWith('renderer/')).map((target) => ({ file, target })));
    expect(crossings.length).toBeGreaterThan(0); // main/print renders the print components
    expect(crossings.filter((c) => !c.file.startsWith('main/print/') || !c.target.startsWith('renderer/src/print/'))).toEqual([]);
  });

  it('the print components import only shared/ and their own folder, so they run in Node too', () => {
    const files = filesUnder('renderer/src/print');
    expect(files.length).toBeGreaterThan(0);
    const outside = files.flatMap((file) => relativeImports(file)
      .filter((target) => !target.startsWith('shared/') && !target.startsWith('renderer/src/print/'))
      .map((target) => `${file} → ${target}`));
    expect(outside).toEqual([]);
  });
});

describe('the command line has one front door', () => {
  it('no command reaches the store: they use ctx.call or the services (main/cli/common.ts opens and closes it)', () => {
    const files = filesUnder('main/cli').filter((file) => file !== 'main/cli/common.ts');
    expect(files).toContain('main/cli/commands/register.ts');
    const offending = files.filter((file) => /\.store\b/.test(readFileSync(path.join(ROOT, file), 'utf8'))
      || relativeImports(file).some((target) => target === 'main/store' || target.startsWith('main/store/')));
    expect(offending).toEqual([]);
  });
});

describe('ESLint enforces the boundaries (a violation fails `npm run lint`)', () => {
  const eslint = new ESLint({ cwd: ROOT });
  const problems = async (filePath: string, code: string) => {
    const [result] = await eslint.lintText(code, { filePath: path.join(ROOT, filePath) });
    return (result?.messages ?? []).map((m) => m.ruleId);
  };

  it.each([
    ['main/services/sample.ts', "import { PrintView } from '../../renderer/src/print/PrintDocuments';\nexport const view = PrintView;\n"],
    ['main/print/sample.ts', "import { useApi } from '../../renderer/src/hooks';\nexport const api = useApi;\n"],
    ['renderer/src/print/Sample.tsx', "import { formatDate } from '../format';\nexport const format = formatDate;\n"],
    ['main/cli/commands/sample.ts', "import { openStore } from '../../store';\nexport const open = openStore;\n"],
  ])('refuses a crossing in %s', async (file, code) => {
    expect(await problems(file, code)).toContain('no-restricted-imports');
  });

  it('refuses a command that reaches the store through the context', async () => {
    expect(await problems('main/cli/commands/sample.ts', "import type { AppContext } from '../../services/context';\nexport const homes = (ctx: AppContext) => ctx.store.homes.list();\n"))
      .toContain('no-restricted-syntax');
  });

  it('allows the declared crossing: main/print rendering a print component', async () => {
    expect(await problems('main/print/sample.ts', "import { PrintView } from '../../renderer/src/print/PrintDocuments';\nexport const view = PrintView;\n")).toEqual([]);
  });
});
