import { useState } from 'react';
import { call, toApiError } from '../api';
import { ErrorPanel } from '../components/ErrorPanel';
import { Loading } from '../components/Loading';
import { PageHeading } from '../components/PageHeading';
import { SuccessBanner } from '../components/SuccessBanner';
import { LABELS } from '../../../shared/domain/enums';
import type { CareHome } from '../../../shared/domain/register';
import { minutesText, usualRound } from '../format';
import { useLoad, usePageTitle } from '../hooks';
import { href } from '../router';

export function HomesScreen({ flash }: { flash: string | null }) {
  usePageTitle('Care homes');
  const [homes, retry] = useLoad(() => call('homes:list', {}), []);
  return (
    <>
      {flash ? <SuccessBanner message={flash} /> : null}
      <PageHeading>Care homes</PageHeading>
      {homes.status === 'loading' ? <Loading what="care homes" /> : null}
      {homes.status === 'error' ? <ErrorPanel error={homes.error} onRetry={retry} /> : null}
      {homes.status === 'ready' && homes.value.length === 0 ? <NoHomesYet /> : null}
      {homes.status === 'ready' && homes.value.length > 0 ? <HomesTable homes={homes.value} /> : null}
    </>
  );
}

function NoHomesYet() {
  return (
    <div className="nhsuk-grid-row">
      <div className="nhsuk-grid-column-two-thirds">
        <p className="nhsuk-body-l">No care homes have been added yet.</p>
        <p>Start by adding your first care home. You can then add the residents who live there and plan each home’s weekly round.</p>
        <a className="nhsuk-button" href={href('/homes/new')} draggable={false}>Add your first care home</a>
        <p>Or <a href={href('/import')}>import the practice’s records</a>: a patients export from EMIS Web or SystmOne (CSV), or FHIR R4 files, adds the homes and residents it names.</p>
        <div className="nhsuk-inset-text">
          <span className="nhsuk-u-visually-hidden">Information: </span>
          <p>To try Roundtable with made-up residents first, run <code className="app-code">npm run demo</code> to create a demo practice.</p>
        </div>
      </div>
    </div>
  );
}

function HomesTable({ homes }: { homes: CareHome[] }) {
  const [sheet, setSheet] = useState<{ ok: boolean; message: string } | null>(null);
  // The main process decides where the file goes (a save dialog in the desktop app) and says where it went.
  const save = (home: CareHome, format: 'xlsx' | 'pdf') => void call('flags:sheet-save', { homeId: home.id, format }).then(
    (saved) => setSheet(saved.path ? { ok: true, message: `${home.name}: this week’s flag sheet ${format === 'pdf' ? 'to print' : ''} is saved as ${saved.path}` }
      : { ok: true, message: 'Not saved.' }),
    (e: unknown) => setSheet({ ok: false, message: toApiError(e).message }));
  return (
    <>
      {sheet ? <p className={sheet.ok ? 'app-saved' : 'nhsuk-error-message'} role="status">{sheet.message.replace('  ', ' ')}</p> : null}
      <div className="app-actions">
        <a className="nhsuk-button" href={href('/homes/new')} draggable={false}>Add a care home</a>
        <a className="nhsuk-button nhsuk-button--secondary" href={href('/import')} draggable={false}>Import practice records</a>
      </div>
      <div className="nhsuk-table-container">
        <table className="nhsuk-table">
          <caption className="nhsuk-table__caption nhsuk-u-visually-hidden">Care homes the practice looks after</caption>
          <thead className="nhsuk-table__head">
            <tr className="nhsuk-table__row">
              <th className="nhsuk-table__header" scope="col">Name</th>
              <th className="nhsuk-table__header" scope="col">Type</th>
              <th className="nhsuk-table__header nhsuk-table__header--numeric" scope="col">Residents</th>
              <th className="nhsuk-table__header" scope="col">Usual round</th>
              <th className="nhsuk-table__header" scope="col">Round length</th>
              <th className="nhsuk-table__header" scope="col">Weekly flag sheet</th>
              <th className="nhsuk-table__header" scope="col"><span className="nhsuk-u-visually-hidden">Actions</span></th>
            </tr>
          </thead>
          <tbody className="nhsuk-table__body">
            {homes.map((home) => (
              <tr className="nhsuk-table__row" key={home.id}>
                <td className="nhsuk-table__cell">
                  <a href={href(`/residents?home=${home.id}`)}>{home.name}<span className="nhsuk-u-visually-hidden">: residents</span></a>
                </td>
                <td className="nhsuk-table__cell">{LABELS.homeType[home.type]}</td>
                <td className="nhsuk-table__cell nhsuk-table__cell--numeric">{home.activeResidents}</td>
                <td className="nhsuk-table__cell">{usualRound(home) || <span className="app-not-recorded">Not set</span>}</td>
                <td className="nhsuk-table__cell">{minutesText(home.roundCapacityMinutes) || <span className="app-not-recorded">Not set</span>}</td>
                <td className="nhsuk-table__cell">
                  <button type="button" className="app-link-button" onClick={() => save(home, 'xlsx')}>Download this week’s flag sheet<span className="nhsuk-u-visually-hidden"> for {home.name}</span></button>
                  {' · '}
                  <button type="button" className="app-link-button" onClick={() => save(home, 'pdf')}>Print<span className="nhsuk-u-visually-hidden"> the flag sheet for {home.name}</span></button>
                </td>
                <td className="nhsuk-table__cell">
                  <a href={href(`/homes/${home.id}/edit`)}>Edit<span className="nhsuk-u-visually-hidden"> {home.name}</span></a>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}
