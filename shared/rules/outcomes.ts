/**
 * Shared outcome figures (issue 8): what the practice and the home go through together. Pure: the store
 * reads the rows (OutcomeData), these functions count. Every figure carries a "how counted" sentence, so
 * nobody has to guess what a number means.
 */
import { addDays, addMonths, daysBetween, formatUkDate } from '../dates';
import type { Figure, MonthlyPoint, OutcomeCharts, OutcomeData, OutcomeSection } from '../domain/reports';
import type { SnapshotCarePlanEntry } from '../domain/snapshot';
import { cprStatus } from './cpr';
import { ruleLabel } from './ruleLabels';

export interface Period {
  from: string;
  to: string;
}

type Resident = OutcomeData['residents'][number];
type CarePlan = OutcomeData['carePlans'][number];

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'] as const;
/** Charts show at most this many months (the most recent ones). */
export const MAX_CHART_MONTHS = 36;

const within = (date: string | null, p: Period): boolean => date !== null && date >= p.from && date <= p.to;

function startedOn(r: Resident): string {
  return r.admissionDate ?? r.createdOn;
}

/** Lived in the home on this day: moved in on or before it and had not left or died by it. */
export function livesThereOn(r: Resident, day: string): boolean {
  if (startedOn(r) > day) return false;
  return r.status === 'active' || r.statusDate === null || r.statusDate > day;
}

/** Lived in the home on at least one day of the period. */
function livedThereDuring(r: Resident, p: Period): boolean {
  if (startedOn(r) > p.to) return false;
  return r.status === 'active' || r.statusDate === null || r.statusDate >= p.from;
}

export const OVERDUE_HOW_COUNTED = 'Medication reviews that the review rules (with the practice’s settings) found overdue on the last day of the period, '
  + 'from the reviews recorded by then, for residents living in the home on that day; by rule.';

/** Care-plan entries as they stood on a day: recorded by then, and not yet replaced by an entry recorded by then. */
export function carePlansAsOf(entries: readonly CarePlan[], day: string): SnapshotCarePlanEntry[] {
  const byId = new Map(entries.map((e) => [e.id, e]));
  return entries
    .filter((e) => e.recordedOn <= day)
    .map((e) => {
      const successor = e.supersededBy === null ? undefined : byId.get(e.supersededBy);
      const supersededBy = successor && successor.recordedOn <= day ? successor.id : null;
      return { id: e.id, element: e.element, value: e.value, details: {}, recordedOn: e.recordedOn, reviewDue: e.reviewDue, participants: {}, source: '', supersededBy };
    });
}

/** Has a current ReSPECT form on that day (the same reading of the record as the CPR status everyone shows). */
function hasRespect(entries: readonly SnapshotCarePlanEntry[]): boolean {
  return cprStatus(entries).respectDate !== null;
}

function currentValue(entries: readonly SnapshotCarePlanEntry[], element: CarePlan['element']): string | null {
  const current = entries.filter((e) => e.element === element && e.supersededBy === null)
    .sort((a, b) => b.recordedOn.localeCompare(a.recordedOn) || b.id - a.id)[0];
  return current?.value.trim() || null;
}

export type Place = 'care-home' | 'hospital' | 'hospice' | 'own-home';

/** Reads a place from free text ("Care home", "Died in Anytown General Hospital"); null when it cannot tell. */
export function placeOf(text: string | null): Place | null {
  const t = (text ?? '').toLowerCase();
  if (/hospice/.test(t)) return 'hospice';
  if (/hospital|\bward\b|a&e|emergency department/.test(t)) return 'hospital';
  if (/own home|usual residence|family home|\bhouse\b/.test(t)) return 'own-home';
  if (/care home|nursing home|residential home|\bhome\b/.test(t)) return 'care-home';
  return null;
}

export function median(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? (sorted[mid] ?? 0) : ((sorted[mid - 1] ?? 0) + (sorted[mid] ?? 0)) / 2;
}

const oneDecimal = (n: number): number => Math.round(n * 10) / 10;
const percent = (part: number, whole: number): number | null => (whole === 0 ? null : Math.round((part / whole) * 100));
const plural = (n: number, one: string, many = `${one}s`): string => `${n} ${n === 1 ? one : many}`;

