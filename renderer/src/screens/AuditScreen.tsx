/** The audit trail: who did what and when, filtered by resident, person, date and kind; CSV export. */
import { useState, type FormEvent } from 'react';
import { formatUkDate } from '../../../shared/dates';
import { formatNhsNumber } from '../../../shared/rules/nhsNumber';
import { call, toApiError, type ApiError } from '../api';
import { ErrorPanel } from '../components/ErrorPanel';
import { ErrorSummary } from '../components/ErrorSummary';
import { Loading } from '../components/Loading';
import { PageHeading } from '../components/PageHeading';
import { SelectField } from '../components/SelectField';
import { TextField } from '../components/TextField';
import { downloadText, formatTimestamp } from '../download';
import { readDate } from '../forms/dates';
import { useLoad, usePageTitle } from '../hooks';
import { ListBar, PAGE_SIZE, useSettledText, FilterSelect } from '../components/ListControls';

const ACTIONS: Record<string, string> = {
  create: 'Added', update: 'Changed', retire: 'Removed', view: 'Viewed', backup: 'Backed up', restore: 'Restored', export: 'Exported',
};
const ENTITIES: Record<string, string> = {
  care_home: 'Care home', resident: 'Resident', representative: 'Representative', resident_records: 'Clinical records', flag: 'Flag',
  staff: 'Staff', practice: 'Practice', database: 'Database', audit: 'Audit trail',
};
/** The picker lists this many matches; typing more finds any other resident. */
const PICKER_SIZE = 25;
const word = (map: Record<string, string>, key: string) => map[key] ?? key.replace(/_/g, ' ');

interface Filter { residentId?: number; person?: string; from?: string; to?: string; kind?: string }

