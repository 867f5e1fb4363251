import { useEffect, useId, useState } from 'react';
import { call } from '../api';
import type { FlagView } from '../../../shared/domain/flags';
import { useAppInfo } from '../appInfo';
import { onFlagsChanged } from '../flagEvents';
import { useLoad } from '../hooks';
import { href } from '../router';
import { FLAG_LABELS } from '../../../shared/rules/flags';
import { flagSubject } from '../../../shared/rules/flagMatching';
import { formatUkDate } from '../../../shared/dates';

/** "1 flag needs same-day escalation", and the urgent flags about someone not yet on the register. */
function headline(list: readonly FlagView[]): string {
  const now = list.filter((f) => f.severity === 'escalate-now').length;
  const unregistered = list.length - now;
  const parts = [
    now > 0 ? `${now === 1 ? '1 flag needs' : `${now} flags need`} same-day escalation` : null,
    unregistered > 0 ? `${unregistered === 1 ? '1 urgent flag is' : `${unregistered} urgent flags are`} about someone not yet registered` : null,
  ].filter(Boolean);
  return parts.join('; ');
}

/**
 * The red banner on every screen while an escalate-now flag has no same-day action recorded
 * (docs/clinical-rules.md, severities). It reloads on every navigation and whenever flags change; it goes
 * only when someone records the action taken. If it cannot load, it says so rather than staying silent.
 *
 * Once seen, a person may fold it to one line for the rest of the day (names still shown); a flag not
 * yet seen today opens it again. It is never hidden while a flag is unacknowledged.
 */

const FOLDED_KEY = 'roundtable.escalations.folded';

function foldedToday(today: string): Set<number> {
  try {
    const saved = JSON.parse(window.localStorage.getItem(FOLDED_KEY) ?? '{}') as { day?: string; ids?: number[] };
    return new Set(saved.day === today && Array.isArray(saved.ids) ? saved.ids : []);
  } catch {
    return new Set();
  }
}

function saveFolded(today: string, ids: number[] | null): void {
  try {
    if (ids === null) window.localStorage.removeItem(FOLDED_KEY);
    else window.localStorage.setItem(FOLDED_KEY, JSON.stringify({ day: today, ids }));
  } catch {
    // Storage unavailable: the banner simply stays open.
  }
}

export function EscalationBanner({ hash }: { hash: string }) {
  const titleId = useId();
  const { today } = useAppInfo();
  const [folds, setFolds] = useState(0);
  const [changes, setChanges] = useState(0);
  useEffect(() => onFlagsChanged(() => setChanges((n) => n + 1)), []);
  const [flags] = useLoad(() => call('flags:escalations', {}), [hash, changes], { keepPrevious: true });
  const list = flags.status === 'ready' ? flags.value : flags.status === 'loading' ? flags.previous : null;
  if (flags.status === 'error') {
    return (
      <div className="app-escalation" role="region" aria-labelledby={titleId}>
        <div className="nhsuk-width-container app-escalation__content">
          <p className="app-escalation__title" id={titleId}>Escalate-now flags could not be checked</p>
          <p>Open the <a href={href('/flags')}>Flags</a> page to check for flags that need action today.</p>
        </div>
      </div>
    );
  }
  if (!list || list.length === 0) return null;
  const title = `Act today: ${headline(list)}`;
  const seen = foldedToday(today);
  const folded = folds >= 0 && list.every((f) => seen.has(f.id));
  const whoOf = flagSubject;
  if (folded) {
    return (
      <div className="app-escalation app-escalation--folded" role="region" aria-labelledby={titleId} data-testid="escalation-banner">
        <div className="nhsuk-width-container app-escalation__content">
          <p className="app-escalation__title" id={titleId}>{title}: {list.map(whoOf).join(', ')}</p>
          <button type="button" className="app-escalation__toggle" aria-expanded="false" onClick={() => { saveFolded(today, null); setFolds((n) => n + 1); }}>
            Show the flags<span className="nhsuk-u-visually-hidden"> that need same-day escalation</span>
          </button>
        </div>
      </div>
    );
  }
  return (
    <div className="app-escalation" role="region" aria-labelledby={titleId} data-testid="escalation-banner">
      <div className="nhsuk-width-container app-escalation__content">
        <p className="app-escalation__title" id={titleId}>{title}</p>
        <ul className="app-escalation__list">
          {list.map((f) => {
            const who = whoOf(f);
            return (
              <li key={f.id}>
                <strong>{who}</strong>, {f.homeName}: {FLAG_LABELS.category[f.category]} flag, raised {formatUkDate(f.raisedOn)}
                {f.severityReason ? ` – ${f.severityReason}` : ''}.{' '}
                {f.severity === 'escalate-now'
                  ? <a href={href(`/flags/${f.id}`)}>Record the action taken<span className="nhsuk-u-visually-hidden"> for {who}</span></a>
                  : <a href={href(`/flags/${f.id}`)}>Add to the register<span className="nhsuk-u-visually-hidden">: {who}</span></a>}
              </li>
            );
          })}
        </ul>
        <button type="button" className="app-escalation__toggle" aria-expanded="true" onClick={() => { saveFolded(today, list.map((f) => f.id)); setFolds((n) => n + 1); }}>
          Fold to one line for today<span className="nhsuk-u-visually-hidden">: the banner stays until the action is recorded</span>
        </button>
      </div>
    </div>
  );
}
