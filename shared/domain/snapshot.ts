/**
 * A resident's record as the rules see it: everything the medication-review, care-plan and round-planning
 * rules need, read in one go from the store and handed to pure functions in shared/rules. Stopped
 * medicines, superseded care-plan entries and closed flags are included: rules decide what counts.
 */
import type { ClinicalEventRecord, ConditionRecord, EndOfLifeStepRecord, MedicationRecord, SupportPlanRecord } from './clinical';
import type { AcpElement, FlagCategory, FlagSeverity, FlagStatus } from './enums';
import type { Representative, Resident } from './register';

export interface SnapshotMedication extends MedicationRecord {
  id: number;
  /** Prescribed "as required" or "just in case" (anticipatory), when the record says so. */
  justInCase?: boolean;
  asRequired?: boolean;
}

export interface SnapshotCondition extends ConditionRecord {
  id: number;
}

export interface SnapshotEvent extends ClinicalEventRecord {
  id: number;
  source: string;
}

export interface SnapshotCarePlanEntry {
  id: number;
  element: AcpElement;
  value: string;
  details: Record<string, unknown>;
  recordedOn: string;
  reviewDue: string | null;
  participants: Record<string, unknown>;
  source: string;
  /** The entry that replaced this one; null while it is current. */
  supersededBy: number | null;
}

export interface SnapshotReview {
  id: number;
  rule: string;
  status: 'due' | 'scheduled' | 'done' | 'deferred';
  dueDate: string | null;
  doneOn: string | null;
  doneBy: string | null;
  outcome: string | null;
  deferredUntil: string | null;
  deferredReason: string | null;
}

export interface SnapshotFlag {
  id: number;
  raisedOn: string;
  raisedBy: string | null;
  category: FlagCategory;
  severity: FlagSeverity;
  status: FlagStatus;
  text: string;
  scores: { news2?: number; must?: number; fourAt?: number };
}

export interface SnapshotAction {
  id: number;
  decision: string | null;
  action: string | null;
  owner: string | null;
  dueDate: string | null;
  createdAt: string;
}

/** The laboratory results and measurements the practice export can carry (the `results` record kind). */
export const LAB_TESTS = ['crcl', 'egfr', 'creatinine', 'weight'] as const;
export type LabTest = (typeof LAB_TESTS)[number];

/** The unit each test is stored in: creatinine clearance mL/min, eGFR mL/min/1.73m2, serum creatinine micromol/L, weight kg. */
export const LAB_TEST_UNITS: Record<LabTest, string> = { crcl: 'mL/min', egfr: 'mL/min/1.73m2', creatinine: 'micromol/L', weight: 'kg' };

/** A resident's latest result of one test: the value in the test's unit, and the day the sample or measurement was taken. */
export interface SnapshotResult {
  test: LabTest;
  value: number;
  /** '>' or '<' when the laboratory reported the value as above or below a limit ("eGFR >90"). */
  comparator: '<' | '>' | null;
  unit: string;
  date: string;
}

export interface ResidentSnapshot {
  resident: Resident;
  representatives: Representative[];
  medications: SnapshotMedication[];
  conditions: SnapshotCondition[];
  events: SnapshotEvent[];
  carePlans: SnapshotCarePlanEntry[];
  reviews: SnapshotReview[];
  /** Flags matched to this resident (unmatched flags are not anyone's yet). */
  flags: SnapshotFlag[];
  openActions: SnapshotAction[];
  /** Personalised care and support plans written or reviewed (issue 14); absent in snapshots built before them. */
  supportPlans?: (SupportPlanRecord & { id: number })[];
  /** Steps of the end-of-life pathway recorded (issue 14). */
  endOfLifeSteps?: (EndOfLifeStepRecord & { id: number })[];
  /** The latest result of each laboratory test or measurement imported (one per test); absent in snapshots built before them. */
  results?: SnapshotResult[];
  /** The date of the last held or closed round this resident was an agenda item on. */
  lastSeenOnRound: string | null;
}
