import { useEffect, useState } from 'react';
import { call } from '../api';
import { DueTag } from '../components/DueTag';
import { ErrorPanel } from '../components/ErrorPanel';
import { ListBar, PAGE_SIZE, SortHeader, formatCount, usePage, type SortState, useSettledText, FilterSelect } from '../components/ListControls';
import { Loading } from '../components/Loading';
import { PageHeading } from '../components/PageHeading';
import { SuccessBanner } from '../components/SuccessBanner';
import { TextField } from '../components/TextField';
import { SEVERITY_TAGS } from '../components/tagColours';
import { formatLongUkDate, formatUkDate } from '../../../shared/dates';
import type { DueStatus } from '../../../shared/domain/due';
import type { CareHome } from '../../../shared/domain/register';
import type { DueListSort } from '../../../shared/domain/lists';
import type { RecordedReview, ResidentReviews, ReviewRow, UpcomingRound } from '../../../shared/ipc/reviews';
import { formatNhsNumber } from '../../../shared/rules/nhsNumber';
import { ruleLabel } from '../../../shared/rules/ruleLabels';
import { useLoad, usePageTitle } from '../hooks';
import { href, navigate } from '../router';

type StatusFilter = '' | DueStatus | 'unplaced';
const STATUS_OPTIONS: { value: StatusFilter; label: string }[] = [
  { value: '', label: 'Everything due' }, { value: 'overdue', label: 'Overdue' }, { value: 'due', label: 'Due now' },
  { value: 'due-soon', label: 'Due soon' }, { value: 'unplaced', label: 'Not fitted onto a round' },
];
/** Long enough to let a name be typed, short enough to feel immediate. */

/** Medication reviews: one row per resident with their reasons, where they fit on the rounds, and what was done. */
export function ReviewsScreen({ homeId, flash }: { homeId: number | null; flash: string | null }) {
  usePageTitle('Medication reviews');
  const [homes, retry] = useLoad(() => call('homes:list', {}), []);
  return (
    <>
      {flash ? <SuccessBanner message={flash} /> : null}
      <PageHeading>Medication reviews</PageHeading>
      {homes.status === 'error' ? <ErrorPanel error={homes.error} onRetry={retry} /> : null}
      {homes.status === 'ready' && homes.value.length === 0 ? (
        <p>No care homes have been added yet. <a href={href('/homes/new')}>Add a care home</a> and its residents; their medication reviews will then be worked out here.</p>
      ) : null}
      {homes.status === 'loading' || (homes.status === 'ready' && homes.value.length > 0)
        ? <Overview key={homeId ?? 'all'} homes={homes.status === 'ready' ? homes.value : []} homeId={homeId} /> : null}
    </>
  );
}

