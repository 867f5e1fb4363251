/**
 * The weekly round at PCN scale: planning every home's round for a generated PCN of 50 homes and 2,000
 * residents (pure planner and the whole service, snapshots from SQLite included), and rendering a
 * 15-resident agenda to PDF in Chromium.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { careHomeInput } from '../shared/domain/register';
import { planRound } from '../shared/rules/planning';
import { createContext } from '../main/services/context';
import { writeRoundFiles } from '../main/services/print';
import { addResident, createRound, reasonsFor } from '../main/services/rounds';
import { openStore, type Store } from '../main/store';
import { generatePcn } from './pcn';

const TODAY = '2026-11-23';
const HOMES = 50;
const PER_HOME = 40;

/** The generated PCN of bench/pcn.ts, without medicines (the planner's own figures are measured here). */
const generate = (store: Store, homes: number, perHome: number, seed: number) => generatePcn(store, { homes, perHome, seed, today: TODAY, medicines: false });

const ms = (start: number) => `${(performance.now() - start).toFixed(0)} ms`;

export async function run(): Promise<void> {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'roundtable-bench-'));
  try {
    const store = await openStore(path.join(dir, 'pcn.sqlite'));
    const ctx = createContext(store, { today: TODAY, actor: { osUser: 'bench', staffId: null } });
    let t = performance.now();
    const homeIds = await generate(store, HOMES, PER_HOME, 7);
    console.log(`generated a PCN of ${HOMES} homes and ${HOMES * PER_HOME} residents: ${ms(t)}`);

    t = performance.now();
    const snapshots = await store.snapshots.load();
    console.log(`loaded ${snapshots.length} snapshots: ${ms(t)}`);
    t = performance.now();
    let items = 0;
    for (const homeId of homeIds) {
      const these = snapshots.filter((s) => s.resident.homeId === homeId);
      items += planRound({ snapshots: these, reasons: reasonsFor(these, TODAY), capacityMinutes: 150, startTime: '10:00', today: TODAY }).items.length;
    }
    console.log(`planning every round (pure planner, ${HOMES} homes, ${items} items): ${ms(t)}`);

    t = performance.now();
    items = 0;
    for (const homeId of homeIds) items += (await createRound(ctx, { homeId, date: '2026-11-24', clinicians: ['Dr Bench'] })).round.items.length;
    console.log(`planning and saving every round (service: snapshots, planner, store; ${items} items): ${ms(t)}`);
    store.close();

    const small = await openStore(path.join(dir, 'agenda.sqlite'));
    const smallCtx = createContext(small, { today: TODAY, actor: { osUser: 'bench', staffId: null } });
    const [homeId] = await generate(small, 1, 15, 11);
    await small.homes.update(smallCtx.actor, homeId ?? 1, careHomeInput.parse({ name: 'Bench Home 1', type: 'nursing', roundCapacityMinutes: 600 }));
    let { round } = await createRound(smallCtx, { homeId: homeId ?? 1, date: '2026-11-24', clinicians: ['Dr Bench'] });
    for (const r of await small.residents.search({ homeId: homeId ?? 1 })) {
      if (!round.items.some((i) => i.residentId === r.id)) round = await addResident(smallCtx, { roundId: round.id, residentId: r.id, why: 'bench' });
    }
    t = performance.now();
    const files = await writeRoundFiles(smallCtx, round.id, path.join(dir, 'agenda.pdf'));
    console.log(files.pdfProblem
      ? `rendering a ${round.items.length}-resident agenda to PDF: not measured (${files.pdfProblem})`
      : `rendering a ${round.items.length}-resident agenda to HTML and PDF in Chromium (launch included): ${ms(t)}`);
    small.close();
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
