import { FormPage as Frame } from '../components/FormPage';
import { ApiError, call } from '../api';
import { useAppInfo } from '../appInfo';
import { BackLink } from '../components/BackLink';
import { ErrorPanel } from '../components/ErrorPanel';
import { ErrorSummary } from '../components/ErrorSummary';
import { Loading } from '../components/Loading';
import { PageHeading } from '../components/PageHeading';
import type { Representative, ResidentDetail } from '../../../shared/domain/register';
import { navigateWithFlash } from '../flash';
import { fullName } from '../format';
import { summaryItems } from '../forms/errors';
import { checkRepresentative, REPRESENTATIVE_FIELDS, representativeValues } from '../forms/representative';
import { RepresentativeFields } from '../forms/RepresentativeFields';
import { useFormValues, useSubmission } from '../forms/useForm';
import { useLoad, usePageTitle } from '../hooks';
import { href } from '../router';

const KNOWN = new Set<string>(REPRESENTATIVE_FIELDS);

/** Loads the resident and, when editing or removing, the representative; shared by both screens. */
export function useResidentAndRepresentative(residentId: number, id: number | null) {
  return useLoad(async () => {
    const resident = await call('residents:get', { id: residentId });
    const representative = id === null ? null : resident.representatives.find((r) => r.id === id);
    if (representative === undefined) throw new ApiError('NOT_FOUND', 'This relative or representative is no longer on the resident’s record.');
    return { resident, representative };
  }, [residentId, id]);
}

/** Add (id null) or edit a resident's relative or representative. */
export function RepresentativeFormScreen({ residentId, id }: { residentId: number; id: number | null }) {
  const title = id === null ? 'Add a relative or representative' : 'Edit relative or representative';
  const back = href(`/residents/${residentId}`);
  const [data, retry] = useResidentAndRepresentative(residentId, id);
  if (data.status === 'ready') return <RepresentativeForm title={title} back={back} {...data.value} />;
  return (
    <Frame title={title} back={back}>
      {data.status === 'loading' ? <Loading what="the resident’s details" /> : <ErrorPanel error={data.error} onRetry={retry} backHref={back} backText="Back to the resident" />}
    </Frame>
  );
}

interface FormProps {
  title: string;
  back: string;
  resident: ResidentDetail;
  representative: Representative | null;
}

function RepresentativeForm({ title, back, resident, representative }: FormProps) {
  const { today } = useAppInfo();
  const [values, set] = useFormValues(representativeValues(representative ?? undefined));
  const form = useSubmission(() => checkRepresentative(values, today), async (input) => {
    const saved = representative === null
      ? await call('representatives:add', { residentId: resident.id, representative: input })
      : await call('representatives:update', { id: representative.id, representative: input });
    navigateWithFlash(`/residents/${resident.id}`, `${saved.name} has been ${representative === null ? 'added' : 'updated'}`);
  }, KNOWN);
  usePageTitle(title, form.errors !== null);
  return (
    <>
      <BackLink href={back}>Back</BackLink>
      <div className="nhsuk-grid-row">
        <div className="nhsuk-grid-column-two-thirds">
          {form.errors ? <ErrorSummary items={summaryItems(form.errors, REPRESENTATIVE_FIELDS)} /> : null}
          <PageHeading caption={fullName(resident)}>{title}</PageHeading>
          <form noValidate onSubmit={form.onSubmit}>
            <RepresentativeFields values={values} set={set} error={form.error} />
            <div className="nhsuk-button-group">
              <button className="nhsuk-button" type="submit" disabled={form.saving}>Save</button>
              <a className="nhsuk-link" href={back}>Cancel</a>
            </div>
          </form>
        </div>
      </div>
    </>
  );
}
