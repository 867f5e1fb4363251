/**
 * A care home's flag file imported in the app (CSV or Excel, such as the weekly flag sheet): chosen with the
 * desktop app's file dialog, typed, or dropped on the window; checked first (each line and whom it
 * matches), then imported. The unmatched queue is one click away.
 */
import { useEffect, useState } from 'react';
import { call, toApiError, type ApiError } from '../api';
import { ErrorPanel } from '../components/ErrorPanel';
import { SelectField } from '../components/SelectField';
import { SuccessBanner } from '../components/SuccessBanner';
import { TextField } from '../components/TextField';
import { formatUkDate } from '../../../shared/dates';
import type { FlagImportSummary } from '../../../shared/domain/flags';
import type { FlagFilePreview } from '../../../shared/ipc';
import { plural } from '../format';
import { useLoad } from '../hooks';
import { href } from '../router';

type Dropped = { name: string; base64: string };

async function readDropped(file: File): Promise<Dropped> {
  const bytes = new Uint8Array(await file.arrayBuffer());
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return { name: file.name, base64: btoa(binary) };
}

export function FlagImportPanel() {
  const [homes] = useLoad(() => call('homes:list', {}), []);
  const [homeId, setHomeId] = useState('');
  const [path, setPath] = useState('');
  const [dropped, setDropped] = useState<Dropped | null>(null);
  const [dialogMissing, setDialogMissing] = useState(false);
  const [preview, setPreview] = useState<FlagFilePreview | null>(null);
  const [done, setDone] = useState<FlagImportSummary | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const [fieldErrors, setFieldErrors] = useState<{ home?: string; file?: string }>({});
  const [busy, setBusy] = useState(false);

  // A flag file dropped anywhere on the window comes here (and the window never navigates to it).
  useEffect(() => {
    const over = (e: DragEvent) => { if (e.dataTransfer?.types.includes('Files')) e.preventDefault(); };
    const drop = (e: DragEvent) => {
      const file = e.dataTransfer?.files[0];
      if (!file) return;
      e.preventDefault();
      void readDropped(file).then((d) => { setDropped(d); setPath(''); setPreview(null); setDone(null); setFieldErrors({}); });
    };
    window.addEventListener('dragover', over);
    window.addEventListener('drop', drop);
    return () => { window.removeEventListener('dragover', over); window.removeEventListener('drop', drop); };
  }, []);

  const input = () => ({ homeId: Number(homeId), ...(dropped ? { dropped } : { path: path.trim() }) });

  const check = async () => {
    const problems: { home?: string; file?: string } = {};
    if (!homeId) problems.home = 'Choose the care home that sent the flags';
    if (!dropped && path.trim() === '') problems.file = 'Choose the flag file, or drop it on the window';
    setFieldErrors(problems);
    if (problems.home || problems.file) return;
    setBusy(true);
    setError(null);
    try {
      setPreview(await call('flags:import-preview', input()));
    } catch (e) {
      setError(toApiError(e));
    } finally {
      setBusy(false);
    }
  };

  const commit = async () => {
    setBusy(true);
    try {
      setDone(await call('flags:import-commit', input()));
      setPreview(null);
    } catch (e) {
      setError(toApiError(e));
    } finally {
      setBusy(false);
    }
  };

  const choose = async () => {
    try {
      const chosen = await call('flags:choose-file', {});
      if (!chosen.available) setDialogMissing(true);
      else if (chosen.path) { setPath(chosen.path); setDropped(null); setPreview(null); setDone(null); }
    } catch (e) {
      setError(toApiError(e));
    }
  };

  const homeOptions = homes.status === 'ready' ? homes.value.map((h) => ({ value: String(h.id), label: h.name })) : [];
  const matched = preview?.rows.filter((r) => r.residentName !== null).length ?? 0;
  const unmatched = (preview?.rows.length ?? 0) - matched;
  return (
    <section aria-labelledby="flag-import-heading" className="app-flag-import">
      <h2 id="flag-import-heading" className="nhsuk-heading-l">Import a care home’s flags</h2>
      <p>A care home’s flag file: the weekly flag sheet filled in, or the home’s own spreadsheet (CSV or Excel). Each line is matched to a resident by
        NHS number, or by name and date of birth; the rest wait in the unmatched queue for a person to decide.</p>
      {error ? <ErrorPanel error={error} /> : null}
      {done ? (
        <>
          <SuccessBanner message={`Flags imported: ${plural(done.matched, 'flag')} placed on residents, ${done.unmatched} to the unmatched queue${done.rejected.length ? `, ${done.rejected.length} lines rejected` : ''}.`} />
          {done.unmatched > 0 ? <p><a href={href('/flags/unmatched')}>See the {plural(done.unmatched, 'unmatched flag')}</a></p> : <p><a href={href('/flags')}>See the flags</a></p>}
          <button type="button" className="nhsuk-button nhsuk-button--secondary" onClick={() => { setDone(null); setPath(''); setDropped(null); }}>Import another flag file</button>
        </>
      ) : (
        <form noValidate onSubmit={(e) => { e.preventDefault(); void check(); }}>
          <SelectField id="flags-home" label="Care home that sent the flags" value={homeId} error={fieldErrors.home}
            options={[{ value: '', label: 'Choose a care home' }, ...homeOptions]} onChange={(v) => { setHomeId(v); setPreview(null); }} />
          <button type="button" className="nhsuk-button nhsuk-button--secondary" onClick={() => void choose()} disabled={busy}>Choose a flag file…</button>
          {dialogMissing ? <p className="nhsuk-body-s">There is no file dialog here: type the flag file’s full path, or drop the file on the window.</p> : null}
          {dropped ? <p>Dropped on the window: <strong>{dropped.name}</strong>{' '}
            <button type="button" className="app-link-button" onClick={() => setDropped(null)}>Use another file</button></p> : (
            <TextField id="flags-path" label="Flag file" value={path} error={fieldErrors.file} widthClass="nhsuk-u-width-full"
              hint="Or drop the file anywhere on this window." onChange={(v) => { setPath(v); setPreview(null); setFieldErrors({}); }} />
          )}
          <button type="submit" className="nhsuk-button" disabled={busy}>Check the flags</button>
        </form>
      )}
      {preview && !done ? (
        <>
          <h3 className="nhsuk-heading-m">What {preview.fileName} holds</h3>
          <p>{plural(preview.rows.length, 'flag')} for {preview.homeName}: {matched} matched to a resident, {unmatched} to go to the unmatched queue
            {preview.rejected.length > 0 ? `, ${plural(preview.rejected.length, 'line')} that cannot be read` : ''}. Lines with no concern written on them are left out.</p>
          {preview.rows.length > 0 ? (
            <table className="nhsuk-table">
              <caption className="nhsuk-table__caption nhsuk-u-visually-hidden">Flags in the file and whom each matches</caption>
              <thead className="nhsuk-table__head"><tr>
                <th scope="col" className="nhsuk-table__header">Line</th><th scope="col" className="nhsuk-table__header">Resident</th>
                <th scope="col" className="nhsuk-table__header">Date</th><th scope="col" className="nhsuk-table__header">Concern</th>
                <th scope="col" className="nhsuk-table__header">Severity</th><th scope="col" className="nhsuk-table__header">Details</th>
              </tr></thead>
              <tbody className="nhsuk-table__body">
                {preview.rows.map((r) => (
                  <tr key={r.line} className="nhsuk-table__row">
                    <td className="nhsuk-table__cell">{r.line}</td>
                    <td className="nhsuk-table__cell">{r.residentName ? <>{r.residentName}<br /><span className="app-secondary-text">{r.matchedOn}</span></>
                      : <><strong>Not matched</strong>: {r.identity}<br /><span className="app-secondary-text">{r.unmatchedWhy}</span></>}</td>
                    <td className="nhsuk-table__cell">{formatUkDate(r.raisedOn)}</td>
                    <td className="nhsuk-table__cell">{r.category}</td>
                    <td className="nhsuk-table__cell">{r.severity}</td>
                    <td className="nhsuk-table__cell">{r.details}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          ) : null}
          {preview.rejected.length > 0 ? (
            <ul className="nhsuk-list nhsuk-list--bullet">{preview.rejected.map((p) => <li key={`${p.line}-${p.field ?? ''}-${p.reason}`}>Line {p.line}: {p.reason}</li>)}</ul>
          ) : null}
          {preview.rows.length > 0
            ? <button type="button" className="nhsuk-button" disabled={busy} onClick={() => void commit()}>Import {plural(preview.rows.length, 'flag')}</button>
            : null}
        </>
      ) : null}
    </section>
  );
}