function share(key: Figure['key'], label: string, part: number, whole: number, howCounted: string): Figure {
  const value = percent(part, whole);
  return { key, label, value, display: value === null ? 'No residents' : `${value}% (${part} of ${whole})`, howCounted };
}

function byRule(rows: readonly { rule: string }[]): { label: string; value: number }[] {
  const counts = new Map<string, number>();
  // Counted by label: rules that share a label (the SMR's two names) are one line, and people never read an id.
  for (const r of rows) counts.set(ruleLabel(r.rule), (counts.get(ruleLabel(r.rule)) ?? 0) + 1);
  return [...counts].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).map(([label, value]) => ({ label, value }));
}

/** A hospital admission: an 'admission' event, unless it is dated the day the resident moved into the home. */
function isHospitalAdmission(event: OutcomeData['events'][number], resident: Resident | undefined): boolean {
  return event.type === 'admission' && event.date !== resident?.admissionDate;
}

/** The headline figures for one home or the practice, over a period. */
export function computeFigures(data: OutcomeData, period: Period): Figure[] {
  const residents = new Map(data.residents.map((r) => [r.id, r]));
  const population = data.residents.filter((r) => livedThereDuring(r, period));
  const atEnd = data.residents.filter((r) => livesThereOn(r, period.to));
  const atEndIds = new Set(atEnd.map((r) => r.id));
  const plansByResident = new Map<number, CarePlan[]>();
  for (const p of data.carePlans) plansByResident.set(p.residentId, [...(plansByResident.get(p.residentId) ?? []), p]);
  const plansOf = (id: number, day: string) => carePlansAsOf(plansByResident.get(id) ?? [], day);

  const heldRounds = data.rounds.filter((r) => (r.status === 'held' || r.status === 'closed'));
  const heldInPeriod = heldRounds.filter((r) => within(r.date, period));
  const heldIds = new Set(heldInPeriod.map((r) => r.id));
  const reviewed = new Set(data.agendaItems.filter((a) => heldIds.has(a.roundId)).map((a) => a.residentId));

  const done = data.reviews.filter((r) => r.status === 'done' && within(r.doneOn, period));
  const overdue = data.overdueAtEnd.filter((r) => atEndIds.has(r.residentId));

  const withRespect = atEnd.filter((r) => hasRespect(plansOf(r.id, period.to))).length;
  const withPpd = atEnd.filter((r) => currentValue(plansOf(r.id, period.to), 'preferred-place-of-death') !== null).length;

  // Flag to review: the first held round on or after the day the flag was raised with the resident on its agenda.
  const roundDate = new Map(heldRounds.map((r) => [r.id, r.date]));
  const seenOn = new Map<number, string[]>();
  for (const a of data.agendaItems) {
    const date = roundDate.get(a.roundId);
    if (date !== undefined) seenOn.set(a.residentId, [...(seenOn.get(a.residentId) ?? []), date]);
  }
  const flags = data.flags.filter((f) => within(f.raisedOn, period));
  const waits: number[] = [];
  for (const f of flags) {
    if (f.residentId === null) continue;
    const first = (seenOn.get(f.residentId) ?? []).filter((d) => d >= f.raisedOn && d <= period.to).sort()[0];
    if (first !== undefined) waits.push(daysBetween(f.raisedOn, first));
  }
  const medianWait = median(waits);

  const eventsInPeriod = data.events.filter((e) => within(e.date, period));
  const admissions = eventsInPeriod.filter((e) => isHospitalAdmission(e, residents.get(e.residentId))).length;
  const attendances = eventsInPeriod.filter((e) => e.type === 'a-and-e').length;
  const rate = (n: number): number | null => (population.length === 0 ? null : oneDecimal((n / population.length) * 100));

  // Deaths: residents recorded as died in the period, and anyone with a death event in it.
  const deathDay = new Map<number, string>();
  for (const r of data.residents) if (r.status === 'died' && within(r.statusDate, period) && r.statusDate) deathDay.set(r.id, r.statusDate);
  for (const e of eventsInPeriod) if (e.type === 'death' && !deathDay.has(e.residentId)) deathDay.set(e.residentId, e.date);
  let inPreferred = 0;
  let bothKnown = 0;
  for (const [id, day] of deathDay) {
    const preferred = placeOf(currentValue(plansOf(id, day), 'preferred-place-of-death'));
    const deathEvent = data.events.filter((e) => e.residentId === id && e.type === 'death').sort((a, b) => Math.abs(daysBetween(a.date, day)) - Math.abs(daysBetween(b.date, day)))[0];
    const actual = placeOf(deathEvent?.details ?? null);
    if (preferred === null || actual === null) continue;
    bothKnown++;
    if (preferred === actual) inPreferred++;
  }
  const deathShare = percent(inPreferred, bothKnown);
  const end = formatUkDate(period.to);

  return [
    { key: 'residents', label: 'Residents', value: population.length, display: String(population.length),
      howCounted: `Residents who lived in the home on at least one day of the period (moved in by ${end} and had not left or died before it began). The rates per 100 residents use this number.` },
    { key: 'rounds-held', label: 'Rounds held', value: heldInPeriod.length, display: String(heldInPeriod.length),
      howCounted: 'Rounds dated in the period whose status is held or closed. Rounds still being planned are not counted.' },
    { key: 'residents-reviewed', label: 'Residents reviewed on a round', value: reviewed.size, display: String(reviewed.size),
      howCounted: 'Different residents with an agenda item (not removed) on a round held in the period; a resident seen twice counts once.' },
    { key: 'reviews-done', label: 'Medication reviews done', value: done.length, display: String(done.length), breakdown: byRule(done),
      howCounted: 'Medication reviews marked done with a done date in the period, by rule.' },
    { key: 'reviews-overdue', label: 'Medication reviews overdue', value: overdue.length, display: String(overdue.length), breakdown: byRule(overdue),
      howCounted: OVERDUE_HOW_COUNTED },
    share('respect-coverage', 'ReSPECT coverage', withRespect, atEnd.length,
      `Residents living in the home on ${end} with a current ReSPECT form recorded by then (replaced entries do not count).`),
    share('ppd-recorded', 'Preferred place of death recorded', withPpd, atEnd.length,
      `Residents living in the home on ${end} with a current preferred place of death recorded by then.`),
    { key: 'flags-raised', label: 'Flags raised by the home', value: flags.length, display: String(flags.length),
      howCounted: 'Flags the home raised with a raised date in the period, matched to a resident or not; flags dismissed as mistakes or duplicates are left out.' },
    { key: 'median-flag-to-review', label: 'Median days from flag to review', value: medianWait,
      display: medianWait === null ? 'No flags reviewed yet' : `${plural(medianWait, 'day')} (${waits.length} of ${flags.length} flags reviewed)`,
      howCounted: `For each flag raised in the period, the days from the flag to the first held round, on or before ${end}, with that resident on the agenda; the median of those. Flags not yet reviewed or not matched to a resident are left out.` },
    { key: 'hospital-admissions-per-100', label: 'Hospital admissions per 100 residents', value: rate(admissions),
      display: rate(admissions) === null ? 'No residents' : `${rate(admissions)} (${plural(admissions, 'admission')})`,
      howCounted: 'Admission events dated in the period (an admission on the day the resident moved into the home is the move, not a hospital stay), per 100 residents.' },
    { key: 'ae-attendances-per-100', label: 'A&E attendances per 100 residents', value: rate(attendances),
      display: rate(attendances) === null ? 'No residents' : `${rate(attendances)} (${plural(attendances, 'attendance')})`,
      howCounted: 'A&E attendance events dated in the period, per 100 residents.' },
    { key: 'deaths', label: 'Deaths', value: deathDay.size, display: String(deathDay.size),
      howCounted: 'Residents recorded as died with a date in the period, and any resident with a death event in the period.' },
    { key: 'deaths-in-preferred-place', label: 'Deaths in the preferred place', value: deathShare,
      display: deathShare === null ? (deathDay.size === 0 ? 'No deaths' : 'Not known') : `${deathShare}% (${inPreferred} of ${bothKnown})${deathDay.size > bothKnown ? `; ${deathDay.size - bothKnown} not known` : ''}`,
      howCounted: 'Deaths where both the preferred place of death (as recorded on the day) and the place of death (from the death event’s details) are known, and the two are the same kind of place: care home, hospital, hospice or own home.' },
  ];
}

