/**
 * A resident's advance care plan on their record: the CPR status (a conflict in red), what is due to
 * talk about, the current entry of each element with who took part, and the history of superseded entries.
 */
import { call } from '../api';
import { CprStatusTag } from '../components/CprStatusTag';
import { ErrorPanel } from '../components/ErrorPanel';
import { Loading } from '../components/Loading';
import { formatUkDate } from '../../../shared/dates';
import { describeDetails, describeParticipants, ELEMENT_LABELS, sourceLabel, type CarePlanEntryView } from '../../../shared/domain/carePlan';
import type { ResidentDetail } from '../../../shared/domain/register';
import type { ResidentCarePlan } from '../../../shared/ipc';
import { describeDue } from '../../../shared/rules/carePlan';
import { pronounsOf } from '../../../shared/rules/names';
import { useLoad } from '../hooks';
import { href } from '../router';
import { ruleLabel } from '../../../shared/rules/ruleLabels';


export function CarePlanPanel({ residentId }: { residentId: number }) {
  const [data, retry] = useLoad(async () => {
    const [resident, plan] = await Promise.all([call('residents:get', { id: residentId }), call('carePlans:get', { residentId })]);
    return { resident, plan };
  }, [residentId]);
  return (
    <section aria-labelledby="care-plan-heading">
      <h2 className="nhsuk-heading-m" id="care-plan-heading">Advance care plan</h2>
      {data.status === 'loading' ? <Loading what="the advance care plan" /> : null}
      {data.status === 'error' ? <ErrorPanel error={data.error} onRetry={retry} /> : null}
      {data.status === 'ready' ? <PlanBody resident={data.value.resident} plan={data.value.plan} /> : null}
    </section>
  );
}

export function representativeNames(resident: ResidentDetail): Map<number, string> {
  return new Map(resident.representatives.map((r) => [r.id, `${r.name} (${r.relationship.toLowerCase()})`]));
}

function PlanBody({ resident, plan }: { resident: ResidentDetail; plan: ResidentCarePlan }) {
  const reps = representativeNames(resident);
  const name = resident.preferredName ?? resident.givenName;
  const living = resident.status === 'active';
  const { they, them } = pronounsOf(resident);
  return (
    <>
      <dl className="nhsuk-summary-list">
        <div className="nhsuk-summary-list__row">
          <dt className="nhsuk-summary-list__key">CPR status</dt>
          <dd className="nhsuk-summary-list__value" data-testid="cpr-status"><CprStatusTag status={plan.cpr} /></dd>
        </div>
      </dl>

      {plan.due.length > 0 ? (
        <>
          <h3 className="nhsuk-heading-s">To talk about with {name}</h3>
          {plan.due.map((d) => (
            <div className="app-care-plan-item" key={d.rule}>
              <p><strong>{ruleLabel(d.rule)}</strong> <span className="app-secondary-text">{describeDue(d)}, about {d.minutes} minutes</span></p>
              <p>{d.explanation}</p>
            </div>
          ))}
        </>
      ) : null}

      <h3 className="nhsuk-heading-s">Current plan</h3>
      {plan.current.length === 0 ? (
        <p>Nothing is recorded yet.{living ? ` When ${name} and the people close to ${them} have talked about what ${they} would want, record each part here.` : ''}</p>
      ) : <EntryList entries={plan.current} reps={reps} residentName={name} />}
      {living ? (
        <a className="nhsuk-button nhsuk-button--secondary" href={href(`/residents/${resident.id}/care-plan/new`)} draggable={false}>
          Record a care plan entry
        </a>
      ) : null}

      {plan.history.length > 0 ? (
        <details className="nhsuk-details">
          <summary className="nhsuk-details__summary">
            <span className="nhsuk-details__summary-text">Earlier entries ({plan.history.length}), replaced by newer ones</span>
          </summary>
          <div className="nhsuk-details__text">
            <EntryList entries={plan.history} reps={reps} residentName={name} />
          </div>
        </details>
      ) : null}
    </>
  );
}

function EntryList({ entries, reps, residentName }: { entries: CarePlanEntryView[]; reps: Map<number, string>; residentName: string }) {
  return (
    <dl className="nhsuk-summary-list">
      {entries.map((e) => {
        const who = describeParticipants(e.participants, reps, residentName);
        const details = describeDetails(e.element, e.details, reps);
        return (
          <div className="nhsuk-summary-list__row" key={e.id}>
            <dt className="nhsuk-summary-list__key">{ELEMENT_LABELS[e.element]}</dt>
            <dd className="nhsuk-summary-list__value">
              <p className="nhsuk-u-margin-bottom-1"><strong>{e.valueLabel}</strong></p>
              {details.map((d) => <p className="nhsuk-u-margin-bottom-1" key={d}>{d}</p>)}
              <p className="nhsuk-u-margin-bottom-1 app-secondary-text">
                Recorded {formatUkDate(e.recordedOn)}{e.reviewDue ? `, review by ${formatUkDate(e.reviewDue)}` : ''}. {sourceLabel(e)}.
              </p>
              <p className="nhsuk-u-margin-bottom-0 app-secondary-text">{who ? `Who took part: ${who}` : 'Who took part was not recorded'}</p>
            </dd>
          </div>
        );
      })}
    </dl>
  );
}
