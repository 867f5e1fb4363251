import { useState } from 'react';
import { call, toApiError } from '../api';
import { BackLink } from '../components/BackLink';
import { Checkbox } from '../components/Checkbox';
import { ErrorPanel } from '../components/ErrorPanel';
import { Loading } from '../components/Loading';
import { PageHeading } from '../components/PageHeading';
import { SelectField } from '../components/SelectField';
import { SuccessBanner } from '../components/SuccessBanner';
import { TextArea } from '../components/TextArea';
import { TextField } from '../components/TextField';
import { formatLongUkDate, formatUkDate, parseUkDate } from '../../../shared/dates';
import { ACP_ELEMENTS, ACTION_OWNERS, type AcpElement } from '../../../shared/domain/enums';
import { ROUND_LABELS, type ActionOwner, type OutcomeAction, type Round } from '../../../shared/domain/round';
import type { AgendaSection, SummarySection } from '../../../shared/print';
import { tierOf } from '../../../shared/rules/planning';
import { useLoad, usePageTitle } from '../hooks';
import { href } from '../router';
import { ruleLabel } from '../../../shared/rules/ruleLabels';

const ACP_LABELS: Record<AcpElement, string> = {
  respect: 'ReSPECT', dnacpr: 'DNACPR decision', 'preferred-place-of-care': 'Preferred place of care', 'preferred-place-of-death': 'Preferred place of death',
  'lpa-health-welfare': 'LPA for health and welfare', adrt: 'Advance decision to refuse treatment', gsf: 'GSF needs-based code', 'surprise-question': 'Surprise question',
  'what-matters': 'What matters to me',
};

interface ActionDraft { action: string; owner: ActionOwner; due: string }

function ItemOutcomeForm({ round, section, summary, recorded, onSaved }: {
  round: Round; section: AgendaSection; summary: SummarySection | undefined; recorded: OutcomeAction[]; onSaved: () => void;
}) {
  const item = round.items.find((i) => i.id === section.itemId);
  const [decisions, setDecisions] = useState('');
  const [actions, setActions] = useState<ActionDraft[]>([{ action: '', owner: 'practice', due: '' }]);
  const [flags, setFlags] = useState<number[]>([]);
  const [done, setDone] = useState<number[]>([]);
  const reviewRules = [...new Set((item?.reasons ?? []).filter((r) => tierOf(r.rule) === 'review' && !r.rule.startsWith('flag-') && r.rule !== 'added-by-hand').map((r) => r.rule))];
  const [reviews, setReviews] = useState<string[]>([]);
  const [reviewOutcome, setReviewOutcome] = useState('');
  const [acpElement, setAcpElement] = useState<AcpElement | ''>('');
  const [acpValue, setAcpValue] = useState('');
  const [acpDue, setAcpDue] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const [copied, setCopied] = useState(false);
  const id = (part: string) => `outcome-${section.itemId}-${part}`;
  const toggle = (list: number[], value: number, on: boolean) => (on ? [...list, value] : list.filter((v) => v !== value));
  const editable = round.status === 'agenda-issued' || round.status === 'held';
  const openFlags = section.flags.filter((f) => f.status === 'open' || f.status === 'on-agenda');
  const earlierActions = section.openActions.filter((a) => !recorded.some((o) => o.id === a.id));

  async function save() {
    const filled = actions.filter((a) => a.action.trim());
    for (const a of filled) {
      if (a.due && !parseUkDate(a.due)) return setProblem(`Enter the due date for “${a.action}” as dd/mm/yyyy`);
    }
    if (acpElement && !acpValue.trim()) return setProblem('Enter what was recorded for the advance care plan');
    if (acpDue && !parseUkDate(acpDue)) return setProblem('Enter the care-plan review date as dd/mm/yyyy');
    try {
      await call('rounds:record-outcome', { outcome: {
        itemId: section.itemId, decisions, actions: filled.map((a) => ({ action: a.action, owner: a.owner, dueDate: a.due ? parseUkDate(a.due) : null })),
        flagsAddressed: flags, actionsDone: done, reviewsDone: reviews, reviewOutcome,
        carePlans: acpElement ? [{ element: acpElement, value: acpValue, reviewDue: acpDue ? parseUkDate(acpDue) : null }] : [],
      } });
      setProblem(null);
      onSaved();
    } catch (error) {
      setProblem(toApiError(error).message);
    }
  }

  return (
    <section className="app-outcome" aria-labelledby={id('heading')}>
      <h2 id={id('heading')}>{section.start} · {section.name}</h2>
      {recorded.length > 0 ? (
        <div className="nhsuk-inset-text">
          <h3>Recorded</h3>
          <ul className="nhsuk-list nhsuk-list--bullet">
            {recorded.map((o) => <li key={o.id}>{o.decision ? `Decision: ${o.decision}` : `Action: ${o.action ?? ''} (${o.owner ? ROUND_LABELS.owner[o.owner] : 'no owner'}${o.dueDate ? `, by ${formatUkDate(o.dueDate)}` : ''})`}</li>)}
          </ul>
        </div>
      ) : null}
      {editable ? (
        <form noValidate onSubmit={(e) => { e.preventDefault(); void save(); }}>
          <TextArea id={id('decisions')} label={`Decisions for ${section.name}`} value={decisions} onChange={setDecisions} rows={3} />
          <h3>New actions</h3>
          {actions.map((a, i) => (
            <div className="app-inline-fields" key={i}>
              <TextField id={id(`action-${i}`)} label={`Action ${i + 1}`} value={a.action} onChange={(v) => setActions(actions.map((x, j) => (j === i ? { ...x, action: v } : x)))} />
              <SelectField<ActionOwner> id={id(`owner-${i}`)} label={`Owner of action ${i + 1}`} value={a.owner}
                options={ACTION_OWNERS.map((o) => ({ value: o, label: ROUND_LABELS.owner[o] }))} onChange={(v) => setActions(actions.map((x, j) => (j === i ? { ...x, owner: v } : x)))} />
              <TextField id={id(`due-${i}`)} label={`Due by (action ${i + 1})`} hint="dd/mm/yyyy" width={10} value={a.due} onChange={(v) => setActions(actions.map((x, j) => (j === i ? { ...x, due: v } : x)))} />
            </div>
          ))}
          <button type="button" className="nhsuk-button nhsuk-button--secondary nhsuk-button--small" onClick={() => setActions([...actions, { action: '', owner: 'practice', due: '' }])}>Add another action<span className="nhsuk-u-visually-hidden"> for {section.name}</span></button>
          {openFlags.length > 0 ? <h3>Flags dealt with</h3> : null}
          {openFlags.map((f) => <Checkbox key={f.id} id={id(`flag-${f.id}`)} label={`${f.category} (${f.severity}): ${f.text}`} checked={flags.includes(f.id)} onChange={(on) => setFlags(toggle(flags, f.id, on))} />)}
          {earlierActions.length > 0 ? <h3>Earlier actions now done</h3> : null}
          {earlierActions.map((a) => <Checkbox key={a.id} id={id(`done-${a.id}`)} label={a.text} checked={done.includes(a.id)} onChange={(on) => setDone(toggle(done, a.id, on))} />)}
          {reviewRules.length > 0 ? <h3>Medication reviews done</h3> : null}
          {reviewRules.map((rule) => <Checkbox key={rule} id={id(`review-${rule}`)} label={`Review done: ${ruleLabel(rule)}`} checked={reviews.includes(rule)} onChange={(on) => setReviews(on ? [...reviews, rule] : reviews.filter((r) => r !== rule))} />)}
          {reviewRules.length > 0 ? <TextField id={id('review-outcome')} label="Review outcome (optional)" value={reviewOutcome} onChange={setReviewOutcome} /> : null}
          <h3>Advance care plan</h3>
          <SelectField<AcpElement | ''> id={id('acp-element')} label="Update the advance care plan (optional)" value={acpElement} onChange={setAcpElement}
            options={[{ value: '', label: 'No change' }, ...ACP_ELEMENTS.map((e) => ({ value: e, label: ACP_LABELS[e] }))]} />
          {acpElement ? (
            <>
              <TextField id={id('acp-value')} label="What was recorded" value={acpValue} onChange={setAcpValue} hint="For example, not-for-cpr, or Home with family." />
              <TextField id={id('acp-due')} label="Review by (optional)" hint="dd/mm/yyyy" width={10} value={acpDue} onChange={setAcpDue} />
            </>
          ) : null}
          {problem ? <p className="nhsuk-error-message" role="alert">{problem}</p> : null}
          <button type="submit" className="nhsuk-button">Save the outcome<span className="nhsuk-u-visually-hidden"> for {section.name}</span></button>
        </form>
      ) : null}
      {summary ? (
        <>
          <h3>Summary for the practice record</h3>
          <pre className="app-record-summary" id={id('record')}>{summary.practiceRecord}</pre>
          <button type="button" className="nhsuk-button nhsuk-button--secondary nhsuk-button--small" onClick={() => {
            void navigator.clipboard.writeText(summary.practiceRecord).then(() => setCopied(true), () => setCopied(false));
          }}>Copy the summary<span className="nhsuk-u-visually-hidden"> for {section.name}</span></button>
          {copied ? <p className="app-saved" role="status">Copied. Paste it into {section.name}’s record.</p> : null}
        </>
      ) : null}
    </section>
  );
}

