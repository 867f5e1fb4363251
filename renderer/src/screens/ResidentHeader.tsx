import { formatUkDate } from '../../../shared/dates';
import type { ResidentView } from '../../../shared/domain/residentView';
import { formatNhsNumber } from '../../../shared/rules/nhsNumber';
import { FLAG_LABELS } from '../../../shared/rules/flags';
import { CprStatusTag } from '../components/CprStatusTag';
import { SeverityTag } from '../components/SeverityTag';
import { nhsNumberWarning } from '../forms/resident';
import { href } from '../router';

/**
 * The top of the resident view: what a clinician needs first, each fact once. An escalate-now flag is
 * the first thing on the page, in red. CPR status comes only from cprStatus() (shared/rules/cpr.ts);
 * a conflict is shown in red, never resolved here.
 */
export function ResidentHeader({ view }: { view: ResidentView }) {
  const { resident: r, header: h } = view;
  const respect = h.cpr.respectDate ? `ReSPECT recorded ${formatUkDate(h.cpr.respectDate)}` : 'No ReSPECT form recorded';
  const flag = h.worstFlag;
  const placeholder = nhsNumberWarning(r.nhsNumber);
  return (
    <section className="app-resident-header" aria-labelledby="resident-header-title">
      <h2 className="nhsuk-u-visually-hidden" id="resident-header-title">Summary</h2>
      {flag?.severity === 'escalate-now' ? (
        <div className="app-resident-escalate" data-testid="resident-escalate-now">
          <p className="app-resident-escalate__title">
            Escalate now: {FLAG_LABELS.category[flag.category]} flag raised {formatUkDate(flag.raisedOn)}
            {flag.actionRecorded ? ' (same-day action recorded)' : ' – act today'}
          </p>
          {flag.text ? <p className="app-resident-escalate__text">{flag.text}</p> : null}
          <a href={href(`/flags/${flag.id}`)}>{flag.actionRecorded ? 'Open the flag' : 'Record the action taken'}<span className="nhsuk-u-visually-hidden"> for {r.givenName} {r.familyName}</span></a>
        </div>
      ) : null}
      <dl className="app-resident-header__facts" data-testid="resident-header-facts">
        {r.preferredName ? <div><dt>Known as</dt><dd>{r.preferredName}</dd></div> : null}
        <div>
          <dt>NHS number</dt>
          <dd className="app-nowrap">{formatNhsNumber(r.nhsNumber)}{placeholder ? <span className="app-secondary-text">{placeholder}</span> : null}</dd>
        </div>
        <div><dt>Date of birth</dt><dd>{formatUkDate(r.dateOfBirth)} ({r.status === 'died' ? `died aged ${h.age}` : `age ${h.age}`})</dd></div>
        <div><dt>Room</dt><dd>{r.room ?? <span className="app-not-recorded">Not recorded</span>}</dd></div>
        <div data-testid="resident-header-cpr">
          <dt>CPR status</dt>
          <dd><CprStatusTag status={h.cpr} showDate={false} /><span className="app-secondary-text">{respect}</span></dd>
        </div>
        <div data-testid="resident-header-flag">
          <dt>Most severe open flag</dt>
          <dd>
            {flag ? <><SeverityTag severity={flag.severity} /> <a href={href(`/flags/${flag.id}`)}>{FLAG_LABELS.category[flag.category]}</a></> : 'None open'}
            {h.openFlags > 1 ? <span className="app-secondary-text">{h.openFlags} open flags in all</span> : null}
          </dd>
        </div>
        <div>
          <dt>Next round</dt>
          <dd>{h.nextRound ? <>{formatUkDate(h.nextRound.date)}{h.nextRound.planned ? '' : <span className="app-secondary-text">the usual round day</span>}</> : 'None set'}</dd>
        </div>
      </dl>
      <h3 className="nhsuk-heading-s nhsuk-u-margin-top-3 nhsuk-u-margin-bottom-1">What matters to {r.givenName}</h3>
      <p className="app-multiline nhsuk-u-margin-bottom-0">{r.whatMatters ?? <span className="app-not-recorded">Not recorded yet</span>}</p>
    </section>
  );
}
