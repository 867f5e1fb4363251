import { useState } from 'react';
import { call, toApiError, type ApiError } from '../api';
import { BackLink } from '../components/BackLink';
import { ErrorPanel } from '../components/ErrorPanel';
import { Loading } from '../components/Loading';
import { PageHeading } from '../components/PageHeading';
import { SelectField } from '../components/SelectField';
import { SuccessBanner } from '../components/SuccessBanner';
import { TextField } from '../components/TextField';
import { AttendeePanel } from './AttendeePanel';
import { RoundStatusTag } from './RoundsScreen';
import { formatLongUkDate } from '../../../shared/dates';
import type { AgendaItem, Round } from '../../../shared/domain/round';
import type { Resident } from '../../../shared/domain/register';
import { formatNhsNumber } from '../../../shared/rules/nhsNumber';
import { addMinutes, TIER_LABEL, tierOfReason, type SessionItem } from '../../../shared/rules/planning';
import { ruleLabel } from '../../../shared/rules/ruleLabels';
import { useLoad, usePageTitle } from '../hooks';
import { href } from '../router';

const NEXT: Partial<Record<Round['status'], { status: 'agenda-issued' | 'held' | 'closed'; label: string; done: string }>> = {
  planning: { status: 'agenda-issued', label: 'Issue the agenda', done: 'Agenda issued: the agenda is ready to print and send.' },
  'agenda-issued': { status: 'held', label: 'Mark the round as held', done: 'Round marked as held: record what was decided.' },
  held: { status: 'closed', label: 'Close the round', done: 'Round closed.' },
};

/**
 * A list beside the round (tasks, the pharmacist's session, care-planning conversations), each reason explained,
 * with "Print" beside it: an A4 PDF saved where the main process's save dialog says (care planning: with its letters).
 */
function SessionList({ roundId, session, title, intro, items, showMinutes }: { roundId: number; session: 'tasks' | 'pharmacist' | 'care-planning'; title: string; intro: string;
  items: readonly SessionItem[]; showMinutes?: boolean }) {
  const [busy, setBusy] = useState(false);
  const [saved, setSaved] = useState<{ ok: boolean; message: string } | null>(null);
  if (items.length === 0) return null;
  const print = () => {
    setBusy(true);
    call('rounds:save-session-pdf', { roundId, session }).then(
      (r) => setSaved(r.path === null ? null : { ok: true, message: `Saved as PDF: ${r.path}` }),
      (e: unknown) => setSaved({ ok: false, message: toApiError(e).message }),
    ).finally(() => setBusy(false));
  };
  return (
    <section className="app-session-list" aria-label={title}>
      <h2>{title}</h2>
      <p className="nhsuk-body-s">{intro}</p>
      <button type="button" className="nhsuk-button nhsuk-button--secondary nhsuk-u-margin-bottom-2" disabled={busy} onClick={print}>
        Print<span className="nhsuk-u-visually-hidden"> {title.toLowerCase()}</span>{session === 'care-planning' ? ' with the letters' : ''}
      </button>
      {saved ? <p className={saved.ok ? 'app-saved' : 'nhsuk-error-message'} role="status">{saved.message}</p> : null}
      <ul className="nhsuk-list nhsuk-list--bullet">
        {items.map((i) => (
          <li key={i.residentId}><strong>{i.name}</strong>{showMinutes ? `, ${i.minutes} minutes${i.fits ? '' : ' (next session: no time left this week)'}` : ''}
            <ul className="nhsuk-list nhsuk-body-s">{i.reasons.map((r) => <li key={`${r.rule}-${r.explanation}`}>{ruleLabel(r.rule)}: {r.explanation}</li>)}</ul>
          </li>
        ))}
      </ul>
    </section>
  );
}

