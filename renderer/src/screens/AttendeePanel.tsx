import { useEffect, useRef, useState } from 'react';
import { call, toApiError } from '../api';
import { Radios } from '../components/Radios';
import { SelectField } from '../components/SelectField';
import { TextArea } from '../components/TextArea';
import { TextField } from '../components/TextField';
import { INVITE_METHODS, INVITE_STATUSES, ROUND_LABELS, type AgendaItem, type InviteMethod, type InviteStatus, type Question } from '../../../shared/domain/round';

/**
 * Who is at a resident's joint review (docs/clinical-rules.md, who is proposed), and the questions collected before it: the
 * resident, each representative (how they join and whether they are invited), the care staff member who
 * knows the resident. Proposed representatives say why.
 */
export function AttendeePanel({ item, name }: { item: AgendaItem; name: string }) {
  const [attending, setAttending] = useState<'yes' | 'no'>(item.attendees.resident.attending ? 'yes' : 'no');
  const [note, setNote] = useState(item.attendees.resident.note ?? '');
  const [reps, setReps] = useState(item.attendees.representatives.map((r) => ({ ...r })));
  const [careStaff, setCareStaff] = useState(item.attendees.careStaff ?? '');
  const [questions, setQuestions] = useState<Question[]>(item.questions);
  const [from, setFrom] = useState('');
  const [text, setText] = useState('');
  const [status, setStatus] = useState<{ ok: boolean; message: string } | null>(null);
  const [justAdded, setJustAdded] = useState(false);
  const id = (part: string) => `item-${item.id}-${part}`;
  const invited = reps.filter((r) => r.status !== 'not-invited').length;

  type Draft = { attending: 'yes' | 'no'; note: string; reps: typeof reps; careStaff: string; questions: Question[] };
  const current = (): Draft => ({ attending, note, reps, careStaff, questions });

  /** Saves what is on the panel; every change is saved as it is made, so nothing typed is lost by leaving the page. */
  // The version this panel last saw: each save names it, so a save over someone else's newer change (another
  // desktop) is refused instead of overwriting it. Saves go one after another, each from the version the last left.
  const version = useRef(item.version);
  useEffect(() => { version.current = item.version; }, [item.version]);
  const saving = useRef<Promise<void>>(Promise.resolve());
  function save(next: Partial<Draft> = {}, quiet = false): Promise<void> {
    const d = { ...current(), ...next };
    saving.current = saving.current.then(async () => {
      try {
        const afterAttendees = await call('rounds:set-attendees', { itemId: item.id, version: version.current, attendees: {
          resident: { attending: d.attending === 'yes', note: d.attending === 'yes' ? null : d.note },
          representatives: d.reps.map((r) => ({ representativeId: r.representativeId, how: r.how, status: r.status })),
          careStaff: d.careStaff || null,
        } });
        version.current = afterAttendees.version;
        const afterQuestions = await call('rounds:set-questions', { itemId: item.id, version: version.current, questions: d.questions });
        version.current = afterQuestions.version;
        setStatus({ ok: true, message: quiet ? `Saved.` : `Saved who is coming for ${name}.` });
      } catch (error) {
        setStatus({ ok: false, message: toApiError(error).message });
      }
    });
    return saving.current;
  }

  /** A question typed in full is added and saved when the field is left, even without pressing "Add the question". */
  function addQuestion(onLeaving: boolean) {
    if (!from.trim() || !text.trim()) {
      // Pressing "Add the question" just after leaving the field: the question is already added.
      if (!onLeaving && !justAdded) setStatus({ ok: false, message: 'Enter who is asking and their question before adding it.' });
      return;
    }
    setJustAdded(onLeaving);
    const next = [...questions, { from: from.trim(), text: text.trim() }];
    setQuestions(next);
    setFrom('');
    setText('');
    void save({ questions: next }, true);
  }

  return (
    <details className="nhsuk-details app-attendees">
      <summary className="nhsuk-details__summary">
        <span className="nhsuk-details__summary-text">Who is coming and their questions<span className="nhsuk-u-visually-hidden">: {name}</span> ({invited} invited, {questions.length} {questions.length === 1 ? 'question' : 'questions'})</span>
      </summary>
      <div className="nhsuk-details__text">
        <Radios id={id('resident')} legend={`Is ${name} joining the review?`} inline small value={attending} onChange={(v) => { setAttending(v); void save({ attending: v }, true); }}
          options={[{ value: 'yes', label: 'Yes' }, { value: 'no', label: 'No' }]}
          conditional={{ no: <TextField id={id('resident-note')} label="Why not (optional)" value={note} onChange={setNote} onBlur={() => void save({}, true)} hint="For example, chooses not to, or too unwell today." /> }} />
        {reps.length === 0 ? <p>No relatives or representatives are recorded for {name}. Add them on the resident’s page.</p> : null}
        {reps.map((r, i) => (
          <fieldset className="nhsuk-fieldset app-rep" key={r.representativeId}>
            <legend className="nhsuk-fieldset__legend nhsuk-fieldset__legend--s">{r.name} ({r.relationship})</legend>
            {r.why ? <p className="nhsuk-hint">{r.why}{r.status === 'not-invited' ? ' To invite.' : ''}</p> : null}
            <div className="app-inline-fields">
              <SelectField<InviteMethod> id={id(`rep-${r.representativeId}-how`)} label={`How ${r.name} joins`} value={r.how}
                options={INVITE_METHODS.map((m) => ({ value: m, label: ROUND_LABELS.inviteMethod[m] }))}
                onChange={(how) => { const next = reps.map((x, j) => (j === i ? { ...x, how } : x)); setReps(next); void save({ reps: next }, true); }} />
              <SelectField<InviteStatus> id={id(`rep-${r.representativeId}-status`)} label={`Invitation for ${r.name}`} value={r.status}
                options={INVITE_STATUSES.map((s) => ({ value: s, label: ROUND_LABELS.inviteStatus[s] }))}
                onChange={(s) => { const next = reps.map((x, j) => (j === i ? { ...x, status: s } : x)); setReps(next); void save({ reps: next }, true); }} />
            </div>
          </fieldset>
        ))}
        <TextField id={id('care-staff')} label="Care staff member who knows them" value={careStaff} onChange={setCareStaff} onBlur={() => void save({}, true)} hint="For example, Grace Adeyemi (senior carer)." />
        <h4>Questions from {name} or the family</h4>
        {questions.length === 0 ? <p>No questions yet.</p> : (
          <ul className="nhsuk-list nhsuk-list--bullet">
            {questions.map((q, i) => (
              <li key={`${q.from}-${q.text}`}><strong>{q.from}:</strong> {q.text}{' '}
                <button type="button" className="app-link-button" onClick={() => { const next = questions.filter((_, j) => j !== i); setQuestions(next); void save({ questions: next }, true); }}>Remove<span className="nhsuk-u-visually-hidden"> question from {q.from}</span></button>
              </li>
            ))}
          </ul>
        )}
        <TextField id={id('question-from')} label="Who is asking" value={from} onChange={(v) => { setFrom(v); setJustAdded(false); }} onBlur={() => addQuestion(true)} hint={`For example, ${name} or their daughter.`} />
        <TextArea id={id('question-text')} label="Their question" value={text} onChange={(v) => { setText(v); setJustAdded(false); }} onBlur={() => addQuestion(true)} rows={2} />
        <button type="button" className="nhsuk-button nhsuk-button--secondary nhsuk-button--small" onClick={() => addQuestion(false)}>Add the question</button>
        <div>
          <button type="button" className="nhsuk-button" onClick={() => void save()}>Save who is coming<span className="nhsuk-u-visually-hidden"> for {name}</span></button>
        </div>
        {status ? <p className={status.ok ? 'app-saved' : 'nhsuk-error-message'} role="status">{status.message}</p> : null}
      </div>
    </details>
  );
}
