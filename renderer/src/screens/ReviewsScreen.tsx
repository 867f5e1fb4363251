import { call } from '../api';
import { DueTag } from '../components/DueTag';
import { ErrorPanel } from '../components/ErrorPanel';
import { Loading } from '../components/Loading';
import { PageHeading } from '../components/PageHeading';
import { SelectField } from '../components/SelectField';
import { SuccessBanner } from '../components/SuccessBanner';
import { formatLongUkDate, formatUkDate } from '../../../shared/dates';
import type { DueStatus } from '../../../shared/domain/due';
import type { CareHome } from '../../../shared/domain/register';
import type { RecordedReview, ReviewRow, ReviewsOverview, UpcomingRound } from '../../../shared/ipc/reviews';
import { formatNhsNumber } from '../../../shared/rules/nhsNumber';
import { useLoad, usePageTitle } from '../hooks';
import { href, navigate } from '../router';

const SECTIONS: { status: DueStatus; id: string; title: string; empty: string }[] = [
  { status: 'overdue', id: 'overdue', title: 'Overdue', empty: 'Nothing is overdue.' },
  { status: 'due', id: 'due', title: 'Due now', empty: 'Nothing falls due today or at the next round.' },
  { status: 'due-soon', id: 'due-soon', title: 'Due soon', empty: 'Nothing is due in the coming weeks.' },
];

