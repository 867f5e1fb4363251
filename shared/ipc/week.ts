/**
 * Channels of the practice's week (issue 15): the practice's details for letters, invitations, the weekly
 * flag sheet, a care home's flag file imported in the app, and "Print the week". Files the app writes are
 * placed by the main process (a save dialog, else a folder beside the database); the renderer never names
 * a path to write.
 */
import { z } from 'zod';
import type { FlagImportSummary } from '../domain/flags';
import { practiceDetailsInput, type PracticeDetails } from '../domain/register';
import { INVITE_METHODS } from '../domain/round';
import type { Round } from '../domain/round';
import { isoDate } from '../domain/register';
import { channel } from './channel';
import { fileToken, type ChosenFile } from './files';
import { id } from './register';

export interface InviteResult {
  round: Round;
  /** Who was invited now. */
  invited: { itemId: number; representativeId: number; name: string; relationship: string; how: string }[];
  /** Proposed relatives left uninvited, and why (e.g. they prefer not to join). */
  skipped: { itemId: number; representativeId: number; name: string; why: string }[];
}

/** One row of the flag file, as the preview shows it: what it says and whom it matches. */
export interface FlagPreviewRow {
  line: number;
  identity: string;
  raisedOn: string;
  category: string;
  details: string;
  severity: string;
  /** The resident it is placed on, or null when it will wait in the unmatched queue. */
  residentName: string | null;
  matchedOn: string | null;
  unmatchedWhy: string | null;
}

export interface FlagFilePreview {
  fileName: string;
  homeId: number;
  homeName: string;
  read: number;
  rows: FlagPreviewRow[];
  rejected: { line: number; field: string | null; reason: string }[];
  /** When this very file was imported before (the same SHA-256), else null. */
  importedBefore: string | null;
}

export interface SavedFile { path: string; fileName: string }

export interface WeekPrint {
  from: string;
  to: string;
  homes: { homeId: number; homeName: string; rounds: number; residents: number; letters: number; path: string }[];
}

export const SHEET_FORMATS = ['xlsx', 'csv', 'pdf'] as const;
export type SheetFormat = (typeof SHEET_FORMATS)[number];

/** A file dropped on the window: its name and bytes (base64), at most 5 MB. */
const dropped = z.object({ name: z.string().trim().min(1).max(255), base64: z.string().max(7_000_000, 'The file is too large for a flag sheet (at most 5 MB)') }).strict();
/** The home may be left out: it is worked out from the NHS numbers in the file (the weekly flag sheet lists one home's residents). */
const flagFileInput = { homeId: id.optional(), fileToken: fileToken.optional(), dropped: dropped.optional(), sheet: z.string().trim().min(1).max(100).optional() };

export const weekChannels = {
  'practice:get': channel<PracticeDetails>()(z.object({}).strict()),
  'practice:save': channel<PracticeDetails>()(z.object({ details: practiceDetailsInput }).strict()),

  /** Invites every proposed relative (never one who prefers not to join), or one relative a given way. */
  'rounds:invite': channel<InviteResult>()(z.union([
    z.object({ roundId: id, allProposed: z.literal(true) }).strict(),
    z.object({ roundId: id, representativeId: id, how: z.enum(INVITE_METHODS) }).strict(),
  ])),
  /** Invites every proposed relative on every round planned for the 7 days from `from` (tomorrow when not given, as "Plan next week"). */
  'rounds:invite-week': channel<{ rounds: number; invited: InviteResult['invited']; skipped: InviteResult['skipped'] }>()(z.object({ from: isoDate.optional() }).strict()),
  /** "Print the week": one PDF per home with every agenda and letter of the rounds planned for the 7 days from `from`. */
  'rounds:print-week': channel<WeekPrint>()(z.object({ from: isoDate.optional() }).strict()),

  /** Writes this week's flag sheet for a home (a save dialog where there is one, else beside the database). */
  'flags:sheet-save': channel<SavedFile>()(z.object({ homeId: id, format: z.enum(SHEET_FORMATS) }).strict()),
  /** Asks the desktop app for a care home's flag file (CSV or Excel): its token and name; null when cancelled or there is no dialog. */
  'flags:choose-file': channel<{ file: ChosenFile | null; available: boolean }>()(z.object({}).strict()),
  /** What importing a flag file would do: each row and whom it matches; nothing is stored. */
  'flags:import-preview': channel<FlagFilePreview>()(z.object(flagFileInput).strict()),
  'flags:import-commit': channel<FlagImportSummary & { homeName: string }>()(z.object(flagFileInput).strict()),
} as const;
