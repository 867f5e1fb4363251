/** Advance care plans across the practice: coverage per home, then residents with something to talk about, CPR conflicts first. */
import { useState } from 'react';
import { call } from '../api';
import { CprStatusTag } from '../components/CprStatusTag';
import { ErrorPanel } from '../components/ErrorPanel';
import { Loading } from '../components/Loading';
import { PageHeading } from '../components/PageHeading';
import { SelectField } from '../components/SelectField';
import { formatNhsNumber } from '../../../shared/rules/nhsNumber';
import { describeDue } from '../../../shared/rules/carePlan';
import type { CarePlanOverview } from '../../../shared/ipc';
import { useLoad, usePageTitle } from '../hooks';
import { href } from '../router';
import { ruleLabel } from '../../../shared/rules/ruleLabels';

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
      {homeList.length > 1 ? (
        <SelectField id="home" label="Care home" value={homeId} onChange={setHomeId}
          options={[{ value: '', label: 'All care homes' }, ...homeList.map((h) => ({ value: String(h.id), label: h.name }))]} />
      ) : null}
      {overview.status === 'loading' && shown === null ? <Loading what="advance care plans" /> : null}
      {overview.status === 'error' ? <ErrorPanel error={overview.error} onRetry={retry} /> : null}
      {shown ? <Overview overview={shown} /> : null}
    </>
  );
}

function share(n: number, of: number): string {
  return of === 0 ? '–' : `${n} of ${of} (${Math.round((100 * n) / of)}%)`;
}

function Overview({ overview }: { overview: CarePlanOverview }) {
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
  return (
    <>
      <p className="nhsuk-body-l">How many residents have each part of a plan in place, and who would benefit from a conversation with the people close to them.</p>
      <div className="nhsuk-table-container">
        <table className="nhsuk-table">
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

      <h2 className="nhsuk-heading-m">Residents to talk with</h2>
      {overview.coverage.every((c) => c.residents === 0) ? (
        <p>Nobody is living at {overview.coverage.length === 1 ? 'this home' : 'these homes'} yet. Add residents from the <a href={href('/residents')}>residents page</a>.</p>
      ) : overview.residents.length === 0 ? (
        <p>Every resident has a current plan and nothing is due. Items appear here when a plan is missing, due for review, or something has changed.</p>
      ) : (
        <>
          <p>
            {overview.residents.length} resident{overview.residents.length === 1 ? '' : 's'}
            {conflicts > 0 ? `, ${conflicts} with CPR decisions that conflict (listed first: resolve these before relying on either)` : ''}.
          </p>
          <ul className="nhsuk-list" aria-label="Residents with gaps, reviews due or CPR conflicts">
            {overview.residents.map((r) => (
              <li key={r.residentId} className="nhsuk-card nhsuk-u-margin-bottom-4">
                <div className="nhsuk-card__content">
                  <h3 className="nhsuk-card__heading nhsuk-heading-s">
                    <a href={href(`/residents/${r.residentId}`)}>{r.name}{r.preferredName ? ` (${r.preferredName})` : ''}</a>
                  </h3>
                  <p className="app-secondary-text nhsuk-u-margin-bottom-2">{r.homeName} · NHS number <span className="app-nowrap">{formatNhsNumber(r.nhsNumber)}</span></p>
                  <div className="nhsuk-u-margin-bottom-2">CPR: <CprStatusTag status={r.cpr} showDate={false} /></div>
                  {r.due.map((d) => (
                    <div className="app-care-plan-item" key={d.rule}>
                      <p><strong>{ruleLabel(d.rule)}</strong> <span className="app-secondary-text">{describeDue(d)}</span></p>
                      <p>{d.explanation}</p>
                    </div>
                  ))}
                </div>
              </li>
            ))}
          </ul>
        </>
      )}
    </>
  );
}
