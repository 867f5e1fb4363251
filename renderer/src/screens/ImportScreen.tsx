/**
 * Import practice records: choose a file (the main process's file dialog: the screen gets a token and the
 * file's name, never a path it could make up), check it (a dry
 * run: detected kind, counts, first problems), import it (one batch, with progress for large files), then
 * the summary with rejected rows, which can be saved as CSV. Below, the history of imports.
 */
import { useEffect, useState } from 'react';
import { call, toApiError, type ApiError } from '../api';
import { Checkbox } from '../components/Checkbox';
import { ErrorPanel } from '../components/ErrorPanel';
import { Loading } from '../components/Loading';
import { PageHeading } from '../components/PageHeading';
import { SelectField } from '../components/SelectField';
import { SuccessBanner } from '../components/SuccessBanner';
import { SummaryRow } from '../components/SummaryRow';
import { formatUkDate } from '../../../shared/dates';
import type { ImportBatchInfo } from '../../../shared/domain/imports';
import type { ChosenFile, ImportProgress, ImportView } from '../../../shared/ipc';
import { RECORD_KINDS, type RecordKind } from '../../../shared/domain/imports';
import { plural } from '../format';
import { useLoad, usePageTitle } from '../hooks';
import { href } from '../router';
import { FlagImportPanel } from './FlagImportPanel';

const KIND_LABELS: Record<RecordKind | 'fhir', string> = {
  patients: 'Patients (the register)', medications: 'Medications (each patient’s current list)', conditions: 'Conditions',
  events: 'Events (admissions, discharges, A&E, falls)', acp: 'Advance care plans (ReSPECT, DNACPR and others)',
  reviews: 'Medication reviews done', representatives: 'Representatives (family, LPA)',
  results: 'Results (creatinine clearance, eGFR, creatinine, weight)', fhir: 'FHIR R4 resources',
};
const KIND_OPTIONS = [{ value: '' as const, label: 'Work it out from the columns' }, ...RECORD_KINDS.map((k) => ({ value: k, label: KIND_LABELS[k] }))];

type Stage =
  | { step: 'choose' }
  | { step: 'checking' }
  | { step: 'checked'; preview: ImportView }
  | { step: 'importing'; preview: ImportView }
  | { step: 'done'; result: ImportView };

function when(iso: string): string {
  const date = new Date(iso);
  return `${formatUkDate(iso.slice(0, 10))} ${date.toLocaleTimeString('en-GB', { hour: '2-digit', minute: '2-digit', timeZone: 'Europe/London' })}`;
}

function kindLabel(kind: string): string {
  return (KIND_LABELS as Record<string, string>)[kind] ?? kind;
}

/** Polls the import's progress while one runs. */
function useProgress(active: boolean): ImportProgress | null {
  const [progress, setProgress] = useState<ImportProgress | null>(null);
  useEffect(() => {
    if (!active) {
      setProgress(null);
      return undefined;
    }
    let live = true;
    const tick = () => {
      call('imports:progress', {}).then((p) => { if (live) setProgress(p); }, () => undefined);
    };
    const timer = window.setInterval(tick, 300);
    tick();
    return () => {
      live = false;
      window.clearInterval(timer);
    };
  }, [active]);
  return progress;
}

function ProgressBar({ label, progress }: { label: string; progress: ImportProgress | null }) {
  const percent = progress && progress.totalBytes > 0 ? Math.min(100, Math.round((progress.bytesRead / progress.totalBytes) * 100)) : 0;
  return (
    <div className="app-progress" role="status">
      <label className="nhsuk-label" htmlFor="import-progress">{label}</label>
      <progress id="import-progress" max={100} value={percent}>{percent}%</progress>
      <p className="nhsuk-body-s nhsuk-u-margin-bottom-0">
        {percent}% read{progress && progress.rows > 0 ? `, ${progress.rows.toLocaleString('en-GB')} rows so far` : ''}
      </p>
    </div>
  );
}

