/** The merged resident view: a header of what matters most, and one timeline of everything that happened. */
import type { CprStatus } from '../rules/cpr';
import type { FlagCategory, FlagSeverity } from './enums';
import type { ResidentDetail } from './register';

export const TIMELINE_KINDS = ['flag', 'event', 'medicine', 'review', 'care-plan', 'outcome'] as const;
export type TimelineKind = (typeof TIMELINE_KINDS)[number];

export const TIMELINE_LABELS: Record<TimelineKind, string> = {
  flag: 'Flags', event: 'Clinical events', medicine: 'Medicine starts and stops', review: 'Reviews', 'care-plan': 'Care-plan entries', outcome: 'Round outcomes',
};

export interface TimelineEntry {
  /** Unique on the page, e.g. "flag:12" or "medicine-stop:4". */
  key: string;
  kind: TimelineKind;
  date: string;
  title: string;
  detail: string | null;
  /** Where it came from: which import file, or which person. */
  source: string;
  severity?: FlagSeverity;
  status?: string;
  /** A link within the app, e.g. "/flags/12". */
  link?: string;
}

export interface ResidentHeader {
  age: number;
  cpr: CprStatus;
  currentMedicines: number;
  representatives: number;
  openFlags: number;
  /** The most severe open (or on-agenda) flag, for the top of the page; null when none is open. */
  worstFlag: { id: number; severity: FlagSeverity; category: FlagCategory; raisedOn: string; text: string; actionRecorded: boolean } | null;
  /** The home's next round: a planned one, else the usual round day; null for someone not living there. */
  nextRound: { date: string; planned: boolean } | null;
}

/** The end-of-life pathway when it is open (a GSF C/D or surprise question "no"), shown at the top of the resident page. */
export interface EndOfLifeBanner {
  /** The GSF code, or null when the surprise question opened it. */
  gsf: 'C' | 'D' | null;
  since: string;
  /** What opened it, in words. */
  words: string;
  /** The parts still open, in words ("anticipatory medicines", …). */
  open: string[];
}

export interface ResidentView {
  resident: ResidentDetail;
  header: ResidentHeader;
  /** Null unless the end-of-life pathway is open (issue 14). */
  endOfLife?: EndOfLifeBanner | null;
  timeline: TimelineEntry[];
}