function Overview({ homes, homeId }: { homes: CareHome[]; homeId: number | null }) {
  const [status, setStatus] = useState<StatusFilter>('');
  const [rule, setRule] = useState('');
  const [text, setText] = useState('');
  const [term, setTerm] = useSettledText(text);
  const [sort, setSort] = useState<SortState<DueListSort>>({ key: 'pressing', descending: false });
  const [offset, setOffset] = useState(0);
  useEffect(() => setOffset(0), [term, status, rule, sort.key, sort.descending]);
  const [data, retry] = useLoad(() => call('reviews:list', {
    ...(homeId === null ? {} : { homeId }), query: term || undefined, status: status || undefined, rule: rule || undefined,
    sort: sort.key, descending: sort.descending, offset, limit: PAGE_SIZE,
  }), [homeId, term, status, rule, sort.key, sort.descending, offset], { keepPrevious: true });
  const list = data.status === 'ready' ? data.value : data.status === 'loading' ? data.previous : null;
  const homeOptions = [{ value: '', label: 'All care homes' }, ...homes.map((h) => ({ value: String(h.id), label: h.name }))];
  if (homeId !== null && !homes.some((h) => h.id === homeId)) homeOptions.push({ value: String(homeId), label: homes.length ? 'Care home not found' : 'Loading…' });
  const ruleOptions = [{ value: '', label: 'Any reason' }, ...(list?.rules ?? []).map((r) => ({ value: r, label: ruleLabel(r) })).sort((a, b) => a.label.localeCompare(b.label))];
  if (rule !== '' && !ruleOptions.some((o) => o.value === rule)) ruleOptions.push({ value: rule, label: ruleLabel(rule) });
  const header = (label: string, key: DueListSort) => <SortHeader label={label} sortKey={key} sort={sort} onSort={setSort} />;
  const toPage = (n: number) => { setOffset(n); window.scrollTo(0, 0); };
  return (
    <>
      {list ? (
        <p>
          Worked out for {formatLongUkDate(list.today)} from each resident’s medicines and records; each review says why it is due.{' '}
          <span className="app-nowrap">Overdue: {formatCount(list.counts.overdue)}</span> · <span className="app-nowrap">Due now: {formatCount(list.counts.due)}</span> ·{' '}
          <span className="app-nowrap">Due soon: {formatCount(list.counts.dueSoon)}</span> · <span className="app-nowrap">Not fitted onto a round: {formatCount(list.counts.unplaced)}</span> ·{' '}
          <a href="#done" onClick={jump('done')}>Done or deferred (last 90 days): {formatCount(list.recorded.length)}</a>
        </p>
      ) : null}
      <form className="app-filter-bar" role="search" aria-label="Filter reviews" onSubmit={(e) => { e.preventDefault(); setTerm(text.trim()); }}>
        <div className="app-filter-bar__search">
          <TextField id="reviews-search" label="Resident’s name or NHS number" type="search" maxLength={100} value={text} onChange={setText} />
        </div>
        <FilterSelect id="home" label="Care home" options={homeOptions} value={homeId === null ? '' : String(homeId)}
            onChange={(v) => navigate(v === '' ? '/reviews' : `/reviews?home=${v}`)} />
        <FilterSelect id="reviews-status" label="Status" options={STATUS_OPTIONS} value={status} onChange={setStatus} />
        <FilterSelect id="reviews-reason" label="Reason" options={ruleOptions} value={rule} onChange={setRule} />
      </form>

      {data.status === 'error' ? <ErrorPanel error={data.error} onRetry={retry} /> : null}
      {list === null && data.status === 'loading' ? <Loading what="the reviews due" /> : null}
      {list !== null && list.residents.total === 0 && !term && !status && !rule ? (
        <div className="nhsuk-inset-text">
          <p>No medication reviews are due{homeId !== null ? ' at this home' : ''}. Reviews appear here when a resident’s medicines or records show one is due, for example a structured medication review a year after the last, or an antipsychotic taken with dementia.</p>
        </div>
      ) : null}
      {list !== null && (list.residents.total > 0 || term || status || rule) ? (
        <section aria-labelledby="due-heading">
          <h2 className="nhsuk-u-visually-hidden" id="due-heading">Residents with reviews due</h2>
          <ListBar total={list.residents.total} offset={list.residents.offset} limit={list.residents.limit} noun="resident with reviews due" nouns="residents with reviews due"
            label="Pages of residents with reviews due" onOffset={toPage} busy={data.status === 'loading'} />
          {list.residents.total === 0 ? <p>No residents match these filters.</p> : (
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
                  {list.residents.rows.map((g) => <ResidentRow key={g.residentId} group={g} today={list.today} />)}
                </tbody>
              </table>
            </div>
          )}
        </section>
      ) : null}

      {list ? (
        <>
          <RoundsTable rounds={list.rounds} />
          <section aria-labelledby="done-heading">
            <h2 className="nhsuk-heading-m" id="done-heading"><span id="done" tabIndex={-1}>Done or deferred</span></h2>
            {list.recorded.length === 0 ? <p>No reviews have been recorded in the last 90 days. Use “Record this review” on a review above once it has been done or put off.</p> : <RecordedTable rows={list.recorded} />}
          </section>
          <p className="nhsuk-body-s app-secondary-text">Rules in force: {list.rulesVersion}. Intervals and minutes: <a href={href('/settings')}>settings</a>.</p>
        </>
      ) : null}
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
      <td className="nhsuk-table__cell"><DueTag status={g.worst} />{g.items.some((i) => i.urgent) ? <> <strong className={`nhsuk-tag ${SEVERITY_TAGS.urgent}`}>Urgent: same-day call to the prescriber</strong></> : null}</td>
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
                  <DueTag status={i.status} />{i.urgent ? <> <strong className={`nhsuk-tag ${SEVERITY_TAGS.urgent}`}>Urgent</strong></> : null} <strong>{ruleLabel(i.rule)}</strong> · {whenDue(i, today)} · {i.minutes} minutes
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
