/** Creates the synthetic demo practice in its own database file. */
import { existsSync, rmSync } from 'node:fs';
import path from 'node:path';
import { AppError } from '../../shared/errors';
import { isPostgresUrl, openStore, type Actor, type RecordCounts, type Store } from '../store';
import { createContext } from './context';
import { writeDemoExport } from './demoExport';
import { importRecords } from './imports';
import { buildDemoPractice, type DemoQueuedFlag } from './demoData';
import { prepareFlag } from './flags';
import type { DemoRoundFiles } from './print';

/** The demo's weekly flag file from a care home, through the same matcher as a real import. */
async function importDemoFlags(store: Store, actor: Actor, flags: DemoQueuedFlag[], homeIds: number[]): Promise<void> {
  const register = await store.flags.matchable();
  const homeId = homeIds[0];
  if (homeId === undefined || flags.length === 0) return;
  const rows = flags.map((f) => ({
    line: f.line,
    flag: prepareFlag({ line: f.line, identity: f.identity, rawIdentity: { ...f.identity }, raisedOn: f.raisedOn, raisedBy: f.raisedBy,
      category: f.category, categoryOriginal: null, givenSeverity: null, text: f.text, scores: {} }, homeId, register),
  }));
  await store.flags.importFile(actor, { kind: 'flags', format: 'csv', fileName: 'willow-court-weekly-flags (demo).csv', sha256: 'demo', importedBy: actor.osUser }, rows, []);
}

export interface DemoSummary {
  databasePath: string;
  practice: string;
  homes: { id: number; name: string; residents: number }[];
  residents: number;
  representatives: number;
  records: RecordCounts;
  replacedEarlierDemo: boolean;
  /** The practice export files the demo wrote and imported through the importers, with what each did. */
  imports: { file: string; kind: string; format: string; read: number; accepted: number; rejected: number }[];
}

/**
 * Refuses a database holding anything but demo data; replaces an earlier demo database. The caller
 * gets the open store back so later steps (planning, agendas) can continue on it.
 */
export async function createDemoDatabase(file: string, today: string, actor: Actor,
  exportDir = path.join(path.dirname(path.resolve(file)), 'demo-export')): Promise<{ store: Store; summary: DemoSummary }> {
  let replaced = false;
  const shared = isPostgresUrl(file);
  if (shared || existsSync(file)) {
    const existing = await openStore(file);
    try {
      const practice = await existing.practice.get();
      const empty = await existing.practice.isEmpty();
      if (!practice.isDemo && !empty) {
        throw new AppError('CONFLICT', `${existing.location} holds a practice’s own data, not demo data. The demo will not touch it: choose another database with --db.`);
      }
      replaced = !empty;
      // a shared database cannot be deleted from here: the earlier demo's rows are
      if (shared && replaced) await existing.maintenance.eraseAll();
    } finally {
      await existing.close();
    }
    if (!shared) for (const suffix of ['', '-wal', '-shm']) rmSync(`${file}${suffix}`, { force: true });
  }

  const store = await openStore(file);
  try {
    const demo = buildDemoPractice(today);
    await store.practice.save(actor, demo.practice, true);
    // Synthetic contact details (Ofcom's drama number range), so the demo's letters show what a real practice's would.
    await store.practice.saveDetails(actor, { name: demo.practice.name, address: '1 River Street, Anytown, AN1 1AA', phone: '01632 960000',
      email: 'riverside.demo@example.nhs.uk', sender: 'Sam Okoro, care co-ordinator' });
    for (const s of demo.staff) await store.practice.addStaff(actor, s.name, s.role);
    // Everything a person could do in the app goes through the app's validated front door (ctx.call).
    const ctx = createContext(store, { today, actor });
    const homeIds: number[] = [];
    for (const home of demo.homes) {
      homeIds.push((await ctx.call('homes:create', { home })).id);
    }
    // The register and clinical records arrive as a practice export would: CSV files and a FHIR bundle.
    const exportFiles = writeDemoExport(exportDir, demo, demo.homes.map((h) => h.name));
    const imports: DemoSummary['imports'] = [];
    for (const exportFile of exportFiles) {
      const outcome = await importRecords(ctx, exportFile, { force: true });
      imports.push({ file: exportFile, kind: outcome.report.kind, format: outcome.format, read: outcome.report.read, accepted: outcome.report.accepted,
        rejected: outcome.rowCounts.rejected });
    }
    // What the practice export does not carry is entered in the app: what matters, frailty, communication, flags.
    for (const r of demo.residents) {
      const homeId = homeIds[r.homeIndex];
      const existing = await store.residents.findByNhsNumber(r.resident.nhsNumber);
      if (homeId === undefined || !existing) continue;
      const detail = await ctx.call('residents:update', { id: existing.id, resident: { ...r.resident, homeId } });
      for (const rep of r.representatives) {
        const stored = detail.representatives.find((p) => p.name.toLowerCase() === rep.name.toLowerCase());
        if (stored && rep.lpaRegisteredOn) await ctx.call('representatives:update', { id: stored.id, representative: rep });
      }
      for (const flag of r.flags) await store.flags.add(actor, { ...flag, homeId, residentId: existing.id }, 'entered');
    }
    await importDemoFlags(store, actor, demo.queuedFlags, homeIds);
    const homes = await store.homes.list();
    const counts = await store.records.counts();
    return {
      store,
      summary: {
        databasePath: shared ? store.location : file,
        practice: demo.practice.name,
        homes: homes.map((h) => ({ id: h.id, name: h.name, residents: h.activeResidents })),
        residents: demo.residents.length,
        representatives: counts.representatives,
        records: counts,
        replacedEarlierDemo: replaced,
        imports,
      },
    };
  } catch (error) {
    await store.close();
    throw error;
  }
}

/**
 * The demo as the command line gives it: the database made, next week's rounds planned and their agendas
 * and letters printed into outDir, and the database closed again.
 */
export async function createDemoPractice(file: string, today: string, actor: Actor, exportDir: string, outDir: string,
  env?: NodeJS.ProcessEnv): Promise<{ summary: DemoSummary; rounds: DemoRoundFiles[] }> {
  const { store, summary } = await createDemoDatabase(file, today, actor, exportDir);
  try {
    const print = await import('./print'); // React and Chromium only for printing
    return { summary, rounds: await print.planDemoRounds(createContext(store, { today, actor }), outDir, env) };
  } finally {
    await store.close();
  }
}
