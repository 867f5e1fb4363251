import { useState } from 'react';
import { call, toApiError, type ApiError } from '../api';
import type { WeekPlan } from '../../../shared/ipc/rounds';
import { ErrorPanel } from '../components/ErrorPanel';
import { ErrorSummary } from '../components/ErrorSummary';
import { Loading } from '../components/Loading';
import { PageHeading } from '../components/PageHeading';
import { SelectField } from '../components/SelectField';
import { SuccessBanner } from '../components/SuccessBanner';
import { TextField } from '../components/TextField';
import { BackLink } from '../components/BackLink';
import { formatLongUkDate, formatUkDate, parseUkDate } from '../../../shared/dates';
import { ROUND_LABELS, type RoundSummary } from '../../../shared/domain/round';
import type { CareHome } from '../../../shared/domain/register';
import type { SummaryItem } from '../forms/errors';
import { navigateWithFlash } from '../flash';
import { useLoad, usePageTitle } from '../hooks';
import { href, navigate } from '../router';
import { useAppInfo } from '../appInfo';
import { ROUND_STATUS_TAGS } from '../components/tagColours';
import { PrintWeekButton } from './PrintWeekButton';

const STATUS_TAGS: Record<RoundSummary['status'], string> = ROUND_STATUS_TAGS;

export function RoundStatusTag({ status }: { status: RoundSummary['status'] }) {
  return <strong className={`nhsuk-tag ${STATUS_TAGS[status]}`}>{ROUND_LABELS.status[status]}</strong>;
}