function monthsOf(period: Period): MonthlyPoint[] {
  const months: MonthlyPoint[] = [];
  let day = `${period.from.slice(0, 7)}-01`;
  while (day <= period.to) {
    const month = day.slice(0, 7);
    months.push({ month, label: `${MONTHS[Number(month.slice(5, 7)) - 1]} ${month.slice(0, 4)}` });
    day = addMonths(day, 1);
  }
  return months.slice(-MAX_CHART_MONTHS);
}

/** The trends: admissions and A&E per month, reviews done against due, ReSPECT coverage at each month end. */
export function computeCharts(data: OutcomeData, period: Period): OutcomeCharts {
  const residents = new Map(data.residents.map((r) => [r.id, r]));
  const plansByResident = new Map<number, CarePlan[]>();
  for (const p of data.carePlans) plansByResident.set(p.residentId, [...(plansByResident.get(p.residentId) ?? []), p]);
  const months = monthsOf(period);
  const inMonth = (date: string | null, m: MonthlyPoint) => date !== null && date.startsWith(m.month) && date >= period.from && date <= period.to;
  // A review falls due whether or not anyone recorded it: the recorded ones (done or deferred, with the date
  // they were due) and those the rules still find overdue at the end of the period, each counted once, so the
  // chart agrees with the "overdue" figure beside it.
  const dueInMonth = (m: MonthlyPoint) => new Set([
    ...data.reviews.filter((r) => inMonth(r.dueDate, m)).map((r) => `${r.residentId}|${r.rule}|${r.dueDate}`),
    ...data.overdueAtEnd.filter((r) => inMonth(r.dueDate, m)).map((r) => `${r.residentId}|${r.rule}|${r.dueDate}`),
  ]).size;
  return {
    admissionsByMonth: months.map((m) => ({
      ...m,
      admissions: data.events.filter((e) => inMonth(e.date, m) && isHospitalAdmission(e, residents.get(e.residentId))).length,
      aAndE: data.events.filter((e) => inMonth(e.date, m) && e.type === 'a-and-e').length,
    })),
    reviewsByMonth: months.map((m) => ({
      ...m,
      done: data.reviews.filter((r) => r.status === 'done' && inMonth(r.doneOn, m)).length,
      due: dueInMonth(m),
    })),
    acpCoverageByMonth: months.map((m) => {
      const monthEnd = addDays(addMonths(`${m.month}-01`, 1), -1);
      const day = monthEnd < period.to ? monthEnd : period.to;
      const living = data.residents.filter((r) => livesThereOn(r, day));
      const withRespect = living.filter((r) => hasRespect(carePlansAsOf(plansByResident.get(r.id) ?? [], day))).length;
      return { ...m, residents: living.length, withRespect, percent: percent(withRespect, living.length) };
    }),
  };
}

