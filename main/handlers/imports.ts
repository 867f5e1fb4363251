import { outputFolder } from '../services/outputFolder';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { ImportOutcome } from '../../shared/domain/imports';
import type { importChannels, ImportView } from '../../shared/ipc/imports';
import { exportProblems, importProblems, importRecords, listImports } from '../services/imports';
import type { AppContext } from '../services/context';
import type { HandlerMap } from './types';

/** How many rows of each list the screen gets; the batch stores them all (imports:problems). */
const VIEW_ROWS = 200;

function view(outcome: ImportOutcome): ImportView {
  return {
    ...outcome,
    totals: { rejectedRows: outcome.rowCounts.rejected, rejectedProblems: outcome.report.rejected.length, unmatched: outcome.rowCounts.unmatched },
    report: { ...outcome.report, rejected: outcome.report.rejected.slice(0, VIEW_ROWS), unmatched: outcome.report.unmatched.slice(0, VIEW_ROWS) },
  };
}

/** Runs an import, keeping this context's progress (imports:progress) up to date. */
async function tracked(ctx: AppContext, file: string, run: (onProgress: (p: { bytesRead: number; totalBytes: number; rows: number }) => void) => Promise<ImportOutcome>): Promise<ImportView> {
  const state = ctx.state;
  state.importProgress = { running: true, fileName: path.basename(file), bytesRead: 0, totalBytes: 0, rows: 0 };
  try {
    return view(await run((p) => { state.importProgress = { ...state.importProgress, ...p }; }));
  } finally {
    state.importProgress = { ...state.importProgress, running: false };
  }
}

/** Where a save goes when there is no save dialog (CLI-less tests, the harness without one): beside the database. */
function exportsFolder(ctx: AppContext): string {
  return path.join(outputFolder(ctx.store), 'exports');
}

export const importHandlers: HandlerMap<keyof typeof importChannels> = {
  'imports:preview': (ctx, input) => {
    const file = ctx.files.resolve(input.fileToken, 'read');
    return tracked(ctx, file, (onProgress) => importRecords(ctx, file, { kind: input.kind, format: input.format, dryRun: true, force: true, onProgress }));
  },
  'imports:commit': (ctx, input) => {
    const file = ctx.files.resolve(input.fileToken, 'read');
    return tracked(ctx, file, (onProgress) => importRecords(ctx, file, { kind: input.kind, format: input.format, strict: input.strict, force: input.force, onProgress }));
  },
  'imports:progress': (ctx) => Promise.resolve(ctx.state.importProgress),
  'imports:history': (ctx) => listImports(ctx),
  'imports:problems': (ctx, input) => importProblems(ctx, input.batchId),
  'imports:export-problems': async (ctx, input) => {
    await importProblems(ctx, input.batchId); // an unknown batch is refused before any dialog opens
    const suggested = `import-${input.batchId}-problems.csv`;
    let file: string | null;
    if (ctx.chooseSaveFile) file = await ctx.chooseSaveFile(suggested);
    else {
      mkdirSync(exportsFolder(ctx), { recursive: true });
      file = path.join(exportsFolder(ctx), suggested);
    }
    return file === null ? { path: null, rows: 0 } : exportProblems(ctx, input.batchId, file);
  },
  'imports:choose-file': async (ctx) => {
    if (!ctx.chooseFile) return { file: null, available: false };
    const chosen = await ctx.chooseFile();
    return { file: chosen === null ? null : ctx.files.register(chosen, 'read'), available: true };
  },
};
