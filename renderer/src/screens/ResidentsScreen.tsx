import { useEffect, useState } from 'react';
import { call } from '../api';
import { ErrorPanel } from '../components/ErrorPanel';
import { Loading } from '../components/Loading';
import { PageHeading } from '../components/PageHeading';
import { SuccessBanner } from '../components/SuccessBanner';
import { TextField } from '../components/TextField';
import type { CareHome } from '../../../shared/domain/register';
import { LABELS, RESIDENT_STATUSES, type ResidentStatus } from '../../../shared/domain/enums';
import type { ResidentSort } from '../../../shared/domain/lists';
import { ListBar, PAGE_SIZE, type SortState, useSettledText, FilterSelect } from '../components/ListControls';
import { useLoad, usePageTitle } from '../hooks';
import { href } from '../router';
import { ResidentsTable } from './ResidentsTable';

type StatusFilter = ResidentStatus | 'all';
const STATUS_OPTIONS: { value: StatusFilter; label: string }[] = [
  ...RESIDENT_STATUSES.map((s) => ({ value: s, label: LABELS.residentStatus[s] })),
  { value: 'all', label: 'Everyone' },
];
/** Long enough to let a name be typed, short enough to feel immediate. */

export function ResidentsScreen({ homeId, flash }: { homeId: number | null; flash: string | null }) {
  usePageTitle('Residents');
  const [homes, retry] = useLoad(() => call('homes:list', {}), []);
  return (
    <>
      {flash ? <SuccessBanner message={flash} /> : null}
      <PageHeading>Residents</PageHeading>
      {homes.status === 'error' ? <ErrorPanel error={homes.error} onRetry={retry} /> : null}
      {homes.status === 'ready' && homes.value.length === 0 ? <NoHomes /> : null}
      {/* The first page loads alongside the homes, not after them: one wait, not two. */}
      {homes.status === 'loading' || (homes.status === 'ready' && homes.value.length > 0)
        ? <Register homes={homes.status === 'ready' ? homes.value : []} initialHomeId={homeId} /> : null}
    </>
  );
}

function NoHomes() {
  return (
    <div className="nhsuk-grid-row">
      <div className="nhsuk-grid-column-two-thirds">
        <p className="nhsuk-body-l">There are no residents yet.</p>
        <p>Residents belong to a care home, so add a care home first. You can then add the people who live there.</p>
        <a className="nhsuk-button" href={href('/homes/new')} draggable={false}>Add a care home</a>
      </div>
    </div>
  );
}

type Reason = '' | 'open-flag' | 'reviews' | 'care-plan';
const REASON_OPTIONS: { value: Reason; label: string }[] = [
  { value: '', label: 'Anyone' },
  { value: 'open-flag', label: 'With an open flag' },
  { value: 'reviews', label: 'With reviews due' },
  { value: 'care-plan', label: 'With care-plan gaps' },
];

function Register({ homes, initialHomeId }: { homes: CareHome[]; initialHomeId: number | null }) {
  const [text, setText] = useState('');
  const [term, setTerm] = useSettledText(text);
  // An unknown home in the address simply matches nobody; the list says so.
  const [homeId, setHomeId] = useState(initialHomeId !== null ? String(initialHomeId) : '');
  const [status, setStatus] = useState<StatusFilter>('active');
  const [reason, setReason] = useState<Reason>('');
  const [sort, setSort] = useState<SortState<ResidentSort>>({ key: 'home', descending: false });
  const [offset, setOffset] = useState(0);

  // Search as you type, once typing pauses; pressing Search skips the wait.
  // A new filter or order starts again at the first page.
  useEffect(() => setOffset(0), [term, homeId, status, reason, sort.key, sort.descending]);

  const [results, retry] = useLoad(
    () => call('residents:page', {
      query: term || undefined, homeId: homeId ? Number(homeId) : undefined, status, withOpenFlag: reason === 'open-flag' || undefined,
      due: reason === 'reviews' || reason === 'care-plan' ? reason : undefined,
      sort: sort.key, descending: sort.descending, offset, limit: PAGE_SIZE,
    }),
    [term, homeId, status, reason, sort.key, sort.descending, offset],
    { keepPrevious: true },
  );
  const shown = results.status === 'ready' ? results.value : results.status === 'loading' ? results.previous : null;
  const filtered = term !== '' || homeId !== '' || status !== 'active' || reason !== '';
  const homeOptions = [{ value: '', label: 'All care homes' }, ...homes.map((h) => ({ value: String(h.id), label: h.name }))];
  if (homeId !== '' && !homes.some((h) => String(h.id) === homeId)) homeOptions.push({ value: homeId, label: homes.length ? 'Care home not found' : 'Loading…' });
  const addPath = homeId ? `/residents/new?home=${homeId}` : '/residents/new';
  const toPage = (n: number) => { setOffset(n); window.scrollTo(0, 0); };

  return (
    <>
      <form
        className="app-filter-bar"
        role="search"
        aria-label="Find residents"
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          setTerm(text.trim());
        }}
      >
        <div className="app-filter-bar__search">
          <TextField
            id="search" label="Search by name, NHS number or room" type="search" maxLength={100}
            value={text} onChange={setText}
            afterInput={<button className="nhsuk-button nhsuk-button--secondary nhsuk-button--small" type="submit">Search</button>}
          />
        </div>
        <FilterSelect id="filter-home" label="Care home" options={homeOptions} value={homeId} onChange={setHomeId} />
        <FilterSelect id="filter-status" label="Status" options={STATUS_OPTIONS} value={status} onChange={setStatus} />
        <FilterSelect id="filter-reason" label="Needs attention" options={REASON_OPTIONS} value={reason} onChange={setReason} />
        <a className="nhsuk-button" href={href(addPath)} draggable={false}>Add a resident</a>
      </form>

      {results.status === 'error' ? <ErrorPanel error={results.error} onRetry={retry} /> : null}
      {shown === null && results.status === 'loading' ? <Loading what="residents" /> : null}
      {shown !== null && shown.total > 0 ? (
        <>
          <ListBar total={shown.total} offset={shown.offset} limit={shown.limit} noun="resident" label="Pages of residents" onOffset={toPage} busy={results.status === 'loading'} />
          <ResidentsTable rows={shown.rows} showStatus={status !== 'active'} sort={sort} onSort={setSort} />
          {shown.total > shown.limit ? <ListBar total={shown.total} offset={shown.offset} limit={shown.limit} noun="resident" label="Pages of residents (bottom)" onOffset={toPage} live={false} /> : null}
        </>
      ) : null}
      {shown !== null && shown.total === 0 && !filtered ? <NobodyLivingThere /> : null}
      {shown !== null && shown.total === 0 && filtered ? <NoMatches term={term} /> : null}
    </>
  );
}

/** Nobody is living at the homes: either nobody was ever added, or everyone has left or died. */
function NobodyLivingThere() {
  const [everyone] = useLoad(() => call('residents:search', { status: 'all' }), []);
  if (everyone.status !== 'ready') return null;
  if (everyone.value.length === 0) return <p>No residents have been added yet. Use <strong>Add a resident</strong> to add the first one.</p>;
  return <p>Nobody is living at the homes at the moment. To see residents who have left or died, choose <strong>Everyone</strong> under Status.</p>;
}

function NoMatches({ term }: { term: string }) {
  return (
    <div className="app-no-results">
      <h2 className="nhsuk-heading-m">No residents found</h2>
      <p>{term ? <>No residents match “{term}”.</> : 'No residents match these filters.'}</p>
      <p>Check the spelling or the NHS number, or choose a different care home or status.</p>
    </div>
  );
}
