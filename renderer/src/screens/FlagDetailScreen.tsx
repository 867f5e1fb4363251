import { createContext, useContext, useState, type FormEvent, type ReactNode } from 'react';
import { call, toApiError, type ApiError } from '../api';
import { BackLink } from '../components/BackLink';
import { ErrorPanel } from '../components/ErrorPanel';
import { ErrorSummary } from '../components/ErrorSummary';
import { Loading } from '../components/Loading';
import { PageHeading } from '../components/PageHeading';
import { Radios } from '../components/Radios';
import { SelectField } from '../components/SelectField';
import { FlagStatusTag, SeverityTag } from '../components/SeverityTag';
import { SuccessBanner } from '../components/SuccessBanner';
import { SummaryRow } from '../components/SummaryRow';
import { TextArea } from '../components/TextArea';
import { TextField } from '../components/TextField';
import { formatUkDate } from '../../../shared/dates';
import { FLAG_SEVERITIES, SEXES, LABELS, type FlagSeverity, type Sex } from '../../../shared/domain/enums';
import type { FlagView } from '../../../shared/domain/flags';
import { UNMATCHED_LABELS, MATCH_LABELS } from '../../../shared/rules/flagMatching';
import { FLAG_LABELS, isLowering } from '../../../shared/rules/flags';
import { formatNhsNumber } from '../../../shared/rules/nhsNumber';
import { flagsChanged } from '../flagEvents';
import { navigateWithFlash } from '../flash';
import { readDate } from '../forms/dates';
import { useLoad, usePageTitle } from '../hooks';
import { href } from '../router';
import { flagSourceText, rawIdentityText } from './flagText';

/** After an action on this page: show what happened and reload the flag (the route does not change). */
const DoneContext = createContext<(message: string) => void>(() => undefined);

export function FlagDetailScreen({ id, flash }: { id: number; flash: string | null }) {
  usePageTitle('Flag');
  const [message, setMessage] = useState<{ text: string; n: number } | null>(null);
  const [flag, retry] = useLoad(() => call('flags:get', { id }), [id, flash, message?.n]);
  const done = (text: string) => setMessage((m) => ({ text, n: (m?.n ?? 0) + 1 }));
  const shown = message?.text ?? flash;
  return (
    <DoneContext.Provider value={done}>
      <BackLink href={href('/flags')}>Back to flags</BackLink>
      {shown ? <SuccessBanner key={message?.n ?? 0} message={shown} /> : null}
      {flag.status === 'ready' ? <Detail key={message?.n ?? 0} flag={flag.value} /> : (
        <>
          <PageHeading>Flag</PageHeading>
          {flag.status === 'loading' ? <Loading what="the flag" /> : <ErrorPanel error={flag.error} onRetry={retry} backHref={href('/flags')} backText="Back to flags" />}
        </>
      )}
    </DoneContext.Provider>
  );
}

/** Runs a flag action; on success reloads this page with a message, on failure shows the error summary. */
function useAction() {
  const done = useContext(DoneContext);
  const [failure, setFailure] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);
  /** With a path, goes there afterwards (with the message); without, stays on this flag and reloads it. */
  const run = (action: () => Promise<unknown>, message: string, path?: string) => {
    setBusy(true);
    setFailure(null);
    action().then(
      () => {
        setBusy(false);
        flagsChanged();
        if (path) navigateWithFlash(path, message);
        else {
          done(message);
          window.scrollTo(0, 0);
        }
      },
      (error: unknown) => {
        setFailure(toApiError(error));
        setBusy(false);
      },
    );
  };
  return { failure, busy, run, setFailure };
}

function Failure({ failure, fieldIds }: { failure: ApiError | null; fieldIds?: Record<string, string> }) {
  if (!failure) return null;
  const items = failure.details.length > 0
    ? failure.details.map((d) => ({ message: d.message, fieldId: d.field ? fieldIds?.[d.field.split('.').pop() ?? ''] : undefined }))
    : [{ message: failure.message }];
  return <ErrorSummary items={items} />;
}

