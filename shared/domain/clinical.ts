/** Clinical records attached to a resident: medicines, conditions, events, care-plan entries, flags. */
import type { AcpElement, FlagCategory, FlagSeverity } from './enums';

/**
 * How a medicine is taken when not regularly: 'as-required' (when required, PRN) or 'just-in-case'
 * (anticipatory medicines kept for the last days of life, not being given).
 */
export type AsNeeded = 'as-required' | 'just-in-case';

export interface MedicationRecord {
  name: string;
  dose: string | null;
  /** null or absent: a regular medicine (or not known). */
  asNeeded?: AsNeeded | null;
  startDate: string | null;
  type: 'repeat' | 'acute';
  status: 'active' | 'stopped';
  stoppedOn?: string | null;
  lastIssued?: string | null;
}

export interface ConditionRecord {
  name: string;
  /** SNOMED CT concept id, where known. */
  code: string | null;
  onset: string | null;
}

export interface ClinicalEventRecord {
  /** visit: a GP or clinician seeing the resident at the home (a round, a care-home or domiciliary visit). */
  type: 'admission' | 'discharge' | 'a-and-e' | 'fall' | 'death' | 'visit' | 'other';
  date: string;
  details: string | null;
}

export interface CarePlanParticipants {
  resident?: { tookPart: boolean; hadCapacity?: boolean | null };
  representativeIds?: number[];
  representativeNames?: string[];
  clinician?: string | null;
}

export interface CarePlanRecord {
  element: AcpElement;
  value: string;
  details?: Record<string, unknown>;
  recordedOn: string;
  reviewDue: string | null;
  participants?: CarePlanParticipants;
}

export interface ReviewRecord {
  rule: string;
  doneOn: string;
  doneBy: string | null;
  outcome: string | null;
}

/** A personalised care and support plan written ('created') or reviewed on a date (EHCH). */
export interface SupportPlanRecord {
  kind: 'created' | 'reviewed';
  date: string;
  by: string | null;
  /** The review date the plan itself set, when it set one. */
  nextReview: string | null;
}

export const END_OF_LIFE_STEPS = ['anticipatory-medicines', 'conversation', 'plan-with-home'] as const;
export type EndOfLifeStep = (typeof END_OF_LIFE_STEPS)[number];

/** A step of the end-of-life pathway recorded as done (or, for anticipatory medicines, declined). */
export interface EndOfLifeStepRecord {
  step: EndOfLifeStep;
  outcome: 'done' | 'declined';
  recordedOn: string;
  by: string | null;
  notes: string | null;
}

export interface ResidentRecords {
  medications?: MedicationRecord[];
  conditions?: ConditionRecord[];
  events?: ClinicalEventRecord[];
  carePlans?: CarePlanRecord[];
  reviews?: ReviewRecord[];
  supportPlans?: SupportPlanRecord[];
  endOfLifeSteps?: EndOfLifeStepRecord[];
}

export interface NewFlag {
  homeId: number;
  residentId: number | null;
  rawIdentity: Record<string, string | null>;
  raisedOn: string;
  raisedBy: string | null;
  category: FlagCategory;
  categoryOriginal?: string | null;
  severity: FlagSeverity;
  /** The severity exactly as the care home wrote it, when it wrote one. */
  homeSeverity?: string | null;
  text: string;
  scores?: { news2?: number; must?: number; fourAt?: number };
  matchMethod?: string | null;
}
