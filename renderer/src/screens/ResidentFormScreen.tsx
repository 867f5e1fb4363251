import { FormPage as Frame } from '../components/FormPage';
import { useState } from 'react';
import { call } from '../api';
import { useAppInfo } from '../appInfo';
import { BackLink } from '../components/BackLink';
import { Checkbox } from '../components/Checkbox';
import { ErrorPanel } from '../components/ErrorPanel';
import { ErrorSummary } from '../components/ErrorSummary';
import { Loading } from '../components/Loading';
import { PageHeading } from '../components/PageHeading';
import { Radios } from '../components/Radios';
import { SelectField } from '../components/SelectField';
import { TextArea } from '../components/TextArea';
import { TextField } from '../components/TextField';
import type { CareHome, ResidentDetail } from '../../../shared/domain/register';
import { LABELS, RESIDENT_STATUSES, SEXES } from '../../../shared/domain/enums';
import { navigateWithFlash } from '../flash';
import { fullName } from '../format';
import { summaryItems } from '../forms/errors';
import { REPRESENTATIVE_FIELDS, representativeValues } from '../forms/representative';
import { RepresentativeFields } from '../forms/RepresentativeFields';
import { checkNewResident, nhsNumberWarning, RESIDENT_FIELDS, residentValues } from '../forms/resident';
import { useFormValues, useSubmission } from '../forms/useForm';
import { useLoad, usePageTitle } from '../hooks';
import { FRAILTY_LABELS } from '../labels';
import { href } from '../router';

const FIELD_ORDER = [...RESIDENT_FIELDS, ...REPRESENTATIVE_FIELDS.map((f) => `rep.${f}`)];
const KNOWN = new Set<string>(FIELD_ORDER);
const SEX_OPTIONS = SEXES.map((s) => ({ value: s, label: LABELS.sex[s] }));
const STATUS_OPTIONS = RESIDENT_STATUSES.map((s) => ({ value: s, label: LABELS.residentStatus[s] }));
const FRAILTY_OPTIONS = [
  { value: '', label: 'Not recorded' },
  ...Object.entries(FRAILTY_LABELS).map(([score, label]) => ({ value: score, label: `${score} – ${label}` })),
];
const YES_NO = [{ value: 'yes' as const, label: 'Yes' }, { value: 'no' as const, label: 'No' }];

/** Add a resident (id null, optionally into a given home) or edit one. */
export function ResidentFormScreen({ id, homeId }: { id: number | null; homeId: number | null }) {
  const title = id === null ? 'Add a resident' : 'Edit resident details';
  const back = id === null ? href('/residents') : href(`/residents/${id}`);
  const [data, retry] = useLoad(async () => {
    const [homes, resident] = await Promise.all([call('homes:list', {}), id === null ? null : call('residents:get', { id })]);
    return { homes, resident };
  }, [id]);
  if (data.status === 'ready' && data.value.homes.length > 0) {
    return <ResidentForm title={title} back={back} homes={data.value.homes} resident={data.value.resident} homeId={homeId} />;
  }
  return (
    <Frame title={title} back={back}>
      {data.status === 'loading' ? <Loading what="the form" /> : null}
      {data.status === 'error' ? <ErrorPanel error={data.error} onRetry={retry} backHref={href('/residents')} backText="Back to residents" /> : null}
      {data.status === 'ready' ? (
        <>
          <p>Residents belong to a care home. Add a care home first, then come back to add its residents.</p>
          <a className="nhsuk-button" href={href('/homes/new')} draggable={false}>Add a care home</a>
        </>
      ) : null}
    </Frame>
  );
}

interface FormProps {
  title: string;
  back: string;
  homes: CareHome[];
  resident: ResidentDetail | null;
  homeId: number | null;
}

