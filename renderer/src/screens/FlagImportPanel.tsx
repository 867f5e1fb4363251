/**
 * A care home's flag file imported in the app (CSV or Excel, such as the weekly flag sheet): chosen with the
 * desktop app's file dialog (the main process hands back a token, never a path) or dropped on the window; checked first (each line and whom it
 * matches), then imported. The unmatched queue is one click away.
 */
import { useEffect, useState } from 'react';
import { call, toApiError, type ApiError } from '../api';
import { ErrorPanel } from '../components/ErrorPanel';
import { SelectField } from '../components/SelectField';
import { SuccessBanner } from '../components/SuccessBanner';
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

type Chosen = { key: string; name: string; fileToken?: string; dropped?: Dropped };
type Checked = { file: Chosen; preview: FlagFilePreview };
type Imported = FlagImportSummary & { homeName: string; fileName: string };

export function FlagImportPanel() {
  const [homes] = useLoad(() => call('homes:list', {}), []);
  const [homeId, setHomeId] = useState('');
  const [files, setFiles] = useState<Chosen[]>([]);
  const [dialogMissing, setDialogMissing] = useState(false);
  const [checked, setChecked] = useState<Checked[] | null>(null);
  const [done, setDone] = useState<Imported[] | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const [fileError, setFileError] = useState<string | undefined>(undefined);
  const [busy, setBusy] = useState(false);

  const add = (more: Chosen[]) => {
    setFiles((old) => [...old, ...more.filter((m) => !old.some((o) => o.key === m.key))]);
    setChecked(null);
    setDone(null);
    setFileError(undefined);
  };

  // Flag files dropped anywhere on the window come here (and the window never navigates to them).
  useEffect(() => {
    const over = (e: DragEvent) => { if (e.dataTransfer?.types.includes('Files')) e.preventDefault(); };
    const drop = (e: DragEvent) => {
      const list = [...(e.dataTransfer?.files ?? [])];
      if (list.length === 0) return;
      e.preventDefault();
      void Promise.all(list.map(readDropped)).then((ds) => add(ds.map((d) => ({ key: `drop:${d.name}:${d.base64.length}`, name: d.name, dropped: d }))));
    };
    window.addEventListener('dragover', over);
    window.addEventListener('drop', drop);
    return () => { window.removeEventListener('dragover', over); window.removeEventListener('drop', drop); };
  }, []);

  const inputOf = (f: Chosen) => ({ ...(homeId ? { homeId: Number(homeId) } : {}), ...(f.dropped ? { dropped: f.dropped } : { fileToken: f.fileToken ?? '' }) });

  const check = async () => {
    const all = files;
    if (all.length === 0) {
      setFileError('Choose the flag file, or drop it on the window');
      return;
    }
    setBusy(true);
    setError(null);
    try {
      const results: Checked[] = [];
      for (const file of all) results.push({ file, preview: await call('flags:import-preview', inputOf(file)) });
      setFiles(all);
      setChecked(results);
    } catch (e) {
      setError(toApiError(e));
    } finally {
      setBusy(false);
    }
  };

  const commit = async () => {
    if (!checked) return;
    setBusy(true);
    try {
      const results: Imported[] = [];
      for (const c of checked) results.push({ ...(await call('flags:import-commit', inputOf(c.file))), fileName: c.preview.fileName });
      setDone(results);
      setChecked(null);
      setFiles([]);
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
      else if (chosen.file) add([{ key: `file:${chosen.file.token}`, name: chosen.file.name, fileToken: chosen.file.token }]);
    } catch (e) {
      setError(toApiError(e));
    }
  };

  const homeOptions = homes.status === 'ready' ? homes.value.map((h) => ({ value: String(h.id), label: h.name })) : [];
  const rows = checked?.flatMap((c) => c.preview.rows) ?? [];
  const matched = rows.filter((r) => r.residentName !== null).length;
  const unmatchedTotal = done?.reduce((n, d) => n + d.unmatched, 0) ?? 0;
  return (
    <section aria-labelledby="flag-import-heading" className="app-flag-import">
      <h2 id="flag-import-heading" className="nhsuk-heading-l" tabIndex={-1}>Import care homes’ flags</h2>
      <p>Care homes’ flag files: the weekly flag sheets filled in, or a home’s own spreadsheet (CSV or Excel). Each line is matched to a resident by
        NHS number, or by name and date of birth; the rest wait in the unmatched queue for a person to decide. Drop several files on the window at once to bring in every home’s flags together.</p>
      {error ? <ErrorPanel error={error} /> : null}
      {done ? (
        <>
          <SuccessBanner message={`Flags imported: ${done.map((d) => `${d.homeName} ${plural(d.matched, 'flag')} placed${d.unmatched ? `, ${d.unmatched} unmatched` : ''}`).join('; ')}.`} />
          {unmatchedTotal > 0 ? <p><a href={href('/flags/unmatched')}>See the {plural(unmatchedTotal, 'unmatched flag')}</a></p> : <p><a href={href('/flags')}>See the flags</a></p>}
          <button type="button" className="nhsuk-button nhsuk-button--secondary" onClick={() => setDone(null)}>Import more flags</button>
        </>
      ) : (
        <form noValidate onSubmit={(e) => { e.preventDefault(); void check(); }}>
          <SelectField id="flags-home" label="Care home that sent the flags" value={homeId}
            hint="Leave it to Roundtable for the weekly flag sheet: the residents’ NHS numbers say which home it is from."
            options={[{ value: '', label: 'Work it out from the NHS numbers' }, ...homeOptions]} onChange={(v) => { setHomeId(v); setChecked(null); }} />
          <button type="button" className="nhsuk-button nhsuk-button--secondary" onClick={() => void choose()} disabled={busy}>Choose a flag file…</button>
          {dialogMissing ? <p className="nhsuk-body-s">There is no file dialog here: drop the flag files on the window.</p> : null}
          {files.length > 0 ? (
            <ul className="nhsuk-list nhsuk-list--bullet" aria-label="Flag files to import">
              {files.map((f) => <li key={f.key}>{f.name}{' '}
                <button type="button" className="app-link-button" onClick={() => { setFiles(files.filter((x) => x.key !== f.key)); setChecked(null); }}>Remove<span className="nhsuk-u-visually-hidden"> {f.name}</span></button></li>)}
            </ul>
          ) : null}
          <p className="nhsuk-body-s">Or drop the files anywhere on this window.</p>
          {fileError ? <p className="nhsuk-error-message" id="flags-file-error"><span className="nhsuk-u-visually-hidden">Error:</span> {fileError}</p> : null}
          <button type="submit" className="nhsuk-button" disabled={busy}>Check the flags</button>
        </form>
      )}
      {checked && !done ? (
        <>
          <p>{plural(rows.length, 'flag')}: {matched} matched to a resident, {rows.length - matched} to go to the unmatched queue. Lines with no concern written on them are left out.</p>
          {checked.map(({ preview }) => (
            <div key={preview.fileName}>
              <h3 className="nhsuk-heading-m">{preview.fileName}: {preview.homeName}</h3>
              {preview.importedBefore ? <p className="nhsuk-inset-text">This same file was imported on {formatUkDate(preview.importedBefore.slice(0, 10))}: importing it again adds only flags not already recorded.</p> : null}
              {preview.rows.length === 0 ? <p>No flags written on it.</p> : (
                <table className="nhsuk-table">
                  <caption className="nhsuk-table__caption nhsuk-u-visually-hidden">Flags in {preview.fileName} and whom each matches</caption>
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
              )}
              {preview.rejected.length > 0 ? (
                <ul className="nhsuk-list nhsuk-list--bullet">{preview.rejected.map((p) => <li key={`${p.line}-${p.field ?? ''}-${p.reason}`}>Line {p.line}: {p.reason}</li>)}</ul>
              ) : null}
            </div>
          ))}
          {rows.length > 0 ? <button type="button" className="nhsuk-button" disabled={busy} onClick={() => void commit()}>Import {plural(rows.length, 'flag')}</button> : null}
        </>
      ) : null}
    </section>
  );
}
