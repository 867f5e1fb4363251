/**
 * Shared outcomes and backups at practice-network scale: a Primary Care Network (~50 homes, ~2,000
 * residents, a year of events, rounds and reviews) for the figures; the demo practice for backup and restore.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createBackup, restoreBackup } from '../main/services/backups';
import { createContext } from '../main/services/context';
import { createDemoDatabase } from '../main/services/demo';
import { outcomeReport } from '../main/services/reports';
import { addDays } from '#shared/dates';
import type { OutcomeData } from '#shared/domain/reports';
import { computeCharts, computeFigures, homeSections } from '#shared/rules/outcomes';

function pcn(): OutcomeData {
  const data: OutcomeData = { homes: [], residents: [], rounds: [], agendaItems: [], reviews: [], carePlans: [], flags: [], events: [], overdueAtEnd: [] };
  let seed = 7;
  const rnd = (n: number) => { seed = (seed * 48271) % 2147483647; return seed % n; };
  for (let h = 1; h <= 50; h++) {
    data.homes.push({ id: h, name: `Home ${h}` });
    for (let w = 0; w < 52; w++) data.rounds.push({ id: h * 100 + w, homeId: h, date: addDays('2025-12-02', w * 7), status: 'held' });
  }
  for (let r = 1; r <= 2000; r++) {
    const homeId = 1 + (r % 50);
    data.residents.push({ id: r, homeId, status: r % 12 === 0 ? 'died' : 'active', statusDate: r % 12 === 0 ? addDays('2026-01-01', rnd(300)) : null, admissionDate: addDays('2023-01-01', rnd(1000)), createdOn: '2026-01-01' });
    for (let k = 0; k < 6; k++) data.agendaItems.push({ roundId: homeId * 100 + rnd(52), residentId: r });
    data.reviews.push({ residentId: r, rule: 'smr-annual', status: 'done', dueDate: addDays('2026-01-01', rnd(300)), doneOn: addDays('2026-01-01', rnd(300)) });
    data.reviews.push({ residentId: r, rule: 'antipsychotic-dementia', status: 'due', dueDate: addDays('2026-01-01', rnd(330)), doneOn: null });
    data.carePlans.push({ id: r * 3, residentId: r, element: 'respect', value: 'not-for-cpr', recordedOn: addDays('2025-06-01', rnd(500)), reviewDue: null, supersededBy: null });
    data.carePlans.push({ id: r * 3 + 1, residentId: r, element: 'preferred-place-of-death', value: 'Care home', recordedOn: addDays('2025-06-01', rnd(300)), reviewDue: null, supersededBy: null });
    for (let k = 0; k < 4; k++) data.flags.push({ id: r * 10 + k, homeId, residentId: r, raisedOn: addDays('2025-12-01', rnd(350)) });
    for (let k = 0; k < 2; k++) data.events.push({ residentId: r, type: k === 0 ? 'admission' : 'a-and-e', date: addDays('2025-12-01', rnd(350)), details: 'Hospital' });
    if (r % 12 === 0) data.events.push({ residentId: r, type: 'death', date: addDays('2026-01-01', rnd(300)), details: 'Died in the care home' });
  }
  return data;
}

const time = async <T>(fn: () => T | Promise<T>): Promise<[T, number]> => {
  const began = performance.now();
  const value = await fn();
  return [value, Math.round(performance.now() - began)];
};

export async function run(): Promise<void> {
  const data = pcn();
  const period = { from: '2025-12-01', to: '2026-11-30' };
  const [, figuresMs] = await time(() => computeFigures(data, period));
  const [, homesMs] = await time(() => homeSections(data, period));
  const [, chartsMs] = await time(() => computeCharts(data, period));
  console.log(`PCN outcome figures (50 homes, 2,000 residents, 12 months): practice ${figuresMs} ms, per home ${homesMs} ms, charts ${chartsMs} ms`);

  const dir = mkdtempSync(path.join(os.tmpdir(), 'roundtable-bench-'));
  try {
    const actor = { osUser: 'bench', staffId: null };
    const { store } = await createDemoDatabase(path.join(dir, 'roundtable.sqlite'), '2026-11-23', actor);
    const ctx = createContext(store, { today: '2026-11-23', actor });
    const [, reportMs] = await time(() => outcomeReport(ctx, period));
    const [backup, backupMs] = await time(() => createBackup(ctx, 'manual'));
    const [, restoreMs] = await time(() => restoreBackup(ctx, backup.file));
    console.log(`Demo practice (${backup.residents} residents, ${Math.round(backup.bytes / 1024)} KB): report through the store ${reportMs} ms, backup with quick_check ${backupMs} ms, restore ${restoreMs} ms`);
    ctx.store.close();
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
