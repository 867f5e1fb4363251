/**
 * The hazard log's every control is tested: this test reads docs/clinical-safety/hazard-log.md and fails
 * when a hazard has a control with no test, or names a test that does not exist (file, or title in it).
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const LOG = path.join(ROOT, 'docs', 'clinical-safety', 'hazard-log.md');

interface TestRef { control: string; file: string; title: string }
interface Hazard { id: string; hazard: string; controls: string[]; tests: TestRef[]; cells: string[] }

/** Rows of the hazard table: | H1 | hazard | cause | effect | before | after | controls | tests |. */
export function readHazards(markdown: string): Hazard[] {
  return markdown.split('\n')
    .filter((line) => /^\|\s*H\d+\s*\|/.test(line))
    .map((line) => {
      const cells = line.split('|').slice(1, -1).map((c) => c.trim());
      const [id = '', hazard = '', , , , , controlsCell = '', testsCell = ''] = cells;
      const controls = [...controlsCell.matchAll(/\*\*(H\d+\.\d+)\*\*/g)].map((m) => m[1] ?? '');
      const tests = [...testsCell.matchAll(/\*\*(H\d+\.\d+)\*\*\s*`([^`]+)`\s*[›>]\s*“([^”]+)”/g)]
        .map((m) => ({ control: m[1] ?? '', file: m[2] ?? '', title: m[3] ?? '' }));
      return { id, hazard, controls, tests, cells };
    });
}

describe('clinical safety hazard log', () => {
  const markdown = readFileSync(LOG, 'utf8');
  const hazards = readHazards(markdown);

  it('lists at least the hazards the safety issue names, each with a unique id', () => {
    expect(hazards.length).toBeGreaterThanOrEqual(10);
    expect(new Set(hazards.map((h) => h.id)).size).toBe(hazards.length);
  });

  it('gives every hazard its cause, effect, risk before and after, and at least one control', () => {
    for (const h of hazards) {
      expect(h.cells, h.id).toHaveLength(8);
      expect(h.cells.every((c) => c.length > 0), h.id).toBe(true);
      expect(h.controls.length, `${h.id} has no control`).toBeGreaterThan(0);
      for (const control of h.controls) expect(control.startsWith(`${h.id}.`), `${control} is listed under ${h.id}`).toBe(true);
    }
  });

  it('proves every control with at least one test', () => {
    for (const h of hazards) {
      for (const control of h.controls) {
        expect(h.tests.some((t) => t.control === control), `control ${control} has no test`).toBe(true);
      }
    }
  });

  it('names only tests that exist, each carrying its hazard id in its name', () => {
    for (const h of hazards) {
      for (const t of h.tests) {
        const file = path.join(ROOT, t.file);
        expect(existsSync(file), `${t.control}: ${t.file} does not exist`).toBe(true);
        expect(t.title.startsWith(`${h.id}: `), `${t.control}: “${t.title}” does not start with ${h.id}:`).toBe(true);
        expect(readFileSync(file, 'utf8').includes(t.title), `${t.control}: no test “${t.title}” in ${t.file}`).toBe(true);
      }
    }
  });

  it('fails on a log whose control has no test or names a missing test (the checker checks)', () => {
    const broken = readHazards([
      '| H1 | A hazard | cause | effect | 4×3 = 4 | 4×1 = 2 | **H1.1** a control; **H1.2** another | **H1.1** `tests/unit/nowhere.test.ts` › “H1: missing” |',
    ].join('\n'));
    expect(broken[0]?.controls).toEqual(['H1.1', 'H1.2']);
    expect(broken[0]?.tests.map((t) => t.control)).toEqual(['H1.1']);
    expect(existsSync(path.join(ROOT, broken[0]?.tests[0]?.file ?? ''))).toBe(false);
  });
});
