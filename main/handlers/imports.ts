import path from 'node:path';
import type { ImportOutcome } from '../../shared/domain/imports';
import type { importChannels, ImportProgress, ImportView } from '../../shared/ipc/imports';
import { exportProblems, importProblems, importRecords, listImports } from '../services/imports';
import type { HandlerMap } from './types';

/** How many rows of each list the screen gets; the batch stores them all (imports:problems). */
const VIEW_ROWS = 200;

let progress: ImportProgress = { running: false, fileName: null, bytesRead: 0, totalBytes: 0, rows: 0 };

function view(outcome: ImportOutcome): ImportView {
  return {
    ...outcome,
    totals: { rejectedRows: outcome.rowCounts.rejected, rejectedProblems: outcome.report.rejected.length, unmatched: outcome.rowCounts.unmatched },
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
  'imports:history': (ctx) => listImports(ctx),
  'imports:problems': (ctx, input) => importProblems(ctx, input.batchId),
  'imports:export-problems': (ctx, input) => exportProblems(ctx, input.batchId, input.path),
  'imports:choose-file': async (ctx) => (ctx.chooseFile ? { path: await ctx.chooseFile(), available: true } : { path: null, available: false }),
};
