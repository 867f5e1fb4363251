/**
 * The reason sources the round planner runs for every resident: each `(snapshot, today) => DueItem[]`.
 * The medication-review rules (issue 5: medicationDueItems) and the care-plan rules (issue 6:
 * carePlanDueItems) are added to this list when they land; the planner needs no other change.
 */
import type { ReasonSource } from '../../shared/rules/roundReasons';
import { ROUND_REASON_SOURCES } from '../../shared/rules/roundReasons';

export const REASON_SOURCES: readonly ReasonSource[] = [
  ...ROUND_REASON_SOURCES,
];
