import { useState } from 'react';
import { call, toApiError, type ApiError } from '../api';
import { BackLink } from '../components/BackLink';
import { ErrorPanel } from '../components/ErrorPanel';
import { Loading } from '../components/Loading';
import { PageHeading } from '../components/PageHeading';
import type { Representative, ResidentDetail } from '../../../shared/domain/register';
import { navigateWithFlash } from '../flash';
import { fullName } from '../format';
import { usePageTitle } from '../hooks';
import { href } from '../router';
import { useResidentAndRepresentative } from './RepresentativeFormScreen';

/** Asks before removing: a representative is who gets invited to reviews, so removal is deliberate. */
export function RemoveRepresentativeScreen({ residentId, id }: { residentId: number; id: number }) {
  usePageTitle('Remove relative or representative');
  const back = href(`/residents/${residentId}`);
  const [data, retry] = useResidentAndRepresentative(residentId, id);
  return (
    <>
      <BackLink href={back}>Back</BackLink>
      {data.status === 'ready' && data.value.representative ? (
        <Confirm resident={data.value.resident} representative={data.value.representative} back={back} />
      ) : (
        <>
          <PageHeading>Remove relative or representative</PageHeading>
          {data.status === 'loading' ? <Loading what="the resident’s details" /> : null}
          {data.status === 'error' ? <ErrorPanel error={data.error} onRetry={retry} backHref={back} backText="Back to the resident" /> : null}
        </>
      )}
    </>
  );
}

function Confirm({ resident, representative: rep, back }: { resident: ResidentDetail; representative: Representative; back: string }) {
  const [failure, setFailure] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);
  const remove = () => {
    setBusy(true);
    call('representatives:remove', { id: rep.id }).then(
      () => navigateWithFlash(`/residents/${resident.id}`, `${rep.name} has been removed`),
      (error: unknown) => {
        setFailure(toApiError(error));
        setBusy(false);
      },
    );
  };
  return (
    <div className="nhsuk-grid-row">
      <div className="nhsuk-grid-column-two-thirds">
        {failure ? <ErrorPanel error={failure} /> : null}
        <PageHeading caption={fullName(resident)}>Remove {rep.name}?</PageHeading>
        <p>
          {rep.name} ({rep.relationship}) will no longer be listed for {fullName(resident)} or invited to {resident.givenName}’s reviews.
          Agendas that have already been issued will still show who was invited.
        </p>
        <div className="nhsuk-button-group">
          <button type="button" className="nhsuk-button nhsuk-button--warning" onClick={remove} disabled={busy}>Yes, remove {rep.name}</button>
          <a className="nhsuk-link" href={back}>No, keep them</a>
        </div>
      </div>
    </div>
  );
}
