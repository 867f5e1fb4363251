/**
 * Supersession as a property: whatever order entries of one element arrive in (by hand, import, demo),
 * exactly one stays current, it is the one with the latest date (the last recorded on a tie), and every
 * other entry is kept and points at a newer or equal-dated entry.
 */
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { careHomeInput, residentInput } from '../../shared/domain/register';
import { openTempStore, sampleHome, sampleResident, type TempStore } from '../helpers/tempStore';

let t: TempStore;
let homeId: number;
let n = 0;

beforeAll(async () => {
  t = await openTempStore();
  homeId = (await t.store.homes.create(t.ctx.actor, careHomeInput.parse(sampleHome))).id;
});
afterAll(() => t.cleanup());

/** A fresh resident per run, with an NHS number from the 999 test range that passes the modulus 11 check. */
async function newResident(): Promise<number> {
  for (;;) {
    const nine = `999${String(1_000_000 + n++).slice(1)}`;
    const sum = [...nine].reduce((s, d, i) => s + Number(d) * (10 - i), 0);
    const check = 11 - (sum % 11);
    if (check === 10) continue;
    const nhsNumber = `${nine}${check === 11 ? 0 : check}`;
    return (await t.store.residents.create(t.ctx.actor, residentInput.parse(sampleResident(homeId, { nhsNumber })))).id;
  }
}

const day = fc.integer({ min: 0, max: 60 }).map((d) => `2026-0${1 + Math.floor(d / 28)}-${String(1 + (d % 28)).padStart(2, '0')}`);

describe('care-plan supersession', () => {
  it('H4: leaves exactly one current entry per element, the latest dated, whatever the order of arrival', async () => {
    await fc.assert(fc.asyncProperty(fc.array(fc.record({ day, code: fc.constantFrom('A', 'B', 'C', 'D'), bulk: fc.boolean() }), { minLength: 1, maxLength: 8 }),
      async (arrivals) => {
        const residentId = await newResident();
        for (const a of arrivals) {
          const entry = { element: 'gsf' as const, value: a.code, recordedOn: a.day, reviewDue: null };
          if (a.bulk) await t.store.records.add(t.ctx.actor, residentId, { carePlans: [entry] }, 'import');
          else await t.store.carePlans.add(t.ctx.actor, residentId, entry, 'entered');
        }
        const entries = await t.store.carePlans.list(residentId);
        // An import (bulk) skips an entry already stored with the same element, value and date; by hand, every entry is kept.
        const kept = arrivals.filter((a, i) => !a.bulk || !arrivals.slice(0, i).some((b) => b.day === a.day && b.code === a.code));
        expect(entries).toHaveLength(kept.length);
        const current = entries.filter((e) => e.supersededBy === null);
        expect(current).toHaveLength(1);
        const latest = Math.max(...arrivals.map((a) => Date.parse(a.day)));
        const lastOnThatDay = [...arrivals].reverse().find((a) => Date.parse(a.day) === latest);
        expect(current[0]).toMatchObject({ recordedOn: lastOnThatDay?.day, value: lastOnThatDay?.code });
        const byId = new Map(entries.map((e) => [e.id, e]));
        for (const e of entries.filter((x) => x.supersededBy !== null)) {
          expect((byId.get(e.supersededBy ?? 0)?.recordedOn ?? '') >= e.recordedOn).toBe(true);
        }
      }), { numRuns: 40 });
  });
});
