/**
 * The reason sources the round planner runs for every resident, each `(snapshot, today) => DueItem[]`:
 * the round's own (flags, family concerns, open actions, continuity), the medication-review rules with the
 * practice's settings, and the care-plan rules. Adding a rule family means adding it here; the planner needs
 * no other change.
 */
import { carePlanDueItems } from '../../shared/rules/carePlan';
import { DEFAULT_REVIEW_SETTINGS, type ReviewSettings } from '../../shared/rules/reviewSettings';
import { medicationDueItems } from '../../shared/rules/reviews';
import { ROUND_REASON_SOURCES, type ReasonSource } from '../../shared/rules/roundReasons';
import type { AppContext } from './context';
import { loadSettings } from './reviews';

export function reasonSources(reviewSettings: ReviewSettings): ReasonSource[] {
  return [
    ...ROUND_REASON_SOURCES,
    (snapshot, today) => medicationDueItems(snapshot, today, reviewSettings),
    (snapshot, today) => carePlanDueItems(snapshot, today),
  ];
}

/** With the default intervals (benchmarks and tests that do not read settings). */
export const REASON_SOURCES: readonly ReasonSource[] = reasonSources(DEFAULT_REVIEW_SETTINGS);

/** With the intervals and minutes this practice has set. */
export async function reasonSourcesFor(ctx: AppContext): Promise<ReasonSource[]> {
  return reasonSources(await loadSettings(ctx));
}
