/** Channels of the practice-records import. The renderer cannot read files: it passes a path (from the file dialog). */
import { z } from 'zod';
import type { ImportBatchInfo, ImportOutcome, ImportProblemInfo } from '../domain/imports';
import { channel } from './channel';

const filePath = z.string().trim().min(1, 'Choose a file to import').max(4096);
export const IMPORT_KIND_NAMES = ['patients', 'medications', 'conditions', 'events', 'acp', 'reviews', 'representatives'] as const;
const fileInput = {
  path: filePath,
  kind: z.enum(IMPORT_KIND_NAMES).optional(),
  format: z.enum(['csv', 'fhir']).optional(),
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
  'imports:commit': channel<ImportView>()(z.object({ ...fileInput, strict: z.boolean().optional(), force: z.boolean().optional() }).strict()),
  'imports:progress': channel<ImportProgress>()(z.object({}).strict()),
  'imports:history': channel<ImportBatchInfo[]>()(z.object({}).strict()),
  'imports:problems': channel<ImportProblemInfo[]>()(z.object({ batchId: z.number().int().positive() }).strict()),
  /** Writes a batch's rejected and unmatched rows as CSV to the given path. */
  'imports:export-problems': channel<{ path: string; rows: number }>()(z.object({ batchId: z.number().int().positive(), path: filePath }).strict()),
  /** Asks the desktop app for a file (a file dialog); null when cancelled or when there is no dialog. */
  'imports:choose-file': channel<{ path: string | null; available: boolean }>()(z.object({}).strict()),
} as const;