function Counts({ view, dryRun }: { view: ImportView; dryRun: boolean }) {
  const r = view.report;
  const s = view.summary;
  return (
    <dl className="nhsuk-summary-list">
      <SummaryRow label="File">{view.fileName}</SummaryRow>
      <SummaryRow label="Holds">{kindLabel(r.kind)} ({view.format === 'fhir' ? 'FHIR R4' : 'CSV'})</SummaryRow>
      <SummaryRow label="Rows read">{r.read.toLocaleString('en-GB')}</SummaryRow>
      <SummaryRow label={dryRun ? 'New or changed (would be stored)' : 'New or changed (stored)'}>{r.accepted.toLocaleString('en-GB')}</SummaryRow>
      <SummaryRow label="Already up to date">{r.unchanged.toLocaleString('en-GB')}</SummaryRow>
      <SummaryRow label="Rejected rows">{view.totals.rejectedRows.toLocaleString('en-GB')}</SummaryRow>
      <SummaryRow label="Not on the register">
        {(view.totals.unmatched + (s.notOnRegister ?? 0)).toLocaleString('en-GB')}
      </SummaryRow>
      {s.homesCreated?.length ? <SummaryRow label={dryRun ? 'Care homes to be added' : 'Care homes added'}>{s.homesCreated.join(', ')}</SummaryRow> : null}
      {s.medicinesStopped ? <SummaryRow label="Medicines marked stopped">{s.medicinesStopped} no longer in the practice’s list</SummaryRow> : null}
      {s.listsKeptUnchanged?.length ? (
        <SummaryRow label="Medication lists left unchanged">{s.listsKeptUnchanged.join(', ')} (a row of theirs was rejected)</SummaryRow>
      ) : null}
      {s.unknownColumns?.length ? <SummaryRow label="Columns ignored">{s.unknownColumns.join(', ')}</SummaryRow> : null}
      {Object.keys(s.notUnderstood ?? {}).length ? (
        <SummaryRow label="Not understood">{Object.entries(s.notUnderstood ?? {}).map(([k, n]) => `${k} (${n})`).join(', ')}</SummaryRow>
      ) : null}
      {Object.keys(s.skipped ?? {}).length ? (
        <SummaryRow label="Read but not imported">{Object.entries(s.skipped ?? {}).map(([k, n]) => `${k} (${n})`).join('; ')}</SummaryRow>
      ) : null}
    </dl>
  );
}