function Section({ title, children }: { title: string; children: ReactNode }) {
  return (
    <section className="nhsuk-u-margin-bottom-7">
      <h2 className="nhsuk-heading-m">{title}</h2>
      {children}
    </section>
  );
}

function Detail({ flag: f }: { flag: FlagView }) {
  const unmatched = f.residentId === null && f.dismissedAt === null;
  const who = f.residentName ?? rawIdentityText(f.rawIdentity);
  return (
    <div className="nhsuk-grid-row">
      <div className="nhsuk-grid-column-two-thirds">
        <PageHeading caption={f.homeName}>{FLAG_LABELS.category[f.category]} flag: {f.residentName ?? 'not yet matched'}</PageHeading>
        {f.severity === 'escalate-now' && !f.escalationAction ? <EscalationForm flag={f} who={who} /> : null}
        <dl className="nhsuk-summary-list">
          <SummaryRow label="Severity">
            <SeverityTag severity={f.severity} />
            {f.severityReason ? <span className="app-secondary-text">{f.severityReason}</span> : null}
          </SummaryRow>
          <SummaryRow label="Status">{f.dismissedAt ? `Dismissed: ${f.dismissedReason ?? ''}` : <FlagStatusTag status={f.status} waiting={f.waiting} />}</SummaryRow>
          <SummaryRow label="Raised on">{formatUkDate(f.raisedOn)}</SummaryRow>
          <SummaryRow label="What the care home said" multiline>{f.text}</SummaryRow>
          {f.categoryOriginal ? <SummaryRow label="Category as written">{f.categoryOriginal}</SummaryRow> : null}
          <SummaryRow label="Scores">{scoresText(f)}</SummaryRow>
          <SummaryRow label="Source">{flagSourceText(f)}</SummaryRow>
          <SummaryRow label="Identity as written">{rawIdentityText(f.rawIdentity)}</SummaryRow>
          {f.residentId ? (
            <SummaryRow label="Resident">
              <a href={href(`/residents/${f.residentId}`)}>{f.residentName}</a>
              {f.residentNhsNumber ? <span className="app-secondary-text">NHS number {formatNhsNumber(f.residentNhsNumber)}</span> : null}
              {f.matchMethod && f.matchMethod in MATCH_LABELS ? <span className="app-secondary-text">{MATCH_LABELS[f.matchMethod as keyof typeof MATCH_LABELS]}</span> : null}
            </SummaryRow>
          ) : null}
          {f.escalationAction ? (
            <SummaryRow label="Same-day action" multiline>
              {f.escalationAction}
              <span className="app-secondary-text">Recorded {formatUkDate(f.escalationActionAt)}{f.escalationActionBy ? ` by ${f.escalationActionBy}` : ''}</span>
            </SummaryRow>
          ) : null}
          {f.outcome ? <SummaryRow label="Outcome" multiline>{f.outcome}</SummaryRow> : null}
        </dl>
        {unmatched ? <UnmatchedDecision flag={f} /> : null}
        {f.residentId !== null ? <Lifecycle flag={f} /> : null}
        {f.residentId !== null && f.status !== 'closed' ? <SeverityForm flag={f} /> : null}
      </div>
    </div>
  );
}

function scoresText(f: FlagView): string {
  const parts = [f.scores.news2 !== undefined ? `NEWS2 ${f.scores.news2}` : null, f.scores.news2Parameter3 ? 'a NEWS2 parameter scored 3' : null,
    f.scores.must !== undefined ? `MUST ${f.scores.must}` : null, f.scores.fourAt !== undefined ? `4AT ${f.scores.fourAt}` : null].filter(Boolean);
  return parts.join(', ');
}