function ItemRow({ item, resident, index, count, editable, mustSee, onChange, onError }: {
  item: AgendaItem; resident: Resident | undefined; index: number; count: number; editable: boolean; mustSee: string | undefined;
  onChange: (round: Round, message: string) => void; onError: (error: ApiError) => void;
}) {
  const name = resident ? `${resident.givenName} ${resident.familyName}` : `Resident ${item.residentId}`;
  const [minutes, setMinutes] = useState(String(item.minutes));
  const [removing, setRemoving] = useState(false);
  const [why, setWhy] = useState('');
  const [whyError, setWhyError] = useState<string | undefined>();
  const urgent = mustSee !== undefined || item.reasons.some((r) => r.rule === 'flag-urgent' || r.rule === 'flag-escalate-now' || r.urgent);
  const act = async (fn: () => Promise<Round>, message: string) => {
    try {
      onChange(await fn(), message);
    } catch (error) {
      onError(toApiError(error));
    }
  };
  return (
    <li className="app-round-item" data-resident-id={item.residentId}>
      <h3 className="nhsuk-heading-s nhsuk-u-margin-bottom-1">{item.start} · {name}</h3>
      {mustSee ? <p className="nhsuk-body-s nhsuk-u-margin-bottom-1"><strong className="nhsuk-tag nhsuk-tag--red">Must see</strong> {mustSee}</p> : null}
      <p className="nhsuk-body-s nhsuk-u-margin-bottom-1">{resident ? `NHS number ${formatNhsNumber(resident.nhsNumber)}${resident.room ? `, room ${resident.room}` : ''} · ` : ''}{item.minutes} minutes, until {addMinutes(item.start, item.minutes)}</p>
      <ul className="nhsuk-list nhsuk-list--bullet nhsuk-body-s">
        {item.reasons.map((r) => <li key={`${r.rule}-${r.explanation}`}><strong>{ruleLabel(r.rule)}</strong> ({TIER_LABEL[tierOfReason(r)].toLowerCase()}): {r.explanation}</li>)}
      </ul>
      {editable ? (
        <div className="app-round-item__controls">
          <button type="button" className="nhsuk-button nhsuk-button--secondary nhsuk-button--small" disabled={index === 0}
            onClick={() => void act(() => call('rounds:move', { itemId: item.id, direction: 'up' }), `${name} moved up`)}>Move up<span className="nhsuk-u-visually-hidden">: {name}</span></button>
          <button type="button" className="nhsuk-button nhsuk-button--secondary nhsuk-button--small" disabled={index === count - 1}
            onClick={() => void act(() => call('rounds:move', { itemId: item.id, direction: 'down' }), `${name} moved down`)}>Move down<span className="nhsuk-u-visually-hidden">: {name}</span></button>
          <form className="app-inline-form" noValidate onSubmit={(e) => {
            e.preventDefault();
            void act(() => call('rounds:set-minutes', { itemId: item.id, minutes: Number(minutes) }), `${name} now has ${minutes} minutes`);
          }}>
            <TextField id={`minutes-${item.id}`} label={`Minutes for ${name}`} labelClassName="nhsuk-u-visually-hidden" value={minutes} onChange={setMinutes}
              width={3} inputMode="numeric" suffix="minutes" groupClassName="nhsuk-u-margin-bottom-0" />
            <button type="submit" className="nhsuk-button nhsuk-button--secondary nhsuk-button--small">Change time<span className="nhsuk-u-visually-hidden"> for {name}</span></button>
          </form>
          <button type="button" className="nhsuk-button nhsuk-button--warning nhsuk-button--small" onClick={() => {
            if (!urgent) void act(() => call('rounds:remove-resident', { itemId: item.id }), `${name} taken off the round`);
            else setRemoving(true);
          }}>Take off the round<span className="nhsuk-u-visually-hidden">: {name}</span></button>
        </div>
      ) : null}
      {removing ? (
        <form noValidate className="nhsuk-inset-text" onSubmit={(e) => {
          e.preventDefault();
          if (!why.trim()) {
            setWhyError(`Enter why ${name} is coming off the round`);
            return;
          }
          void act(() => call('rounds:remove-resident', { itemId: item.id, reason: why }), `${name} taken off the round: ${why}`);
        }}>
          <TextField id={`remove-why-${item.id}`} label={`${name} must be seen this week. Why are they coming off the round?`} value={why} onChange={setWhy} error={whyError}
            hint="This is recorded. For example, admitted to hospital yesterday." />
          <button type="submit" className="nhsuk-button nhsuk-button--warning nhsuk-button--small">Take {name} off the round</button>{' '}
          <button type="button" className="nhsuk-button nhsuk-button--secondary nhsuk-button--small" onClick={() => setRemoving(false)}>Keep them on</button>
        </form>
      ) : null}
      <AttendeePanel item={item} name={name} />
    </li>
  );
}

