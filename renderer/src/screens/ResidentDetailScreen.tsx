/**
 * The merged resident view: one page per resident. A composition of sections, each taking the same
 * `view` (shared/domain/residentView.ts): the header, the register details, representatives, then
 * panels from other parts of Roundtable (medicines, care plan: one line each, where marked below), then
 * one timeline of everything, newest first.
 */
import { call } from '../api';
import { BackLink } from '../components/BackLink';
import { ErrorPanel } from '../components/ErrorPanel';
import { Loading } from '../components/Loading';
import { PageHeading } from '../components/PageHeading';
import { StatusTag } from '../components/StatusTag';
import { SuccessBanner } from '../components/SuccessBanner';
import { SummaryRow } from '../components/SummaryRow';
import { formatUkDate } from '../../../shared/dates';
import type { ResidentView } from '../../../shared/domain/residentView';
import { LABELS } from '../../../shared/domain/enums';
import { fullName } from '../format';
import { useLoad, usePageTitle } from '../hooks';
import { frailtyLabel } from '../labels';
import { href } from '../router';
import { RepresentativeCard } from './RepresentativeCard';
import { MedicinesPanel } from '../components/MedicinesPanel';
import { CarePlanPanel } from './CarePlanPanel';
import { ResidentHeader } from './ResidentHeader';
import { ResidentTimeline } from './ResidentTimeline';

export function ResidentDetailScreen({ id, flash }: { id: number; flash: string | null }) {
  // The window title stays generic: it shows in the taskbar, where a name would be seen by anyone passing.
  usePageTitle('Resident details');
  const [view, retry] = useLoad(() => call('residents:view', { id }), [id]);
  return (
    <>
      <BackLink href={href('/residents')}>Back to residents</BackLink>
      {flash ? <SuccessBanner message={flash} /> : null}
      {view.status === 'ready' ? <ResidentPage view={view.value} /> : (
        <>
          <PageHeading>Resident details</PageHeading>
          {view.status === 'loading' ? <Loading what="the resident’s details" />
            : <ErrorPanel error={view.error} onRetry={retry} backHref={href('/residents')} backText="Back to residents" />}
        </>
      )}
    </>
  );
}

function ResidentPage({ view }: { view: ResidentView }) {
  const r = view.resident;
  return (
    <>
      <PageHeading caption={r.homeName}>{fullName(r)}</PageHeading>
      {view.endOfLife ? (
        <div className="nhsuk-warning-callout" data-testid="end-of-life">
          <h2 className="nhsuk-warning-callout__label">
            <span role="text"><span className="nhsuk-u-visually-hidden">Important: </span>End of life{view.endOfLife.gsf ? `: GSF ${view.endOfLife.gsf} (${view.endOfLife.gsf === 'D' ? 'days' : 'weeks'})` : ''}</span>
          </h2>
          <p>{view.endOfLife.words}.{view.endOfLife.gsf === 'D' ? ' To be seen this week.' : ''}</p>
          <p>{view.endOfLife.open.length === 0 ? 'Anticipatory medicines, the conversation with the family and the home’s copy of the plan are all recorded.'
            : `Still to do: ${view.endOfLife.open.join('; ')}.`}</p>
        </div>
      ) : null}
      <ResidentHeader view={view} />
      <div className="nhsuk-grid-row">
        <div className="nhsuk-grid-column-two-thirds">
          <ResidentDetailsSection view={view} />
          <RepresentativesSection view={view} />
          {/* Panels from other parts of Roundtable mount here, one line each. */}
          <MedicinesPanel residentId={view.resident.id} />
          <CarePlanPanel residentId={view.resident.id} />
          <ResidentTimeline view={view} />
          <p className="nhsuk-body-s"><a href={href(`/audit?resident=${view.resident.id}`)}>Who has viewed or changed {view.resident.givenName}’s record</a></p>
        </div>
      </div>
    </>
  );
}

export function ResidentDetailsSection({ view }: { view: ResidentView }) {
  const r = view.resident;
  const name = fullName(r);
  const living = r.status === 'active';
  return (
    <>
      <div className="nhsuk-card">
        <div className="nhsuk-card__heading-container">
          <h2 className="nhsuk-card__heading nhsuk-heading-m">Details</h2>
          <ul className="nhsuk-card__actions">
            <li className="nhsuk-card__action">
              <a href={href(`/residents/${r.id}/edit`)}>Edit<span className="nhsuk-u-visually-hidden"> {name}’s details</span></a>
            </li>
            {living ? (
              <li className="nhsuk-card__action">
                <a href={href(`/flags/new?home=${r.homeId}&resident=${r.id}`)}>Record a flag<span className="nhsuk-u-visually-hidden"> for {name}</span></a>
              </li>
            ) : null}
          </ul>
        </div>
        <div className="nhsuk-card__content">
          <dl className="nhsuk-summary-list nhsuk-summary-list--no-last-row-border">
            {/* NHS number, date of birth, home and room are in the header above: each fact once. */}
            <SummaryRow label="Sex">{LABELS.sex[r.sex]}</SummaryRow>
            <SummaryRow label="Moved in">{formatUkDate(r.admissionDate)}</SummaryRow>
            <SummaryRow label="Status">
              <StatusTag status={r.status} />
              {r.statusDate ? <span className="app-tag-note">on {formatUkDate(r.statusDate)}</span> : null}
            </SummaryRow>
            <SummaryRow label="Clinical Frailty Scale">{frailtyLabel(r.frailty)}</SummaryRow>
            <SummaryRow label="Dementia">{r.dementia ? 'Yes, diagnosed' : 'No diagnosis recorded'}</SummaryRow>
          </dl>
        </div>
      </div>

      {!r.whatMatters && living ? (
        <p>What matters to {r.givenName} is not recorded yet. Ask {r.givenName}, and the people who know {r.givenName} well, what matters most, then add it on the <a href={href(`/residents/${r.id}/edit`)}>edit details page</a>.</p>
      ) : null}

      <h2 className="nhsuk-heading-m">Communication and capacity</h2>
      <dl className="nhsuk-summary-list">
        <SummaryRow label="Communication needs" multiline>{r.communicationNeeds}</SummaryRow>
        <SummaryRow label="Mental capacity notes" multiline>{r.capacityNotes}</SummaryRow>
      </dl>
    </>
  );
}

export function RepresentativesSection({ view }: { view: ResidentView }) {
  const r = view.resident;
  const living = r.status === 'active';
  return (
    <>
      <h2 className="nhsuk-heading-m">Relatives and representatives</h2>
      {r.representatives.length === 0 ? (
        <p>No relatives or representatives have been added.{living ? ` Add the people ${r.givenName} would like to be involved in reviews.` : ''}</p>
      ) : r.representatives.map((rep) => <RepresentativeCard key={rep.id} residentId={r.id} representative={rep} />)}
      <a className="nhsuk-button nhsuk-button--secondary" href={href(`/residents/${r.id}/representatives/new`)} draggable={false}>
        Add a relative or representative
      </a>
    </>
  );
}
