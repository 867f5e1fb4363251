/**
 * One timeline per resident, newest first: flags, clinical events, medicine starts and stops, reviews,
 * care-plan entries and round outcomes, each with where it came from. Pure: the service hands it the
 * resident's snapshot, their flags and where records came from.
 */
import { formatUkDate } from '../dates';
import type { FlagView } from '../domain/flags';
import type { TimelineEntry } from '../domain/residentView';
import type { ResidentSnapshot } from '../domain/snapshot';
import { FLAG_LABELS } from './flags';
import { ruleLabel } from './ruleLabels';

export interface TimelineOutcomeInput {
  id: number;
  decision: string | null;
  action: string | null;
  owner: string | null;
  dueDate: string | null;
  status: string;
  roundDate: string | null;
  createdAt: string;
}

const EVENT_LABELS: Record<string, string> = {
  admission: 'Hospital admission', discharge: 'Hospital discharge', 'a-and-e': 'A&E attendance', fall: 'Fall', death: 'Death', visit: 'Seen at the home by the practice', other: 'Clinical event',
};

const ACP_LABELS: Record<string, string> = {
  respect: 'ReSPECT form', dnacpr: 'DNACPR decision', 'preferred-place-of-care': 'Preferred place of care',
  'preferred-place-of-death': 'Preferred place of death', 'lpa-health-welfare': 'LPA for health and welfare', adrt: 'Advance decision to refuse treatment',
  gsf: 'Gold Standards Framework code', 'surprise-question': 'Surprise question', 'what-matters': 'What matters to me',
};

function flagSource(f: FlagView): string {
  const by = f.raisedBy ? `raised by ${f.raisedBy}` : 'raiser not recorded';
  if (f.sourceFile) return `Imported from ${f.sourceFile}${f.enteredBy ? ` by ${f.enteredBy}` : ''}; ${by}`;
  return `Entered by hand${f.enteredBy ? ` by ${f.enteredBy}` : ''}; ${by}`;
}

export function buildTimeline(snapshot: ResidentSnapshot, flags: readonly FlagView[], sources: Readonly<Record<string, string>>,
  outcomes: readonly TimelineOutcomeInput[]): TimelineEntry[] {
  /** The import file when there is one; else the record's own source and who entered it. */
  const source = (table: string, id: number, own: string | null) =>
    sources[`${table}:${id}`] ?? ([own, sources.default].filter(Boolean).join(' – ') || 'Source not recorded');
  const entries: TimelineEntry[] = [];
  for (const f of flags) {
    entries.push({
      key: `flag:${f.id}`, kind: 'flag', date: f.raisedOn, title: `${FLAG_LABELS.category[f.category]} flag${f.categoryOriginal ? ` (“${f.categoryOriginal}”)` : ''}`,
      detail: f.text || null, source: flagSource(f), severity: f.severity, status: FLAG_LABELS.status[f.status], link: `/flags/${f.id}`,
    });
  }
  for (const e of snapshot.events) {
    entries.push({ key: `event:${e.id}`, kind: 'event', date: e.date, title: EVENT_LABELS[e.type] ?? 'Clinical event', detail: e.details,
      source: source('clinical_event', e.id, e.source) });
  }
  for (const m of snapshot.medications) {
    const from = source('medication', m.id, null);
    if (m.startDate) {
      entries.push({ key: `medicine-start:${m.id}`, kind: 'medicine', date: m.startDate, title: `Started ${m.name}`, detail: m.dose, source: from,
        status: m.type === 'acute' ? 'Acute' : 'Repeat' });
    }
    if (m.status === 'stopped' && m.stoppedOn) {
      entries.push({ key: `medicine-stop:${m.id}`, kind: 'medicine', date: m.stoppedOn, title: `Stopped ${m.name}`, detail: m.dose, source: from });
    }
  }
  for (const r of snapshot.reviews) {
    const date = r.doneOn ?? r.dueDate;
    if (!date) continue;
    const what = ruleLabel(r.rule);
    const detail = [r.outcome, r.doneBy ? `by ${r.doneBy}` : null, r.deferredReason].filter(Boolean).join('; ') || null;
    entries.push({ key: `review:${r.id}`, kind: 'review', date, title: r.status === 'done' ? `${what} done` : `${what} ${r.status}`, detail,
      source: source('medication_review', r.id, null), status: r.status });
  }
  for (const p of snapshot.carePlans) {
    entries.push({ key: `care-plan:${p.id}`, kind: 'care-plan', date: p.recordedOn, title: ACP_LABELS[p.element] ?? p.element,
      detail: `${p.value}${p.reviewDue ? ` (review due ${formatUkDate(p.reviewDue)})` : ''}`,
      source: source('advance_care_plan', p.id, p.source), status: p.supersededBy === null ? 'Current' : 'Replaced by a later entry' });
  }
  for (const o of outcomes) {
    entries.push({ key: `outcome:${o.id}`, kind: 'outcome', date: o.roundDate ?? o.createdAt.slice(0, 10), title: o.decision ?? 'Round outcome',
      detail: [o.action, o.owner ? `owner: ${o.owner}` : null, o.dueDate ? `due ${formatUkDate(o.dueDate)}` : null].filter(Boolean).join('; ') || null,
      source: o.roundDate ? `Round on ${formatUkDate(o.roundDate)}` : 'Recorded outside a round', status: o.status });
  }
  return entries.sort((a, b) => b.date.localeCompare(a.date) || b.key.localeCompare(a.key));
}
