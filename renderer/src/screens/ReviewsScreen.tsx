import { useMemo, useState } from 'react';
import { call } from '../api';
import { DueTag } from '../components/DueTag';
import { ErrorPanel } from '../components/ErrorPanel';
import { ListBar, SortHeader, formatCount, sortRows, usePage, type SortState } from '../components/ListControls';
import { Loading } from '../components/Loading';
import { PageHeading } from '../components/PageHeading';
import { SelectField } from '../components/SelectField';
import { SuccessBanner } from '../components/SuccessBanner';
import { TextField } from '../components/TextField';
import { formatLongUkDate, formatUkDate } from '../../../shared/dates';
import type { DueStatus } from '../../../shared/domain/due';
import type { CareHome } from '../../../shared/domain/register';
import type { RecordedReview, ReviewRow, ReviewsOverview, UpcomingRound } from '../../../shared/ipc/reviews';
import { formatNhsNumber } from '../../../shared/rules/nhsNumber';
import { ruleLabel } from '../../../shared/rules/ruleLabels';
import { searchKey } from '../../../shared/text';
import { useLoad, usePageTitle } from '../hooks';
import { href, navigate } from '../router';

const PRESSING: Record<DueStatus, number> = { overdue: 0, due: 1, 'due-soon': 2 };
type StatusFilter = '' | DueStatus | 'unplaced';
const STATUS_OPTIONS: { value: StatusFilter; label: string }[] = [
  { value: '', label: 'Everything due' }, { value: 'overdue', label: 'Overdue' }, { value: 'due', label: 'Due now' },
  { value: 'due-soon', label: 'Due soon' }, { value: 'unplaced', label: 'Not fitted onto a round' },
];

/** One resident's reviews in one row: the most pressing first. */
export interface ResidentReviews {
  residentId: number;
  name: string;
  nhsNumber: string;
  home: string;
  items: ReviewRow[];
  worst: DueStatus;
  earliest: string;
}

export function groupByResident(items: readonly ReviewRow[]): ResidentReviews[] {
  const byResident = new Map<number, ReviewRow[]>();
  for (const i of items) byResident.set(i.residentId, [...(byResident.get(i.residentId) ?? []), i]);
  return [...byResident.values()].map((rows) => {
    const sorted = [...rows].sort((a, b) => PRESSING[a.status] - PRESSING[b.status] || a.due.localeCompare(b.due));
    const first = sorted[0] as ReviewRow;
    return { residentId: first.residentId, name: first.name, nhsNumber: first.nhsNumber, home: first.home, items: sorted, worst: first.status,
      earliest: sorted.map((r) => r.due).sort()[0] ?? first.due };
  });
}

type ReviewSort = 'pressing' | 'name' | 'home' | 'due';

/** Medication reviews: one row per resident with their reasons, where they fit on the rounds, and what was done. */
export function ReviewsScreen({ homeId, flash }: { homeId: number | null; flash: string | null }) {
  usePageTitle('Medication reviews');
  const [data, retry] = useLoad(() => Promise.all([
    call('homes:list', {}),
    call('reviews:overview', homeId === null ? {} : { homeId }),
  ]), [homeId]);
  return (
    <>
      {flash ? <SuccessBanner message={flash} /> : null}
      <PageHeading>Medication reviews</PageHeading>
      {data.status === 'loading' ? <Loading what="the reviews due" /> : null}
      {data.status === 'error' ? <ErrorPanel error={data.error} onRetry={retry} /> : null}
      {data.status === 'ready' ? <Overview homes={data.value[0]} overview={data.value[1]} homeId={homeId} /> : null}
    </>
  );
}

