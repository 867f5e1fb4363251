/**
 * Shared outcomes: the figures the practice and a home go through together, for one home or the whole
 * practice over a chosen period, each with how it was counted; trends as charts; print on A4; CSV export.
 */
import { lazy, Suspense, useState, type FormEvent } from 'react';
import { addMonths, formatUkDate } from '../../../shared/dates';
import type { Figure, OutcomeReport, OutcomeSection } from '../../../shared/domain/reports';
import { call, toApiError, type ApiError } from '../api';
import { useAppInfo } from '../appInfo';
import { ErrorPanel } from '../components/ErrorPanel';
import { ErrorSummary } from '../components/ErrorSummary';
import { Loading } from '../components/Loading';
import { PageHeading } from '../components/PageHeading';
import { SelectField } from '../components/SelectField';
import { TextField } from '../components/TextField';
import { downloadText } from '../download';
import { readDate } from '../forms/dates';
import { useLoad, usePageTitle } from '../hooks';
import { href } from '../router';

interface Query { homeId: number | null; from: string; to: string }

// recharts is large and only this screen draws charts: it loads when the charts are first shown, so the
// first screen's bundle stays small.
const OutcomeCharts = lazy(() => import('../components/OutcomeCharts').then((m) => ({ default: m.OutcomeCharts })));

export function ReportsScreen() {
  const info = useAppInfo();
  const [homes] = useLoad(() => call('homes:list', {}), []);
  const initial: Query = { homeId: null, from: `${addMonths(info.today, -11).slice(0, 7)}-01`, to: info.today };
  const [query, setQuery] = useState<Query>(initial);
  const [form, setForm] = useState({ home: '', from: formatUkDate(initial.from), to: formatUkDate(initial.to) });
  const [errors, setErrors] = useState<{ field: string; message: string }[]>([]);
  const [report, retry] = useLoad(() => call('reports:outcomes', { from: query.from, to: query.to, ...(query.homeId ? { homeId: query.homeId } : {}) }), [query.homeId, query.from, query.to]);
  const [exportError, setExportError] = useState<ApiError | null>(null);
  usePageTitle('Shared outcomes', errors.length > 0);

  function submit(event: FormEvent) {
    event.preventDefault();
    const from = readDate(form.from, { label: 'the first day', example: '01/04/2026', required: true });
    const to = readDate(form.to, { label: 'the last day', example: '31/03/2027', required: true });
    const found: { field: string; message: string }[] = [];
    if (from.error) found.push({ field: 'report-from', message: from.error });
    if (to.error) found.push({ field: 'report-to', message: to.error });
    if (!found.length && from.iso && to.iso && to.iso < from.iso) found.push({ field: 'report-to', message: 'The last day must be the same as or after the first day' });
    setErrors(found);
    if (found.length || !from.iso || !to.iso) return;
    setQuery({ homeId: form.home ? Number(form.home) : null, from: from.iso, to: to.iso });
  }

  async function exportCsv() {
    setExportError(null);
    try {
      const { fileName, csv } = await call('reports:csv', { from: query.from, to: query.to, ...(query.homeId ? { homeId: query.homeId } : {}) });
      downloadText(fileName, csv);
    } catch (error) {
      setExportError(toApiError(error));
    }
  }

  const errorFor = (field: string) => errors.find((e) => e.field === field)?.message;
  const homeOptions = [{ value: '', label: 'All care homes (the practice)' },
    ...(homes.status === 'ready' ? homes.value.map((h) => ({ value: String(h.id), label: h.name })) : [])];
  return (
    <>
      {errors.length > 0 ? <ErrorSummary items={errors.map((e) => ({ fieldId: e.field, message: e.message }))} /> : null}
      <PageHeading>Shared outcomes</PageHeading>
      <p className="nhsuk-body-l app-no-print">The same figures for the practice and each care home: reviews done, plans in place, hospital admissions and deaths in the place the person preferred. Each figure says how it was counted.</p>
      <form className="app-filters app-no-print" onSubmit={submit} noValidate>
        <div className="nhsuk-grid-row">
          <div className="nhsuk-grid-column-one-half">
            <SelectField id="report-home" label="Care home" value={form.home} options={homeOptions} onChange={(v) => setForm({ ...form, home: v })} selectClassName="nhsuk-u-width-full" />
          </div>
          <div className="nhsuk-grid-column-one-quarter">
            <TextField id="report-from" label="First day" hint="For example, 01/04/2026" value={form.from} error={errorFor('report-from')} onChange={(v) => setForm({ ...form, from: v })} width={10} />
          </div>
          <div className="nhsuk-grid-column-one-quarter">
            <TextField id="report-to" label="Last day" hint="For example, 31/03/2027" value={form.to} error={errorFor('report-to')} onChange={(v) => setForm({ ...form, to: v })} width={10} />
          </div>
        </div>
        <button type="submit" className="nhsuk-button nhsuk-button--secondary">Show figures</button>
      </form>
      {report.status === 'loading' ? <Loading what="the figures" /> : null}
      {report.status === 'error' ? <ErrorPanel error={report.error} onRetry={retry} /> : null}
      {report.status === 'ready' ? <Report report={report.value} onExport={exportCsv} exportError={exportError} /> : null}
    </>
  );
}

