import { FormPage } from '../components/FormPage';
import type { ReactNode } from 'react';
import { call } from '../api';
import { BackLink } from '../components/BackLink';
import { ErrorPanel } from '../components/ErrorPanel';
import { ErrorSummary } from '../components/ErrorSummary';
import { Loading } from '../components/Loading';
import { PageHeading } from '../components/PageHeading';
import { Radios } from '../components/Radios';
import { SelectField } from '../components/SelectField';
import { TextArea } from '../components/TextArea';
import { TextField } from '../components/TextField';
import { HOME_TYPES, LABELS } from '../../../shared/domain/enums';
import type { CareHome } from '../../../shared/domain/register';
import { navigateWithFlash } from '../flash';
import { summaryItems } from '../forms/errors';
import { checkHome, HOME_FIELDS, homeValues } from '../forms/home';
import { useFormValues, useSubmission } from '../forms/useForm';
import { useLoad, usePageTitle } from '../hooks';
import { WEEKDAYS_FROM_MONDAY, weekdayLabel } from '../labels';
import { href } from '../router';

const KNOWN = new Set<string>(HOME_FIELDS);
const TYPE_OPTIONS = HOME_TYPES.map((t) => ({ value: t, label: LABELS.homeType[t] }));
const DAY_OPTIONS = [{ value: '' as const, label: 'Not set' }, ...WEEKDAYS_FROM_MONDAY.map((d) => ({ value: d, label: weekdayLabel(d) }))];

/** Add (id null) or edit a care home. */
export function HomeFormScreen({ id }: { id: number | null }) {
  const title = id === null ? 'Add a care home' : 'Edit care home';
  const [home, retry] = useLoad(() => (id === null ? Promise.resolve(null) : call('homes:get', { id })), [id]);
  if (home.status === 'ready') return <HomeForm title={title} home={home.value} />;
  return (
    <Frame title={title}>
      {home.status === 'loading' ? <Loading what="the care home" /> : <ErrorPanel error={home.error} onRetry={retry} backHref={href('/homes')} backText="Back to care homes" />}
    </Frame>
  );
}

function HomeForm({ title, home }: { title: string; home: CareHome | null }) {
  const [values, set] = useFormValues(homeValues(home ?? undefined));
  const form = useSubmission(() => checkHome(values), async (input) => {
    const saved = home === null ? await call('homes:create', { home: input }) : await call('homes:update', { id: home.id, home: input });
    navigateWithFlash('/homes', home === null ? `${saved.name} has been added` : `${saved.name} has been updated`);
  }, KNOWN);
  usePageTitle(title, form.errors !== null);

  return (
    <>
      <BackLink href={href('/homes')}>Back to care homes</BackLink>
      <div className="nhsuk-grid-row">
        <div className="nhsuk-grid-column-two-thirds">
          {form.errors ? <ErrorSummary items={summaryItems(form.errors, HOME_FIELDS)} /> : null}
          <PageHeading caption={home?.name}>{title}</PageHeading>
          <form noValidate onSubmit={form.onSubmit}>
            <TextField id="name" label="Name of the home" value={values.name} onChange={set('name')} error={form.error('name')} spellCheck />
            <Radios id="type" legend="Type of home" inline options={TYPE_OPTIONS} value={values.type} onChange={set('type')} error={form.error('type')} />
            <TextField
              id="cqcLocationId" label="CQC location ID (optional)" width={10}
              hint={<>For example, <span className="app-nowrap">1-123456789</span>. It is shown on the home’s page on the CQC website</>}
              value={values.cqcLocationId} onChange={set('cqcLocationId')} error={form.error('cqcLocationId')}
            />
            <TextArea id="address" label="Address (optional)" value={values.address} onChange={set('address')} error={form.error('address')} />
            <TextField id="phone" label="Phone number (optional)" type="tel" width={20} value={values.phone} onChange={set('phone')} error={form.error('phone')} />
            <TextField
              id="manager" label="Manager (optional)" hint="The registered manager, or whoever leads the home day to day"
              value={values.manager} onChange={set('manager')} error={form.error('manager')} spellCheck
            />

            <h2 className="nhsuk-heading-m">The weekly round</h2>
            <SelectField id="roundDay" label="Usual round day (optional)" options={DAY_OPTIONS} value={values.roundDay} onChange={set('roundDay')} error={form.error('roundDay')} />
            <TextField
              id="roundStartTime" label="Start time (optional)" hint="Use the 24-hour clock, for example 10:00" width={5}
              value={values.roundStartTime} onChange={set('roundStartTime')} error={form.error('roundStartTime')}
            />
            <TextField
              id="roundCapacityMinutes" label="Time available for the round (optional)" hint="In minutes, for example 120 for a 2-hour round"
              width={4} inputMode="numeric" suffix="minutes"
              value={values.roundCapacityMinutes} onChange={set('roundCapacityMinutes')} error={form.error('roundCapacityMinutes')}
            />
            <TextField
              id="roundClinician" label="Usual clinician leading the round (optional)" hint="For example, Dr Asha Patel. Used when a round is planned without naming one."
              value={values.roundClinician} onChange={set('roundClinician')} error={form.error('roundClinician')}
            />
            <TextField
              id="pharmacistMinutes" label="Pharmacist’s time at this home each week (optional)"
              hint="In minutes. With a pharmacist session, structured medication reviews go on the pharmacist’s list, not the GP round."
              width={4} inputMode="numeric" suffix="minutes"
              value={values.pharmacistMinutes} onChange={set('pharmacistMinutes')} error={form.error('pharmacistMinutes')}
            />

            <div className="nhsuk-button-group">
              <button className="nhsuk-button" type="submit" disabled={form.saving}>Save care home</button>
              <a className="nhsuk-link" href={href('/homes')}>Cancel</a>
            </div>
          </form>
        </div>
      </div>
    </>
  );
}

function Frame({ title, children }: { title: string; children: ReactNode }) {
  return <FormPage title={title} back={href('/homes')} backText="Back to care homes">{children}</FormPage>;
}
