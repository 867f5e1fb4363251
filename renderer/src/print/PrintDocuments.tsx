/** @jsxRuntime automatic */
/** @jsxImportSource react */
/**
 * The print components of DESIGN.md section 5: the staff agenda, the invitation letters and the
 * post-round summary. Pure components of a PrintDocument (shared/print.ts): the app's print preview shows
 * them, and the CLI renders them to static HTML (react-dom/server) and to PDF. No hooks, no DOM, no
 * data fetching. (The pragmas above keep the automatic JSX runtime when tsx compiles this in Node.)
 */
import { formatUkDate, formatWrittenDate } from '../../../shared/dates';
import type { FlagCategory, FlagSeverity } from '../../../shared/domain/enums';
import { ROUND_LABELS, type Attendees } from '../../../shared/domain/round';
import type { AgendaSection, Letter, PracticeContact, PrintDocument, SummarySection } from '../../../shared/print';
import { FLAG_LABELS } from '../../../shared/rules/flags';
import { marginBoxesCss, PRINT_CSS } from './printCss';

export type PrintKind = 'agenda' | 'letters' | 'summary';

const MARKING = 'OFFICIAL-SENSITIVE: personal';

export function Marking() {
  return <p className="rt-marking">{MARKING}</p>;
}

function Lines({ count }: { count: number }) {
  return <div className="rt-lines" aria-hidden="true">{Array.from({ length: count }, (_, i) => <div className="rt-line" key={i} />)}</div>;
}

function who(attendees: Attendees, clinicians: string[]): string[] {
  return [
    attendees.resident.attending ? 'The resident' : `The resident is not attending${attendees.resident.note ? ` (${attendees.resident.note})` : ''}`,
    ...attendees.representatives.filter((r) => r.status !== 'not-invited' || r.proposed)
      .map((r) => `${r.name} (${r.relationship}): ${ROUND_LABELS.inviteStatus[r.status].toLowerCase()}, ${ROUND_LABELS.inviteMethod[r.how].toLowerCase()}${r.status === 'not-invited' && r.proposed ? ' — proposed for invitation' : ''}`),
    attendees.careStaff ? `${attendees.careStaff} (care staff who knows them)` : 'Care staff who knows them: to be named by the home',
    ...(clinicians.length > 0 ? [`Clinicians: ${clinicians.join(', ')}`] : []),
  ];
}

function coming(s: AgendaSection): string {
  const reps = s.attendees.representatives.filter((r) => r.status === 'invited' || r.status === 'confirmed')
    .map((r) => `${r.name} (${r.relationship}, ${ROUND_LABELS.inviteMethod[r.how].toLowerCase()})`);
  return [s.attendees.resident.attending ? null : 'resident not attending', ...reps].filter(Boolean).join('; ') || 'Resident and care staff';
}