function Overview({ homes, overview, homeId }: { homes: CareHome[]; overview: ReviewsOverview; homeId: number | null }) {
  const [status, setStatus] = useState<StatusFilter>('');
  const [rule, setRule] = useState('');
  const [text, setText] = useState('');
  const [sort, setSort] = useState<SortState<ReviewSort>>({ key: 'pressing', descending: false });
  const groups = useMemo(() => groupByResident(overview.items), [overview.items]);
  const rules = useMemo(() => [...new Set(overview.items.map((i) => i.rule))].map((r) => ({ value: r, label: ruleLabel(r) }))
    .sort((a, b) => a.label.localeCompare(b.label)), [overview.items]);
  const shown = useMemo(() => {
    const key = searchKey(text);
    const matches = groups.filter((g) => (key === '' || searchKey(g.name).includes(key) || g.nhsNumber.includes(key.replace(/\s/g, '')))
      && g.items.some((i) => (rule === '' || i.rule === rule) && (status === '' || (status === 'unplaced' ? i.scheduledFor === null : i.status === status))));
    return sortRows(matches, sort, (g, k) => (k === 'name' ? g.name : k === 'home' ? g.home : k === 'due' ? g.earliest : `${PRESSING[g.worst]}${g.earliest}`));
  }, [groups, text, rule, status, sort]);
  const page = usePage(shown);
  if (homes.length === 0) {
    return <p>No care homes have been added yet. <a href={href('/homes/new')}>Add a care home</a> and its residents; their medication reviews will then be worked out here.</p>;
  }
  const count = (s: DueStatus) => overview.items.filter((i) => i.status === s).length;
  const unplaced = overview.items.filter((i) => i.scheduledFor === null).length;
  const homeOptions = [{ value: '', label: 'All care homes' }, ...homes.map((h) => ({ value: String(h.id), label: h.name }))];
  const header = (label: string, key: ReviewSort) => <SortHeader label={label} sortKey={key} sort={sort} onSort={setSort} />;
  return (
    <>
      <p>
        Worked out for {formatLongUkDate(overview.today)} from each resident’s medicines and records; each review says why it is due.{' '}
        <span className="app-nowrap">Overdue: {formatCount(count('overdue'))}</span> · <span className="app-nowrap">Due now: {formatCount(count('due'))}</span> ·{' '}
        <span className="app-nowrap">Due soon: {formatCount(count('due-soon'))}</span> · <span className="app-nowrap">Not fitted onto a round: {formatCount(unplaced)}</span> ·{' '}
        <a href="#done" onClick={jump('done')}>Done or deferred (last 90 days): {formatCount(overview.recorded.length)}</a>
      </p>
      <form className="app-filter-bar" role="search" aria-label="Filter reviews" onSubmit={(e) => e.preventDefault()}>
        <div className="app-filter-bar__search">
          <TextField id="reviews-search" label="Resident’s name or NHS number" type="search" maxLength={100} value={text} onChange={setText} />
        </div>
        <div className="app-filter-bar__item">
          <SelectField id="home" label="Care home" options={homeOptions} value={homeId === null ? '' : String(homeId)} selectClassName="nhsuk-u-width-full"
            onChange={(v) => navigate(v === '' ? '/reviews' : `/reviews?home=${v}`)} />
        </div>
        <div className="app-filter-bar__item">
          <SelectField id="reviews-status" label="Status" options={STATUS_OPTIONS} value={status} onChange={setStatus} selectClassName="nhsuk-u-width-full" />
        </div>
        <div className="app-filter-bar__item">
          <SelectField id="reviews-reason" label="Reason" options={[{ value: '', label: 'Any reason' }, ...rules]} value={rule} onChange={setRule} selectClassName="nhsuk-u-width-full" />
        </div>
      </form>

      {overview.items.length === 0 ? (
        <div className="nhsuk-inset-text">
          <p>No medication reviews are due{homeId !== null ? ' at this home' : ''}. Reviews appear here when a resident’s medicines or records show one is due, for example a structured medication review a year after the last, or an antipsychotic taken with dementia.</p>
        </div>
      ) : (
        <section aria-labelledby="due-heading">
          <h2 className="nhsuk-u-visually-hidden" id="due-heading">Residents with reviews due</h2>
          <ListBar total={shown.length} offset={page.offset} limit={50} noun="resident with reviews due" nouns="residents with reviews due" label="Pages of residents with reviews due" onOffset={page.setOffset} />
          {shown.length === 0 ? <p>No residents match these filters.</p> : (
            <div className="nhsuk-table-container">
              <table className="nhsuk-table app-table-compact" data-testid="reviews-table">
                <caption className="nhsuk-table__caption nhsuk-u-visually-hidden">Residents with medication reviews due, one row each, most pressing first</caption>
                <thead className="nhsuk-table__head">
                  <tr className="nhsuk-table__row">
                    {header('Resident', 'name')}
                    {header('Care home', 'home')}
                    {header('Most pressing', 'pressing')}
                    {header('Earliest due', 'due')}
                    <th className="nhsuk-table__header" scope="col">Reviews, where they fit, and why</th>
                  </tr>
                </thead>
                <tbody className="nhsuk-table__body">
                  {page.shown.map((g) => <ResidentRow key={g.residentId} group={g} today={overview.today} />)}
                </tbody>
              </table>
            </div>
          )}
        </section>
      )}

      <RoundsTable rounds={overview.rounds} />

      <section aria-labelledby="done-heading">
        <h2 className="nhsuk-heading-m" id="done-heading"><span id="done" tabIndex={-1}>Done or deferred</span></h2>
        {overview.recorded.length === 0 ? <p>No reviews have been recorded in the last 90 days. Use “Record this review” on a review above once it has been done or put off.</p> : <RecordedTable rows={overview.recorded} />}
      </section>

      <p className="nhsuk-body-s app-secondary-text">Rules in force: {overview.rulesVersion}. Intervals and minutes: <a href={href('/settings')}>settings</a>.</p>
    </>
  );
}