function EscalationForm({ flag, who }: { flag: FlagView; who: string }) {
  const [action, setAction] = useState('');
  const { failure, busy, run } = useAction();
  const submit = (e: FormEvent) => {
    e.preventDefault();
    run(() => call('flags:record-escalation', { id: flag.id, action, version: flag.version }), 'The same-day action has been recorded');
  };
  return (
    <div className="nhsuk-card nhsuk-card--care nhsuk-card--care--emergency" id="escalation">
      <div className="nhsuk-card--care__heading-container">
        <h2 className="nhsuk-card--care__heading"><span role="text"><span className="nhsuk-u-visually-hidden">Emergency: </span>Escalate today</span></h2>
        <span className="nhsuk-card--care__arrow" aria-hidden="true" />
      </div>
      <div className="nhsuk-card__content">
        <p>This flag for {who} needs same-day escalation, not the weekly round. Record what was done today (for example a GP visit, a call to 111 or 999). It stays on the banner until then, and still gets a follow-up on the next round.</p>
        <Failure failure={failure} fieldIds={{ action: 'escalation-action' }} />
        <form onSubmit={submit} noValidate>
          <TextArea id="escalation-action" label="Action taken today" value={action} onChange={setAction} error={failure?.details.find((d) => d.field === 'action')?.message} />
          <button type="submit" className="nhsuk-button" disabled={busy}>Record the action taken</button>
        </form>
      </div>
    </div>
  );
}

function UnmatchedDecision({ flag }: { flag: FlagView }) {
  const { failure, busy, run } = useAction();
  // Nobody on the register fits: adding them is the likely decision, so the prefilled form is open at once.
  const [choice, setChoice] = useState<'' | 'match' | 'new' | 'dismiss'>(flag.candidates.length === 0 ? 'new' : '');
  return (
    <Section title="Who is this flag about?">
      <div className="nhsuk-warning-callout">
        <h3 className="nhsuk-warning-callout__label"><span role="text"><span className="nhsuk-u-visually-hidden">Important: </span>Not matched</span></h3>
        <p>{flag.unmatchedReason ? UNMATCHED_LABELS[flag.unmatchedReason] : 'Not matched'}{flag.unmatchedExplanation ? `: ${flag.unmatchedExplanation}.` : '.'} Check the identity against the register before you decide.</p>
      </div>
      <Failure failure={failure} />
      <h3 className="nhsuk-heading-s">Possible residents</h3>
      {flag.candidates.length === 0 ? <p>No possible residents were found in {flag.homeName}.</p> : flag.candidates.map((c) => (
        <div key={c.id} className="nhsuk-card app-candidate">
          <div className="nhsuk-card__content">
            <h4 className="nhsuk-card__heading nhsuk-heading-xs">{c.givenName} {c.familyName}{c.preferredName ? ` (known as ${c.preferredName})` : ''}</h4>
            <p className="nhsuk-card__description">Born {formatUkDate(c.dateOfBirth)} · NHS number {formatNhsNumber(c.nhsNumber)} · {c.homeName}{c.room ? `, room ${c.room}` : ''}</p>
            <button type="button" className="nhsuk-button nhsuk-button--secondary nhsuk-button--small nhsuk-u-margin-bottom-0" disabled={busy}
              onClick={() => run(() => call('flags:match', { id: flag.id, residentId: c.id, version: flag.version }), `The flag is now on ${c.givenName} ${c.familyName}’s record`)}>
              This flag is about {c.givenName} {c.familyName}
            </button>
          </div>
        </div>
      ))}
      <Radios id="other-decision" legend="Or" value={choice} onChange={setChoice} options={[
        { value: 'new', label: 'Add them as a new resident' },
        { value: 'dismiss', label: 'Dismiss this flag (it is not about a resident of this home)' },
      ]} conditional={{ new: <NewResidentForm flag={flag} />, dismiss: <DismissForm flag={flag} /> }} />
    </Section>
  );
}

