import { useMemo, useState } from 'react';
import { call } from '../api';
import { ErrorPanel } from '../components/ErrorPanel';
import { Loading } from '../components/Loading';
import { PageHeading } from '../components/PageHeading';
import { FlagStatusTag, SeverityTag } from '../components/SeverityTag';
import { SuccessBanner } from '../components/SuccessBanner';
import { formatUkDate } from '../../../shared/dates';
import { FLAG_CATEGORIES, FLAG_SEVERITIES, type FlagCategory, type FlagSeverity } from '../../../shared/domain/enums';
import { ListBar, SortHeader, sortRows, usePage, type SortState, FilterSelect } from '../components/ListControls';
import type { CareHome } from '../../../shared/domain/register';
import type { FlagView } from '../../../shared/domain/flags';
import { UNMATCHED_LABELS } from '../../../shared/rules/flagMatching';
import { flagSubject } from '../../../shared/rules/flagMatching';
import { FLAG_LABELS } from '../../../shared/rules/flags';
import { plural } from '../format';
import { useLoad, usePageTitle } from '../hooks';
import { href } from '../router';
import { rawIdentityText } from './flagText';

type StatusFilter = 'current' | 'open' | 'waiting' | 'on-agenda' | 'addressed' | 'closed';
const STATUS_OPTIONS: { value: StatusFilter; label: string }[] = [
  { value: 'current', label: 'Open or on agenda' },
  { value: 'open', label: 'Open' },
  { value: 'waiting', label: 'Waiting (open longer than a round cycle)' },
  { value: 'on-agenda', label: 'On agenda' },
  { value: 'addressed', label: 'Addressed' },
  { value: 'closed', label: 'Closed' },
];
const SEVERITY_OPTIONS: { value: FlagSeverity | ''; label: string }[] = [
  { value: '', label: 'Any severity' }, ...FLAG_SEVERITIES.map((s) => ({ value: s, label: FLAG_LABELS.severity[s] })),
];

export function FlagsScreen({ tab, flash }: { tab: 'flags' | 'unmatched'; flash: string | null }) {
  usePageTitle(tab === 'unmatched' ? 'Unmatched flags' : 'Flags from care homes');
  const [homes, retryHomes] = useLoad(() => call('homes:list', {}), []);
  const [queue, retryQueue] = useLoad(() => call('flags:unmatched', {}), []);
  const queued = queue.status === 'ready' ? queue.value.length : null;
  return (
    <>
      {flash ? <SuccessBanner message={flash} /> : null}
      <PageHeading>Flags from care homes</PageHeading>
      <nav aria-label="Flag lists">
        <ul className="app-tabs">
          <li className={`app-tabs__item${tab === 'flags' ? ' app-tabs__item--selected' : ''}`}>
            <a className="app-tabs__link" href={href('/flags')} aria-current={tab === 'flags' ? 'page' : undefined}>Flags</a>
          </li>
          <li className={`app-tabs__item${tab === 'unmatched' ? ' app-tabs__item--selected' : ''}`}>
            <a className="app-tabs__link" href={href('/flags/unmatched')} aria-current={tab === 'unmatched' ? 'page' : undefined}>
              Unmatched queue{queued === null ? '' : ` (${queued})`}
            </a>
          </li>
        </ul>
      </nav>
      {homes.status === 'loading' ? <Loading what="flags" /> : null}
      {homes.status === 'error' ? <ErrorPanel error={homes.error} onRetry={retryHomes} /> : null}
      {homes.status === 'ready' && homes.value.length === 0 ? (
        <p>Flags come from care homes, so add a care home first on the <a href={href('/homes')}>Homes</a> page.</p>
      ) : null}
      {homes.status === 'ready' && homes.value.length > 0 && tab === 'flags' ? <FlagList homes={homes.value} /> : null}
      {homes.status === 'ready' && homes.value.length > 0 && tab === 'unmatched' ? (
        queue.status === 'ready' ? <UnmatchedQueue flags={queue.value} /> : queue.status === 'error'
          ? <ErrorPanel error={queue.error} onRetry={retryQueue} /> : <Loading what="the unmatched queue" />
      ) : null}
    </>
  );
}

function HowFlagsArrive() {
  return (
    <p>
      Import the file a care home sends (CSV or Excel) with <code className="app-code">npm run cli -- import flags FILE --home NAME</code>,
      or <a href={href('/flags/new')}>record a flag taken over the phone</a>.
    </p>
  );
}

function FlagList({ homes }: { homes: CareHome[] }) {
  const [homeId, setHomeId] = useState('');
  const [status, setStatus] = useState<StatusFilter>('current');
  const [severity, setSeverity] = useState<FlagSeverity | ''>('');
  const [category, setCategory] = useState<FlagCategory | ''>('');
  const [flags, retry] = useLoad(() => call('flags:list', {
    homeId: homeId ? Number(homeId) : undefined, status, severity: severity || undefined,
  }), [homeId, status, severity], { keepPrevious: true });
  const loaded = flags.status === 'ready' ? flags.value : flags.status === 'loading' ? flags.previous : null;
  const shown = useMemo(() => (loaded === null ? null : loaded.filter((f) => category === '' || f.category === category)), [loaded, category]);
  const homeOptions = [{ value: '', label: 'All care homes' }, ...homes.map((h) => ({ value: String(h.id), label: h.name }))];
  const categoryOptions: { value: FlagCategory | ''; label: string }[] = [{ value: '', label: 'Any concern' },
    ...FLAG_CATEGORIES.map((c) => ({ value: c, label: FLAG_LABELS.category[c] }))];
  const newPath = homeId ? `/flags/new?home=${homeId}` : '/flags/new';
  return (
    <>
      <form className="app-filter-bar" aria-label="Filter flags" onSubmit={(e) => e.preventDefault()}>
        <FilterSelect id="flag-home" label="Care home" value={homeId} options={homeOptions} onChange={setHomeId} />
        <FilterSelect id="flag-status" label="Status" value={status} options={STATUS_OPTIONS} onChange={setStatus} />
        <FilterSelect id="flag-severity" label="Severity" value={severity} options={SEVERITY_OPTIONS} onChange={setSeverity} />
        <FilterSelect id="flag-category" label="Concern" value={category} options={categoryOptions} onChange={setCategory} />
        <a className="nhsuk-button" href={href(newPath)} draggable={false}>Record a flag by hand</a>
      </form>
      {flags.status === 'error' ? <ErrorPanel error={flags.error} onRetry={retry} /> : null}
      {shown === null ? <Loading what="flags" /> : null}
      {shown !== null && shown.length === 0 ? (
        <div className="app-no-results">
          <p>No flags match these choices.</p>
          <HowFlagsArrive />
        </div>
      ) : null}
      {shown !== null && shown.length > 0 ? <FlagTable flags={shown} /> : null}
    </>
  );
}

