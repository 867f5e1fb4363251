/** @jsxRuntime automatic */
/** @jsxImportSource react */
/**
 * The lists beside the round, printed (A4): the task list for the practice nurse or phlebotomy visit, the
 * pharmacist's session and the care-planning conversations to book, each with the same explained reasons
 * as the round; the care-planning list is followed by a letter to each representative to arrange the
 * conversation. Pure components of a SessionDocument (shared/print.ts), like PrintDocuments.
 */
import { formatUkDate, formatWrittenDate } from '../../../shared/dates';
import type { CarePlanningLetter, PracticeContact, SessionDocument } from '../../../shared/print';
import { formatNhsNumber } from '../../../shared/rules/nhsNumber';
import { Letterhead, Marking } from './PrintDocuments';
import { marginBoxesCss, PRINT_CSS } from './printCss';

function SessionList({ doc }: { doc: SessionDocument }) {
  const minutes = doc.session === 'pharmacist';
  return (
    <section className="rt-page rt-session" aria-label={doc.title}>
      <Marking />
      <h2 className="rt-title">{doc.title}: {doc.homeName}</h2>
      <p><strong>Week of the round on {formatWrittenDate(doc.date)}</strong> · Practice: {doc.practice.name}{doc.practice.phone ? `, ${doc.practice.phone}` : ''}</p>
      <p>{doc.intro}</p>
      {doc.entries.length === 0 ? <p>Nobody this week.</p> : (
        <table className="rt-cover-table">
          <thead><tr><th scope="col" style={{ width: '26%' }}>Resident</th><th scope="col">Why</th>
            {minutes ? <th scope="col" style={{ width: '14%' }}>Minutes</th> : <th scope="col" style={{ width: '14%' }}>Done</th>}</tr></thead>
          <tbody>
            {doc.entries.map((e) => (
              <tr key={e.residentId}>
                <td><strong>{e.name}</strong><br /><span className="rt-muted">NHS {formatNhsNumber(e.nhsNumber)}{e.room ? ` · Room ${e.room}` : ''}</span></td>
                <td><ul>{e.reasons.map((r) => <li key={`${r.label}-${r.explanation}`}><strong>{r.label}:</strong> {r.explanation}</li>)}</ul></td>
                <td>{minutes ? <>{e.minutes}{e.fits ? '' : <><br /><span className="rt-muted">Next session: no time left this week</span></>}</> : <span className="rt-muted">Date and initials</span>}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <p className="rt-muted">Printed {formatUkDate(doc.date)} for {doc.homeName}. Each reason is the one the round planner gave.</p>
    </section>
  );
}

/** `marking` false where the page's running header already carries the one marking (printed with its list). */
export function CarePlanningLetterPage({ letter, practice, marking = true }: { letter: CarePlanningLetter; practice: PracticeContact; marking?: boolean }) {
  const name = letter.residentFirstName;
  return (
    <section className="rt-page rt-letter" aria-label={`Letter to ${letter.to}`}>
      {marking ? <Marking /> : null}
      <Letterhead practice={practice} date={letter.letterDate} />
      <h2 className="rt-title">A conversation about {name}’s care</h2>
      <p>Dear {letter.to},</p>
      <p>We would like to arrange a conversation of 30–45 minutes about {name}’s care with {name}, you, the care staff who know {name} well
        and someone from the practice, at {letter.homeName} or by telephone, whichever suits you.</p>
      <h3>What we would like to talk about</h3>
      <ul>{letter.topics.map((t) => <li key={t}>{t}</li>)}</ul>
      <h3>Arranging a time</h3>
      <p>Please ring the practice{practice.phone ? <> on <strong>{practice.phone}</strong></> : null} or tell the care home which days and times suit you.
        If you would rather not take part, that is fine: please let us know.</p>
      <p>With best wishes,</p>
      <p>{practice.sender ?? 'The practice team'}<br />{practice.name}</p>
    </section>
  );
}

/** A list beside the round, then (care planning) its letters. `marginBoxes` adds the running header for printing from a browser. */
export function SessionView({ doc, marginBoxes = true }: { doc: SessionDocument; marginBoxes?: boolean }) {
  const css = PRINT_CSS + (marginBoxes ? marginBoxesCss(doc.homeName, formatUkDate(doc.date)) : '');
  return (
    <div className="rt-print" data-print={`session-${doc.session}`}>
      <style>{css}</style>
      <SessionList doc={doc} />
      {doc.letters.map((l) => <CarePlanningLetterPage key={l.key} letter={l} practice={doc.practice} marking={false} />)}
    </div>
  );
}