export function RoundOutcomesScreen({ id, flash }: { id: number; flash: string | null }) {
  usePageTitle('Round outcomes');
  const [version, setVersion] = useState(0);
  const [data, retry] = useLoad(async () => ({
    round: await call('rounds:get', { id }),
    doc: await call('rounds:print-data', { roundId: id }),
    outcomes: await call('rounds:outcomes', { roundId: id }),
  }), [id, version]);
  const [message, setMessage] = useState<string | null>(flash);
  if (data.status === 'loading') return <Loading what="the round’s outcomes" />;
  if (data.status === 'error') return <ErrorPanel error={data.error} onRetry={retry} backHref={href('/rounds')} backText="Back to rounds" />;
  const { round, doc, outcomes } = data.value;
  return (
    <>
      <BackLink href={href(`/rounds/${id}`)}>Back to the round</BackLink>
      {message ? <SuccessBanner message={message} /> : null}
      <PageHeading caption={`${round.homeName}, ${formatLongUkDate(round.date)}`}>Round outcomes</PageHeading>
      {round.status === 'planning' ? <p className="nhsuk-body-l">Issue the agenda before recording outcomes.</p> : null}
      {round.status === 'closed' ? <p className="nhsuk-body-l">This round is closed. Its open actions come back on each resident’s next agenda.</p> : null}
      {round.status === 'held' ? (
        <button type="button" className="nhsuk-button nhsuk-button--secondary" onClick={() => void call('rounds:set-status', { roundId: id, status: 'closed' })
          .then(() => { setMessage('Round closed. Open actions will come back on each resident’s next agenda.'); setVersion((v) => v + 1); })}>Close the round</button>
      ) : null}
      {doc.sections.map((s) => (
        <ItemOutcomeForm key={`${s.itemId}-${version}`} round={round} section={s} summary={doc.summary.find((x) => x.residentId === s.residentId)}
          recorded={outcomes.filter((o) => o.agendaItemId === s.itemId)} onSaved={() => { setMessage(`Outcome saved for ${s.name}`); setVersion((v) => v + 1); }} />
      ))}
    </>
  );
}
