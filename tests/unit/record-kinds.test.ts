/**
 * The kinds of practice record are listed once (RECORD_KINDS, shared/domain/imports.ts); every other place
 * derives from that list. This fails when code lists the kinds itself, or when the documentation's list
 * drifts from the one list.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { RECORD_KINDS } from '../../shared/domain/imports';
import { importSettings } from '../../shared/ipc/imports';
import { detectKind, KIND_FIELDS } from '../../main/imports/records/kinds';
import { usage } from '../../main/cli/index';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const HOME = 'shared/domain/imports.ts';
const CODE_FOLDERS = ['main', 'shared', 'renderer/src', 'scripts', 'bench'];
const KIND = `(?:${RECORD_KINDS.join('|')})`;

function filesUnder(dir: string, pattern: RegExp): string[] {
  let entries: string[];
  try {
    entries = readdirSync(path.join(ROOT, dir));
  } catch {
    return [];
  }
  return entries.flatMap((name) => {
    if (name === 'node_modules' || name === 'dist') return [];
    const rel = `${dir}/${name}`;
    if (statSync(path.join(ROOT, rel)).isDirectory()) return filesUnder(rel, pattern);
    return pattern.test(name) ? [rel] : [];
  });
}

/** Three or more kinds one after another, quoted (an array or a union) or in words ("a, b or c"). */
const QUOTED_RUN = new RegExp(`(['"\`])${KIND}\\1(?:\\s*[,|]\\s*(['"\`])${KIND}\\2){2,}`, 'g');
const WORDS_RUN = new RegExp(`\`?${KIND}\`?(?:(?:,\\s*|,?\\s+(?:or|and)\\s+)\`?${KIND}\`?){2,}`, 'g');

function kindRuns(text: string): string[] {
  return [...text.matchAll(QUOTED_RUN), ...text.matchAll(WORDS_RUN)].map((m) => m[0]);
}

describe('the record kinds are listed once', () => {
  it('the one list is the one every place uses', () => {
    expect(importSettings.shape.kind.unwrap().options).toEqual([...RECORD_KINDS]);
    expect(Object.keys(KIND_FIELDS)).toEqual([...RECORD_KINDS]);
    expect(usage()).toContain(`kinds: ${RECORD_KINDS.join(', ')}`);
    const unknown = detectKind(['Something', 'Else']);
    expect(unknown.ok).toBe(false);
    if (!unknown.ok) for (const kind of RECORD_KINDS) expect(unknown.reason).toContain(kind);
  });

  it('finds a list written out (so the check below can fail)', () => {
    expect(kindRuns("const KINDS = ['patients', 'medications', 'conditions'] as const;")).toHaveLength(1);
    expect(kindRuns("type K = 'acp' | 'reviews' | 'results';")).toHaveLength(1);
    expect(kindRuns('one kind of record (patients, medications, conditions or results)')).toHaveLength(1);
    expect(kindRuns("Pick<ResidentSnapshot, 'resident' | 'conditions' | 'medications'>")).toHaveLength(0);
  });

  it(`no code but ${HOME} lists the kinds itself`, () => {
    const files = CODE_FOLDERS.flatMap((folder) => filesUnder(folder, /\.(?:ts|tsx|mts|cts|js|mjs|cjs)$/));
    expect(files).toContain(HOME);
    const own = files.filter((file) => file !== HOME).flatMap((file) => kindRuns(readFileSync(path.join(ROOT, file), 'utf8')).map((run) => `${file}: ${run}`));
    expect(own).toEqual([]);
  });

  it('the documentation lists exactly the one list, in its order', () => {
    const docs = ['README.md', ...filesUnder('docs', /\.md$/)];
    const lists = docs.flatMap((file) => kindRuns(readFileSync(path.join(ROOT, file), 'utf8').replace(/\s+/g, ' '))
      .map((run) => ({ file, kinds: run.match(new RegExp(KIND, 'g')) ?? [] })));
    expect(lists.length).toBeGreaterThan(0); // the README's Importing practice records names them
    for (const list of lists) expect(list, `${list.file} lists the kinds differently`).toEqual({ file: list.file, kinds: [...RECORD_KINDS] });
  });
});
