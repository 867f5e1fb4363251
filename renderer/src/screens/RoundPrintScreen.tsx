import { useState } from 'react';
import { call, toApiError } from '../api';
import { BackLink } from '../components/BackLink';
import { ErrorPanel } from '../components/ErrorPanel';
import { Loading } from '../components/Loading';
import { PageHeading } from '../components/PageHeading';
import { PrintView, type PrintKind } from '../print/PrintDocuments';
import { formatLongUkDate } from '../../../shared/dates';
import { useLoad, usePageTitle } from '../hooks';
import { href } from '../router';

const TABS: { kind: PrintKind; label: string }[] = [
  { kind: 'agenda', label: 'Staff agenda' },
  { kind: 'letters', label: 'Invitation letters' },
  { kind: 'summary', label: 'Summary for the care home' },
];

/** The print components on screen, exactly as they print, with Print and Save as PDF. */
export function RoundPrintScreen({ id, document: kind }: { id: number; document: PrintKind }) {
  const label = TABS.find((t) => t.kind === kind)?.label ?? 'Print preview';
  usePageTitle(`${label} – print preview`);
  const [doc, retry] = useLoad(() => call('rounds:print-data', { roundId: id }), [id]);
  const [saved, setSaved] = useState<{ ok: boolean; message: string } | null>(null);
  const [busy, setBusy] = useState(false);
  if (doc.status === 'loading') return <Loading what="the print preview" />;
  if (doc.status === 'error') return <ErrorPanel error={doc.error} onRetry={retry} backHref={href('/rounds')} backText="Back to rounds" />;
  const d = doc.value;
  const empty = kind === 'letters' ? d.letters.length === 0 : kind === 'summary' ? d.status !== 'held' && d.status !== 'closed' : d.sections.length === 0;
  return (
    <>
      <div className="app-no-print">
        <BackLink href={href(`/rounds/${id}`)}>Back to the round</BackLink>
        <PageHeading caption={`${d.homeName}, ${formatLongUkDate(d.date)}`}>{label}</PageHeading>
        <nav aria-label="Documents">
          <ul className="app-tabs">
            {TABS.map((t) => (
              <li key={t.kind}>
                <a href={href(`/rounds/${id}/print?document=${t.kind}`)} aria-current={t.kind === kind ? 'page' : undefined}>{t.label}</a>
              </li>
            ))}
          </ul>
        </nav>
        {empty ? (
          <p className="nhsuk-body-l">
            {kind === 'letters' ? 'No letters yet: nobody has been invited. On the round, open “Who is coming” for a resident and set a relative’s invitation to Invited.' : null}
            {kind === 'summary' ? 'The summary for the care home is ready once the round has been held and its outcomes recorded.' : null}
            {kind === 'agenda' ? 'Nobody is on this round yet.' : null}
          </p>
        ) : (
          <div className="app-button-row">
            <button type="button" className="nhsuk-button" onClick={() => window.print()}>Print</button>
            <button type="button" className="nhsuk-button nhsuk-button--secondary" disabled={busy} onClick={() => {
              setBusy(true);
              call('rounds:save-pdf', { roundId: id, document: kind }).then(
                (r) => setSaved(r.path === null ? null : { ok: true, message: `Saved as PDF: ${r.path}` }),
                (e: unknown) => setSaved({ ok: false, message: toApiError(e).message }),
              ).finally(() => setBusy(false));
            }}>Save as PDF</button>
          </div>
        )}
        {saved ? <p className={saved.ok ? 'app-saved' : 'nhsuk-error-message'} role="status">{saved.message}</p> : null}
      </div>
      {empty ? null : <PrintView doc={d} kind={kind} />}
    </>
  );
}
