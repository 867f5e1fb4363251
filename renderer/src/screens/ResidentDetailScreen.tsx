import { call } from '../api';
import { useAppInfo } from '../appInfo';
import { BackLink } from '../components/BackLink';
import { ErrorPanel } from '../components/ErrorPanel';
import { Loading } from '../components/Loading';
import { PageHeading } from '../components/PageHeading';
import { StatusTag } from '../components/StatusTag';
import { SuccessBanner } from '../components/SuccessBanner';
import { SummaryRow } from '../components/SummaryRow';
import { formatUkDate } from '../../../shared/dates';
import type { ResidentDetail } from '../../../shared/domain/register';
import { LABELS } from '../../../shared/domain/enums';
import { formatNhsNumber } from '../../../shared/rules/nhsNumber';
import { dateOfBirthWithAge, fullName } from '../format';
import { useLoad, usePageTitle } from '../hooks';
import { nhsNumberWarning } from '../forms/resident';
import { frailtyLabel } from '../labels';
import { href } from '../router';
import { RepresentativeCard } from './RepresentativeCard';

export function ResidentDetailScreen({ id, flash }: { id: number; flash: string | null }) {
  // The window title stays generic: it shows in the taskbar, where a name would be seen by anyone passing.
  usePageTitle('Resident details');
  const [resident, retry] = useLoad(() => call('residents:get', { id }), [id]);
  return (
    <>
      <BackLink href={href('/residents')}>Back to residents</BackLink>
      {flash ? <SuccessBanner message={flash} /> : null}
      {resident.status === 'ready' ? <Detail resident={resident.value} /> : (
        <>
          <PageHeading>Resident details</PageHeading>
          {resident.status === 'loading' ? <Loading what="the resident’s details" />
            : <ErrorPanel error={resident.error} onRetry={retry} backHref={href('/residents')} backText="Back to residents" />}
        </>
      )}
    </>
  );
}

function Detail({ resident: r }: { resident: ResidentDetail }) {
  const { today } = useAppInfo();
  const name = fullName(r);
  const placeholder = nhsNumberWarning(r.nhsNumber);
  const living = r.status === 'active';
  return (
    <>
      <PageHeading caption={r.homeName}>{name}</PageHeading>
      {r.preferredName ? <p className="nhsuk-lede-text">Known as {r.preferredName}</p> : null}
      <div className="nhsuk-grid-row">
        <div className="nhsuk-grid-column-two-thirds">
          <div className="nhsuk-card">
            <div className="nhsuk-card__heading-container">
              <h2 className="nhsuk-card__heading nhsuk-heading-m">Details</h2>
              <ul className="nhsuk-card__actions">
                <li className="nhsuk-card__action">
                  <a href={href(`/residents/${r.id}/edit`)}>Edit<span className="nhsuk-u-visually-hidden"> {name}’s details</span></a>
                </li>
              </ul>
            </div>
            <div className="nhsuk-card__content">
              <dl className="nhsuk-summary-list nhsuk-summary-list--no-last-row-border">
                <SummaryRow label="NHS number">
                  <span className="app-nowrap">{formatNhsNumber(r.nhsNumber)}</span>
                  {placeholder ? <span className="app-secondary-text">{placeholder}</span> : null}
                </SummaryRow>
                <SummaryRow label="Date of birth">{dateOfBirthWithAge(r, today)}</SummaryRow>
                <SummaryRow label="Sex">{LABELS.sex[r.sex]}</SummaryRow>
                <SummaryRow label="Care home">{r.homeName}</SummaryRow>
                <SummaryRow label="Room">{r.room}</SummaryRow>
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

          <h2 className="nhsuk-heading-m">What matters to me</h2>
          {r.whatMatters ? (
            <div className="nhsuk-inset-text app-what-matters">
              <span className="nhsuk-u-visually-hidden">What matters to {r.givenName}: </span>
              <p>{r.whatMatters}</p>
            </div>
          ) : living ? (
            <p>Not recorded yet. Ask {r.givenName}, and the people who know {r.givenName} well, what matters most, then add it on the <a href={href(`/residents/${r.id}/edit`)}>edit details page</a>.</p>
          ) : <p className="app-not-recorded">Not recorded.</p>}

          <h2 className="nhsuk-heading-m">Communication and capacity</h2>
          <dl className="nhsuk-summary-list">
            <SummaryRow label="Communication needs" multiline>{r.communicationNeeds}</SummaryRow>
            <SummaryRow label="Mental capacity notes" multiline>{r.capacityNotes}</SummaryRow>
          </dl>

          <h2 className="nhsuk-heading-m">Relatives and representatives</h2>
          {r.representatives.length === 0 ? (
            <p>No relatives or representatives have been added.{living ? ` Add the people ${r.givenName} would like to be involved in reviews.` : ''}</p>
          ) : r.representatives.map((rep) => <RepresentativeCard key={rep.id} residentId={r.id} representative={rep} />)}
          <a className="nhsuk-button nhsuk-button--secondary" href={href(`/residents/${r.id}/representatives/new`)} draggable={false}>
            Add a relative or representative
          </a>
          <p className="nhsuk-body-s"><a href={href(`/audit?resident=${r.id}`)}>Who has viewed or changed {r.givenName}’s record</a></p>
        </div>
      </div>
    </>
  );
}