function RoundsTable({ rounds, caption }: { rounds: RoundSummary[]; caption: string }) {
  return (
    <div className="nhsuk-table-container">
      <table className="nhsuk-table">
        <caption className="nhsuk-table__caption">{caption}</caption>
        <thead className="nhsuk-table__head">
          <tr className="nhsuk-table__row">
            <th className="nhsuk-table__header" scope="col">Date</th>
            <th className="nhsuk-table__header" scope="col">Care home</th>
            <th className="nhsuk-table__header" scope="col">Starts</th>
            <th className="nhsuk-table__header nhsuk-table__header--numeric" scope="col">Residents</th>
            <th className="nhsuk-table__header" scope="col">Time planned</th>
            <th className="nhsuk-table__header" scope="col">Status</th>
          </tr>
        </thead>
        <tbody className="nhsuk-table__body">
          {rounds.map((r) => (
            <tr className="nhsuk-table__row" key={r.id}>
              <td className="nhsuk-table__cell"><a href={href(`/rounds/${r.id}`)}>{formatLongUkDate(r.date)}<span className="nhsuk-u-visually-hidden">, {r.homeName}</span></a></td>
              <td className="nhsuk-table__cell">{r.homeName}</td>
              <td className="nhsuk-table__cell">{r.startTime}</td>
              <td className="nhsuk-table__cell nhsuk-table__cell--numeric">{r.items}</td>
              <td className="nhsuk-table__cell">{r.usedMinutes} of {r.capacityMinutes} minutes</td>
              <td className="nhsuk-table__cell"><RoundStatusTag status={r.status} /></td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

export function RoundsScreen({ homeId, flash }: { homeId: number | null; flash: string | null }) {
  usePageTitle('Rounds');
  const info = useAppInfo();
  const today = info.today;
  const [data, retry] = useLoad(async () => ({
    homes: await call('homes:list', {}),
    rounds: await call('rounds:list', homeId ? { homeId } : {}),
  }), [homeId]);
  const [week, setWeek] = useState<WeekPlan | null>(null);
  const [weekError, setWeekError] = useState<ApiError | null>(null);
  const [planning, setPlanning] = useState(false);
  async function planNextWeek() {
    setPlanning(true);
    setWeekError(null);
    try {
      setWeek(await call('rounds:plan-week', {}));
      retry();
    } catch (error) {
      setWeekError(toApiError(error));
    } finally {
      setPlanning(false);
    }
  }
  return (
    <>
      {flash ? <SuccessBanner message={flash} /> : null}
      {week ? (
        <div className="nhsuk-card app-week-plan" role="status">
          <div className="nhsuk-card__content">
            <h2 className="nhsuk-card__heading">{week.planned.length === 0 ? 'No rounds planned' : `${week.planned.length} ${week.planned.length === 1 ? 'round' : 'rounds'} planned`} for {formatUkDate(week.from)} to {formatUkDate(week.to)}</h2>
            {week.planned.length > 0 ? (
              <ul className="nhsuk-list nhsuk-list--bullet">
                {week.planned.map(({ round, proposal }) => (
                  <li key={round.id}><a href={href(`/rounds/${round.id}`)}>{round.homeName}, {formatLongUkDate(round.date)}</a>: {round.items.length} residents
                    {proposal.overByMinutes > 0 ? <>, <strong>over by {proposal.overByMinutes} minutes</strong></> : null}. {proposal.deferred.text}</li>
                ))}
              </ul>
            ) : null}
            {week.skipped.length > 0 ? <ul className="nhsuk-list nhsuk-list--bullet">{week.skipped.map((s) => <li key={s.homeId}>Not planned: {s.why}</li>)}</ul> : null}
          </div>
        </div>
      ) : null}
      {weekError ? <ErrorPanel error={weekError} /> : null}
      <PageHeading>Rounds</PageHeading>
      {data.status === 'loading' ? <Loading what="rounds" /> : null}
      {data.status === 'error' ? <ErrorPanel error={data.error} onRetry={retry} /> : null}
      {data.status === 'ready' && data.value.homes.length === 0 ? (
        <div className="nhsuk-grid-row"><div className="nhsuk-grid-column-two-thirds">
          <p className="nhsuk-body-l">Rounds are planned for a care home, so add a care home first.</p>
          <a className="nhsuk-button" href={href('/homes/new')} draggable={false}>Add a care home</a>
        </div></div>
      ) : null}
      {data.status === 'ready' && data.value.homes.length > 0 ? (
        <>
          <p>Each home’s weekly round: Roundtable proposes who should be seen and why, within the time the clinicians have. You can change it, invite relatives and print the agenda.</p>
          <div className="nhsuk-button-group">
            <button type="button" className="nhsuk-button" disabled={planning} onClick={() => void planNextWeek()}>Plan next week</button>
            <a className="nhsuk-button nhsuk-button--secondary" href={href(`/rounds/new${homeId ? `?home=${homeId}` : ''}`)} draggable={false}>Plan a round</a>
          </div>
          <p className="nhsuk-body-s">“Plan next week” plans a round for every care home on its usual round day in the 7 days from tomorrow, each with the home’s own time and clinician. A home that already has a round that week is left as it is.</p>
          <PrintWeekButton />
          <SelectField id="home-filter" label="Show rounds for" value={homeId ? String(homeId) : 'all'}
            options={[{ value: 'all', label: 'Every care home' }, ...data.value.homes.map((h) => ({ value: String(h.id), label: h.name }))]}
            onChange={(v) => navigate(v === 'all' ? '/rounds' : `/rounds?home=${v}`)} />
          {data.value.rounds.length === 0 ? <p className="nhsuk-body-l">No rounds have been planned yet. Choose “Plan a round” to make the first one.</p> : null}
          {data.value.rounds.some((r) => r.date >= today)
            ? <RoundsTable caption="Upcoming rounds" rounds={data.value.rounds.filter((r) => r.date >= today).reverse()} /> : null}
          {data.value.rounds.some((r) => r.date < today)
            ? <RoundsTable caption="Past rounds" rounds={data.value.rounds.filter((r) => r.date < today)} /> : null}
        </>
      ) : null}
    </>
  );
}

export function RoundNewScreen({ homeId }: { homeId: number | null }) {
  const [errors, setErrors] = useState<SummaryItem[]>([]);
  usePageTitle('Plan a round', errors.length > 0);
  const [homes, retry] = useLoad(() => call('homes:list', {}), []);
  const [home, setHome] = useState(homeId ? String(homeId) : '');
  const [date, setDate] = useState('');
  const [start, setStart] = useState('');
  const [capacity, setCapacity] = useState('');
  const [clinicians, setClinicians] = useState('');
  const [busy, setBusy] = useState(false);
  const chosen: CareHome | undefined = homes.status === 'ready' ? homes.value.find((h) => String(h.id) === home) : undefined;
  const fieldError = (id: string) => errors.find((e) => e.fieldId === id)?.message;

  async function submit() {
    const problems: SummaryItem[] = [];
    if (!chosen) problems.push({ fieldId: 'round-home', message: 'Choose the care home' });
    const iso = parseUkDate(date);
    if (!iso) problems.push({ fieldId: 'round-date', message: 'Enter the round’s date, for example 01/12/2026' });
    if (start && !/^([01]\d|2[0-3]):[0-5]\d$/.test(start)) problems.push({ fieldId: 'round-start', message: 'Enter a time as hh:mm, for example 10:00' });
    if (capacity && !/^\d+$/.test(capacity)) problems.push({ fieldId: 'round-capacity', message: 'Enter the minutes as a whole number, for example 120' });
    setErrors(problems);
    if (problems.length > 0 || !chosen || !iso) return;
    setBusy(true);
    try {
      const { round } = await call('rounds:create', {
        homeId: chosen.id, date: iso, ...(start ? { startTime: start } : {}), ...(capacity ? { capacityMinutes: Number(capacity) } : {}),
        clinicians: clinicians.split(',').map((c) => c.trim()).filter(Boolean),
      });
      navigateWithFlash(`/rounds/${round.id}`, `Round planned: ${round.items.length} residents proposed for ${formatUkDate(round.date)}`);
    } catch (error) {
      const e = toApiError(error);
      setErrors([{ message: e.details[0]?.message ?? e.message, fieldId: e.details[0]?.field === 'date' ? 'round-date' : undefined }]);
      setBusy(false);
    }
  }

  return (
    <div className="nhsuk-grid-row"><div className="nhsuk-grid-column-two-thirds">
      <BackLink href={href('/rounds')}>Back to rounds</BackLink>
      {errors.length > 0 ? <ErrorSummary items={errors} /> : null}
      <PageHeading>Plan a round</PageHeading>
      {homes.status === 'loading' ? <Loading what="care homes" /> : null}
      {homes.status === 'error' ? <ErrorPanel error={homes.error} onRetry={retry} /> : null}
      {homes.status === 'ready' ? (
        <form noValidate onSubmit={(e) => { e.preventDefault(); void submit(); }}>
          <SelectField id="round-home" label="Care home" value={home} error={fieldError('round-home')}
            options={[{ value: '', label: 'Choose a care home' }, ...homes.value.map((h) => ({ value: String(h.id), label: h.name }))]} onChange={setHome} />
          <TextField id="round-date" label="Date of the round" hint="For example, 01/12/2026" value={date} onChange={setDate} width={10} error={fieldError('round-date')} />
          <TextField id="round-start" label="Start time (optional)" width={5} value={start} onChange={setStart} error={fieldError('round-start')}
            hint={`As hh:mm. Leave blank to use the home’s usual start time (${chosen?.roundStartTime ?? '10:00'}).`} />
          <TextField id="round-capacity" label="Time the clinicians have, in minutes (optional)" width={4} inputMode="numeric" value={capacity} onChange={setCapacity}
            error={fieldError('round-capacity')} hint={`Leave blank to use the home’s usual round length (${chosen?.roundCapacityMinutes ?? 120} minutes).`} suffix="minutes" />
          <TextField id="round-clinicians" label="Clinicians (optional)" hint="Who is leading the round, separated by commas. For example, Dr Asha Patel, Sam Green (pharmacist)"
            value={clinicians} onChange={setClinicians} />
          <button className="nhsuk-button" type="submit" disabled={busy}>Propose the round</button>
        </form>
      ) : null}
    </div></div>
  );
}
