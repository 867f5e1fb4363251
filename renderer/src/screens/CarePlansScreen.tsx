/** Advance care plans across the practice: coverage per home, then residents with something to talk about, CPR conflicts first. */
import { useMemo, useState, type ReactNode } from 'react';
import { call } from '../api';
import { CprStatusTag } from '../components/CprStatusTag';
import { DueTag } from '../components/DueTag';
import { ErrorPanel } from '../components/ErrorPanel';
import { ListBar, SortHeader, sortRows, usePage, type SortState } from '../components/ListControls';
import { Loading } from '../components/Loading';
import { PageHeading } from '../components/PageHeading';
import { SelectField } from '../components/SelectField';
import { TextField } from '../components/TextField';
import { formatUkDate } from '../../../shared/dates';
import type { DueStatus } from '../../../shared/domain/due';
import { formatNhsNumber } from '../../../shared/rules/nhsNumber';
import { describeDue } from '../../../shared/rules/carePlan';
import { ruleLabel } from '../../../shared/rules/ruleLabels';
import { searchKey } from '../../../shared/text';
import type { CarePlanOverview, CarePlanResidentRow } from '../../../shared/ipc';
import { useLoad, usePageTitle } from '../hooks';
import { href } from '../router';

export function CarePlansScreen() {
  usePageTitle('Advance care plans');
  const [homeId, setHomeId] = useState('');
  const [homes] = useLoad(() => call('homes:list', {}), []);
  const [overview, retry] = useLoad(() => call('carePlans:overview', homeId ? { homeId: Number(homeId) } : {}), [homeId], { keepPrevious: true });
  const shown = overview.status === 'ready' ? overview.value : overview.status === 'loading' ? overview.previous : null;
  const homeList = homes.status === 'ready' ? homes.value : [];
  return (
    <>
      <PageHeading>Advance care plans</PageHeading>
      {overview.status === 'loading' && shown === null ? <Loading what="advance care plans" /> : null}
      {overview.status === 'error' ? <ErrorPanel error={overview.error} onRetry={retry} /> : null}
      {shown ? (
        <Overview overview={shown} homeFilter={homeList.length > 1 ? (
          <SelectField id="home" label="Care home" value={homeId} onChange={setHomeId} selectClassName="nhsuk-u-width-full"
            options={[{ value: '', label: 'All care homes' }, ...homeList.map((h) => ({ value: String(h.id), label: h.name }))]} />
        ) : null} />
      ) : null}
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
type PlanSort = 'pressing' | 'name' | 'home' | 'due';

function worstOf(row: CarePlanResidentRow): DueStatus | null {
  return [...row.due].sort((a, b) => PRESSING[a.status] - PRESSING[b.status])[0]?.status ?? null;
}
function earliestOf(row: CarePlanResidentRow): string {
  return row.due.map((d) => d.due).sort()[0] ?? '';
}

function Overview({ overview, homeFilter }: { overview: CarePlanOverview; homeFilter: ReactNode }) {
  const [status, setStatus] = useState<StatusFilter>('');
  const [rule, setRule] = useState('');
  const [text, setText] = useState('');
  const [sort, setSort] = useState<SortState<PlanSort>>({ key: 'pressing', descending: false });
  const rules = useMemo(() => [...new Set(overview.residents.flatMap((r) => r.due.map((d) => d.rule)))].map((r) => ({ value: r, label: ruleLabel(r) }))
    .sort((a, b) => a.label.localeCompare(b.label)), [overview.residents]);
  const shown = useMemo(() => {
    const key = searchKey(text);
    const matches = overview.residents.filter((r) => (key === '' || searchKey(`${r.name} ${r.preferredName ?? ''}`).includes(key) || r.nhsNumber.includes(key.replace(/\s/g, '')))
      && (rule === '' || r.due.some((d) => d.rule === rule))
      && (status === '' || (status === 'conflict' ? r.cpr.kind === 'conflict' : r.due.some((d) => d.status === status))));
    // The service's order (conflicts first, then most pressing) is the "most pressing" order.
    if (sort.key === 'pressing') return sort.descending ? [...matches].reverse() : matches;
    return sortRows(matches, sort, (r, k) => (k === 'name' ? r.name : k === 'home' ? r.homeName : earliestOf(r)));
  }, [overview.residents, text, rule, status, sort]);
  const page = usePage(shown);
  if (overview.coverage.length === 0) {
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
  const conflicts = overview.residents.filter((r) => r.cpr.kind === 'conflict').length;
  const header = (label: string, key: PlanSort) => <SortHeader label={label} sortKey={key} sort={sort} onSort={setSort} />;
  return (
    <>
      <p>Who would benefit from a conversation with the people close to them, then how many residents have each part of a plan in place.</p>
      <form className="app-filter-bar" role="search" aria-label="Filter residents to talk with" onSubmit={(e) => e.preventDefault()}>
        <div className="app-filter-bar__search">
          <TextField id="plans-search" label="Resident’s name or NHS number" type="search" maxLength={100} value={text} onChange={setText} />
        </div>
        {homeFilter ? <div className="app-filter-bar__item">{homeFilter}</div> : null}
        <div className="app-filter-bar__item">
          <SelectField id="plans-status" label="Status" options={STATUS_OPTIONS} value={status} onChange={setStatus} selectClassName="nhsuk-u-width-full" />
        </div>
        <div className="app-filter-bar__item">
          <SelectField id="plans-reason" label="Reason" options={[{ value: '', label: 'Any reason' }, ...rules]} value={rule} onChange={setRule} selectClassName="nhsuk-u-width-full" />
        </div>
      </form>

      <h2 className="nhsuk-heading-m">Residents to talk with</h2>
      {overview.coverage.every((c) => c.residents === 0) ? (
        <p>Nobody is living at {overview.coverage.length === 1 ? 'this home' : 'these homes'} yet. Add residents from the <a href={href('/residents')}>residents page</a>.</p>
      ) : overview.residents.length === 0 ? (
        <p>Every resident has a current plan and nothing is due. Items appear here when a plan is missing, due for review, or something has changed.</p>
      ) : (
        <>
          {conflicts > 0 ? <p>{conflicts} with CPR decisions that conflict (listed first: resolve these before relying on either).</p> : null}
          <ListBar total={shown.length} offset={page.offset} limit={50} noun="resident to talk with" nouns="residents to talk with" label="Pages of residents to talk with" onOffset={page.setOffset} />
          {shown.length === 0 ? <p>No residents match these filters.</p> : (
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
                  {page.shown.map((r) => {
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
            {overview.coverage.map((c) => (
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