function Report({ report, onExport, exportError }: { report: OutcomeReport; onExport: () => void; exportError: ApiError | null }) {
  const residents = report.scope.figures.find((f) => f.key === 'residents')?.value ?? 0;
  return (
    <section aria-labelledby="report-title" className="app-report">
      <p className="app-print-only app-print-marking">For the practice and the care home to go through together · {report.practiceName}</p>
      <h2 className="nhsuk-heading-l nhsuk-u-margin-bottom-2" id="report-title">{report.scope.name}</h2>
      <p className="nhsuk-body-l">{formatUkDate(report.from)} to {formatUkDate(report.to)} <span className="app-secondary-text">· produced {formatUkDate(report.generatedOn)}</span></p>
      <div className="app-no-print">
        <button type="button" className="nhsuk-button nhsuk-u-margin-right-3" onClick={() => window.print()}>Print report</button>
        <button type="button" className="nhsuk-button nhsuk-button--secondary" onClick={onExport}>Download figures (CSV)</button>
        {exportError ? <ErrorPanel error={exportError} /> : null}
      </div>
      {residents === 0 ? (
        <div className="nhsuk-inset-text">
          <span className="nhsuk-u-visually-hidden">Information: </span>
          <p>No residents lived in {report.scope.homeId === null ? 'any care home' : 'this home'} during this period, so there is nothing to count yet. Add care homes and residents, or choose another period.</p>
          <p><a href={href('/homes')}>Go to care homes</a></p>
        </div>
      ) : null}
      <FiguresTable section={report.scope} caption={`Figures for ${report.scope.name}`} />
      {report.homes.length > 1 ? <HomesTable homes={report.homes} /> : null}
      <h2 className="nhsuk-heading-m app-page-break-before">Trends</h2>
      <Suspense fallback={<Loading what="the charts" />}>
        <OutcomeCharts charts={report.charts} />
      </Suspense>
    </section>
  );
}

function Breakdown({ figure }: { figure: Figure }) {
  if (!figure.breakdown?.length) return null;
  return (
    <ul className="nhsuk-list nhsuk-body-s nhsuk-u-margin-bottom-0">
      {figure.breakdown.map((b) => <li key={b.label}>{b.label}: {b.value}</li>)}
    </ul>
  );
}

function FiguresTable({ section, caption }: { section: OutcomeSection; caption: string }) {
  return (
    <div className="nhsuk-table-container">
      <table className="nhsuk-table app-figures">
        <caption className="nhsuk-table__caption">{caption}</caption>
        <thead className="nhsuk-table__head">
          <tr className="nhsuk-table__row">
            <th className="nhsuk-table__header" scope="col">Figure</th>
            <th className="nhsuk-table__header" scope="col">Value</th>
            <th className="nhsuk-table__header" scope="col">How counted</th>
          </tr>
        </thead>
        <tbody className="nhsuk-table__body">
          {section.figures.map((f) => (
            <tr className="nhsuk-table__row" key={f.key} data-figure={f.key}>
              <th className="nhsuk-table__header" scope="row">{f.label}</th>
              <td className="nhsuk-table__cell app-figure-value">{f.display}<Breakdown figure={f} /></td>
              <td className="nhsuk-table__cell nhsuk-body-s app-secondary-text">{f.howCounted}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function HomesTable({ homes }: { homes: OutcomeSection[] }) {
  const keys = homes[0]?.figures ?? [];
  return (
    <div className="nhsuk-table-container">
      <table className="nhsuk-table">
        <caption className="nhsuk-table__caption">Each care home side by side</caption>
        <thead className="nhsuk-table__head">
          <tr className="nhsuk-table__row">
            <th className="nhsuk-table__header" scope="col">Figure</th>
            {homes.map((h) => <th key={h.homeId} className="nhsuk-table__header" scope="col">{h.name}</th>)}
          </tr>
        </thead>
        <tbody className="nhsuk-table__body">
          {keys.map((k) => (
            <tr className="nhsuk-table__row" key={k.key}>
              <th className="nhsuk-table__header" scope="row">{k.label}</th>
              {homes.map((h) => <td key={h.homeId} className="nhsuk-table__cell">{h.figures.find((f) => f.key === k.key)?.display}</td>)}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
