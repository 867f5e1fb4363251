import { call } from '../api';
import { useAppInfo } from '../appInfo';
import { BackLink } from '../components/BackLink';
import { ErrorPanel } from '../components/ErrorPanel';
import { ErrorSummary } from '../components/ErrorSummary';
import { Loading } from '../components/Loading';
import { PageHeading } from '../components/PageHeading';
import { Radios } from '../components/Radios';
import { TextArea } from '../components/TextArea';
import { TextField } from '../components/TextField';
import { DueTag } from '../components/DueTag';
import { formatUkDate } from '../../../shared/dates';
import type { ResidentDetail } from '../../../shared/domain/register';
import type { ResidentMedicines } from '../../../shared/ipc/reviews';
import { RULE_LABELS, type MedicationRule } from '../../../shared/rules/reviews';
import { navigateWithFlash } from '../flash';
import { summaryItems } from '../forms/errors';
import { checkReview, emptyReview, REVIEW_FIELDS } from '../forms/review';
import { useFormValues, useSubmission } from '../forms/useForm';
import { fullName } from '../format';
import { useLoad, usePageTitle } from '../hooks';
import { href } from '../router';

const KNOWN = new Set<string>(REVIEW_FIELDS);
const TITLE = 'Record a medication review';

/** Records a review as done (the next due date is worked out again at once) or deferred to a date. */
export function ReviewRecordScreen({ residentId, rule }: { residentId: number; rule: MedicationRule }) {
  const [data, retry] = useLoad(() => Promise.all([call('residents:get', { id: residentId }), call('reviews:resident', { residentId })]), [residentId]);
  usePageTitle(TITLE);
  if (data.status === 'ready') return <RecordForm resident={data.value[0]} medicines={data.value[1]} rule={rule} />;
  return (
    <>
      <BackLink href={href('/reviews')}>Back to medication reviews</BackLink>
      <PageHeading>{TITLE}</PageHeading>
      {data.status === 'loading' ? <Loading what="the resident’s reviews" /> : <ErrorPanel error={data.error} onRetry={retry} backHref={href('/reviews')} backText="Back to medication reviews" />}
    </>
  );
}

function RecordForm({ resident, medicines, rule }: { resident: ResidentDetail; medicines: ResidentMedicines; rule: MedicationRule }) {
  const { today } = useAppInfo();
  const [values, set] = useFormValues(emptyReview(today));
  const name = fullName(resident);
  const current = medicines.due.find((i) => i.rule === rule);
  const form = useSubmission(() => checkReview(values, resident.id, rule, today), async (submission) => {
    if (submission.kind === 'done') {
      const after = await call('reviews:record-done', submission.input);
      const nextText = after.nextDue ? ` Next due ${formatUkDate(after.nextDue)}.` : '';
      navigateWithFlash('/reviews', `${RULE_LABELS[rule]} recorded as done for ${name}.${nextText}`);
    } else {
      await call('reviews:defer', submission.input);
      navigateWithFlash('/reviews', `${RULE_LABELS[rule]} for ${name} deferred to ${formatUkDate(submission.input.until)}.`);
    }
  }, KNOWN);
  usePageTitle(TITLE, form.errors !== null);
  return (
    <>
      <BackLink href={href('/reviews')}>Back to medication reviews</BackLink>
      <div className="nhsuk-grid-row">
        <div className="nhsuk-grid-column-two-thirds">
          {form.errors ? <ErrorSummary items={summaryItems(form.errors, REVIEW_FIELDS)} /> : null}
          <PageHeading caption={`${name} · ${resident.homeName}`}>{RULE_LABELS[rule]}</PageHeading>
          {current ? (
            <div className="nhsuk-inset-text">
              <p><DueTag status={current.status} /> due {formatUkDate(current.due)}</p>
              <p>{current.explanation}</p>
            </div>
          ) : <p>This review is not due at the moment. You can still record one done.</p>}
          <form noValidate onSubmit={form.onSubmit}>
            <Radios
              id="outcomeKind" legend="What happened?" value={values.outcomeKind} onChange={set('outcomeKind')} error={form.error('outcomeKind')}
              options={[{ value: 'done', label: 'The review was done' }, { value: 'deferred', label: 'Put the review off to a later date' }]}
              conditional={{
                done: (
                  <>
                    <TextField id="doneOn" label="Date of the review" hint="For example, 23/11/2026" width={10} value={values.doneOn} onChange={set('doneOn')} error={form.error('doneOn')} />
                    <TextField id="doneBy" label="Who did it" hint="For example, Tom Briggs (pharmacist)" value={values.doneBy} onChange={set('doneBy')} error={form.error('doneBy')} spellCheck />
                    <TextArea id="outcome" label="Outcome" hint="What was decided, in words the care home and family will understand" value={values.outcome} onChange={set('outcome')} error={form.error('outcome')} />
                    <TextArea id="medicinesChanged" label="Medicines changed (optional)" hint="Stopped, started or changed: name, dose and why" value={values.medicinesChanged} onChange={set('medicinesChanged')} error={form.error('medicinesChanged')} />
                  </>
                ),
                deferred: (
                  <>
                    <TextField id="until" label="Defer until" hint="The review shows as due again on this date. For example, 05/01/2027" width={10} value={values.until} onChange={set('until')} error={form.error('until')} />
                    <TextArea id="reason" label="Reason" hint="For example, in hospital; or wait for blood results" value={values.reason} onChange={set('reason')} error={form.error('reason')} />
                  </>
                ),
              }}
            />
            <div className="nhsuk-button-group">
              <button className="nhsuk-button" type="submit" disabled={form.saving}>Save</button>
              <a className="nhsuk-link" href={href(`/residents/${resident.id}`)}>Cancel and go to {name}’s record</a>
            </div>
          </form>
        </div>
      </div>
    </>
  );
}
