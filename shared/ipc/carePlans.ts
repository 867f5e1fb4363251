/** Channels of advance care planning: a resident's plan and history, recording an entry, the practice overview. */
import { z } from 'zod';
import { carePlanEntryInput, type CarePlanEntryView } from '../domain/carePlan';
import type { DueItem } from '../domain/due';
import type { CprStatus } from '../rules/cpr';
import { END_OF_LIFE_STEPS, type EndOfLifeStepRecord, type SupportPlanRecord } from '../domain/clinical';
import { isoDate } from '../domain/register';
import type { Page } from '../domain/lists';
import { channel } from './channel';
import { dueListQuery } from './dueList';
import { id } from './register';

export interface ResidentCarePlan {
  residentId: number;
  /** The current entry of each element that has one, in the order of the elements. */
  current: CarePlanEntryView[];
  /** Superseded entries, newest first. */
  history: CarePlanEntryView[];
  cpr: CprStatus;
  /** Gaps and reviews due today (shared/rules/carePlan). */
  due: DueItem[];
  /** Care and support plans written or reviewed, newest first (issue 14). */
  supportPlans?: SupportPlanRecord[];
  /** End-of-life pathway steps recorded, newest first (issue 14). */
  endOfLifeSteps?: EndOfLifeStepRecord[];
}

const by = z.string().trim().max(200).nullable().optional().transform((v) => v || null);
/** A care and support plan written or reviewed, or a step of the end-of-life pathway, recorded by hand. */
export const pathwayRecordInput = z.discriminatedUnion('type', [
  z.object({ type: z.literal('support-plan'), kind: z.enum(['created', 'reviewed']), date: isoDate, by,
    nextReview: isoDate.nullable().optional().transform((v) => v ?? null) }).strict(),
  z.object({ type: z.literal('end-of-life-step'), step: z.enum(END_OF_LIFE_STEPS), outcome: z.enum(['done', 'declined']), recordedOn: isoDate, by,
    notes: z.string().trim().max(2000).nullable().optional().transform((v) => v || null) }).strict(),
]);

export interface CarePlanCoverage {
  homeId: number;
  homeName: string;
  residents: number;
  withRespect: number;
  withPreferredPlaceOfDeath: number;
  withLpa: number;
}

export interface CarePlanResidentRow {
  residentId: number;
  nhsNumber: string;
  name: string;
  preferredName: string | null;
  homeId: number;
  homeName: string;
  cpr: CprStatus;
  due: DueItem[];
}

export interface CarePlanOverview {
  today: string;
  coverage: CarePlanCoverage[];
  /** Residents with a CPR conflict or an item due, conflicts first, then by urgency. */
  residents: CarePlanResidentRow[];
}

/** The Care plans screen: one page of residents to talk with, and the coverage and counts for the whole set. */
export interface CarePlanList {
  today: string;
  coverage: CarePlanCoverage[];
  /** Residents whose CPR decisions disagree, in the whole set. */
  conflicts: number;
  /** The rule ids due somewhere, for the reason filter. */
  rules: string[];
  /** Whether anyone at all has something to talk about (before the filters). */
  anyone: boolean;
  residents: Page<CarePlanResidentRow>;
}

export const carePlanChannels = {
  'carePlans:get': channel<ResidentCarePlan>()(z.object({ residentId: id }).strict()),
  'carePlans:add': channel<ResidentCarePlan>()(z.object({ residentId: id, entry: carePlanEntryInput }).strict()),
  'carePlans:overview': channel<CarePlanOverview>()(z.object({ homeId: id.optional() }).strict()),
  'carePlans:add-pathway': channel<ResidentCarePlan>()(z.object({ residentId: id, record: pathwayRecordInput }).strict()),
  'carePlans:list': channel<CarePlanList>()(dueListQuery(['overdue', 'due', 'due-soon', 'conflict'] as const)),
} as const;