function splitName(raw: Record<string, string | null>): { family: string; given: string } {
  if (raw.familyName) return { family: raw.familyName, given: raw.givenName ?? '' };
  const name = raw.name ?? '';
  if (name.includes(',')) {
    const [family = '', given = ''] = name.split(',');
    return { family: family.trim(), given: given.trim() };
  }
  const words = name.trim().split(/\s+/);
  return { family: words.length > 1 ? (words.at(-1) ?? '') : '', given: words.length > 1 ? words.slice(0, -1).join(' ') : name };
}

function NewResidentForm({ flag }: { flag: FlagView }) {
  const start = splitName(flag.rawIdentity);
  const [nhs, setNhs] = useState(flag.rawIdentity.nhsNumber ?? '');
  const [family, setFamily] = useState(start.family);
  const [given, setGiven] = useState(start.given);
  const [dob, setDob] = useState(flag.rawIdentity.dateOfBirth ? formatUkDate(flag.rawIdentity.dateOfBirth) : '');
  const [sex, setSex] = useState<Sex | ''>('');
  const [room, setRoom] = useState(flag.rawIdentity.room ?? '');
  const [admitted, setAdmitted] = useState('');
  const [dobError, setDobError] = useState<string | undefined>();
  const [admittedError, setAdmittedError] = useState<string | undefined>();
  const { failure, busy, run } = useAction();
  const fieldError = (field: string) => failure?.details.find((d) => d.field?.endsWith(field))?.message;
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const date = readDate(dob, { label: 'the date of birth', example: '15/03/1941', required: true });
    setDobError(date.error);
    const moved = readDate(admitted, { label: 'the date they moved in', example: '21/11/2026', required: false });
    setAdmittedError(moved.error);
    if (date.error || moved.error) return;
    run(() => call('flags:add-resident', { id: flag.id, version: flag.version, resident: {
      nhsNumber: nhs, familyName: family, givenName: given, dateOfBirth: date.iso ?? '', sex: sex || 'unknown', homeId: flag.homeId, room, admissionDate: moved.iso ?? null,
    } }), `${given} ${family} has been added to ${flag.homeName} and the flag is on their record`);
  };
  return (
    <form onSubmit={submit} noValidate aria-label="Add a new resident">
      <Failure failure={failure} fieldIds={{ nhsNumber: 'new-nhs', familyName: 'new-family', givenName: 'new-given', dateOfBirth: 'new-dob', admissionDate: 'new-admitted' }} />
      <TextField id="new-nhs" label="NHS number" value={nhs} onChange={setNhs} width={10} inputMode="numeric" error={fieldError('nhsNumber')} />
      <TextField id="new-given" label="Given name" value={given} onChange={setGiven} width={20} error={fieldError('givenName')} />
      <TextField id="new-family" label="Family name" value={family} onChange={setFamily} width={20} error={fieldError('familyName')} />
      <TextField id="new-dob" label="Date of birth" hint="For example, 15/03/1941" value={dob} onChange={setDob} width={10} error={dobError ?? fieldError('dateOfBirth')} />
      <SelectField id="new-sex" label="Sex" value={sex} onChange={setSex} options={[{ value: '', label: 'Not known' }, ...SEXES.filter((s) => s !== 'unknown').map((s) => ({ value: s, label: LABELS.sex[s] }))]} />
      <TextField id="new-room" label="Room (optional)" value={room} onChange={setRoom} width={5} />
      <TextField id="new-admitted" label="Date they moved in (optional)" hint="Their care and support plan is due 7 working days after it. For example, 21/11/2026" value={admitted}
        onChange={setAdmitted} width={10} error={admittedError ?? fieldError('admissionDate')} />
      <button type="submit" className="nhsuk-button" disabled={busy}>Add resident and match the flag</button>
    </form>
  );
}

