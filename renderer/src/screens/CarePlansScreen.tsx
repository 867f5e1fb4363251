/** Advance care plans across the practice: coverage per home, then residents with something to talk about, CPR conflicts first. */
import { useEffect, useState, type ReactNode } from 'react';
import { call } from '../api';
import { CprStatusTag } from '../components/CprStatusTag';
import { DueTag } from '../components/DueTag';
import { ErrorPanel } from '../components/ErrorPanel';
import { ListBar, PAGE_SIZE, SortHeader, type SortState, useSettledText, FilterSelect } from '../components/ListControls';
import { Loading } from '../components/Loading';
import { PageHeading } from '../components/PageHeading';
import { TextField } from '../components/TextField';
import { formatUkDate } from '../../../shared/dates';
import type { DueStatus } from '../../../shared/domain/due';
import { formatNhsNumber } from '../../../shared/rules/nhsNumber';
import { describeDue } from '../../../shared/rules/carePlan';
import { ruleLabel } from '../../../shared/rules/ruleLabels';
import type { DueListSort } from '../../../shared/domain/lists';
import type { CarePlanResidentRow } from '../../../shared/ipc';
import type { CarePlanList } from '../../../shared/ipc/carePlans';
import { useLoad, usePageTitle } from '../hooks';
import { href } from '../router';

/** Long enough to let a name be typed, short enough to feel immediate. */

export function CarePlansScreen() {
  usePageTitle('Advance care plans');
  const [homeId, setHomeId] = useState('');
  const [status, setStatus] = useState<StatusFilter>('');
  const [rule, setRule] = useState('');
  const [text, setText] = useState('');
  const [term, setTerm] = useSettledText(text);
  const [sort, setSort] = useState<SortState<DueListSort>>({ key: 'pressing', descending: false });
  const [offset, setOffset] = useState(0);
  useEffect(() => setOffset(0), [homeId, term, status, rule, sort.key, sort.descending]);
  const [homes] = useLoad(() => call('homes:list', {}), []);
  const [list, retry] = useLoad(() => call('carePlans:list', {
    ...(homeId ? { homeId: Number(homeId) } : {}), query: term || undefined, status: status || undefined, rule: rule || undefined,
    sort: sort.key, descending: sort.descending, offset, limit: PAGE_SIZE,
  }), [homeId, term, status, rule, sort.key, sort.descending, offset], { keepPrevious: true });
  const shown = list.status === 'ready' ? list.value : list.status === 'loading' ? list.previous : null;
  const homeList = homes.status === 'ready' ? homes.value : [];
  const ruleOptions = [{ value: '', label: 'Any reason' }, ...(shown?.rules ?? []).map((r) => ({ value: r, label: ruleLabel(r) })).sort((a, b) => a.label.localeCompare(b.label))];
  if (rule !== '' && !ruleOptions.some((o) => o.value === rule)) ruleOptions.push({ value: rule, label: ruleLabel(rule) });
  const filters = (
    <form className="app-filter-bar" role="search" aria-label="Filter residents to talk with" onSubmit={(e) => { e.preventDefault(); setTerm(text.trim()); }}>
      <div className="app-filter-bar__search">
        <TextField id="plans-search" label="Resident’s name or NHS number" type="search" maxLength={100} value={text} onChange={setText} />
      </div>
      {homeList.length > 1 ? (
        <FilterSelect id="home" label="Care home" value={homeId} onChange={setHomeId}
            options={[{ value: '', label: 'All care homes' }, ...homeList.map((h) => ({ value: String(h.id), label: h.name }))]} />
      ) : null}
      <FilterSelect id="plans-status" label="Status" options={STATUS_OPTIONS} value={status} onChange={setStatus} />
      <FilterSelect id="plans-reason" label="Reason" options={ruleOptions} value={rule} onChange={setRule} />
    </form>
  );
  return (
    <>
      <PageHeading>Advance care plans</PageHeading>
      {list.status === 'loading' && shown === null ? <Loading what="advance care plans" /> : null}
      {list.status === 'error' ? <ErrorPanel error={list.error} onRetry={retry} /> : null}
      {shown ? <Overview list={shown} filters={filters} sort={sort} onSort={setSort} onOffset={(n) => { setOffset(n); window.scrollTo(0, 0); }} busy={list.status === 'loading'} /> : null}
    </>
  );
}

function share(n: number, of: number): string {
  return of === 0 ? '–' : `${n} of ${of} (${Math.round((100 * n) / of)}%)`;
}

const PRESSING: Record<DueStatus, number> = { overdue: 0, due: 1, 'due-soon': 2 };
type StatusFilter = '' | DueStatus | 'conflict';
const STATUS_OPTIONS: { value: StatusFilter; label: string }[] = [
  { value: '', label: 'Everything' }, { value: 'conflict', label: 'CPR decisions disagree' }, { value: 'overdue', label: 'Overdue' },
  { value: 'due', label: 'Due now' }, { value: 'due-soon', label: 'Due soon' },
];

function worstOf(row: CarePlanResidentRow): DueStatus | null {
  return [...row.due].sort((a, b) => PRESSING[a.status] - PRESSING[b.status])[0]?.status ?? null;
}
function earliestOf(row: CarePlanResidentRow): string {
  return row.due.map((d) => d.due).sort()[0] ?? '';
}

