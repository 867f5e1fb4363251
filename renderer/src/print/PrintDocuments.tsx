/** @jsxRuntime automatic */
/** @jsxImportSource react */
/**
 * The print components of DESIGN.md section 5: the staff agenda, the invitation letters and the
 * post-round summary. Pure components of a PrintDocument (shared/print.ts): the app's print preview shows
 * them, and the CLI renders them to static HTML (react-dom/server) and to PDF. No hooks, no DOM, no
 * data fetching. (The pragmas above keep the automatic JSX runtime when tsx compiles this in Node.)
 */
import { formatLongUkDate, formatUkDate } from '../../../shared/dates';
import { ROUND_LABELS, type Attendees } from '../../../shared/domain/round';
import type { AgendaSection, Letter, PrintDocument, SummarySection } from '../../../shared/print';
import { TIER_LABEL } from '../../../shared/rules/planning';
import { marginBoxesCss, PRINT_CSS } from './printCss';

export type PrintKind = 'agenda' | 'letters' | 'summary';

const MARKING = 'OFFICIAL-SENSITIVE: personal';

function Marking() {
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

function Cover({ doc }: { doc: PrintDocument }) {
  return (
    <section className="rt-page rt-cover" aria-label="Cover">
      <Marking />
      <h2 className="rt-title">Care home round: {doc.homeName}</h2>
      <p><strong>{formatLongUkDate(doc.date)}, {doc.startTime} to {doc.endTime}</strong></p>
      <p>Clinicians: {doc.clinicians.length > 0 ? doc.clinicians.join(', ') : 'not named yet'} · Practice: {doc.practiceName}</p>
      {doc.overByMinutes > 0 ? <p className="rt-over"><strong>Over by {doc.overByMinutes} minutes</strong>: the residents who must be seen need more than the round’s time.</p> : null}
      {doc.sections.length === 0 ? <p>No residents are on this round yet.</p> : (
        <table>
          <thead><tr><th scope="col">Time</th><th scope="col">Resident</th><th scope="col">Room</th><th scope="col">Why</th><th scope="col">Who is coming</th></tr></thead>
          <tbody>
            {doc.sections.map((s) => (
              <tr key={s.itemId}>
                <td>{s.start} ({s.minutes} min)</td>
                <td>{s.name}{s.mustSee ? <> <strong>(must see)</strong></> : null}</td>
                <td>{s.room ?? ''}</td>
                <td>{[...new Set(s.reasons.map((r) => TIER_LABEL[r.tier]))].join(', ')}</td>
                <td>{s.attendees.representatives.filter((r) => r.status === 'invited' || r.status === 'confirmed').map((r) => `${r.name} (${r.relationship})`).join(', ') || '—'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <h3>Notes for the visit</h3>
      <Lines count={4} />
    </section>
  );
}

function Figure({ label, value }: { label: string; value: string }) {
  return <span><strong>{label}:</strong> {value}</span>;
}

export function ResidentSection({ s }: { s: AgendaSection }) {
  const f = s.medicines.figures;
  const pending = 'not yet worked out';
  return (
    <section className="rt-page rt-resident" aria-label={s.name} data-resident-id={s.residentId}>
      {/* A busy resident's section can run onto a second page: the table's head repeats on every page it
          prints on, so each page names whose it is, and a page never holds two residents. */}
      <table className="rt-frame">
        <thead><tr><td><p className="rt-running">{s.name} · NHS number {s.nhsNumber}{s.room ? ` · room ${s.room}` : ''}</p></td></tr></thead>
        <tbody><tr><td>
      <Marking />
      <h2>{s.start} · {s.name}{s.preferredName ? ` (“${s.preferredName}”)` : ''}</h2>
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
        <div>
          <h3>What matters to them</h3>
          <p>{s.whatMatters ?? <span className="rt-muted">Not recorded yet: ask them today.</span>}</p>
        </div>
        <div>
          <h3>Who is coming</h3>
          <ul>{who(s.attendees, s.clinicians).map((w) => <li key={w}>{w}</li>)}</ul>
        </div>
      </div>
      <h3>Why they are on the round</h3>
      <ul>{s.reasons.map((r) => (
        <li key={`${r.rule}-${r.explanation}`}><span className="rt-reason-tier">{TIER_LABEL[r.tier]}</span> ({r.rule}): {r.flagCount > 0 && r.rule !== 'family-concern'
          ? `${r.flagCount === 1 ? 'a care-home flag' : `${r.flagCount} care-home flags`}, in the staff report below.` : r.explanation}</li>
      ))}</ul>
      {s.flags.length > 0 ? (
        <>
          <h3>Flags and the staff report</h3>
          <ul>{s.flags.map((fl) => <li key={fl.id}>{formatUkDate(fl.raisedOn)} · {fl.category} ({fl.severity}){fl.raisedBy ? ` · ${fl.raisedBy}` : ''}: {fl.text}</li>)}</ul>
        </>
      ) : null}
      <div className="rt-two">
        <div>
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
        <div>
          <h3>Care-plan gaps</h3>
          {s.carePlanGaps.length > 0 ? <ul>{s.carePlanGaps.map((g) => <li key={g}>{g}</li>)}</ul> : <p>None on this agenda.</p>}
          <h3>Open actions</h3>
          {s.openActions.length > 0
            ? <ul>{s.openActions.map((a) => <li key={a.id}>{a.text}{a.owner ? ` (${a.owner.replace('-', ' ')})` : ''}{a.dueDate ? `, due ${formatUkDate(a.dueDate)}` : ''}</li>)}</ul>
            : <p>None.</p>}
        </div>
      </div>
      <h3>Questions from {s.preferredName ?? s.name.split(' ')[0]} or the family</h3>
      {s.questions.length > 0 ? <ul>{s.questions.map((q) => <li key={`${q.from}-${q.text}`}><strong>{q.from}:</strong> {q.text}</li>)}</ul> : <p className="rt-muted">None sent before the round.</p>}
      <h3>Decisions and actions</h3>
      <table className="rt-blank">
        <thead><tr><th scope="col">Decision or action</th><th scope="col">Owner</th><th scope="col">Due by</th></tr></thead>
        <tbody>{[0, 1, 2, 3].map((i) => <tr key={i}><td /><td style={{ width: '22%' }} /><td style={{ width: '18%' }} /></tr>)}</tbody>
      </table>
        </td></tr></tbody>
      </table>
    </section>
  );
}

const HOW_TO_JOIN: Record<Letter['how'], (l: Letter) => string> = {
  'in-person': (l) => `Please come to ${l.homeName} a few minutes before ${l.time}. The care staff will show you where we are meeting.`,
  phone: (l) => `We will telephone you at about ${l.time} on the number the care home has for you. If that number has changed, please let the care home know.`,
  video: (l) => `The care home will send you a video-call link before the day. Please join at about ${l.time}; you can also ask us to ring you instead.`,
};

export function LetterPage({ letter, practiceName }: { letter: Letter; practiceName: string }) {
  return (
    <section className="rt-page rt-letter" aria-label={`Letter to ${letter.to}`}>
      <Marking />
      <p>{practiceName}</p>
      <h2 className="rt-title">An invitation to {letter.residentFirstName}’s review</h2>
      <p>Dear {letter.to},</p>
      <p>We would like to invite you to join {letter.residentFirstName}’s review at {letter.homeName} on <strong>{formatLongUkDate(letter.date)} at {letter.time}</strong>.
        The review is a conversation: {letter.residentFirstName}, you, the care staff who know {letter.residentFirstName} well and the doctor, nurse or pharmacist from the practice.</p>
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
      <p>If there is anything else you would like us to talk about, or you cannot join, please tell the care home or ring the practice before the day.
        There is space on the agenda for your questions.</p>
      <p>With best wishes,</p>
      <p>{practiceName}</p>
    </section>
  );
}

function SummaryPage({ doc }: { doc: PrintDocument }) {
  return (
    <section className="rt-page rt-summary" aria-label="Summary for the care home">
      <Marking />
      <h2 className="rt-title">Round summary: {doc.homeName}</h2>
      <p><strong>{formatLongUkDate(doc.date)}</strong> · Clinicians: {doc.clinicians.join(', ') || 'not named'}</p>
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
export function PrintView({ doc, kind, marginBoxes = true, letters }: { doc: PrintDocument; kind: PrintKind; marginBoxes?: boolean; letters?: Letter[] }) {
  const css = PRINT_CSS + (marginBoxes ? marginBoxesCss(doc.homeName, formatUkDate(doc.date)) : '');
  return (
    <div className="rt-print" data-print={kind}>
      <style>{css}</style>
      {kind === 'agenda' ? (
        <>
          <Cover doc={doc} />
          {doc.sections.map((s) => <ResidentSection key={s.itemId} s={s} />)}
        </>
      ) : null}
      {kind === 'letters' ? (letters ?? doc.letters).map((l) => <LetterPage key={l.key} letter={l} practiceName={doc.practiceName} />) : null}
      {kind === 'summary' ? <SummaryPage doc={doc} /> : null}
    </div>
  );
}
