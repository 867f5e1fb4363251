/** The demo's practice export: no row twice, and a representative once per resident (the importer would merge them). */
import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { buildDemoPractice } from '../../main/services/demoData';
import { writeDemoExport } from '../../main/services/demoExport';
import { tempDir } from '../helpers/tempStore';

const cleanups: (() => void)[] = [];
afterEach(() => { while (cleanups.length) cleanups.pop()?.(); });

describe('the demo practice export', () => {
  it('has no duplicate rows, and no resident has the same representative twice, for many dates', () => {
    const t = tempDir();
    cleanups.push(t.cleanup);
    for (const today of ['2026-11-23', '2026-11-29', '2027-03-01', '2025-06-15']) {
      const demo = buildDemoPractice(today);
      const files = writeDemoExport(t.dir, demo, demo.homes.map((h) => h.name));
      for (const file of files.filter((f) => f.endsWith('.csv'))) {
        const rows = readFileSync(file, 'utf8').split('\r\n').filter(Boolean).slice(1);
        expect(new Set(rows).size, `${today} ${file}`).toBe(rows.length);
      }
      for (const r of demo.residents) {
        const names = r.representatives.map((p) => p.name.toLowerCase());
        expect(new Set(names).size, `${today} ${r.resident.nhsNumber}`).toBe(names.length);
      }
    }
  });
});
