/** Flags as the app lists and shows them (the stored row, with the resident and source in words). */
import type { FlagCategory, FlagSeverity, FlagStatus } from './enums';
import type { FlagScores } from '../rules/flags';
import type { UnmatchedReason } from '../rules/flagMatching';

export interface FlagCandidate {
  id: number;
  nhsNumber: string;
  familyName: string;
  givenName: string;
  preferredName: string | null;
  dateOfBirth: string;
  room: string | null;
  homeName: string;
}

export interface FlagView {
  id: number;
  homeId: number;
  homeName: string;
  residentId: number | null;
  /** Not yet matched to anyone on the register (residentId null): in the unmatched queue. */
  unmatched: boolean;
  residentName: string | null;
  residentNhsNumber: string | null;
  rawIdentity: Record<string, string | null>;
  raisedOn: string;
  raisedBy: string | null;
  category: FlagCategory;
  categoryOriginal: string | null;
  severity: FlagSeverity;
  severityReason: string | null;
  /** The severity exactly as the care home wrote it ("Amber"), kept; null when it wrote none. */
  homeSeverity: string | null;
  text: string;
  scores: FlagScores;
  /** "import" or "entered". */
  source: string;
  sourceBatchId: number | null;
  /** The imported file's name, for an imported flag. */
  sourceFile: string | null;
  /** Who entered or imported it (the OS account). */
  enteredBy: string | null;
  status: FlagStatus;
  matchMethod: string | null;
  unmatchedReason: UnmatchedReason | null;
  unmatchedExplanation: string | null;
  candidates: FlagCandidate[];
  dismissedAt: string | null;
  dismissedReason: string | null;
  escalationAction: string | null;
  escalationActionAt: string | null;
  escalationActionBy: string | null;
  outcome: string | null;
  /** Open and raised longer ago than the home's round cycle. */
  waiting: boolean;
  createdAt: string;
  /** Raised by every change: a save made from an older copy (another desktop's edit came first) is refused. */
  version: number;
}

export interface FlagImportSummary {
  batchId: number;
  read: number;
  /** Flags placed on a resident (on NHS number, or on name and date of birth). */
  matched: number;
  matchedOnNameAndDob: number;
  unmatched: number;
  rejected: { line: number; field: string | null; reason: string }[];
}
