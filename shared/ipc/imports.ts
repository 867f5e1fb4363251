/**
 * Channels of the practice-records import. The renderer never names a file: the main process's dialog
 * (imports:choose-file) chooses it and returns a token the other channels take (see ./files.ts).
 */
import { z } from 'zod';
import { IMPORT_FORMATS, RECORD_KINDS, type ImportBatchInfo, type ImportOutcome, type ImportProblemInfo } from '../domain/imports';
import { channel } from './channel';
import { id } from './register';
import { fileToken, type ChosenFile } from './files';

/** How to read and store a file: the same checks for the app's channels and the CLI's `import records`. */
export const importSettings = z.object({
  kind: z.enum(RECORD_KINDS).optional(),
  format: z.enum(IMPORT_FORMATS).optional(),
  strict: z.boolean().optional(),
  force: z.boolean().optional(),
  dryRun: z.boolean().optional(),
}).strict();

const fileInput = {
  fileToken,
  kind: importSettings.shape.kind,
  format: importSettings.shape.format,
};

export interface ImportProgress {
  running: boolean;
  fileName: string | null;
  bytesRead: number;
  totalBytes: number;
  rows: number;
}

/** An import's outcome for the screen: the report's lists cut to the first rows, with the full totals. */
export interface ImportView extends ImportOutcome {
  totals: { rejectedRows: number; rejectedProblems: number; unmatched: number };
}

export const importChannels = {
  /** A dry run: what the import would do, nothing stored. */
  'imports:preview': channel<ImportView>()(z.object(fileInput).strict()),
  'imports:commit': channel<ImportView>()(z.object({ ...fileInput, strict: importSettings.shape.strict, force: importSettings.shape.force }).strict()),
  'imports:progress': channel<ImportProgress>()(z.object({}).strict()),
  'imports:history': channel<ImportBatchInfo[]>()(z.object({}).strict()),
  'imports:problems': channel<ImportProblemInfo[]>()(z.object({ batchId: id }).strict()),
  /**
   * Writes a batch's rejected and unmatched rows as CSV where the main process's save dialog says (or, with no
   * dialog, into the exports folder beside the database); says where, or null when the dialog was cancelled.
   */
  'imports:export-problems': channel<{ path: string | null; rows: number }>()(z.object({ batchId: id }).strict()),
  /** Asks the main process for a file to import (its file dialog); null when cancelled, unavailable when there is no dialog. */
  'imports:choose-file': channel<{ file: ChosenFile | null; available: boolean }>()(z.object({}).strict()),
} as const;
