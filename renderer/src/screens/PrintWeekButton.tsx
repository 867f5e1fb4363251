import { useState } from 'react';
import { call, toApiError } from '../api';
import { plural } from '../format';

/** The week in two actions: invite every relative the planner proposed, then "Print the week" (every agenda and letter of the next 7 days, one PDF per home, saved where the app keeps its prints). */
export function PrintWeekButton() {
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<{ ok: boolean; lines: string[] } | null>(null);
  const run = () => {
    setBusy(true);
    call('rounds:print-week', {}).then((week) => setResult({ ok: true, lines: week.homes.length === 0
      ? ['No rounds are planned for the next 7 days: plan them first.']
      : week.homes.map((h) => `${h.homeName}: ${plural(h.residents, 'resident')}, ${plural(h.letters, 'letter')}, saved as ${h.path}`) }),
    (e: unknown) => setResult({ ok: false, lines: [toApiError(e).message] })).finally(() => setBusy(false));
  };
  const inviteAll = () => {
    setBusy(true);
    call('rounds:invite-week', {}).then((r) => setResult({ ok: true, lines: [r.rounds === 0 ? 'No rounds are planned for the next 7 days: plan them first.'
      : `Invited ${plural(r.invited.length, 'relative')} to ${plural(r.rounds, 'round')} this week.`, ...r.skipped.map((x) => `Not invited: ${x.why}.`)] }),
    (e: unknown) => setResult({ ok: false, lines: [toApiError(e).message] })).finally(() => setBusy(false));
  };
  return (
    <>
      <div className="app-button-row">
        <button type="button" className="nhsuk-button nhsuk-button--secondary" disabled={busy} onClick={inviteAll}>Invite all proposed this week</button>
        <button type="button" className="nhsuk-button nhsuk-button--secondary" disabled={busy} onClick={run}>Print the week</button>
      </div>
      {result ? (
        <div role="status" className={result.ok ? 'app-saved' : 'nhsuk-error-message'}>
          {result.ok && result.lines.length > 0 && result.lines[0]?.includes('saved as') ? <p>The week’s agendas and letters, one PDF for each home:</p> : null}
          <ul className="nhsuk-list">{result.lines.map((l) => <li key={l}>{l}</li>)}</ul>
        </div>
      ) : null}
    </>
  );
}