/** In-page links move focus without changing the route hash. */
function jump(id: string) {
  return (e: { preventDefault: () => void }) => {
    e.preventDefault();
    const el = document.getElementById(id);
    el?.focus();
    el?.scrollIntoView({ block: 'start' });
  };
}

function whenDue(i: ReviewRow, today: string): string {
  return i.status === 'due' && i.due < today ? `for the next round (since ${formatUkDate(i.due)})` : `due ${formatUkDate(i.due)}`;
}

function ResidentRow({ group: g, today }: { group: ResidentReviews; today: string }) {
  return (
    <tr className="nhsuk-table__row">
      <td className="nhsuk-table__cell">
        <a href={href(`/residents/${g.residentId}`)}>{g.name}</a>
        <span className="app-secondary-text app-nowrap">{formatNhsNumber(g.nhsNumber)}</span>
      </td>
      <td className="nhsuk-table__cell">{g.home}</td>
      <td className="nhsuk-table__cell"><DueTag status={g.worst} /></td>
      <td className="nhsuk-table__cell app-nowrap">{formatUkDate(g.earliest)}</td>
      <td className="nhsuk-table__cell">
        <details className="nhsuk-details">
          <summary className="nhsuk-details__summary">
            <span className="nhsuk-details__summary-text">
              {g.items.map((i) => ruleLabel(i.rule)).join('; ')}
              <span className="nhsuk-u-visually-hidden">: details for {g.name}</span>
            </span>
          </summary>
          <div className="nhsuk-details__text">
            <ul className="nhsuk-list nhsuk-u-margin-bottom-0">
              {g.items.map((i) => (
                <li key={i.rule} className="nhsuk-u-margin-bottom-2">
                  <DueTag status={i.status} /> <strong>{ruleLabel(i.rule)}</strong> · {whenDue(i, today)} · {i.minutes} minutes
                  <br />{i.explanation}
                  <br />{i.scheduledFor ? `On the round on ${formatUkDate(i.scheduledFor)}.` : `Not fitted onto a round: ${i.notScheduledReason ?? ''}`}{' '}
                  <a href={href(`/reviews/record/${i.residentId}/${i.rule}`)}>Record this review<span className="nhsuk-u-visually-hidden"> ({ruleLabel(i.rule)}) for {i.name}</span></a>
                </li>
              ))}
            </ul>
          </div>
        </details>
      </td>
    </tr>
  );
}

/**
 * The coming rounds: the minutes already on each round's agenda (the figure the round itself shows, so
 * "time left" means one thing everywhere), and the reviews this schedule suggests for it.
 */