function Cover({ doc }: { doc: PrintDocument }) {
  const mustSee = doc.sections.some((s) => s.mustSee);
  return (
    <section className={`rt-page rt-cover${doc.sections.length > 10 ? ' rt-dense' : ''}`} aria-label="Cover">
      <Marking />
      <h2 className="rt-title">Care home round: {doc.homeName}</h2>
      <p><strong>{formatWrittenDate(doc.date)}, {doc.startTime} to {doc.endTime}</strong></p>
      <p>Clinicians: {doc.clinicians.length > 0 ? doc.clinicians.join(', ') : 'not named yet'} · Practice: {doc.practice.name}{doc.practice.phone ? `, ${doc.practice.phone}` : ''}</p>
      {doc.overByMinutes > 0 ? <p className="rt-over"><strong>Over by {doc.overByMinutes} minutes</strong>: the residents who must be seen need more than the round’s time.</p> : null}
      {doc.sections.length === 0 ? <p>No residents are on this round yet.</p> : (
        <table className="rt-cover-table">
          <thead><tr><th scope="col" style={{ width: '13%' }}>Time</th><th scope="col" style={{ width: '22%' }}>Resident</th><th scope="col">Why</th><th scope="col" style={{ width: '24%' }}>Who is coming</th></tr></thead>
          <tbody>
            {doc.sections.map((s) => (
              <tr key={s.itemId} className={s.mustSee ? 'rt-must-see' : undefined}>
                <td>{s.start}<br /><span className="rt-muted">{s.minutes} min</span></td>
                <td>{s.mustSee ? <strong>Must see: </strong> : null}{s.name}{s.room ? <><br /><span className="rt-muted">Room {s.room}</span></> : null}</td>
                <td>{s.headline}</td>
                <td>{coming(s)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {mustSee ? <p className="rt-muted">“Must see” residents cannot wait for next week’s round.</p> : null}
      {doc.sections.length <= 8 ? (
        <div className="rt-keep">
          <h3>Notes for the visit</h3>
          <Lines count={doc.sections.length <= 5 ? 4 : 2} />
        </div>
      ) : null}
    </section>
  );
}

function Figure({ label, value }: { label: string; value: string }) {
  return <span><strong>{label}:</strong> {value}</span>;
}

/**
 * How much a resident's section holds, in lines of 11pt text on the page's width: a section that would not
 * fit one A4 page at 11pt is set a little smaller (10pt, then 9.5pt) so each resident keeps to one page.
 * Worked out from the data, so the app's preview, Electron's PDF and the command line's agree.
 */
export function sectionLines(s: AgendaSection): number {
  const wide = (text: string) => Math.ceil((text.length + 4) / 92);
  const half = (text: string) => Math.ceil((text.length + 4) / 44);
  const reasons = s.reasons.reduce((n, r) => n + wide(`${r.label}: ${reasonText(r)}`), 0);
  const flags = s.flags.reduce((n, f) => n + wide(`${f.raisedOn} · ${f.category} (${f.severity}) · ${f.raisedBy ?? ''}: ${f.text}`), 0);
  const left = half(s.whatMatters ?? 'Not recorded yet: ask them today.') + 1;
  const right = who(s.attendees, s.clinicians).reduce((n, w) => n + half(w), 0) + 1;
  const medicines = half(s.medicines.list.map((m) => m.name).join(', ')) + 3;
  const plans = s.openActions.reduce((n, a) => n + half(a.text), 0) + 2;
  const questions = Math.max(1, s.questions.reduce((n, q) => n + wide(`${q.from}: ${q.text}`), 0)) + 1;
  return 8 + Math.max(left, right) + 1 + reasons + (s.flags.length > 0 ? flags + 1 : 0) + Math.max(medicines, plans) + questions;
}

/** Lines of 11pt text that fit above a decisions table of at least six rows. */
const PAGE_LINES = 38;

function density(s: AgendaSection): string {
  const lines = sectionLines(s);
  if (lines <= PAGE_LINES) return '';
  if (lines <= PAGE_LINES * 1.2) return ' rt-dense';
  if (lines <= PAGE_LINES * 1.3) return ' rt-denser';
  return ' rt-densest';
}

function reasonText(r: AgendaSection['reasons'][number]): string {
  return r.flagCount > 0 && r.rule !== 'family-concern'
    ? `${r.flagCount === 1 ? 'a care-home flag' : `${r.flagCount} care-home flags`}, in the staff report below.` : r.explanation;
}

export function ResidentSection({ s }: { s: AgendaSection }) {
  const f = s.medicines.figures;
  const pending = 'not yet worked out';
  return (
    <section className={`rt-page rt-resident${density(s)}`} aria-label={s.name} data-resident-id={s.residentId}>
      <p className="rt-running">{s.name} · NHS number {s.nhsNumber}{s.room ? ` · room ${s.room}` : ''}</p>
      <Marking />
      <h2>{s.start} · {s.name}{s.preferredName ? ` (“${s.preferredName}”)` : ''}{s.mustSee ? ' · must see' : ''}</h2>
      <dl className="rt-identity">
        <dt>NHS number</dt><dd>{s.nhsNumber}</dd>
        <dt>Room</dt><dd>{s.room ?? 'not recorded'}</dd>
        <dt>Born</dt><dd>{formatUkDate(s.dateOfBirth)} (age {s.age})</dd>
        <dt>Time</dt><dd>{s.minutes} minutes</dd>
      </dl>
      <p className={`rt-cpr${s.cpr.kind === 'conflict' ? ' rt-cpr--conflict' : ''}`}>
        CPR: {s.cpr.kind === 'none' ? 'no decision recorded' : s.cpr.label}
        {s.cpr.respectDate ? ` · ReSPECT ${formatUkDate(s.cpr.respectDate)}` : ' · no ReSPECT form recorded'}
      </p>
      <div className="rt-two">
        <div className="rt-keep">
          <h3>What matters to them</h3>
          <p>{s.whatMatters ?? <span className="rt-muted">Not recorded yet: ask them today.</span>}</p>
        </div>
        <div className="rt-keep">
          <h3>Who is coming</h3>
          <ul>{who(s.attendees, s.clinicians).map((w) => <li key={w}>{w}</li>)}</ul>
        </div>
      </div>
      <h3>Why they are on the round</h3>
      <ul>{s.reasons.map((r) => (
        <li key={`${r.rule}-${r.explanation}`}><span className="rt-reason-tier">{r.label}:</span> {reasonText(r)}</li>
      ))}</ul>
      {s.flags.length > 0 ? (
        <div className="rt-keep">
          <h3>Flags and the staff report</h3>
          <ul>{s.flags.map((fl) => (
            <li key={fl.id}>{formatUkDate(fl.raisedOn)} · {FLAG_LABELS.category[fl.category as FlagCategory] ?? 'Concern'} ({(FLAG_LABELS.severity[fl.severity as FlagSeverity] ?? 'Concern').toLowerCase()})
              {fl.raisedBy ? ` · ${fl.raisedBy}` : ''}: {fl.text}</li>
          ))}</ul>
        </div>
      ) : null}
      <div className="rt-two">
        <div className="rt-keep">
          <h3>Medicines ({s.medicines.count} current)</h3>
          <p>{s.medicines.list.length > 0 ? s.medicines.list.map((m) => m.name).join(', ') : 'No current medicines recorded.'}</p>
          <p className="rt-figures" data-figures="medication-review">
            {f.acbTotal === null && f.fallsRiskMedicines === null && f.monitoringDue === null && f.reviewDue === null
              ? <span><strong>ACB total, falls-risk medicines, monitoring due, review due:</strong> {pending}</span>
              : (
                <>
                  <Figure label="ACB total" value={f.acbTotal === null ? pending : String(f.acbTotal)} />
                  {' · '}<Figure label="Falls-risk" value={f.fallsRiskMedicines === null ? pending : f.fallsRiskMedicines.join(', ') || 'none'} />
                  {' · '}<Figure label="Monitoring due" value={f.monitoringDue === null ? pending : f.monitoringDue.join(', ') || 'none'} />
                  {' · '}<Figure label="Review due" value={f.reviewDue === null ? pending : formatUkDate(f.reviewDue)} />
                  {f.toDiscuss?.length ? <>{' · '}<Figure label="To discuss" value={f.toDiscuss.join(', ')} /></> : null}
                  {f.justInCase?.length ? <>{' · '}<Figure label="Just-in-case medicines in place" value={f.justInCase.join(', ')} /></> : null}
                </>
              )}
          </p>
        </div>
        {/* Care-plan gaps are among the reasons above, each with its explanation: not printed twice. */}
        <div className="rt-keep">
          <h3>Open actions</h3>
          {s.openActions.length > 0
            ? <ul>{s.openActions.map((a) => <li key={a.id}>{a.text}{a.owner ? ` (${ROUND_LABELS.owner[a.owner as keyof typeof ROUND_LABELS.owner] ?? 'owner not set'})` : ''}{a.dueDate ? `, due ${formatUkDate(a.dueDate)}` : ''}</li>)}</ul>
            : <p>None.</p>}
        </div>
      </div>
      <div className="rt-keep">
        <h3>Questions from {s.preferredName ?? s.name.split(' ')[0]} or the family</h3>
        {s.questions.length > 0 ? <ul>{s.questions.map((q) => <li key={`${q.from}-${q.text}`}><strong>{q.from}:</strong> {q.text}</li>)}</ul> : <p className="rt-muted">None sent before the round.</p>}
      </div>
      {/* The rest of the page: heading, column heads and ruled lines, never split; the lines fill what is left. */}
      <div className="rt-decisions">
        <h3>Decisions and actions</h3>
        <div className="rt-decisions-grid" aria-label="Space to write decisions and actions">
          <div className="rt-col"><strong>Decision or action</strong></div>
          <div className="rt-col"><strong>Owner</strong></div>
          <div className="rt-col"><strong>Due by</strong></div>
        </div>
      </div>
    </section>
  );
}

const HOW_TO_JOIN: Record<Letter['how'], (l: Letter) => string> = {
  'in-person': (l) => `Please come to ${l.homeName} a few minutes before ${l.time}. The care staff will show you where we are meeting.`,
  phone: (l) => `We will telephone you at about ${l.time} on the number the care home has for you. If that number has changed, please let the care home know.`,
  video: (l) => `The care home will send you a video-call link before the day. Please join at about ${l.time}; you can also ask us to ring you instead.`,
};

/** A letter's head: the practice's name, address, phone and email, and the letter's date written out. */
export function Letterhead({ practice, date }: { practice: PracticeContact; date: string }) {
  return (
    <div className="rt-letterhead">
      <p><strong>{practice.name}</strong>{practice.address ? <><br />{practice.address.split(/\n|,\s*/).map((line, i) => <span key={i}>{i > 0 ? <br /> : null}{line}</span>)}</> : null}
        {practice.phone ? <><br />Telephone: {practice.phone}</> : null}{practice.email ? <><br />Email: {practice.email}</> : null}</p>
      <p className="rt-letter-date">{formatWrittenDate(date)}</p>
    </div>
  );
}

export function LetterPage({ letter, practice, marking = true }: { letter: Letter; practice: PracticeContact; marking?: boolean }) {
  const name = letter.residentFirstName;
  return (
    <section className="rt-page rt-letter" aria-label={`Letter to ${letter.to}`}>
      {marking ? <Marking /> : null}
      <Letterhead practice={practice} date={letter.letterDate} />
      <h2 className="rt-title">An invitation to {name}’s review</h2>
      <p>Dear {letter.to},</p>
      <p>We would like to invite you to join {name}’s review at {letter.homeName} on <strong>{formatWrittenDate(letter.date)} at {letter.time}</strong>.
        The review is a conversation: {name}, you, the care staff who know {name} well and the doctor, nurse or pharmacist from the practice.</p>
      <h3>How to join</h3>
      <p>{HOW_TO_JOIN[letter.how](letter)}</p>
      <h3>What we would like to talk about</h3>
      <ul>{letter.topics.map((t) => <li key={t}>{t}</li>)}</ul>
      {letter.questions.length > 0 ? (
        <>
          <h3>Your questions</h3>
          <p>You told the care home you would like to ask:</p>
          <ul>{letter.questions.map((q) => <li key={q}>{q}</li>)}</ul>
        </>
      ) : null}
      <p>If there is anything else you would like us to talk about, or you cannot join, please tell the care home or ring the practice
        {practice.phone ? <> on <strong>{practice.phone}</strong></> : null} before the day. There is space on the agenda for your questions.</p>
      <p>With best wishes,</p>
      <p>{practice.sender ?? 'The practice team'}<br />{practice.name}</p>
    </section>
  );
}

function SummaryPage({ doc }: { doc: PrintDocument }) {
  return (
    <section className="rt-page rt-summary" aria-label="Summary for the care home">
      <Marking />
      <h2 className="rt-title">Round summary: {doc.homeName}</h2>
      <p><strong>{formatWrittenDate(doc.date)}</strong> · Clinicians: {doc.clinicians.join(', ') || 'not named'}</p>
      {doc.summary.map((s: SummarySection) => (
        <div key={s.residentId} className="rt-summary-resident" style={{ breakInside: 'avoid' }}>
          <h3>{s.name}{s.room ? `, room ${s.room}` : ''}</h3>
          {s.decisions.length > 0 ? <ul>{s.decisions.map((d) => <li key={d}>{d}</li>)}</ul> : <p className="rt-muted">No decisions recorded.</p>}
          {s.actions.length > 0 ? (
            <table>
              <thead><tr><th scope="col">Action</th><th scope="col">Owner</th><th scope="col">Due by</th></tr></thead>
              <tbody>{s.actions.map((a) => <tr key={a.text}><td>{a.text}</td><td>{a.owner ? ROUND_LABELS.owner[a.owner as keyof typeof ROUND_LABELS.owner] ?? a.owner : 'Not set'}</td><td>{a.dueDate ? formatUkDate(a.dueDate) : 'No date'}</td></tr>)}</tbody>
            </table>
          ) : <p className="rt-muted">No actions.</p>}
        </div>
      ))}
    </section>
  );
}

/** One printable document of a round. `marginBoxes` adds the running header for printing from a browser or the app. */
export function PrintView({ doc, kind, marginBoxes = true, letters, letterMarking = true }: { doc: PrintDocument; kind: PrintKind; marginBoxes?: boolean; letters?: Letter[];
  /** False where the page's running header already carries the marking (the week's pack). */
  letterMarking?: boolean }) {
  // A letter carries its one marking in its own text: no running header with a second one.
  const css = PRINT_CSS + (marginBoxes && kind !== 'letters' ? marginBoxesCss(doc.homeName, formatUkDate(doc.date)) : '');
  return (
    <div className="rt-print" data-print={kind}>
      <style>{css}</style>
      {kind === 'agenda' ? (
        <>
          <Cover doc={doc} />
          {doc.sections.map((s) => <ResidentSection key={s.itemId} s={s} />)}
        </>
      ) : null}
      {kind === 'letters' ? (letters ?? doc.letters).map((l) => <LetterPage key={l.key} letter={l} practice={doc.practice} marking={letterMarking} />) : null}
      {kind === 'summary' ? <SummaryPage doc={doc} /> : null}
    </div>
  );
}
