/**
 * The long lists (Residents, Audit) are read a page at a time: the main process sorts and filters the
 * whole set and answers with one page and how many match, so every row of a large register is
 * reachable and the count shown is the real one.
 */
import type { DueStatus } from './due';
import type { FlagCategory, FlagSeverity } from './enums';
import type { Resident } from './register';

export interface Page<T> {
  rows: T[];
  /** How many rows match the filters, on every page. */
  total: number;
  offset: number;
  limit: number;
}

/** The most rows one page may hold. */
export const MAX_PAGE_SIZE = 200;
export const DEFAULT_PAGE_SIZE = 50;

/** How the Residents list may be ordered (each a fixed ordering in the store, never text from the caller). */
export const RESIDENT_SORTS = ['name', 'home', 'room', 'dateOfBirth', 'flag'] as const;
export type ResidentSort = (typeof RESIDENT_SORTS)[number];

/** A count of due items with the most pressing status among them. */
export interface DueCount {
  count: number;
  worst: DueStatus | null;
}

/** One row of the Residents list: the register entry and what needs attention. */
export interface ResidentListRow {
  resident: Resident;
  /** The most severe open (or on-agenda) flag, or null. */
  worstFlag: { id: number; severity: FlagSeverity; category: FlagCategory; raisedOn: string; actionRecorded: boolean } | null;
  openFlags: number;
  /** Medication reviews due or overdue now (not "due soon"). */
  reviewsDue: DueCount;
  /** Care-plan gaps and reviews due or overdue now. */
  carePlanGaps: DueCount;
  /** The home's next round: a planned one, else the usual round day. */
  nextRound: { date: string; planned: boolean } | null;
}

/** How the Reviews and Care plans lists (one row per resident) may be ordered. */
export const DUE_LIST_SORTS = ['pressing', 'name', 'home', 'due'] as const;
export type DueListSort = (typeof DUE_LIST_SORTS)[number];

/** Counts above the Reviews list, for the whole set (not the page). */
export interface ReviewCounts {
  overdue: number;
  due: number;
  dueSoon: number;
  unplaced: number;
}
