/**
 * The CPR status, the same everywhere: from current entries only (shared/rules/cpr). A conflict is shown
 * in red with both decisions, never one of them; no decision is "No CPR decision recorded", never a default.
 */
import { formatUkDate } from '../../../shared/dates';
import type { CprStatus } from '../../../shared/rules/cpr';
import './CprStatusTag.css';

export function CprStatusTag({ status, showDate = true }: { status: CprStatus; showDate?: boolean }) {
  if (status.kind === 'conflict') {
    return (
      <div className="app-cpr-conflict" data-cpr="conflict">
        <strong className="nhsuk-tag nhsuk-tag--red">CPR conflict</strong>
        <p className="app-cpr-conflict__text">{status.label}</p>
      </div>
    );
  }
  if (status.kind === 'none') return <strong className="nhsuk-tag nhsuk-tag--grey" data-cpr="none">{status.label}</strong>;
  return (
    <span data-cpr={status.recommendation}>
      <strong className={`nhsuk-tag ${status.recommendation === 'not-for-cpr' ? 'nhsuk-tag--purple' : 'nhsuk-tag--blue'}`}>{status.label}</strong>
      {showDate && status.decisions.length > 0 ? (
        <span className="app-tag-note">
          {status.decisions.map((d) => `${d.element === 'respect' ? 'ReSPECT' : 'DNACPR'} ${formatUkDate(d.recordedOn)}`).join(', ')}
        </span>
      ) : null}
    </span>
  );
}
