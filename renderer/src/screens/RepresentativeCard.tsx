import { SummaryRow } from '../components/SummaryRow';
import { formatUkDate } from '../../../shared/dates';
import type { Representative } from '../../../shared/domain/register';
import { LABELS } from '../../../shared/domain/enums';
import { href } from '../router';

function lpaText(rep: Representative): string {
  if (!rep.holdsLpaHealthWelfare) return 'No';
  return rep.lpaRegisteredOn ? `Yes, registered ${formatUkDate(rep.lpaRegisteredOn)}` : 'Yes (registration date not recorded)';
}

export function RepresentativeCard({ residentId, representative: rep }: { residentId: number; representative: Representative }) {
  const base = `/residents/${residentId}/representatives/${rep.id}`;
  return (
    <div className="nhsuk-card app-representative">
      <div className="nhsuk-card__heading-container">
        <h3 className="nhsuk-card__heading nhsuk-heading-s">{rep.name}</h3>
        <ul className="nhsuk-card__actions">
          <li className="nhsuk-card__action">
            <a href={href(`${base}/edit`)}>Edit<span className="nhsuk-u-visually-hidden"> {rep.name}</span></a>
          </li>
          <li className="nhsuk-card__action">
            <a href={href(`${base}/remove`)}>Remove<span className="nhsuk-u-visually-hidden"> {rep.name}</span></a>
          </li>
        </ul>
      </div>
      <div className="nhsuk-card__content">
        <dl className="nhsuk-summary-list nhsuk-summary-list--no-last-row-border">
          <SummaryRow label="Relationship">{rep.relationship}</SummaryRow>
          <SummaryRow label="Phone">{rep.phone}</SummaryRow>
          <SummaryRow label="Email">{rep.email}</SummaryRow>
          <SummaryRow label="LPA for health and welfare">{lpaText(rep)}</SummaryRow>
          <SummaryRow label="Joins reviews">{LABELS.contactPreference[rep.preferredContact]}</SummaryRow>
          {rep.notes ? <SummaryRow label="Notes" multiline>{rep.notes}</SummaryRow> : null}
        </dl>
      </div>
    </div>
  );
}
