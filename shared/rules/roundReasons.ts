/**
 * The round's own reason sources (docs/clinical-rules.md, every rule id): care-home flags, family concerns, open actions and
 * continuity. Each is `(snapshot, today) => RoundReason[]`, the same shape as the medication-review and
 * care-plan rules, so the planner treats them all alike.
 */
import { addDays, daysBetween, formatUkDate } from '../dates';
import type { FlagSeverity } from '../domain/enums';
import type { ResidentSnapshot, SnapshotFlag } from '../domain/snapshot';
import { normaliseName } from '../text';
import { CONTINUITY_DAYS, lastSeen, type RoundReason } from './planning';

export type ReasonSource = (snapshot: ResidentSnapshot, today: string) => RoundReason[];

/** Minutes on a round for a flag of each severity (local defaults). */
export const FLAG_MINUTES: Record<FlagSeverity, number> = { 'escalate-now': 20, urgent: 20, high: 15, medium: 10, routine: 10 };
export const FAMILY_CONCERN_MINUTES = 15;
export const CONTINUITY_MINUTES = 10;
export const OPEN_ACTIONS_MINUTES = 5;

const liveFlag = (f: SnapshotFlag) => f.status === 'open' || f.status === 'on-agenda';

function who(f: SnapshotFlag): string {
  return f.raisedBy ? ` by ${f.raisedBy}` : '';
}

/**
 * `flag-<severity>`: one reason per severity, naming every open flag of it. Family concerns have their own
 * rule, unless the home rated one high, urgent or escalate-now: then it counts as that too.
 */
export const flagReasons: ReasonSource = (s, today) => {
  const flags = s.flags.filter((f) => liveFlag(f) && (f.category !== 'family-concern' || ['escalate-now', 'urgent', 'high'].includes(f.severity)));
  const severities = [...new Set(flags.map((f) => f.severity))];
  return severities.map((severity) => {
    const these = flags.filter((f) => f.severity === severity);
    const text = these.map((f) => `${f.text || f.category} (${f.category}, raised ${formatUkDate(f.raisedOn)}${who(f)})`).join('; ');
    const earliest = these.map((f) => f.raisedOn).sort()[0] ?? today;
    const explanation = severity === 'escalate-now'
      ? `Follow up the same-day escalation: ${text}. Check it was acted on and what happens next.`
      : `Care home flag, ${severity}: ${text}.`;
    return {
      residentId: s.resident.id, rule: `flag-${severity}`, due: earliest, status: severity === 'routine' || severity === 'medium' ? 'due' : 'overdue',
      explanation, minutes: FLAG_MINUTES[severity], flagIds: these.map((f) => f.id),
    };
  });
};

/** The representative a family-concern flag came from: named as who raised it, or in its text. */
export function concernRaisers(s: ResidentSnapshot): Map<number, SnapshotFlag[]> {
  const result = new Map<number, SnapshotFlag[]>();
  for (const f of s.flags.filter((x) => liveFlag(x) && x.category === 'family-concern')) {
    const haystack = normaliseName(`${f.raisedBy ?? ''} ${f.text}`);
    for (const rep of s.representatives) {
      const name = normaliseName(rep.name);
      const first = name.split(' ')[0] ?? name;
      if (haystack.includes(name) || (first.length > 2 && new RegExp(`\\b${first}\\b`).test(haystack))) {
        result.set(rep.id, [...(result.get(rep.id) ?? []), f]);
      }
    }
  }
  return result;
}

/** `family-concern`: a relative raised a concern — invite them and carry their questions. */
export const familyConcernReasons: ReasonSource = (s) => {
  const flags = s.flags.filter((f) => liveFlag(f) && f.category === 'family-concern');
  if (flags.length === 0) return [];
  const raisers = concernRaisers(s);
  const names = s.representatives.filter((r) => raisers.has(r.id)).map((r) => `${r.name} (${r.relationship})`);
  const first = s.resident.preferredName ?? s.resident.givenName;
  const text = flags.map((f) => `“${f.text}” (raised ${formatUkDate(f.raisedOn)}${who(f)})`).join('; ');
  return [{
    residentId: s.resident.id, rule: 'family-concern', due: flags.map((f) => f.raisedOn).sort()[0] ?? '', status: 'due',
    explanation: `${names.length > 0 ? names.join(' and ') : 'A relative'} raised a concern about ${first}: ${text}. Invite them and go through their questions.`,
    minutes: FAMILY_CONCERN_MINUTES, flagIds: flags.map((f) => f.id),
  }];
};

/** `open-actions`: actions from an earlier round still open. */
export const openActionReasons: ReasonSource = (s, today) => {
  if (s.openActions.length === 0) return [];
  const text = s.openActions.map((a) => `${a.action ?? a.decision ?? 'action'}${a.owner ? ` (${a.owner.replace('-', ' ')}` : ' ('}${a.dueDate ? `${a.owner ? ', ' : ''}due ${formatUkDate(a.dueDate)})` : ')'}`
    .replace(' ()', '')).join('; ');
  const due = s.openActions.map((a) => a.dueDate ?? a.createdAt.slice(0, 10)).sort()[0] ?? today;
  return [{
    residentId: s.resident.id, rule: 'open-actions', due, status: due < today ? 'overdue' : 'due',
    explanation: `Follow up ${s.openActions.length === 1 ? 'an open action' : `${s.openActions.length} open actions`} from an earlier round: ${text}.`,
    minutes: OPEN_ACTIONS_MINUTES,
  }];
};

/**
 * SNOMED CT codes of a GP or clinician seeing a resident at the home, read from the practice record as a
 * `visit` event: 439708006 |Home visit (procedure)|. Codes whose concept id is not verified are left out
 * rather than guessed; the importer also takes the words ("care home visit", "domiciliary visit", "ward round").
 */
export const VISIT_SNOMED_CODES: readonly string[] = ['439708006'];

/** `continuity`: not seen for 12 weeks (on a round, or a GP visit at the home); a resident never seen counts from admission. */
export const continuityReasons: ReasonSource = (s, today) => {
  const seen = lastSeen(s, today);
  const from = seen?.date ?? s.resident.admissionDate;
  if (!from) return [];
  const due = addDays(from, CONTINUITY_DAYS);
  if (due > today) return [];
  const weeks = Math.floor(daysBetween(from, today) / 7);
  const first = s.resident.preferredName ?? s.resident.givenName;
  return [{
    residentId: s.resident.id, rule: 'continuity', due, status: 'overdue', minutes: CONTINUITY_MINUTES,
    explanation: seen
      ? `${first} was last seen ${seen.how === 'round' ? 'on a round' : 'by a GP at the home'} ${weeks} weeks ago (${formatUkDate(seen.date)}): a review so nobody drifts out of sight.`
      : `${first} has not been seen on a round since admission ${weeks} weeks ago (${formatUkDate(from)}): a review so nobody drifts out of sight.`,
  }];
};

export const ROUND_REASON_SOURCES: readonly ReasonSource[] = [flagReasons, familyConcernReasons, openActionReasons, continuityReasons];
