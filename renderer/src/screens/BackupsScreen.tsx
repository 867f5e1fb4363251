/**
 * Backups: the list (each checked with quick_check before it is offered), "Back up now", and restore
 * with a confirmation step; the database before a restore is kept, so the restore can be undone here.
 */
import { useState } from 'react';
import type { BackupInfo, RestoreResult } from '../../../shared/ipc/backups';
import { call, toApiError, type ApiError } from '../api';
import { ErrorPanel } from '../components/ErrorPanel';
import { Loading } from '../components/Loading';
import { PageHeading } from '../components/PageHeading';
import { SuccessBanner } from '../components/SuccessBanner';
import { formatTimestamp } from '../download';
import { useLoad, usePageTitle } from '../hooks';

function size(bytes: number): string {
  return bytes >= 1_048_576 ? `${(bytes / 1_048_576).toFixed(1)} MB` : `${Math.max(1, Math.round(bytes / 1024))} KB`;
}

export function BackupsScreen({ flash }: { flash: string | null }) {
  const [list, reload] = useLoad(() => call('backups:list', {}), []);
  const [message, setMessage] = useState<string | null>(flash);
  const [error, setError] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);
  const [confirming, setConfirming] = useState<BackupInfo | null>(null);
  const [restored, setRestored] = useState<RestoreResult | null>(null);
  usePageTitle(confirming ? 'Restore this backup?' : 'Backups');

  async function run<T>(action: () => Promise<T>, done: (value: T) => void) {
    setBusy(true);
    setError(null);
    setMessage(null);
    try {
      done(await action());
      reload();
    } catch (e) {
      setError(toApiError(e));
    } finally {
      setBusy(false);
    }
  }

  const backUpNow = () => run(() => call('backups:create', {}), (b) => {
    setRestored(null);
    setMessage(b.sharedDatabase ? `Saved a copy of the shared database with pg_dump as ${b.name}`
      : `Backed up: ${b.homes ?? 0} care homes and ${b.residents ?? 0} residents, checked and saved as ${b.name}`);
  });
  const shared = list.status === 'ready' ? list.value.note : null;
  const restore = (name: string) => run(() => call('backups:restore', { name }), (r) => {
    setConfirming(null);
    setRestored(r);
    setMessage(`Restored the backup ${r.restoredTakenAt ? `taken ${formatTimestamp(r.restoredTakenAt)}` : r.restoredFrom}: ${r.homes} care homes and ${r.residents} residents`);
  });

  if (confirming) {
    return (
      <>
        <PageHeading>Restore this backup?</PageHeading>
        <div className="nhsuk-warning-callout">
          <h2 className="nhsuk-warning-callout__label"><span role="text"><span className="nhsuk-u-visually-hidden">Important: </span>What restoring does</span></h2>
          <p>Roundtable will go back to the backup taken {formatTimestamp(confirming.takenAt)}, holding {confirming.homes} care homes and {confirming.residents} residents. Anything recorded since then will not be shown.</p>
          <p>The database as it is now is kept as a backup first, so you can undo the restore from this page.</p>
        </div>
        {error ? <ErrorPanel error={error} /> : null}
        <button type="button" className="nhsuk-button nhsuk-button--warning nhsuk-u-margin-right-3" disabled={busy} onClick={() => restore(confirming.name)}>Restore this backup</button>
        <button type="button" className="nhsuk-button nhsuk-button--secondary" disabled={busy} onClick={() => setConfirming(null)}>Cancel</button>
      </>
    );
  }

  return (
    <>
      {message ? <SuccessBanner message={message} /> : null}
      <PageHeading>Backups</PageHeading>
      {shared ? (
        <div className="nhsuk-inset-text">
          <span className="nhsuk-u-visually-hidden">Information: </span>
          <p>This computer uses a shared database. {shared}</p>
        </div>
      ) : (
        <p className="nhsuk-body-l">Roundtable backs the database up every day it is opened, keeping one backup for each of the last 7 days and one for each of the 4 weeks before. It also backs up before every upgrade and before a restore.</p>
      )}
      {restored ? (
        <div className="nhsuk-inset-text">
          <span className="nhsuk-u-visually-hidden">Information: </span>
          <p>The database as it was before the restore is kept as {restored.keptAs}.</p>
          <button type="button" className="nhsuk-button nhsuk-button--secondary nhsuk-u-margin-bottom-0" disabled={busy} onClick={() => restore(restored.keptAs)}>Undo this restore</button>
        </div>
      ) : null}
      {error ? <ErrorPanel error={error} /> : null}
      <button type="button" className="nhsuk-button" disabled={busy} onClick={backUpNow}>{shared ? 'Save a copy with pg_dump' : 'Back up now'}</button>
      {list.status === 'loading' ? <Loading what="backups" /> : null}
      {list.status === 'error' ? <ErrorPanel error={list.error} onRetry={reload} /> : null}
      {list.status === 'ready' ? (
        <>
          <p className="nhsuk-body-s app-secondary-text">{shared ? 'Copies saved with pg_dump go to' : 'Backups are kept in'} <code className="app-code">{list.value.folder}</code></p>
          {shared ? null : list.value.backups.length === 0 ? (
            <p className="app-no-results">There are no backups yet. Choose “Back up now” to take the first one; after that Roundtable takes one every day.</p>
          ) : (
            <div className="nhsuk-table-container">
              <table className="nhsuk-table">
                <caption className="nhsuk-table__caption">{list.value.backups.length} backup{list.value.backups.length === 1 ? '' : 's'}, newest first</caption>
                <thead className="nhsuk-table__head">
                  <tr className="nhsuk-table__row">
                    <th className="nhsuk-table__header" scope="col">Taken</th>
                    <th className="nhsuk-table__header" scope="col">Kind</th>
                    <th className="nhsuk-table__header" scope="col">Holds</th>
                    <th className="nhsuk-table__header" scope="col">Size</th>
                    <th className="nhsuk-table__header" scope="col">Check</th>
                    <th className="nhsuk-table__header" scope="col"><span className="nhsuk-u-visually-hidden">Action</span></th>
                  </tr>
                </thead>
                <tbody className="nhsuk-table__body">
                  {list.value.backups.map((b) => (
                    <tr className="nhsuk-table__row" key={b.name}>
                      <td className="nhsuk-table__cell app-nowrap">{formatTimestamp(b.takenAt)}</td>
                      <td className="nhsuk-table__cell">{b.kindLabel}</td>
                      <td className="nhsuk-table__cell">{b.ok ? `${b.homes} care homes, ${b.residents} residents` : <span className="app-not-recorded">Cannot be read</span>}</td>
                      <td className="nhsuk-table__cell app-nowrap">{size(b.bytes)}</td>
                      <td className="nhsuk-table__cell">
                        {b.ok ? <strong className="nhsuk-tag nhsuk-tag--green">Checked</strong>
                          : <><strong className="nhsuk-tag nhsuk-tag--red">Damaged</strong><br /><span className="nhsuk-body-s">{b.problem}</span></>}
                      </td>
                      <td className="nhsuk-table__cell">
                        {b.ok ? (
                          <button type="button" className="nhsuk-button nhsuk-button--secondary nhsuk-button--small nhsuk-u-margin-bottom-0" disabled={busy}
                            onClick={() => { setError(null); setConfirming(b); }}>
                            Restore<span className="nhsuk-u-visually-hidden"> the backup taken {formatTimestamp(b.takenAt)}</span>
                          </button>
                        ) : null}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
        </>
      ) : null}
    </>
  );
}
