import { writeFileSync } from 'node:fs';
import path from 'node:path';
import type { ImportOutcome } from '../../shared/domain/imports';
import type { importChannels, ImportProgress, ImportView } from '../../shared/ipc/imports';
import { csvLine } from '../imports/csvWrite';
import { importRecords } from '../services/imports';
import type { HandlerMap } from './types';

/** How many rows of each list the screen gets; the batch stores them all (imports:problems). */
const VIEW_ROWS = 200;

let progress: ImportProgress = { running: false, fileName: null, bytesRead: 0, totalBytes: 0, rows: 0 };

function view(outcome: ImportOutcome): ImportView {
  const rejectedRows = new Set(outcome.report.rejected.map((r) => r.line)).size;
  return {
    ...outcome,
    totals: { rejectedRows, rejectedProblems: outcome.report.rejected.length, unmatched: outcome.report.unmatched.length },
    report: { ...outcome.report, rejected: outcome.report.rejected.slice(0, VIEW_ROWS), unmatched: outcome.report.unmatched.slice(0, VIEW_ROWS) },
  };
}

async function tracked(file: string, run: (onProgress: (p: { bytesRead: number; totalBytes: number; rows: number }) => void) => Promise<ImportOutcome>): Promise<ImportView> {
  progress = { running: true, fileName: path.basename(file), bytesRead: 0, totalBytes: 0, rows: 0 };
  try {
    return view(await run((p) => { progress = { ...progress, ...p }; }));
  } finally {
    progress = { ...progress, running: false };
  }
}

export const importHandlers: HandlerMap<keyof typeof importChannels> = {
  'imports:preview': (ctx, input) => tracked(input.path, (onProgress) => importRecords(ctx, input.path, { kind: input.kind, format: input.format, dryRun: true, force: true, onProgress })),
  'imports:commit': (ctx, input) => tracked(input.path, (onProgress) => importRecords(ctx, input.path,
    { kind: input.kind, format: input.format, strict: input.strict, force: input.force, onProgress })),
  'imports:progress': () => Promise.resolve(progress),
  'imports:history': (ctx) => ctx.store.imports.list(100),
  'imports:problems': async (ctx, input) => {
    await ctx.store.imports.get(input.batchId);
    return ctx.store.imports.problems(input.batchId);
  },
  'imports:export-problems': async (ctx, input) => {
    const batch = await ctx.store.imports.get(input.batchId);
    const problems = await ctx.store.imports.problems(batch.id);
    const lines = ['line,field,problem,reason,nhs_number', ...problems.map((p) => csvLine([p.line, p.field, p.kind, p.reason, p.nhsNumber]))];
    writeFileSync(input.path, `${lines.join('\r\n')}\r\n`, 'utf8');
    return { path: input.path, rows: problems.length };
  },
  'imports:choose-file': async (ctx) => (ctx.chooseFile ? { path: await ctx.chooseFile(), available: true } : { path: null, available: false }),
};
