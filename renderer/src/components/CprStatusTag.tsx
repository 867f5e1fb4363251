/**
 * The CPR status, the same everywhere: from current entries only (shared/rules/cpr). A conflict is shown
 * in red with both decisions, never one of them; no decision is "No CPR decision recorded", never a default.
 */
import { cprDisplay, type CprStatus } from '../../../shared/rules/cpr';
import './CprStatusTag.css';

export function CprStatusTag({ status, showDate = true }: { status: CprStatus; showDate?: boolean }) {
  const shown = cprDisplay(status);
  if (shown.kind === 'conflict') {
    return (
      <div className="app-cpr-conflict" data-cpr="conflict">
        <strong className="nhsuk-tag nhsuk-tag--red">{shown.tag}</strong>
        <p className="app-cpr-conflict__text">{shown.text}</p>
      </div>
    );
  }
  return (
    <span data-cpr={status.kind === 'decided' ? status.recommendation : 'none'}>
      <strong className={`nhsuk-tag nhsuk-tag--${shown.tone}`}>{shown.tag}</strong>
      {showDate && shown.text ? <span className="app-tag-note">{shown.text}</span> : null}
    </span>
  );
}