export function AuditScreen({ residentId }: { residentId: number | null }) {
  const [filter, setFilter] = useState<Filter>(residentId ? { residentId } : {});
  const [form, setForm] = useState({ resident: residentId ? String(residentId) : '', person: '', kind: '', from: '', to: '' });
  const [errors, setErrors] = useState<{ fieldId: string; message: string }[]>([]);
  const [choices] = useLoad(() => call('audit:choices', {}), []);
  // The resident picker reaches every resident: the list holds the first matches of what is typed (name or
  // NHS number, over the whole register, paged in the store), plus the resident already chosen.
  const [find, setFind] = useState('');
  const [findTerm] = useSettledText(find);
  const [matches] = useLoad(() => call('residents:page', { status: 'all', sort: 'name', limit: PICKER_SIZE, ...(findTerm ? { query: findTerm } : {}) }),
    [findTerm], { keepPrevious: true });
  const [chosen] = useLoad(() => (form.resident ? call('residents:page', { status: 'all', residentId: Number(form.resident), limit: 1 }) : Promise.resolve(null)),
    [form.resident]);
  const [offset, setOffset] = useState(0);
  const [events, retry] = useLoad(() => call('audit:page', { ...filter, offset, limit: PAGE_SIZE }), [JSON.stringify(filter), offset], { keepPrevious: true });
  const shown = events.status === 'ready' ? events.value : events.status === 'loading' ? events.previous : null;
  const [exportError, setExportError] = useState<ApiError | null>(null);
  usePageTitle('Audit trail', errors.length > 0);

  function submit(event: FormEvent) {
    event.preventDefault();
    const from = readDate(form.from, { label: 'the first day', example: '01/11/2026' });
    const to = readDate(form.to, { label: 'the last day', example: '30/11/2026' });
    const found = [
      ...(from.error ? [{ fieldId: 'audit-from', message: from.error }] : []),
      ...(to.error ? [{ fieldId: 'audit-to', message: to.error }] : []),
    ];
    if (!found.length && from.iso && to.iso && to.iso < from.iso) found.push({ fieldId: 'audit-to', message: 'The last day must be the same as or after the first day' });
    setErrors(found);
    if (found.length) return;
    setOffset(0);
    setFilter({
      ...(form.resident ? { residentId: Number(form.resident) } : {}), ...(form.person ? { person: form.person } : {}),
      ...(form.kind ? { kind: form.kind } : {}), ...(from.iso ? { from: from.iso } : {}), ...(to.iso ? { to: to.iso } : {}),
    });
  }

  async function exportCsv() {
    setExportError(null);
    try {
      const { fileName, csv } = await call('audit:csv', filter);
      downloadText(fileName, csv);
    } catch (error) {
      setExportError(toApiError(error));
    }
  }

  const errorFor = (id: string) => errors.find((e) => e.fieldId === id)?.message;
  const c = choices.status === 'ready' ? choices.value : { people: [], actions: [], entities: [] };
  const found = matches.status === 'ready' ? matches.value : matches.status === 'loading' ? matches.previous : null;
  const picked = chosen.status === 'ready' ? chosen.value?.rows[0]?.resident ?? null : null;
  const pickable = [...(picked && !found?.rows.some((r) => r.resident.id === picked.id) ? [picked] : []), ...(found?.rows.map((r) => r.resident) ?? [])];
  const residentOptions = [{ value: '', label: 'Anyone' },
    ...pickable.map((r) => ({ value: String(r.id), label: `${r.familyName}, ${r.givenName} (${formatNhsNumber(r.nhsNumber)})` }))];
  if (form.resident && !pickable.some((r) => String(r.id) === form.resident)) residentOptions.push({ value: form.resident, label: 'Loading…' });
  const findHint = found === null ? 'Type a name or NHS number'
    : found.total > found.rows.length ? `${found.rows.length} of ${found.total.toLocaleString('en-GB')} residents listed: type more to find others`
      : `${found.total.toLocaleString('en-GB')} ${found.total === 1 ? 'resident' : 'residents'} listed`;
  const kindOptions = [{ value: '', label: 'Anything' },
    ...c.actions.map((a) => ({ value: a, label: `${word(ACTIONS, a)} (action)` })),
    ...c.entities.map((e) => ({ value: e, label: `${word(ENTITIES, e)} (record)` }))];
  const active = Object.keys(filter).length > 0;
  return (
    <>
      {errors.length > 0 ? <ErrorSummary items={errors} /> : null}
      <PageHeading>Audit trail</PageHeading>
      <p>Who did what in Roundtable, and when: every change, every backup and restore, and every time someone opened a resident’s record.</p>
      <form className="app-filter-bar" onSubmit={submit} noValidate aria-label="Filter the audit trail">
        <div className="app-filter-bar__item">
          <TextField id="audit-find" label="Name or NHS number" type="search" value={find} onChange={setFind} widthClass="nhsuk-u-width-full" />
          <p className="app-secondary-text" id="audit-find-count" aria-live="polite" data-testid="audit-find-count">{findHint}</p>
        </div>
        <div className="app-filter-bar__search">
          <SelectField id="audit-resident" label="Resident" value={form.resident} options={residentOptions} onChange={(v) => setForm({ ...form, resident: v })} selectClassName="nhsuk-u-width-full" />
        </div>
        <FilterSelect id="audit-person" label="Person" value={form.person} options={[{ value: '', label: 'Anyone' }, ...c.people.map((p) => ({ value: p, label: p }))]}
            onChange={(v) => setForm({ ...form, person: v })} />
        <FilterSelect id="audit-kind" label="Kind" value={form.kind} options={kindOptions} onChange={(v) => setForm({ ...form, kind: v })} />
        <div className="app-filter-bar__date">
          <TextField id="audit-from" label="From (dd/mm/yyyy)" value={form.from} error={errorFor('audit-from')} onChange={(v) => setForm({ ...form, from: v })} width={10} />
        </div>
        <div className="app-filter-bar__date">
          <TextField id="audit-to" label="To (dd/mm/yyyy)" value={form.to} error={errorFor('audit-to')} onChange={(v) => setForm({ ...form, to: v })} width={10} />
        </div>
        <button type="submit" className="nhsuk-button nhsuk-button--secondary">Filter</button>
        <button type="button" className="nhsuk-button nhsuk-button--secondary" onClick={exportCsv}>Download as CSV</button>
      </form>
      {exportError ? <ErrorPanel error={exportError} /> : null}
      {shown === null && events.status === 'loading' ? <Loading what="the audit trail" /> : null}
      {events.status === 'error' ? <ErrorPanel error={events.error} onRetry={retry} /> : null}
      {shown !== null && shown.total === 0 ? (
        <p className="app-no-results">{active ? 'Nothing in the audit trail matches these filters. Clear a filter or widen the dates.' : 'Nothing has happened yet. Every change you make in Roundtable will be listed here.'}</p>
      ) : null}
      {shown !== null && shown.total > 0 ? (
        <>
          <ListBar total={shown.total} offset={shown.offset} limit={shown.limit} noun="event" label="Pages of the audit trail" onOffset={(n) => { setOffset(n); window.scrollTo(0, 0); }} />
          <div className="nhsuk-table-container">
            <table className="nhsuk-table app-table-compact" data-testid="audit-table">
              <caption className="nhsuk-table__caption nhsuk-u-visually-hidden">
                Audit events{filter.from || filter.to ? ` from ${filter.from ? formatUkDate(filter.from) : 'the start'} to ${filter.to ? formatUkDate(filter.to) : 'today'}` : ''}, newest first
              </caption>
              <thead className="nhsuk-table__head">
                <tr className="nhsuk-table__row">
                  <th className="nhsuk-table__header" scope="col">When</th>
                  <th className="nhsuk-table__header" scope="col">Who</th>
                  <th className="nhsuk-table__header" scope="col">Action</th>
                  <th className="nhsuk-table__header" scope="col">Record</th>
                  <th className="nhsuk-table__header" scope="col">What happened</th>
                </tr>
              </thead>
              <tbody className="nhsuk-table__body">
                {shown.rows.map((e) => (
                  <tr className="nhsuk-table__row" key={e.id}>
                    <td className="nhsuk-table__cell app-nowrap">{formatTimestamp(e.at)}</td>
                    <td className="nhsuk-table__cell">{e.staffName ? <>{e.staffName}<span className="app-secondary-text">{e.osUser}</span></> : e.osUser}{e.machine ? <span className="app-secondary-text">on {e.machine}</span> : null}</td>
                    <td className="nhsuk-table__cell">{word(ACTIONS, e.action)}</td>
                    <td className="nhsuk-table__cell">{word(ENTITIES, e.entity)}</td>
                    <td className="nhsuk-table__cell">{e.summary}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      ) : null}
    </>
  );
}
