/** Channels of medication reviews and their settings (issue 5). */
import { z } from 'zod';
import { isoDate } from '../domain/register';
import type { DueStatus } from '../domain/due';
import type { MedicinesProfile } from '../rules/medicines';
import { reviewSettingsSchema, type ReviewSettings } from '../rules/reviewSettings';
import { MEDICATION_RULES } from '../rules/reviews';
import type { Page, ReviewCounts } from '../domain/lists';
import { channel } from './channel';
import { dueListQuery } from './dueList';
import { id } from './register';

/** A due review as the Reviews screen and the CLI show it. */
export interface ReviewRow {
  residentId: number;
  nhsNumber: string;
  name: string;
  homeId: number;
  home: string;
  rule: string;
  ruleLabel: string;
  due: string;
  status: DueStatus;
  explanation: string;
  minutes: number;
  /** A same-day call to the prescriber, not a routine review (shared/domain/due.ts). */
  urgent: boolean;
  /** The round it is placed on by the capacity-aware schedule, or null. */
  scheduledFor: string | null;
  /** Why it did not fit, when it did not. */
  notScheduledReason: string | null;
}

/** A review recorded as done or deferred. */
export interface RecordedReview {
  id: number;
  residentId: number;
  nhsNumber: string;
  name: string;
  home: string;
  rule: string;
  ruleLabel: string;
  status: 'done' | 'deferred';
  doneOn: string | null;
  doneBy: string | null;
  outcome: string | null;
  medicinesChanged: string | null;
  deferredUntil: string | null;
  deferredReason: string | null;
}

export interface UpcomingRound {
  key: string;
  homeId: number;
  home: string;
  date: string;
  capacityMinutes: number;
  /** Minutes already planned on the round's agenda: the same figure the round shows. */
  usedMinutes: number;
  /** Minutes of the reviews this schedule suggests for the round (not yet on its agenda). */
  reviewMinutes: number;
  /** True when worked out from the home's usual round day rather than a planned round. */
  projected: boolean;
}

export interface ReviewsOverview {
  today: string;
  rulesVersion: string;
  settings: ReviewSettings;
  items: ReviewRow[];
  rounds: UpcomingRound[];
  recorded: RecordedReview[];
}

/** One resident's due reviews in one row of the Reviews list, most pressing first. */
export interface ResidentReviews {
  residentId: number;
  name: string;
  nhsNumber: string;
  home: string;
  items: ReviewRow[];
  worst: DueStatus;
  earliest: string;
}

/** The Reviews screen: one page of residents, with counts, reasons and rounds for the whole set. */
export interface ReviewsList {
  today: string;
  rulesVersion: string;
  counts: ReviewCounts;
  /** The rule ids that are due somewhere, for the reason filter. */
  rules: string[];
  residents: Page<ResidentReviews>;
  rounds: UpcomingRound[];
  recorded: RecordedReview[];
}

export interface ResidentMedicines {
  residentId: number;
  active: boolean;
  profile: MedicinesProfile;
  due: ReviewRow[];
  recorded: RecordedReview[];
}

/** After recording a review done: the resident's view, and when that review next falls due. */
export interface RecordedResult extends ResidentMedicines {
  nextDue: string | null;
}

export interface SettingsView {
  settings: ReviewSettings;
  defaults: ReviewSettings;
  rulesVersion: string;
}

const rule = z.enum(MEDICATION_RULES, { error: 'Choose which review this is' });
const text = (label: string, max: number) => z.string().trim().max(max, `${label} is too long`);

export const reviewDoneInput = z.object({
  residentId: id,
  rule,
  doneOn: isoDate,
  doneBy: text('Who did the review', 200).min(1, 'Enter who did the review'),
  outcome: text('The outcome', 4000).min(1, 'Enter the outcome of the review'),
  medicinesChanged: text('Medicines changed', 2000).optional().transform((v) => (v ? v : null)),
}).strict();

export const reviewDeferInput = z.object({
  residentId: id,
  rule,
  until: isoDate,
  reason: text('The reason', 2000).min(1, 'Enter why the review is deferred'),
}).strict();

export const reviewsChannels = {
  'reviews:overview': channel<ReviewsOverview>()(z.object({
    homeId: id.optional(),
    before: isoDate.optional(),
  }).strict()),
  'reviews:list': channel<ReviewsList>()(dueListQuery(['overdue', 'due', 'due-soon', 'unplaced'] as const)),
  'reviews:resident': channel<ResidentMedicines>()(z.object({ residentId: id }).strict()),
  'reviews:record-done': channel<RecordedResult>()(reviewDoneInput),
  'reviews:defer': channel<ResidentMedicines>()(reviewDeferInput),
  'settings:get': channel<SettingsView>()(z.object({}).strict()),
  'settings:save': channel<SettingsView>()(z.object({ settings: reviewSettingsSchema }).strict()),
} as const;