/** The rows of one home. */
export function forHome(data: OutcomeData, homeId: number): OutcomeData {
  const ids = new Set(data.residents.filter((r) => r.homeId === homeId).map((r) => r.id));
  const rounds = data.rounds.filter((r) => r.homeId === homeId);
  const roundIds = new Set(rounds.map((r) => r.id));
  return {
    homes: data.homes.filter((h) => h.id === homeId),
    residents: data.residents.filter((r) => ids.has(r.id)),
    rounds,
    agendaItems: data.agendaItems.filter((a) => roundIds.has(a.roundId)),
    reviews: data.reviews.filter((r) => ids.has(r.residentId)),
    carePlans: data.carePlans.filter((p) => ids.has(p.residentId)),
    flags: data.flags.filter((f) => f.homeId === homeId),
    events: data.events.filter((e) => ids.has(e.residentId)),
    overdueAtEnd: data.overdueAtEnd.filter((r) => ids.has(r.residentId)),
  };
}

/** One section per home, for the practice report. */
export function homeSections(data: OutcomeData, period: Period): OutcomeSection[] {
  return data.homes.map((h) => ({ homeId: h.id, name: h.name, figures: computeFigures(forHome(data, h.id), period) }));
}

/** The figures as CSV rows: scope, figure, value, display, how counted. */
export function figureRows(sections: readonly OutcomeSection[], period: Period): string[][] {
  const rows = [['Scope', 'From', 'To', 'Figure', 'Value', 'As shown', 'How counted']];
  for (const s of sections) {
    for (const f of s.figures) rows.push([s.name, period.from, period.to, f.label, f.value === null ? '' : String(f.value), f.display, f.howCounted]);
  }
  return rows;
}
