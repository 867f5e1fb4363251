/** Record one advance care plan entry for a resident, with who took part. It supersedes the current entry of the same kind. */
import { FormPage } from '../components/FormPage';
import type { ReactNode } from 'react';
import { ApiError, call, toApiError } from '../api';
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
import { ELEMENT_LABELS, GSF_LABELS, TREATMENT_FOCUS, TREATMENT_FOCUS_LABELS } from '../../../shared/domain/carePlan';
import { ACP_ELEMENTS } from '../../../shared/domain/enums';
import type { ResidentDetail } from '../../../shared/domain/register';
import { navigateWithFlash } from '../flash';
import { fullName } from '../format';
import { CARE_PLAN_FIELDS, carePlanValues, checkCarePlan } from '../forms/carePlan';
import { fieldId, summaryItems } from '../forms/errors';
import { useFormValues, useSubmission } from '../forms/useForm';
import { useLoad, usePageTitle } from '../hooks';
import { href } from '../router';

const TITLE = 'Record a care plan entry';
const KNOWN = new Set<string>(CARE_PLAN_FIELDS);

export function CarePlanFormScreen({ residentId, element }: { residentId: number; element: string | null }) {
  const back = href(`/residents/${residentId}`);
  const [resident, retry] = useLoad(() => call('residents:get', { id: residentId }), [residentId]);
  if (resident.status === 'ready') return <CarePlanForm resident={resident.value} element={element} back={back} />;
  return (
    <Frame back={back}>
      {resident.status === 'loading' ? <Loading what="the resident’s details" />
        : <ErrorPanel error={resident.error} onRetry={retry} backHref={back} backText="Back to the resident" />}
    </Frame>
  );
}

const yesNo = (yes: string, no: string) => [{ value: 'yes', label: yes }, { value: 'no', label: no }] as const;