function Overview({ list, filters, sort, onSort, onOffset, busy }: {
  list: CarePlanList; filters: ReactNode; sort: SortState<DueListSort>; onSort: (s: SortState<DueListSort>) => void; onOffset: (n: number) => void; busy: boolean;
}) {
  if (list.coverage.length === 0) {
    return (
      <div className="nhsuk-grid-row">
        <div className="nhsuk-grid-column-two-thirds">
          <p className="nhsuk-body-l">No care homes have been added yet.</p>
          <p>Add a care home and its residents first. This page then shows how many residents have a ReSPECT form, a preferred place of death and a lasting power of attorney recorded, and who would benefit from a conversation.</p>
          <a className="nhsuk-button" href={href('/homes/new')} draggable={false}>Add a care home</a>
        </div>
      </div>
    );
  }
  const header = (label: string, key: DueListSort) => <SortHeader label={label} sortKey={key} sort={sort} onSort={onSort} />;
  const page = list.residents;
  return (
    <>
      <p>Who would benefit from a conversation with the people close to them, then how many residents have each part of a plan in place.</p>
      {filters}

      <h2 className="nhsuk-heading-m">Residents to talk with</h2>
      {list.coverage.every((c) => c.residents === 0) ? (
        <p>Nobody is living at {list.coverage.length === 1 ? 'this home' : 'these homes'} yet. Add residents from the <a href={href('/residents')}>residents page</a>.</p>
      ) : !list.anyone ? (
        <p>Every resident has a current plan and nothing is due. Items appear here when a plan is missing, due for review, or something has changed.</p>
      ) : (
        <>
          {list.conflicts > 0 ? <p>{list.conflicts} with CPR decisions that conflict (listed first: resolve these before relying on either).</p> : null}
          <ListBar total={page.total} offset={page.offset} limit={page.limit} noun="resident to talk with" nouns="residents to talk with" label="Pages of residents to talk with" onOffset={onOffset} busy={busy} />
          {page.total === 0 ? <p>No residents match these filters.</p> : (
            <div className="nhsuk-table-container">
              <table className="nhsuk-table app-table-compact" data-testid="care-plans-table" aria-label="Residents with gaps, reviews due or CPR conflicts">
                <thead className="nhsuk-table__head">
                  <tr className="nhsuk-table__row">
                    {header('Resident', 'name')}
                    {header('Care home', 'home')}
                    <th className="nhsuk-table__header" scope="col">CPR</th>
                    {header('Most pressing', 'pressing')}
                    {header('Earliest due', 'due')}
                    <th className="nhsuk-table__header" scope="col">What to talk about</th>
                  </tr>
                </thead>
                <tbody className="nhsuk-table__body">
                  {page.rows.map((r) => {
                    const worst = worstOf(r);
                    return (
                      <tr className="nhsuk-table__row" key={r.residentId}>
                        <td className="nhsuk-table__cell">
                          <a href={href(`/residents/${r.residentId}`)}>{r.name}{r.preferredName ? ` (${r.preferredName})` : ''}</a>
                          <span className="app-secondary-text app-nowrap">{formatNhsNumber(r.nhsNumber)}</span>
                        </td>
                        <td className="nhsuk-table__cell">{r.homeName}</td>
                        <td className="nhsuk-table__cell"><CprStatusTag status={r.cpr} showDate={false} /></td>
                        <td className="nhsuk-table__cell">{worst ? <DueTag status={worst} /> : null}</td>
                        <td className="nhsuk-table__cell app-nowrap">{earliestOf(r) ? formatUkDate(earliestOf(r)) : ''}</td>
                        <td className="nhsuk-table__cell">
                          {r.due.length === 0 ? 'Resolve the CPR decisions' : (
                            <details className="nhsuk-details">
                              <summary className="nhsuk-details__summary">
                                <span className="nhsuk-details__summary-text">{r.due.map((d) => ruleLabel(d.rule)).join('; ')}<span className="nhsuk-u-visually-hidden">: details for {r.name}</span></span>
                              </summary>
                              <div className="nhsuk-details__text">
                                {r.due.map((d) => (
                                  <p key={d.rule} className="nhsuk-u-margin-bottom-2"><strong>{ruleLabel(d.rule)}</strong> <span className="app-secondary-text app-inline">{describeDue(d)}</span><br />{d.explanation}</p>
                                ))}
                              </div>
                            </details>
                          )}
                        </td>
                      </tr>
                    );
                  })}
                </tbody>
              </table>
            </div>
          )}
        </>
      )}

      <div className="nhsuk-table-container">
        <table className="nhsuk-table app-table-compact" data-testid="coverage-table">
          <caption className="nhsuk-table__caption">Coverage by care home (residents living at each home)</caption>
          <thead className="nhsuk-table__head">
            <tr className="nhsuk-table__row">
              <th className="nhsuk-table__header" scope="col">Care home</th>
              <th className="nhsuk-table__header nhsuk-table__header--numeric" scope="col">Residents</th>
              <th className="nhsuk-table__header nhsuk-table__header--numeric" scope="col">Current ReSPECT form</th>
              <th className="nhsuk-table__header nhsuk-table__header--numeric" scope="col">Preferred place of death</th>
              <th className="nhsuk-table__header nhsuk-table__header--numeric" scope="col">Known LPA for health and welfare</th>
            </tr>
          </thead>
          <tbody className="nhsuk-table__body">
            {list.coverage.map((c) => (
              <tr className="nhsuk-table__row" key={c.homeId}>
                <th className="nhsuk-table__header" scope="row"><a href={href(`/residents?home=${c.homeId}`)}>{c.homeName}</a></th>
                <td className="nhsuk-table__cell nhsuk-table__cell--numeric">{c.residents}</td>
                <td className="nhsuk-table__cell nhsuk-table__cell--numeric">{share(c.withRespect, c.residents)}</td>
                <td className="nhsuk-table__cell nhsuk-table__cell--numeric">{share(c.withPreferredPlaceOfDeath, c.residents)}</td>
                <td className="nhsuk-table__cell nhsuk-table__cell--numeric">{share(c.withLpa, c.residents)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}
