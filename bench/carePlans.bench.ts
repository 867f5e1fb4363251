/**
 * Advance care plans at Primary Care Network size: 50 homes, 2,000 residents, each with a few care-plan
 * entries (some superseded), flags and events. Times the care-plan rules over every snapshot and the
 * Care plans overview (snapshots + rules + coverage) through the real handler.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { dispatch } from '../main/handlers';
import { createContext } from '../main/services/context';
import { openStore } from '../main/store';
import { addDays } from '#shared/dates';
import { careHomeInput, residentInput } from '#shared/domain/register';
import { carePlanDueItems } from '#shared/rules/carePlan';

const HOMES = 50;
const PER_HOME = 40;
const TODAY = '2026-11-23';

function nhsNumber(i: number): string {
  for (let k = i; ; k += 100_000) {
    const nine = `999${String(1_000_000 + k).slice(1)}`;
    const sum = [...nine].reduce((s, d, j) => s + Number(d) * (10 - j), 0);
    const check = 11 - (sum % 11);
    if (check !== 10) return `${nine}${check === 11 ? 0 : check}`;
  }
}

function ms(start: bigint): string {
  return `${(Number(process.hrtime.bigint() - start) / 1e6).toFixed(1)} ms`;
}

export async function run(): Promise<void> {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'roundtable-bench-'));
  const store = await openStore(path.join(dir, 'bench.sqlite'));
  try {
    const actor = { osUser: 'bench', staffId: null };
    const ctx = createContext(store, { today: TODAY, actor });
    let seed = 7;
    const rnd = (n: number) => { seed = (seed * 48271) % 2147483647; return seed % n; };
    const setupStart = process.hrtime.bigint();
    let used = 0;
    for (let h = 0; h < HOMES; h++) {
      const home = await store.homes.create(actor, careHomeInput.parse({ name: `Bench Home ${h + 1}`, type: 'nursing' }));
      for (let r = 0; r < PER_HOME; r++) {
        const id = (await store.residents.create(actor, residentInput.parse({ nhsNumber: nhsNumber(used++), familyName: `Resident${r}`, givenName: 'Test',
          dateOfBirth: '1936-05-05', sex: r % 2 ? 'female' : 'male', homeId: home.id, admissionDate: addDays(TODAY, -rnd(2000)) }))).id;
        const first = addDays(TODAY, -400 - rnd(600));
        await store.records.add(actor, id, {
          carePlans: [
            { element: 'respect', value: 'for-cpr', recordedOn: first, reviewDue: null },
            ...(rnd(3) ? [{ element: 'respect' as const, value: 'not-for-cpr', recordedOn: addDays(first, 200 + rnd(300)), reviewDue: null }] : []),
            ...(rnd(2) ? [{ element: 'preferred-place-of-death' as const, value: 'Care home', recordedOn: addDays(first, rnd(300)), reviewDue: null }] : []),
            ...(rnd(5) === 0 ? [{ element: 'gsf' as const, value: 'C', recordedOn: addDays(TODAY, -rnd(30)), reviewDue: null }] : []),
          ],
          events: rnd(4) === 0 ? [{ type: 'admission', date: addDays(TODAY, -rnd(60)), details: null }] : [],
        }, 'import');
      }
    }
    console.log(`set-up: ${HOMES * PER_HOME} residents in ${ms(setupStart)}`);

    let start = process.hrtime.bigint();
    const snapshots = await store.snapshots.load();
    console.log(`snapshots.load (all ${snapshots.length}): ${ms(start)}`);
    start = process.hrtime.bigint();
    let items = 0;
    for (const s of snapshots) items += carePlanDueItems(s, TODAY).length;
    console.log(`carePlanDueItems over every snapshot: ${ms(start)} (${items} items)`);
    for (let i = 0; i < 3; i++) {
      start = process.hrtime.bigint();
      const result = await dispatch(ctx, 'carePlans:overview', {});
      const count = result.ok ? (result.value as { residents: unknown[] }).residents.length : -1;
      console.log(`carePlans:overview, whole PCN, run ${i + 1}: ${ms(start)} (${count} residents listed)`);
    }
    start = process.hrtime.bigint();
    await dispatch(ctx, 'carePlans:overview', { homeId: 1 });
    console.log(`carePlans:overview, one home of ${PER_HOME}: ${ms(start)}`);
  } finally {
    store.close();
    rmSync(dir, { recursive: true, force: true });
  }
}