function CarePlanForm({ resident, element, back }: { resident: ResidentDetail; element: string | null; back: string }) {
  const { today } = useAppInfo();
  const [v, set] = useFormValues(carePlanValues(today, element));
  const name = resident.preferredName ?? resident.givenName;
  const form = useSubmission(() => checkCarePlan(v, today), async (entry) => {
    try {
      await call('carePlans:add', { residentId: resident.id, entry });
    } catch (error) {
      const e = toApiError(error);
      throw new ApiError(e.code, e.message, e.details.map((d) => (d.field ? { ...d, field: d.field.replace(/^entry\./, '') } : d)));
    }
    navigateWithFlash(`/residents/${resident.id}`, `${ELEMENT_LABELS[entry.element]} recorded for ${fullName(resident)}`);
  }, KNOWN);
  usePageTitle(TITLE, form.errors !== null);
  const err = (key: string) => form.error(key);
  const id = (key: string) => fieldId(key);
  const chooseElement = (value: (typeof ACP_ELEMENTS)[number]) => { set('element')(value); set('value')(''); };

  const answer = (() => {
    switch (v.element) {
      case 'respect':
        return (
          <>
            <Radios id={id('value')} legend="CPR recommendation on the ReSPECT form" value={v.value as 'for-cpr' | 'not-for-cpr' | ''}
              options={[{ value: 'for-cpr', label: 'For attempted CPR' }, { value: 'not-for-cpr', label: 'Not for attempted CPR' }]}
              onChange={set('value')} error={err('value')} />
            <Radios id={id('details.treatmentFocus')} legend="Focus of care and treatment (optional)"
              hint="Where the form places the balance, from prioritising sustaining life to prioritising comfort" value={v.treatmentFocus as ''}
              options={TREATMENT_FOCUS.map((f) => ({ value: f, label: TREATMENT_FOCUS_LABELS[f] }))} onChange={set('treatmentFocus')} error={err('details.treatmentFocus')} small />
          </>
        );
      case 'dnacpr':
        return (
          <>
            <Radios id={id('value')} legend="DNACPR decision" value={v.value as ''} onChange={set('value')} error={err('value')}
              options={[{ value: 'in-place', label: 'In place: not for attempted CPR' }, { value: 'cancelled', label: 'Cancelled' }]} />
            <TextArea id={id('details.involved')} label="Who was involved in the decision (optional)" value={v.involved} onChange={set('involved')} error={err('details.involved')} rows={2} />
            <TextArea id={id('details.told')} label="Who was told about it (optional)" value={v.told} onChange={set('told')} error={err('details.told')} rows={2} />
          </>
        );
      case 'preferred-place-of-care':
      case 'preferred-place-of-death':
        return <TextField id={id('value')} label={v.element === 'preferred-place-of-care' ? `Where ${name} would prefer to be cared for` : `Where ${name} would prefer to be at the end of life`}
          hint="In their own words where you can, for example “Here, with the staff who know me”" value={v.value} onChange={set('value')} error={err('value')} />;
      case 'lpa-health-welfare':
        return (
          <Radios id={id('value')} legend="Lasting power of attorney for health and welfare" value={v.value as ''} onChange={set('value')} error={err('value')}
            options={[{ value: 'registered', label: 'Registered' }, { value: 'none', label: 'There is none' }]}
            conditional={{ registered: (
              <>
                <SelectField id={id('details.representativeId')} label="Who is the attorney" value={v.representativeId} onChange={set('representativeId')}
                  error={err('details.representativeId')}
                  options={[{ value: '', label: 'Someone not on the record' }, ...resident.representatives.map((r) => ({ value: String(r.id), label: `${r.name} (${r.relationship.toLowerCase()})` }))]} />
                {v.representativeId === '' ? <TextField id={id('details.attorney')} label="Attorney’s name" value={v.attorney} onChange={set('attorney')} error={err('details.attorney')} /> : null}
                <TextField id={id('details.registeredOn')} label="Date registered (optional)" hint="For example, 02/04/2023" value={v.registeredOn}
                  onChange={set('registeredOn')} error={err('details.registeredOn')} width={10} />
              </>
            ) }} />
        );
      case 'adrt':
        return (
          <Radios id={id('value')} legend="Advance decision to refuse treatment" value={v.value as ''} onChange={set('value')} error={err('value')}
            options={yesNo(`${name} has made one`, 'There is none')}
            conditional={{ yes: <TextField id={id('details.whereKept')} label="Where it is kept (optional)" value={v.whereKept} onChange={set('whereKept')} error={err('details.whereKept')} /> }} />
        );
      case 'gsf':
        return <Radios id={id('value')} legend="Gold Standards Framework needs-based code" value={v.value as ''} onChange={set('value')} error={err('value')}
          options={(['A', 'B', 'C', 'D'] as const).map((c) => ({ value: c, label: GSF_LABELS[c] }))} />;
      case 'surprise-question':
        return <Radios id={id('value')} legend={`Would you be surprised if ${name} died in the next 12 months?`} value={v.value as ''} onChange={set('value')}
          error={err('value')} options={yesNo('Yes, I would be surprised', 'No, I would not be surprised')} />;
      case 'what-matters':
        return <TextArea id={id('value')} label={`What matters to ${name}`} value={v.value} onChange={set('value')} error={err('value')} rows={4} />;
      default:
        return null;
    }
  })();

  return (
    <>
      <BackLink href={back}>Back</BackLink>
      <div className="nhsuk-grid-row">
        <div className="nhsuk-grid-column-two-thirds">
          {form.errors ? <ErrorSummary items={summaryItems(form.errors, CARE_PLAN_FIELDS)} /> : null}
          <PageHeading caption={fullName(resident)}>{TITLE}</PageHeading>
          <p>A new entry replaces the current one of the same kind. The earlier one is kept in the history.</p>
          <form noValidate onSubmit={form.onSubmit}>
            <SelectField id="element" label="What are you recording?" value={v.element} onChange={(value) => { if (value !== '') chooseElement(value); }}
              error={err('element')} options={[{ value: '', label: 'Choose…' }, ...ACP_ELEMENTS.map((e) => ({ value: e, label: ELEMENT_LABELS[e] }))]} />
            {answer}
            <TextField id="recordedOn" label="Date recorded" hint={`For example, ${today.split('-').reverse().join('/')}`} value={v.recordedOn}
              onChange={set('recordedOn')} error={err('recordedOn')} width={10} />
            <TextField id="reviewDue" label="Review by (optional)" hint="For a ReSPECT form or DNACPR decision, the review date written on it" value={v.reviewDue}
              onChange={set('reviewDue')} error={err('reviewDue')} width={10} />

            <fieldset className="nhsuk-fieldset">
              <legend className="nhsuk-fieldset__legend nhsuk-fieldset__legend--m"><h2 className="nhsuk-fieldset__heading">Who took part</h2></legend>
              <Checkbox id="residentTookPart" label={`${name} took part`} checked={v.residentTookPart} onChange={set('residentTookPart')}>
                <Radios id="hadCapacity" legend={`Did ${name} have capacity for this decision?`} value={v.hadCapacity} onChange={set('hadCapacity')} error={err('hadCapacity')} small
                  options={[{ value: 'yes', label: 'Yes' }, { value: 'no', label: 'No' }, { value: 'not-assessed', label: 'Not assessed' }]} />
              </Checkbox>
              {resident.representatives.map((r) => (
                <Checkbox key={r.id} id={`rep-${r.id}`} label={`${r.name} (${r.relationship.toLowerCase()})`} checked={v.representativeIds.includes(r.id)}
                  onChange={(checked) => set('representativeIds')(checked ? [...v.representativeIds, r.id] : v.representativeIds.filter((x) => x !== r.id))} />
              ))}
              <TextField id={id('participants.clinician')} label="Clinician" hint="Name and role, for example Dr Amara Okafor (GP)" value={v.clinician}
                onChange={set('clinician')} error={err('participants.clinician')} />
            </fieldset>

            <div className="nhsuk-button-group">
              <button className="nhsuk-button" type="submit" disabled={form.saving}>Save entry</button>
              <a className="nhsuk-link" href={back}>Cancel</a>
            </div>
          </form>
        </div>
      </div>
    </>
  );
}

function Frame({ back, children }: { back: string; children: ReactNode }) {
  return <FormPage title={TITLE} back={back}>{children}</FormPage>;
}