function DismissForm({ flag }: { flag: FlagView }) {
  const [reason, setReason] = useState('');
  const { failure, busy, run } = useAction();
  const submit = (e: FormEvent) => {
    e.preventDefault();
    run(() => call('flags:dismiss', { id: flag.id, reason, version: flag.version }), 'The flag has been dismissed. It is kept, with your reason', '/flags/unmatched');
  };
  return (
    <form onSubmit={submit} noValidate aria-label="Dismiss the flag">
      <Failure failure={failure} fieldIds={{ reason: 'dismiss-reason' }} />
      <TextArea id="dismiss-reason" label="Why is this flag being dismissed?" hint="For example: a duplicate of a flag already recorded, or about someone who has left" value={reason} onChange={setReason}
        error={failure?.details.find((d) => d.field === 'reason')?.message} />
      <button type="submit" className="nhsuk-button nhsuk-button--warning" disabled={busy}>Dismiss the flag</button>
    </form>
  );
}

function Lifecycle({ flag }: { flag: FlagView }) {
  const [outcome, setOutcome] = useState('');
  const { failure, busy, run } = useAction();
  if (flag.status === 'closed') return null;
  const move = (status: FlagView['status'], message: string, withOutcome?: string) =>
    run(() => call('flags:set-status', { id: flag.id, status, version: flag.version, ...(withOutcome !== undefined ? { outcome: withOutcome } : {}) }), message);
  return (
    <Section title="What happens next">
      <Failure failure={failure} fieldIds={{ outcome: 'flag-outcome' }} />
      {flag.status === 'open' ? (
        <>
          <p>Open flags are considered for the next round. Put it on the agenda once it has a slot.</p>
          <button type="button" className="nhsuk-button nhsuk-button--secondary" disabled={busy} onClick={() => move('on-agenda', 'The flag is on the agenda')}>Put on the next round’s agenda</button>
        </>
      ) : null}
      {flag.status === 'on-agenda' ? (
        <button type="button" className="nhsuk-button nhsuk-button--secondary" disabled={busy} onClick={() => move('open', 'The flag is open again, off the agenda')}>Take off the agenda</button>
      ) : null}
      {flag.status === 'open' || flag.status === 'on-agenda' ? (
        <form onSubmit={(e) => { e.preventDefault(); move('addressed', 'The flag is marked addressed', outcome); }} noValidate>
          <TextArea id="flag-outcome" label="Outcome" hint="What was decided or done, for the resident’s record" value={outcome} onChange={setOutcome}
            error={failure?.details.find((d) => d.field === 'outcome')?.message} />
          <button type="submit" className="nhsuk-button" disabled={busy}>Mark as addressed</button>
        </form>
      ) : null}
      {flag.status === 'addressed' ? (
        <button type="button" className="nhsuk-button" disabled={busy} onClick={() => move('closed', 'The flag is closed')}>Close the flag</button>
      ) : null}
    </Section>
  );
}

function SeverityForm({ flag }: { flag: FlagView }) {
  const [severity, setSeverity] = useState<FlagSeverity>(flag.severity);
  const [reason, setReason] = useState('');
  const { failure, busy, run } = useAction();
  const lowering = isLowering(flag.severity, severity);
  return (
    <Section title="Change the severity">
      <Failure failure={failure} fieldIds={{ reason: 'severity-reason' }} />
      <form onSubmit={(e) => { e.preventDefault(); run(() => call('flags:set-severity', { id: flag.id, severity, reason, version: flag.version }), 'The severity has been changed'); }} noValidate>
        <SelectField id="flag-new-severity" label="Severity" value={severity} onChange={setSeverity}
          options={FLAG_SEVERITIES.map((s) => ({ value: s, label: FLAG_LABELS.severity[s] }))} />
        {lowering ? (
          <TextArea id="severity-reason" label="Why is it being lowered?" hint="Lowering a severity needs a recorded reason" value={reason} onChange={setReason}
            error={failure?.details.find((d) => d.field === 'reason')?.message} />
        ) : null}
        <button type="submit" className="nhsuk-button nhsuk-button--secondary" disabled={busy || severity === flag.severity}>Change severity</button>
      </form>
    </Section>
  );
}
