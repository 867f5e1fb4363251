/**
 * The CPR status shown anywhere in Roundtable (resident header, agenda, lists). Clinical safety: it comes
 * only from current entries (never a superseded one); two current entries that disagree are a conflict
 * to resolve, never silently picked; no entry means "no decision recorded", never a default.
 */
import { formatUkDate } from '../dates';
import type { SnapshotCarePlanEntry } from '../domain/snapshot';

export type CprRecommendation = 'for-cpr' | 'not-for-cpr';

/** ReSPECT values: the form's CPR recommendation. */
const RESPECT_VALUES: Record<string, CprRecommendation> = {
  'for-cpr': 'for-cpr', 'for cpr': 'for-cpr', 'for attempted cpr': 'for-cpr', 'cpr attempts recommended': 'for-cpr',
  'not-for-cpr': 'not-for-cpr', 'not for cpr': 'not-for-cpr', 'not for attempted cpr': 'not-for-cpr', 'cpr attempts not recommended': 'not-for-cpr',
};
/** DNACPR values: a decision in place means not for CPR; a cancelled one is no decision at all. */
const DNACPR_IN_PLACE = new Set(['in-place', 'yes', 'dnacpr', 'not-for-cpr', 'not for cpr', 'active']);
const DNACPR_CANCELLED = new Set(['cancelled', 'rescinded', 'revoked', 'no']);

export interface CprDecision {
  entryId: number;
  element: 'respect' | 'dnacpr';
  recommendation: CprRecommendation;
  recordedOn: string;
  reviewDue: string | null;
}

export type CprStatus =
  | { kind: 'none'; label: string; respectDate: string | null }
  | { kind: 'decided'; recommendation: CprRecommendation; label: string; decisions: CprDecision[]; respectDate: string | null }
  | { kind: 'conflict'; label: string; decisions: CprDecision[]; respectDate: string | null };

function recommendationOf(entry: SnapshotCarePlanEntry): CprRecommendation | null {
  const value = entry.value.trim().toLowerCase();
  if (entry.element === 'respect') return RESPECT_VALUES[value] ?? null;
  if (entry.element === 'dnacpr') {
    if (DNACPR_CANCELLED.has(value)) return null;
    return DNACPR_IN_PLACE.has(value) ? 'not-for-cpr' : null;
  }
  return null;
}

const LABELS: Record<CprRecommendation, string> = {
  'for-cpr': 'For attempted CPR',
  'not-for-cpr': 'Not for attempted CPR',
};

/** Current, valid CPR decisions: the newest unsuperseded entry of each element that states one. */
export function currentCprDecisions(entries: readonly SnapshotCarePlanEntry[]): CprDecision[] {
  const decisions: CprDecision[] = [];
  for (const element of ['respect', 'dnacpr'] as const) {
    const current = entries
      .filter((e) => e.element === element && e.supersededBy === null)
      .sort((a, b) => b.recordedOn.localeCompare(a.recordedOn) || b.id - a.id);
    for (const entry of current) {
      const recommendation = recommendationOf(entry);
      if (recommendation) decisions.push({ entryId: entry.id, element, recommendation, recordedOn: entry.recordedOn, reviewDue: entry.reviewDue });
    }
  }
  return decisions;
}

/** "For attempted CPR" -> "for attempted CPR": the abbreviation keeps its capitals. */
function lowerFirst(text: string): string {
  return `${text.charAt(0).toLowerCase()}${text.slice(1)}`;
}

export function cprStatus(entries: readonly SnapshotCarePlanEntry[]): CprStatus {
  const respect = entries
    .filter((e) => e.element === 'respect' && e.supersededBy === null)
    .sort((a, b) => b.recordedOn.localeCompare(a.recordedOn) || b.id - a.id)[0];
  const respectDate = respect?.recordedOn ?? null;
  const decisions = currentCprDecisions(entries);
  if (decisions.length === 0) return { kind: 'none', label: 'No CPR decision recorded', respectDate };
  const kinds = new Set(decisions.map((d) => d.recommendation));
  if (kinds.size > 1) {
    const parts = decisions.map((d) => `${d.element === 'respect' ? 'ReSPECT' : 'DNACPR'} ${formatUkDate(d.recordedOn)}: ${lowerFirst(LABELS[d.recommendation])}`);
    return { kind: 'conflict', label: `CPR decisions conflict (${parts.join('; ')}): resolve before relying on either`, decisions, respectDate };
  }
  const recommendation = decisions[0]?.recommendation ?? 'for-cpr';
  return { kind: 'decided', recommendation, label: LABELS[recommendation], decisions, respectDate };
}

/** How a CPR status is shown, the same on every screen and in print: the tag, its colour, and any words beside it. */
export interface CprDisplay {
  kind: CprStatus['kind'];
  tag: string;
  tone: 'red' | 'grey' | 'purple' | 'blue';
  /** The conflict in full (shown in red), or the dates of the decisions behind a status. */
  text: string | null;
}

export function cprDisplay(status: CprStatus): CprDisplay {
  if (status.kind === 'conflict') return { kind: 'conflict', tag: 'CPR conflict', tone: 'red', text: status.label };
  if (status.kind === 'none') return { kind: 'none', tag: status.label, tone: 'grey', text: null };
  const dates = status.decisions.map((d) => `${d.element === 'respect' ? 'ReSPECT' : 'DNACPR'} ${formatUkDate(d.recordedOn)}`).join(', ');
  return { kind: 'decided', tag: status.label, tone: status.recommendation === 'not-for-cpr' ? 'purple' : 'blue', text: dates || null };
}
