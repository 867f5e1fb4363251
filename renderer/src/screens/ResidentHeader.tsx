import { formatUkDate } from '../../../shared/dates';
import type { ResidentView } from '../../../shared/domain/residentView';
import { CprStatusTag } from '../components/CprStatusTag';
import { frailtyLabel } from '../labels';
import { plural } from '../format';

/**
 * The top of the resident view: what a clinician needs first. CPR status comes only from cprStatus()
 * (shared/rules/cpr.ts); a conflict is shown in red, never resolved here.
 */
export function ResidentHeader({ view }: { view: ResidentView }) {
  const { resident: r, header: h } = view;
  const respect = h.cpr.respectDate ? `ReSPECT recorded ${formatUkDate(h.cpr.respectDate)}` : 'No ReSPECT form recorded';
  return (
    <section className="app-resident-header" aria-labelledby="resident-header-title">
      <h2 className="nhsuk-u-visually-hidden" id="resident-header-title">Summary</h2>
      <div className="app-cpr" data-testid="resident-header-cpr">
        <span className="nhsuk-u-visually-hidden">CPR status: </span>
        <CprStatusTag status={h.cpr} showDate={false} />
        <span className="app-secondary-text">{respect}</span>
      </div>
      <dl className="app-resident-header__facts">
        <div><dt>Age</dt><dd>{r.status === 'died' ? `Died aged ${h.age}` : h.age}</dd></div>
        <div><dt>Home and room</dt><dd>{r.homeName}{r.room ? `, room ${r.room}` : ''}</dd></div>
        <div><dt>Clinical Frailty Scale</dt><dd>{r.frailty === null ? 'Not recorded' : frailtyLabel(r.frailty)}</dd></div>
        <div><dt>Dementia</dt><dd>{r.dementia ? 'Yes, diagnosed' : 'No diagnosis recorded'}</dd></div>
        <div><dt>Current medicines</dt><dd>{h.currentMedicines}</dd></div>
        <div><dt>Relatives and representatives</dt><dd>{h.representatives === 0 ? 'None added' : plural(h.representatives, 'person', 'people')}</dd></div>
        <div><dt>Open flags</dt><dd>{h.openFlags}</dd></div>
      </dl>
      <h3 className="nhsuk-heading-s nhsuk-u-margin-top-4 nhsuk-u-margin-bottom-1">What matters to {r.givenName}</h3>
      <p className="app-multiline nhsuk-u-margin-bottom-0">{r.whatMatters ?? <span className="app-not-recorded">Not recorded yet</span>}</p>
    </section>
  );
}
