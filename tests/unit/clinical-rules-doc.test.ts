/**
 * docs/clinical-rules.md is the index of every rule id: each id a person may read (the label table,
 * shared/rules/ruleLabels.ts) has a row there giving its trigger, action, timing and source.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { RULE_LABELS } from '../../shared/rules/ruleLabels';
import { CARE_PLAN_RULES } from '../../shared/rules/carePlan';

const INDEX = readFileSync(fileURLToPath(new URL('../../docs/clinical-rules.md', import.meta.url)), 'utf8');

/** The index's table rows of five columns (id, trigger, action, due, source), as their cells. */
const ROWS = INDEX.split('\n')
  .filter((line) => line.startsWith('|') && !/^\|\s*-/.test(line))
  .map((line) => line.slice(1, -1).split(/(?<!\\)\|/).map((cell) => cell.trim()))
  .filter((cells) => cells.length === 5 && cells[0] !== 'id' && cells[0] !== 'ids');

describe('docs/clinical-rules.md indexes every rule id', () => {
  it('reads the index tables', () => {
    expect(ROWS.length).toBeGreaterThan(20);
  });

  it.each([...new Set([...Object.keys(RULE_LABELS), ...CARE_PLAN_RULES])].map((id) => [id]))('%s has a row with its trigger, action, timing and source', (id) => {
    const row = ROWS.find((cells) => cells[0]?.includes(`\`${id}\``));
    expect(row, `no row of the index names \`${id}\``).toBeDefined();
    expect(row?.every((cell) => cell.length > 0), `the row of \`${id}\` has an empty cell`).toBe(true);
  });
});