function ResidentForm({ title, back, homes, resident, homeId }: FormProps) {
  const { today } = useAppInfo();
  const onlyHome = homes.length === 1 ? homes[0]?.id ?? null : null;
  const [values, set] = useFormValues(residentValues(resident ?? undefined, homeId ?? onlyHome));
  const [withRep, setWithRep] = useState(false);
  const [rep, setRep] = useFormValues(representativeValues());
  const isNew = resident === null;

  const form = useSubmission(
    () => checkNewResident(values, isNew && withRep ? rep : null, today),
    async ({ resident: input, representatives }) => {
      const saved = resident === null
        ? await call('residents:create', { resident: input, representatives })
        : await call('residents:update', { id: resident.id, resident: input });
      navigateWithFlash(`/residents/${saved.id}`, `${fullName(saved)} has been ${isNew ? 'added' : 'updated'}`);
    },
    KNOWN,
  );
  usePageTitle(title, form.errors !== null);
  const warning = nhsNumberWarning(values.nhsNumber);
  const homeOptions = [{ value: '', label: 'Choose a care home' }, ...homes.map((h) => ({ value: String(h.id), label: h.name }))];
  const statusDateLabel = values.status === 'died' ? 'Date of death' : 'Date they left';
  const statusDate = (
    <TextField
      id="statusDate" label={statusDateLabel} hint="For example, 20/11/2026" width={10}
      value={values.statusDate} onChange={set('statusDate')} error={form.error('statusDate')}
    />
  );

  return (
    <>
      <BackLink href={back}>Back</BackLink>
      <div className="nhsuk-grid-row">
        <div className="nhsuk-grid-column-two-thirds">
          {form.errors ? <ErrorSummary items={summaryItems(form.errors, FIELD_ORDER)} /> : null}
          <PageHeading caption={resident ? fullName(resident) : undefined}>{title}</PageHeading>
          <form noValidate onSubmit={form.onSubmit}>
            <h2 className="nhsuk-heading-m">Identity</h2>
            <TextField
              id="nhsNumber" label="NHS number" hint="10 digits, for example 943 476 5919" width={10} inputMode="numeric"
              value={values.nhsNumber} onChange={set('nhsNumber')} error={form.error('nhsNumber')}
              describedById={warning ? 'nhsNumber-warning' : undefined}
              after={warning ? (
                <p className="app-warning-text" id="nhsNumber-warning">
                  <strong>Warning: </strong>{warning}. Check it before you save; you can still save it.
                </p>
              ) : null}
            />
            <TextField id="familyName" label="Family name" widthClass="nhsuk-u-width-two-thirds" value={values.familyName} onChange={set('familyName')} error={form.error('familyName')} spellCheck />
            <TextField id="givenName" label="Given name" widthClass="nhsuk-u-width-two-thirds" value={values.givenName} onChange={set('givenName')} error={form.error('givenName')} spellCheck />
            <TextField
              id="preferredName" label="Preferred name (optional)" hint="What they like to be called, if different" widthClass="nhsuk-u-width-two-thirds"
              value={values.preferredName} onChange={set('preferredName')} error={form.error('preferredName')} spellCheck
            />
            <TextField
              id="dateOfBirth" label="Date of birth" hint="For example, 15/03/1941" width={10}
              value={values.dateOfBirth} onChange={set('dateOfBirth')} error={form.error('dateOfBirth')}
            />
            <Radios id="sex" legend="Sex" inline options={SEX_OPTIONS} value={values.sex} onChange={set('sex')} error={form.error('sex')} />

            <h2 className="nhsuk-heading-m">Where they live</h2>
            <SelectField id="homeId" label="Care home" options={homeOptions} value={values.homeId} onChange={set('homeId')} error={form.error('homeId')} />
            <TextField id="room" label="Room (optional)" width={10} value={values.room} onChange={set('room')} error={form.error('room')} />
            <TextField
              id="admissionDate" label="Date they moved in (optional)" hint="For example, 02/11/2026" width={10}
              value={values.admissionDate} onChange={set('admissionDate')} error={form.error('admissionDate')}
            />
            <Radios
              id="status" legend="Status" options={STATUS_OPTIONS} value={values.status} onChange={set('status')}
              error={form.error('status')} conditional={{ left: statusDate, died: statusDate }}
            />

            <h2 className="nhsuk-heading-m">Health and care</h2>
            <SelectField
              id="frailty" label="Clinical Frailty Scale (optional)" options={FRAILTY_OPTIONS}
              value={values.frailty} onChange={set('frailty')} error={form.error('frailty')}
            />
            <Radios id="dementia" legend="Do they have a diagnosis of dementia?" inline options={YES_NO} value={values.dementia} onChange={set('dementia')} error={form.error('dementia')} />
            <TextArea
              id="communicationNeeds" label="Communication needs (optional)" hint="For example, wears hearing aids, speaks Polish, needs time to answer"
              value={values.communicationNeeds} onChange={set('communicationNeeds')} error={form.error('communicationNeeds')}
            />
            <TextArea
              id="capacityNotes" label="Mental capacity notes (optional)" hint="Which decisions they can make, and any capacity assessment with its date"
              value={values.capacityNotes} onChange={set('capacityNotes')} error={form.error('capacityNotes')}
            />
            <TextArea
              id="whatMatters" label="What matters to me (optional)" rows={5}
              hint="In their own words where possible: what a good day looks like, and who and what is important to them"
              value={values.whatMatters} onChange={set('whatMatters')} error={form.error('whatMatters')}
            />

            {isNew ? (
              <>
                <h2 className="nhsuk-heading-m">Relative or representative</h2>
                <Checkbox
                  id="addRepresentative" label="Add a relative or representative now" checked={withRep} onChange={setWithRep}
                  hint="You can also add them later from the resident’s page"
                >
                  <RepresentativeFields values={rep} set={setRep} error={form.error} prefix="rep." />
                </Checkbox>
              </>
            ) : null}

            <div className="nhsuk-button-group">
              <button className="nhsuk-button" type="submit" disabled={form.saving}>Save resident</button>
              <a className="nhsuk-link" href={back}>Cancel</a>
            </div>
          </form>
        </div>
      </div>
    </>
  );
}