function RoundsTable({ rounds }: { rounds: UpcomingRound[] }) {
  const page = usePage(rounds);
  return (
    <section aria-labelledby="scheduled-heading">
      <h2 className="nhsuk-heading-m" id="scheduled-heading"><span id="scheduled" tabIndex={-1}>The coming rounds</span></h2>
      <p>Overdue reviews are placed first, then by due date, into the earliest round with enough time left. A round is never filled past its time.</p>
      {rounds.length === 0 ? <p>No rounds are coming up. Set each home’s usual round day and time available on its <a href={href('/homes')}>care home page</a>.</p> : (
        <>
          <ListBar total={rounds.length} offset={page.offset} limit={50} noun="round" label="Pages of coming rounds" onOffset={page.setOffset} live={false} />
          <div className="nhsuk-table-container">
            <table className="nhsuk-table app-table-compact" data-testid="rounds-table">
              <caption className="nhsuk-table__caption nhsuk-u-visually-hidden">The coming rounds, their time, and the reviews suggested for each</caption>
              <thead className="nhsuk-table__head">
                <tr className="nhsuk-table__row">
                  <th className="nhsuk-table__header" scope="col">Round</th>
                  <th className="nhsuk-table__header" scope="col">On the agenda</th>
                  <th className="nhsuk-table__header" scope="col">Time left</th>
                  <th className="nhsuk-table__header" scope="col">Reviews suggested</th>
                </tr>
              </thead>
              <tbody className="nhsuk-table__body">
                {page.shown.map((r) => (
                  <tr className="nhsuk-table__row" key={r.key}>
                    <td className="nhsuk-table__cell">{r.home}: {formatLongUkDate(r.date)}{r.projected ? <span className="app-secondary-text">from the usual round day</span> : null}</td>
                    <td className="nhsuk-table__cell app-nowrap">{r.usedMinutes} of {r.capacityMinutes} minutes</td>
                    <td className="nhsuk-table__cell app-nowrap">{Math.max(0, r.capacityMinutes - r.usedMinutes)} minutes</td>
                    <td className="nhsuk-table__cell app-nowrap">{r.reviewMinutes === 0 ? 'None' : `${r.reviewMinutes} minutes`}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      )}
    </section>
  );
}

export function RecordedTable({ rows }: { rows: RecordedReview[] }) {
  const page = usePage(rows);
  return (
    <>
    {rows.length > 50 ? <ListBar total={rows.length} offset={page.offset} limit={50} noun="review" label="Pages of reviews recorded" onOffset={page.setOffset} live={false} /> : null}
    <table className="nhsuk-table app-table-compact">
      <caption className="nhsuk-table__caption nhsuk-u-visually-hidden">Reviews recorded as done or deferred</caption>
      <thead className="nhsuk-table__head"><tr className="nhsuk-table__row">
        <th scope="col" className="nhsuk-table__header">Date</th>
        <th scope="col" className="nhsuk-table__header">Resident</th>
        <th scope="col" className="nhsuk-table__header">Review</th>
        <th scope="col" className="nhsuk-table__header">Outcome</th>
      </tr></thead>
      <tbody className="nhsuk-table__body">
        {page.shown.map((r) => (
          <tr key={r.id} className="nhsuk-table__row">
            <td className="nhsuk-table__cell app-nowrap">{r.status === 'done' ? formatUkDate(r.doneOn) : `Deferred to ${formatUkDate(r.deferredUntil)}`}</td>
            <td className="nhsuk-table__cell"><a href={href(`/residents/${r.residentId}`)}>{r.name}</a></td>
            <td className="nhsuk-table__cell">{ruleLabel(r.rule)}</td>
            <td className="nhsuk-table__cell">
              {r.status === 'done' ? <>{r.outcome}{r.doneBy ? ` (${r.doneBy})` : ''}{r.medicinesChanged ? <><br />Medicines changed: {r.medicinesChanged}</> : null}</> : r.deferredReason}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
    </>
  );
}