type FlagSort = 'severity' | 'raised' | 'resident' | 'status';
const SEVERITY_ORDER = (s: FlagSeverity) => FLAG_SEVERITIES.indexOf(s);

function FlagTable({ flags }: { flags: FlagView[] }) {
  const [sort, setSort] = useState<SortState<FlagSort>>({ key: 'severity', descending: false });
  // The store lists flags most severe first, newest first within a severity: that is the "severity" order.
  const sorted = useMemo(() => (sort.key === 'severity' ? (sort.descending ? [...flags].reverse() : flags)
    : sortRows(flags, sort, (f, k) => (k === 'raised' ? f.raisedOn : k === 'resident' ? f.residentName ?? '' : `${f.status}${SEVERITY_ORDER(f.severity)}`))), [flags, sort]);
  const page = usePage(sorted);
  const header = (label: string, key: FlagSort) => <SortHeader label={label} sortKey={key} sort={sort} onSort={setSort} />;
  return (
    <>
      <ListBar total={flags.length} offset={page.offset} limit={50} noun="flag" label="Pages of flags" onOffset={page.setOffset} />
      <div className="nhsuk-table-container">
        <table className="nhsuk-table app-table-compact" data-testid="flags-table">
          <caption className="nhsuk-table__caption nhsuk-u-visually-hidden">Flags, most severe first</caption>
          <thead className="nhsuk-table__head">
            <tr>
              {header('Raised', 'raised')}
              {header('Resident', 'resident')}
              <th scope="col">Concern</th>
              {header('Severity', 'severity')}
              {header('Status', 'status')}
            </tr>
          </thead>
          <tbody className="nhsuk-table__body">
            {page.shown.map((f) => (
              <tr key={f.id}>
                <td className="app-nowrap">{formatUkDate(f.raisedOn)}</td>
                <td>
                  {f.residentId ? <a href={href(`/residents/${f.residentId}`)}>{f.residentName}</a> : <strong>{flagSubject(f)}</strong>}
                  <span className="app-secondary-text">{f.homeName}</span>
                </td>
                <td>
                  <a href={href(`/flags/${f.id}`)}>{FLAG_LABELS.category[f.category]}<span className="nhsuk-u-visually-hidden"> flag for {flagSubject(f)}</span></a>
                  {f.text ? <span className="app-secondary-text">{f.text}</span> : null}
                </td>
                <td>
                  <SeverityTag severity={f.severity} />
                  {f.severity === 'escalate-now' && !f.escalationAction ? <span className="app-secondary-text">Action today not yet recorded</span> : null}
                </td>
                <td><FlagStatusTag status={f.status} waiting={f.waiting} /></td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}

function UnmatchedQueue({ flags }: { flags: FlagView[] }) {
  if (flags.length === 0) {
    return (
      <div className="nhsuk-inset-text">
        <span className="nhsuk-u-visually-hidden">Information: </span>
        <p>The unmatched queue is empty. Flags land here when Roundtable cannot be sure which resident they are about; a person then decides.</p>
      </div>
    );
  }
  return (
    <>
      <p>{plural(flags.length, 'flag')} could not be matched safely to a resident. For each one, check the identity the care home wrote against the register, then confirm the resident, add a new resident, or dismiss it with a reason.</p>
      <table className="nhsuk-table">
        <caption className="nhsuk-table__caption nhsuk-u-visually-hidden">Unmatched flags</caption>
        <thead className="nhsuk-table__head">
          <tr>
            <th scope="col">Identity as written</th>
            <th scope="col">Why it is here</th>
            <th scope="col">Concern</th>
            <th scope="col">Candidates</th>
          </tr>
        </thead>
        <tbody className="nhsuk-table__body">
          {flags.map((f) => (
            <tr key={f.id}>
              <td>
                <a href={href(`/flags/${f.id}`)}>{rawIdentityText(f.rawIdentity)}</a>
                <span className="app-secondary-text">{f.homeName}, raised {formatUkDate(f.raisedOn)}</span>
              </td>
              <td>
                {f.unmatchedReason ? UNMATCHED_LABELS[f.unmatchedReason] : 'Not matched'}
                {f.unmatchedExplanation ? <span className="app-secondary-text">{f.unmatchedExplanation}</span> : null}
              </td>
              <td>
                {FLAG_LABELS.category[f.category]} <SeverityTag severity={f.severity} />
                {f.text ? <span className="app-secondary-text">{f.text}</span> : null}
              </td>
              <td>{f.candidates.length === 0 ? 'None found' : f.candidates.map((c) => `${c.givenName} ${c.familyName}`).join(', ')}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}