export function RoundScreen({ id, flash }: { id: number; flash: string | null }) {
  const [state, retry] = useLoad(async () => {
    const round = await call('rounds:get', { id });
    const residents = await call('residents:search', { homeId: round.homeId, status: 'active' });
    return { round, residents };
  }, [id]);
  const [override, setOverride] = useState<Round | null>(null);
  const [message, setMessage] = useState<string | null>(flash);
  const [error, setError] = useState<ApiError | null>(null);
  const [adding, setAdding] = useState('');
  const round = override ?? (state.status === 'ready' ? state.value.round : null);
  usePageTitle(round ? `Round at ${round.homeName}` : 'Round');
  if (state.status === 'loading') return <Loading what="the round" />;
  if (state.status === 'error') return <ErrorPanel error={state.error} onRetry={retry} backHref={href('/rounds')} backText="Back to rounds" />;
  if (!round) return null;
  const residents = new Map(state.value.residents.map((r) => [r.id, r]));
  const editable = round.status === 'planning' || round.status === 'agenda-issued';
  const huddle = round.plan.huddleMinutes ?? 0;
  const used = (round.items.length > 0 ? huddle : 0) + round.items.reduce((n, i) => n + i.minutes, 0);
  const mustSee = new Map((round.plan.mustSee ?? []).map((m) => [m.residentId, m.why]));
  const order = new Map(round.plan.notThisWeek.map((n, i) => [n.residentId, i]));
  const onChange = (r: Round, m: string) => { setOverride(r); setMessage(m); setError(null); };
  const onError = (e: ApiError) => { setError(e); setMessage(null); };
  const next = NEXT[round.status];
  const notOn = state.value.residents.filter((r) => !round.items.some((i) => i.residentId === r.id))
    .sort((a, b) => (order.get(a.id) ?? Infinity) - (order.get(b.id) ?? Infinity));
  const why = new Map(round.plan.notThisWeek.map((n) => [n.residentId, n.why]));
  const toInvite = round.items.flatMap((i) => i.attendees.representatives.filter((r) => r.proposed && r.status === 'not-invited'));
  const inviteAll = () => void call('rounds:invite', { roundId: round.id, allProposed: true }).then((result) => {
    const skipped = result.skipped.length > 0 ? ` Not invited: ${result.skipped.map((x) => x.why).join('; ')}.` : '';
    onChange(result.round, `${result.invited.length === 0 ? 'Nobody new to invite.' : `Invited ${result.invited.map((x) => x.name).join(', ')}.`}${skipped}`);
  }, (e: unknown) => onError(toApiError(e)));
  return (
    <>
      <BackLink href={href('/rounds')}>Back to rounds</BackLink>
      {message ? <SuccessBanner message={message} /> : null}
      {error ? <ErrorPanel error={error} /> : null}
      {round.plan.escalations.length > 0 ? (
        <div className="nhsuk-warning-callout app-escalation" role="alert">
          <h2 className="nhsuk-warning-callout__label"><span role="text"><span className="nhsuk-u-visually-hidden">Important: </span>Act today</span></h2>
          <ul>{round.plan.escalations.map((e) => <li key={`${e.residentId}-${e.explanation}`}><strong>{e.name}</strong>: {e.explanation}</li>)}</ul>
        </div>
      ) : null}
      {round.plan.toResolve && round.plan.toResolve.length > 0 ? (
        <div className="nhsuk-warning-callout" data-testid="to-resolve">
          <h2 className="nhsuk-warning-callout__label"><span role="text"><span className="nhsuk-u-visually-hidden">Important: </span>To resolve first</span></h2>
          <ul>{round.plan.toResolve.map((r) => (
            <li key={r.flagId}><strong>{r.name}</strong>: {r.explanation} <a href={href(`/flags/${r.flagId}`)}>Add to the register<span className="nhsuk-u-visually-hidden">: {r.name}</span></a></li>
          ))}</ul>
        </div>
      ) : null}
      <PageHeading caption={round.homeName}>Round on {formatLongUkDate(round.date)}</PageHeading>
      <p><RoundStatusTag status={round.status} /> Starts at {round.startTime}{huddle > 0 ? ` with a ${huddle}-minute huddle` : ''}. {used} of {round.capacityMinutes} minutes planned{used < round.capacityMinutes ? `, ${round.capacityMinutes - used} left` : ''}.
        {round.clinicians.length > 0 ? ` Clinicians: ${round.clinicians.join(', ')}.` : ''}</p>
      {used > round.capacityMinutes ? (
        <div className="nhsuk-warning-callout app-over-time">
          <h2 className="nhsuk-warning-callout__label"><span role="text"><span className="nhsuk-u-visually-hidden">Important: </span>Over by {used - round.capacityMinutes} minutes</span></h2>
          <p>{round.plan.overByMinutes ? 'The residents who must be seen this week need more time than the round has. Nobody of them has been put off: add time or a second clinician.'
            : 'The round now needs more time than it has: take someone off, shorten a slot or add time.'}</p>
        </div>
      ) : null}
      <div className="app-button-row">
        <a className="nhsuk-button nhsuk-button--secondary" href={href(`/rounds/${round.id}/print`)} draggable={false}>Print preview</a>
        {round.status !== 'planning' ? <a className="nhsuk-button nhsuk-button--secondary" href={href(`/rounds/${round.id}/outcomes`)} draggable={false}>Record outcomes</a> : null}
        {editable && toInvite.length > 0 ? (
          <button type="button" className="nhsuk-button nhsuk-button--secondary" onClick={inviteAll}>Invite all proposed ({toInvite.length})</button>
        ) : null}
        {next ? (
          <button type="button" className="nhsuk-button" onClick={() => void call('rounds:set-status', { roundId: round.id, status: next.status }).then((r) => onChange(r, next.done), (e: unknown) => onError(toApiError(e)))}>
            {next.label}
          </button>
        ) : null}
      </div>
      <h2>Who is on the round</h2>
      {round.items.length === 0 ? <p>Nobody is on this round yet. Add a resident below.</p> : (
        <ol className="app-round-list">
          {round.items.map((item, i) => (
            <ItemRow key={`${item.id}-${item.position}-${item.minutes}-${item.attendees.representatives.map((r) => r.status).join('.')}`} item={item} resident={residents.get(item.residentId)}
              index={i} count={round.items.length} editable={editable} mustSee={mustSee.get(item.residentId)} onChange={onChange} onError={onError} />
          ))}
        </ol>
      )}
      {editable && notOn.length > 0 ? (
        <form noValidate className="app-inline-form" onSubmit={(e) => {
          e.preventDefault();
          const resident = residents.get(Number(adding));
          if (!resident) return;
          void call('rounds:add-resident', { roundId: round.id, residentId: resident.id })
            .then((r) => onChange(r, `${resident.givenName} ${resident.familyName} added to the round`), (err: unknown) => onError(toApiError(err)));
        }}>
          <SelectField id="add-resident" label="Add a resident to the round" value={adding} onChange={setAdding}
            options={[{ value: '', label: 'Choose a resident' }, ...notOn.map((r) => ({ value: String(r.id), label: `${r.familyName}, ${r.givenName}` }))]} />
          <button type="submit" className="nhsuk-button nhsuk-button--secondary">Add to the round</button>
        </form>
      ) : null}
      <h2>Not on this week’s round</h2>
      {round.plan.deferredSummary && notOn.length > 0 ? <p className="app-deferred-summary">{round.plan.deferredSummary}</p> : null}
      {notOn.length === 0 ? <p>Every resident living at the home is on this round.</p> : (
        <ul className="nhsuk-list nhsuk-list--bullet">
          {notOn.map((r) => <li key={r.id}><strong>{r.givenName} {r.familyName}</strong>: {why.get(r.id) ?? 'Taken off the round or added to the home since it was planned.'}</li>)}
        </ul>
      )}
      <SessionList roundId={round.id} session="tasks" title="Task list for the practice nurse or phlebotomy visit" items={round.plan.tasks ?? []}
        intro="Blood tests and monitoring due: not for the GP round." />
      <SessionList roundId={round.id} session="pharmacist" title="Pharmacist’s session" items={round.plan.pharmacist?.items ?? []} showMinutes
        intro={`Structured medication reviews and the medicines work that goes with them, in the home’s ${round.plan.pharmacist?.minutes ?? 0} pharmacist minutes this week.`} />
      <SessionList roundId={round.id} session="care-planning" title="Care-planning conversations to book" items={round.plan.carePlanning ?? []}
        intro="Agree on the round, then book 30 to 45 minutes with the resident and their family." />
      {round.removed.length > 0 ? (
        <>
          <h2>Taken off this round</h2>
          <ul className="nhsuk-list nhsuk-list--bullet">
            {round.removed.map((i) => {
              const r = residents.get(i.residentId);
              return <li key={i.id}>{r ? `${r.givenName} ${r.familyName}` : `Resident ${i.residentId}`}{i.removedReason ? `: ${i.removedReason}` : ''}</li>;
            })}
          </ul>
        </>
      ) : null}
    </>
  );
}