/** Medication reviews: due soon, due and overdue with their reasons; where they fit on the rounds; what was done. */
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
  if (homes.length === 0) {
    return <p>No care homes have been added yet. <a href={href('/homes/new')}>Add a care home</a> and its residents; their medication reviews will then be worked out here.</p>;
  }
  const by = (status: DueStatus) => overview.items.filter((i) => i.status === status);
  const scheduled = overview.items.filter((i) => i.scheduledFor !== null);
  const unplaced = overview.items.filter((i) => i.scheduledFor === null);
  const homeOptions = [{ value: '', label: 'All care homes' }, ...homes.map((h) => ({ value: String(h.id), label: h.name }))];
  return (
    <>
      <p className="nhsuk-body-l">
        Worked out for {formatLongUkDate(overview.today)} from each resident’s medicines and records.
        Each review says why it is due.
      </p>
      <div className="app-filters">
        <SelectField
          id="home" label="Care home" options={homeOptions} value={homeId === null ? '' : String(homeId)}
          onChange={(v) => navigate(v === '' ? '/reviews' : `/reviews?home=${v}`)}
        />
      </div>
      <nav aria-label="On this page">
        <ul className="nhsuk-list app-review-counts">
          {SECTIONS.map((s) => <li key={s.id}><a href={`#${s.id}`} onClick={jump(s.id)}>{s.title}: {by(s.status).length}</a></li>)}
          <li><a href="#scheduled" onClick={jump('scheduled')}>Scheduled on a round: {scheduled.length}</a></li>
          <li><a href="#done" onClick={jump('done')}>Done or deferred (last 90 days): {overview.recorded.length}</a></li>
        </ul>
      </nav>
      {overview.items.length === 0 ? (
        <div className="nhsuk-inset-text">
          <p>No medication reviews are due{homeId !== null ? ' at this home' : ''}. Reviews appear here when a resident’s medicines or records show one is due, for example a structured medication review a year after the last, or an antipsychotic taken with dementia.</p>
        </div>
      ) : null}

      {SECTIONS.map((s) => (
        <section key={s.id} aria-labelledby={`${s.id}-heading`}>
          <h2 className="nhsuk-heading-l" id={`${s.id}-heading`}><span id={s.id} tabIndex={-1}>{s.title}</span></h2>
          {by(s.status).length === 0 ? <p>{s.empty}</p> : <ul className="nhsuk-list app-review-list">{by(s.status).map((i) => <ReviewItem key={`${i.residentId}-${i.rule}`} item={i} today={overview.today} />)}</ul>}
        </section>
      ))}

      <section aria-labelledby="scheduled-heading">
        <h2 className="nhsuk-heading-l" id="scheduled-heading"><span id="scheduled" tabIndex={-1}>Scheduled on the coming rounds</span></h2>
        <p>Overdue reviews are placed first, then by due date, into the earliest round with enough time left. A round is never filled past its time.</p>
        {overview.rounds.length === 0 ? <p>No rounds are coming up. Set each home’s usual round day and time available on its <a href={href('/homes')}>care home page</a>.</p> : null}
        {overview.rounds.map((r) => <RoundBlock key={r.key} round={r} items={scheduled.filter((i) => i.homeId === r.homeId && i.scheduledFor === r.date)} />)}
        {unplaced.length > 0 ? (
          <>
            <h3 className="nhsuk-heading-m">Not fitted onto a round ({unplaced.length})</h3>
            <table className="nhsuk-table">
              <caption className="nhsuk-table__caption nhsuk-u-visually-hidden">Reviews not fitted onto a round, and why</caption>
              <thead className="nhsuk-table__head"><tr className="nhsuk-table__row">
                <th scope="col" className="nhsuk-table__header">Resident</th><th scope="col" className="nhsuk-table__header">Review</th><th scope="col" className="nhsuk-table__header">Why not</th>
              </tr></thead>
              <tbody className="nhsuk-table__body">
                {unplaced.map((i) => (
                  <tr key={`${i.residentId}-${i.rule}`} className="nhsuk-table__row">
                    <td className="nhsuk-table__cell"><a href={href(`/residents/${i.residentId}`)}>{i.name}</a><br /><span className="app-secondary-text">{i.home}</span></td>
                    <td className="nhsuk-table__cell">{i.ruleLabel} ({i.minutes} minutes)</td>
                    <td className="nhsuk-table__cell">{i.notScheduledReason}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </>
        ) : null}
      </section>

      <section aria-labelledby="done-heading">
        <h2 className="nhsuk-heading-l" id="done-heading"><span id="done" tabIndex={-1}>Done or deferred</span></h2>
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

function ReviewItem({ item: i, today }: { item: ReviewRow; today: string }) {
  return (
    <li className="app-review">
      <h3 className="nhsuk-heading-s nhsuk-u-margin-bottom-1">
        <a href={href(`/residents/${i.residentId}`)}>{i.name}</a>
        <span className="app-secondary-text app-nowrap">{formatNhsNumber(i.nhsNumber)} · {i.home}</span>
      </h3>
      <p className="nhsuk-u-margin-bottom-1"><DueTag status={i.status} />{i.urgent ? <> <strong className="nhsuk-tag nhsuk-tag--red">Urgent: same-day call to the prescriber</strong></> : null} <strong>{i.ruleLabel}</strong> · {i.status === 'due' && i.due < today ? `for the next round (since ${formatUkDate(i.due)})` : `due ${formatUkDate(i.due)}`}</p>
      <p className="nhsuk-u-margin-bottom-1">{i.explanation}</p>
      <p className="nhsuk-body-s nhsuk-u-margin-bottom-0">
        {i.scheduledFor ? `On the round on ${formatUkDate(i.scheduledFor)} (${i.minutes} minutes). ` : `Not fitted onto a round: ${i.notScheduledReason ?? ''} `}
        <a href={href(`/reviews/record/${i.residentId}/${i.rule}`)}>Record this review<span className="nhsuk-u-visually-hidden"> ({i.ruleLabel}) for {i.name}</span></a>
      </p>
    </li>
  );
}

function RoundBlock({ round: r, items }: { round: UpcomingRound; items: ReviewRow[] }) {
  return (
    <div className="app-round">
      <h3 className="nhsuk-heading-s nhsuk-u-margin-bottom-1">
        {r.home}: {formatLongUkDate(r.date)}
        <span className="app-secondary-text">{r.usedMinutes} of {r.capacityMinutes} minutes used{r.projected ? ' · from the usual round day' : ''}</span>
      </h3>
      {items.length === 0 ? <p className="nhsuk-body-s">No reviews placed on this round.</p> : (
        <ul className="nhsuk-list nhsuk-list--bullet nhsuk-body-s">
          {items.map((i) => <li key={`${i.residentId}-${i.rule}`}>{i.name}: {i.ruleLabel} ({i.minutes} minutes)</li>)}
        </ul>
      )}
    </div>
  );
}

export function RecordedTable({ rows }: { rows: RecordedReview[] }) {
  return (
    <table className="nhsuk-table">
      <caption className="nhsuk-table__caption nhsuk-u-visually-hidden">Reviews recorded as done or deferred</caption>
      <thead className="nhsuk-table__head"><tr className="nhsuk-table__row">
        <th scope="col" className="nhsuk-table__header">Date</th>
        <th scope="col" className="nhsuk-table__header">Resident</th>
        <th scope="col" className="nhsuk-table__header">Review</th>
        <th scope="col" className="nhsuk-table__header">Outcome</th>
      </tr></thead>
      <tbody className="nhsuk-table__body">
        {rows.map((r) => (
          <tr key={r.id} className="nhsuk-table__row">
            <td className="nhsuk-table__cell app-nowrap">{r.status === 'done' ? formatUkDate(r.doneOn) : `Deferred to ${formatUkDate(r.deferredUntil)}`}</td>
            <td className="nhsuk-table__cell"><a href={href(`/residents/${r.residentId}`)}>{r.name}</a></td>
            <td className="nhsuk-table__cell">{r.ruleLabel}</td>
            <td className="nhsuk-table__cell">
              {r.status === 'done' ? <>{r.outcome}{r.doneBy ? ` (${r.doneBy})` : ''}{r.medicinesChanged ? <><br />Medicines changed: {r.medicinesChanged}</> : null}</> : r.deferredReason}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