function Problems({ view, limit, caption }: { view: ImportView; limit: number; caption: string }) {
  const rows = [
    ...view.report.rejected.map((p) => ({ line: String(p.line), field: p.field ?? '', reason: p.reason })),
    ...view.report.unmatched.map((u) => ({ line: String(u.line), field: 'NHS number', reason: `${u.nhsNumber.replace(/^(\d{3})(\d{3})(\d{4})$/, '$1 $2 $3')} is not on the register` })),
  ];
  if (rows.length === 0) return <p>Every row could be read.</p>;
  const total = view.totals.rejectedProblems + view.totals.unmatched;
  return (
    <div className="nhsuk-table-container">
      <table className="nhsuk-table">
        <caption className="nhsuk-table__caption">{caption}</caption>
        <thead className="nhsuk-table__head">
          <tr className="nhsuk-table__row">
            <th className="nhsuk-table__header" scope="col">{view.format === 'fhir' ? 'Where' : 'Line'}</th>
            <th className="nhsuk-table__header" scope="col">Field</th>
            <th className="nhsuk-table__header" scope="col">Problem</th>
          </tr>
        </thead>
        <tbody className="nhsuk-table__body">
          {rows.slice(0, limit).map((p, i) => (
            <tr className="nhsuk-table__row" key={`${p.line}-${p.field}-${i}`}>
              <td className="nhsuk-table__cell">{p.line}</td>
              <td className="nhsuk-table__cell">{p.field}</td>
              <td className="nhsuk-table__cell">{p.reason}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {total > Math.min(limit, rows.length) ? <p className="nhsuk-body-s">Showing the first {Math.min(limit, rows.length)} of {total.toLocaleString('en-GB')} problems.</p> : null}
    </div>
  );
}

function History({ refresh }: { refresh: number }) {
  const [history, retry] = useLoad(() => call('imports:history', {}), [refresh]);
  if (history.status === 'loading') return <Loading what="earlier imports" />;
  if (history.status === 'error') return <ErrorPanel error={history.error} onRetry={retry} />;
  if (history.value.length === 0) {
    return <p>No files have been imported yet. Start with the patients export: it adds the care homes and residents the other files refer to.</p>;
  }
  return (
    // Focusable, so a keyboard can scroll it when the file names make it wider than the page.
    <div className="nhsuk-table-container" role="region" aria-label="Files imported" tabIndex={0}>
      <table className="nhsuk-table">
        <caption className="nhsuk-table__caption nhsuk-u-visually-hidden">Files imported, newest first</caption>
        <thead className="nhsuk-table__head">
          <tr className="nhsuk-table__row">
            <th className="nhsuk-table__header" scope="col">Imported</th>
            <th className="nhsuk-table__header" scope="col">File</th>
            <th className="nhsuk-table__header" scope="col">Holds</th>
            <th className="nhsuk-table__header nhsuk-table__header--numeric" scope="col">Read</th>
            <th className="nhsuk-table__header nhsuk-table__header--numeric" scope="col">Stored</th>
            <th className="nhsuk-table__header nhsuk-table__header--numeric" scope="col">Up to date</th>
            <th className="nhsuk-table__header nhsuk-table__header--numeric" scope="col">Rejected</th>
            <th className="nhsuk-table__header nhsuk-table__header--numeric" scope="col">Not on register</th>
          </tr>
        </thead>
        <tbody className="nhsuk-table__body">
          {history.value.map((b: ImportBatchInfo) => (
            <tr className="nhsuk-table__row" key={b.id}>
              <td className="nhsuk-table__cell app-nowrap">{when(b.importedAt)}<span className="app-secondary-text">by {b.importedBy}</span></td>
              <td className="nhsuk-table__cell">{b.fileName}</td>
              <td className="nhsuk-table__cell">{kindLabel(b.kind)}</td>
              <td className="nhsuk-table__cell nhsuk-table__cell--numeric">{b.read.toLocaleString('en-GB')}</td>
              <td className="nhsuk-table__cell nhsuk-table__cell--numeric">{b.accepted.toLocaleString('en-GB')}</td>
              <td className="nhsuk-table__cell nhsuk-table__cell--numeric">{b.unchanged.toLocaleString('en-GB')}</td>
              <td className="nhsuk-table__cell nhsuk-table__cell--numeric">{b.rejected.toLocaleString('en-GB')}</td>
              <td className="nhsuk-table__cell nhsuk-table__cell--numeric">{(b.unmatched + (b.summary.notOnRegister ?? 0)).toLocaleString('en-GB')}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

export function ImportScreen() {
  usePageTitle('Import practice records');
  const [file, setFile] = useState<ChosenFile | null>(null);
  const [kind, setKind] = useState<RecordKind | ''>('');
  const [strict, setStrict] = useState(false);
  const [again, setAgain] = useState(false);
  const [stage, setStage] = useState<Stage>({ step: 'choose' });
  const [error, setError] = useState<ApiError | null>(null);
  const [pathError, setPathError] = useState<string | undefined>(undefined);
  const [dialogMissing, setDialogMissing] = useState(false);
  const [saved, setSaved] = useState<string | null>(null);
  const [refresh, setRefresh] = useState(0);
  const busy = stage.step === 'checking' || stage.step === 'importing';
  const progress = useProgress(busy);

  const reset = () => {
    setStage({ step: 'choose' });
    setError(null);
    setSaved(null);
    setAgain(false);
  };

  const choose = async () => {
    try {
      const chosen = await call('imports:choose-file', {});
      if (!chosen.available) setDialogMissing(true);
      else if (chosen.file) {
        setFile(chosen.file);
        setPathError(undefined);
        reset();
      }
    } catch (e) {
      setError(toApiError(e));
    }
  };

  const check = async () => {
    setError(null);
    setSaved(null);
    if (file === null) {
      setPathError('Choose a file to import');
      return;
    }
    setPathError(undefined);
    setStage({ step: 'checking' });
    try {
      const preview = await call('imports:preview', { fileToken: file.token, ...(kind ? { kind } : {}) });
      setStage({ step: 'checked', preview });
    } catch (e) {
      setError(toApiError(e));
      setStage({ step: 'choose' });
    }
  };

  const commit = async (preview: ImportView) => {
    if (file === null) return;
    setError(null);
    setStage({ step: 'importing', preview });
    try {
      const result = await call('imports:commit', { fileToken: file.token, ...(kind ? { kind } : {}), strict, force: again });
      setStage({ step: 'done', result });
      setRefresh((n) => n + 1);
    } catch (e) {
      setError(toApiError(e));
      setStage({ step: 'checked', preview });
    }
  };

  const saveProblems = async (batchId: number) => {
    try {
      const out = await call('imports:export-problems', { batchId });
      if (out.path !== null) setSaved(`Saved ${plural(out.rows, 'row')} to ${out.path}`);
    } catch (e) {
      setError(toApiError(e));
    }
  };

  return (
    <>
      <PageHeading>Import practice records</PageHeading>
      <div className="nhsuk-grid-row">
        <div className="nhsuk-grid-column-two-thirds">
          <p>
            Bring in the practice’s records as EMIS Web or SystmOne report exports (one CSV file for each kind of record) or as FHIR R4
            files (a Bundle, a single resource, or NDJSON). Import the patients file first: it adds the care homes and residents the other
            files refer to. Nothing is stored until you have checked the file and chosen to import it.
          </p>
          <p>Care homes’ flag sheets are imported further down this page:{' '}
            <button type="button" className="app-link-button" onClick={() => {
              const heading = document.getElementById('flag-import-heading');
              heading?.scrollIntoView();
              heading?.focus();
            }}>import care homes’ flags</button>.</p>
        </div>
      </div>

      {error ? <ErrorPanel error={error} /> : null}

      {stage.step === 'choose' || stage.step === 'checking' ? (
        <form noValidate onSubmit={(e) => { e.preventDefault(); void check(); }}>
          <h2 className="nhsuk-heading-m">1. Choose the file</h2>
          <div className={`nhsuk-form-group${pathError ? ' nhsuk-form-group--error' : ''}`}>
            {pathError ? <span className="nhsuk-error-message" id="import-file-error"><span className="nhsuk-u-visually-hidden">Error:</span> {pathError}</span> : null}
            <p className="nhsuk-body" id="import-file" role="status">{file ? <>File to import: <strong>{file.name}</strong></> : 'No file chosen yet.'}</p>
            <button type="button" className="nhsuk-button nhsuk-button--secondary" onClick={() => void choose()} disabled={busy}
              aria-describedby={pathError ? 'import-file import-file-error' : 'import-file'}>{file ? 'Choose another file…' : 'Choose a file…'}</button>
            {dialogMissing ? <p className="nhsuk-body-s">There is no file dialog here, so no file can be chosen. Import from the desktop app, or with the command line (npm run cli -- import records FILE).</p> : null}
          </div>
          <SelectField id="import-kind" label="What the file holds" value={kind} options={KIND_OPTIONS} onChange={(v) => setKind(v)}
            hint="Roundtable works this out from a CSV file’s column names; choose only if it gets it wrong. FHIR files say what they hold." />
          {stage.step === 'checking' ? <ProgressBar label="Checking the file" progress={progress} /> : null}
          <button type="submit" className="nhsuk-button" disabled={busy}>Check the file</button>
        </form>
      ) : null}

      {stage.step === 'checked' || stage.step === 'importing' ? (
        <>
          <h2 className="nhsuk-heading-m">2. Check what will be imported</h2>
          {stage.preview.importedBefore ? (
            <div className="nhsuk-warning-callout">
              <h3 className="nhsuk-warning-callout__label"><span role="text"><span className="nhsuk-u-visually-hidden">Important: </span>Imported before</span></h3>
              <p>This same file was imported on {when(stage.preview.importedBefore.importedAt)} (import {stage.preview.importedBefore.batchId}).
                Importing it again changes nothing unless the records have been changed since; tick “Import it again” to go ahead.</p>
            </div>
          ) : null}
          <Counts view={stage.preview} dryRun />
          <Problems view={stage.preview} limit={10} caption="First problems found" />
          {stage.step === 'importing' ? <ProgressBar label="Importing" progress={progress} /> : (
            <form noValidate onSubmit={(e) => { e.preventDefault(); void commit(stage.preview); }}>
              <Checkbox id="import-strict" label="Import nothing if any row is rejected" checked={strict} onChange={setStrict}
                hint="Otherwise the rows that can be read are stored and the rejected ones are listed for you to correct." />
              <Checkbox id="import-again" label="Import it again even if this same file was imported before" checked={again} onChange={setAgain} />
              <div className="app-actions">
                <button type="submit" className="nhsuk-button">Import {plural(stage.preview.report.read, 'row')}</button>
                <button type="button" className="nhsuk-button nhsuk-button--secondary" onClick={reset}>Choose another file</button>
              </div>
            </form>
          )}
        </>
      ) : null}

      {stage.step === 'done' ? <Done result={stage.result} saved={saved} onSave={saveProblems} onAnother={() => { reset(); setFile(null); }} /> : null}

      <h2 className="nhsuk-heading-m nhsuk-u-margin-top-6">Earlier imports</h2>
      <History refresh={refresh} />

      <hr className="nhsuk-section-break nhsuk-section-break--l nhsuk-section-break--visible" />
      <FlagImportPanel />
    </>
  );
}

function Done({ result, saved, onSave, onAnother }: { result: ImportView; saved: string | null; onSave: (batchId: number) => Promise<void>; onAnother: () => void }) {
  const r = result.report;
  const problems = result.totals.rejectedProblems + result.totals.unmatched;
  return (
    <>
      {result.previousImport ? (
        <div className="nhsuk-warning-callout">
          <h2 className="nhsuk-warning-callout__label"><span role="text"><span className="nhsuk-u-visually-hidden">Important: </span>Already imported</span></h2>
          <p>This file was imported on {when(result.previousImport.importedAt)} (import {result.previousImport.batchId}). Nothing was changed.
            To import it again, choose the file again and tick “Import it again”.</p>
        </div>
      ) : null}
      {result.strictRefused ? (
        <div className="nhsuk-warning-callout">
          <h2 className="nhsuk-warning-callout__label"><span role="text"><span className="nhsuk-u-visually-hidden">Important: </span>Nothing imported</span></h2>
          <p>Some rows were rejected, and you asked for nothing to be imported in that case. Correct the rows listed below and import the file again.</p>
        </div>
      ) : null}
      {result.stored ? <SuccessBanner message={`Import ${r.batchId ?? ''} stored: ${plural(r.accepted, 'row')} new or changed, ${r.unchanged.toLocaleString('en-GB')} already up to date`} /> : null}
      <h2 className="nhsuk-heading-m">3. What was imported</h2>
      {!result.previousImport ? <Counts view={result} dryRun={false} /> : null}
      {!result.previousImport ? <Problems view={result} limit={200} caption="Rows not imported" /> : null}
      {saved ? <p className="nhsuk-body" role="status">{saved}</p> : null}
      <div className="app-actions">
        {result.stored && problems > 0 && r.batchId !== null ? (
          <button type="button" className="nhsuk-button nhsuk-button--secondary" onClick={() => void onSave(r.batchId as number)}>
            Save the rejected rows as a CSV file
          </button>
        ) : null}
        <button type="button" className="nhsuk-button" onClick={onAnother}>Import another file</button>
        <a className="nhsuk-button nhsuk-button--secondary" href={href('/homes')} draggable={false}>Go to care homes</a>
      </div>
    </>
  );
}
