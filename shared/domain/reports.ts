/** Shared outcome reports: the raw rows the store reads and the figures the rules compute from them. */
import type { AcpElement } from './enums';
import type { ResidentStatus } from './enums';

/** Everything the outcome figures are computed from, for one home or the whole practice. */
export interface OutcomeData {
  homes: { id: number; name: string }[];
  residents: { id: number; homeId: number; status: ResidentStatus; statusDate: string | null; admissionDate: string | null; createdOn: string }[];
  rounds: { id: number; homeId: number; date: string; status: 'planning' | 'agenda-issued' | 'held' | 'closed' }[];
  /** Agenda items not removed from their round. */
  agendaItems: { roundId: number; residentId: number }[];
  reviews: { residentId: number; rule: string; status: 'due' | 'scheduled' | 'done' | 'deferred'; dueDate: string | null; doneOn: string | null }[];
  carePlans: { id: number; residentId: number; element: AcpElement; value: string; recordedOn: string; reviewDue: string | null; supersededBy: number | null }[];
  flags: { id: number; homeId: number; residentId: number | null; raisedOn: string }[];
  events: { residentId: number; type: 'admission' | 'discharge' | 'a-and-e' | 'fall' | 'death' | 'visit' | 'other'; date: string; details: string | null }[];
  /**
   * The medication reviews the rules (shared/rules/reviews) find overdue on the period's last day, for the
   * residents living in the home then: worked out by the service, which knows the period and the settings.
   */
  overdueAtEnd: { residentId: number; rule: string; dueDate: string }[];
}

/** What the store reads; the service adds the rules' overdue reviews for the period. */
export type StoredOutcomeData = Omit<OutcomeData, 'overdueAtEnd'>;

export type FigureKey =
  | 'rounds-held' | 'residents-reviewed' | 'reviews-done' | 'reviews-overdue' | 'respect-coverage' | 'ppd-recorded'
  | 'flags-raised' | 'median-flag-to-review' | 'hospital-admissions-per-100' | 'ae-attendances-per-100'
  | 'deaths' | 'deaths-in-preferred-place' | 'residents';

export interface Figure {
  key: FigureKey;
  label: string;
  /** The number itself (a count, a percentage, a rate or a median); null when it cannot be counted. */
  value: number | null;
  /** The figure as people read it ("12", "75% (9 of 12)", "4.2 per 100 residents"). */
  display: string;
  /** How the figure was counted, in one or two plain sentences. */
  howCounted: string;
  /** A breakdown, e.g. reviews by rule. */
  breakdown?: { label: string; value: number }[];
}

export interface MonthlyPoint {
  /** The month as YYYY-MM. */
  month: string;
  /** "Nov 2026". */
  label: string;
}

export interface OutcomeCharts {
  admissionsByMonth: (MonthlyPoint & { admissions: number; aAndE: number })[];
  reviewsByMonth: (MonthlyPoint & { done: number; due: number })[];
  acpCoverageByMonth: (MonthlyPoint & { residents: number; withRespect: number; percent: number | null })[];
}

export interface OutcomeSection {
  /** null for the whole practice. */
  homeId: number | null;
  name: string;
  figures: Figure[];
}

export interface OutcomeReport {
  from: string;
  to: string;
  generatedOn: string;
  practiceName: string;
  /** The home the report is for, or the whole practice. */
  scope: OutcomeSection;
  /** For a practice report, one section per home; empty for a home's report. */
  homes: OutcomeSection[];
  charts: OutcomeCharts;
}
