/**
 * A due item: what a rule says a resident needs, when, and why. The medication-review rules
 * (shared/rules/reviews) and the care-plan rules (shared/rules/carePlan) produce them; the round planner
 * turns them into reasons on the agenda. One shape, so every reason is explained the same way.
 */
export type DueStatus = 'due-soon' | 'due' | 'overdue';

export interface DueItem {
  residentId: number;
  /** The rule id (docs/clinical-rules.md): 'smr-annual', 'monitoring-lithium', 'acp-missing', 'end-of-life'… */
  rule: string;
  /** ISO date the item falls due. */
  due: string;
  status: DueStatus;
  /** Plain English, naming the medicine or plan element and the dates, worded for a conversation. */
  explanation: string;
  /** Minutes it needs on a round (reviews: the schedule's minutes for its review type). */
  minutes: number;
  /** A same-day call to the prescriber (e.g. warfarin with apixaban): must-see on the round, never a pharmacist's list. */
  urgent?: boolean;
}
