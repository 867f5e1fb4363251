import { useState } from 'react';
import { call } from '../api';
import { ErrorPanel } from '../components/ErrorPanel';
import { ErrorSummary } from '../components/ErrorSummary';
import { Loading } from '../components/Loading';
import { PageHeading } from '../components/PageHeading';
import { SuccessBanner } from '../components/SuccessBanner';
import { TextField } from '../components/TextField';
import type { SettingsView } from '../../../shared/ipc/reviews';
import { reviewSettingsSchema, SETTING_FIELDS, type ReviewSettings } from '../../../shared/rules/reviewSettings';
import { fromIssues, summaryItems, type Checked } from '../forms/errors';
import { useSubmission } from '../forms/useForm';
import { useLoad, usePageTitle } from '../hooks';
import { RoundTimeSettings } from './RoundTimeSettings';
import { PracticeDetailsForm } from './PracticeDetailsForm';
import { DesktopSettings } from './DesktopSettings';

const KEYS = SETTING_FIELDS.map((f) => f.key);
const KNOWN = new Set<string>(KEYS);
const GROUPS = [
  { group: 'intervals', title: 'Review intervals' },
  { group: 'monitoring', title: 'Blood monitoring' },
] as const;
// The review settings' "minutes" group is no longer shown: a review's minutes on the round come from the round's
// time model (Round time, below). The stored values stay readable and are saved back unchanged.

type Values = Record<keyof ReviewSettings, string>;
const toValues = (s: ReviewSettings) => Object.fromEntries(KEYS.map((k) => [k, String(s[k])])) as Values;

function check(values: Values): Checked<{ settings: ReviewSettings }> {
  const own: Record<string, string> = {};
  const numbers: Record<string, number> = {};
  for (const f of SETTING_FIELDS) {
    const text = values[f.key].trim();
    if (!/^\d{1,4}$/.test(text)) own[f.key] = `Enter “${f.label}” as a whole number`;
    else numbers[f.key] = Number(text);
  }
  const parsed = reviewSettingsSchema.safeParse(numbers);
  const fields = { ...(parsed.success ? {} : fromIssues(parsed.error.issues, {})), ...own };
  if (!parsed.success || Object.keys(fields).length) return { ok: false, errors: { fields, general: [] } };
  return { ok: true, input: { settings: parsed.data } };
}

/** Intervals and minutes of the medication-review rules, with their defaults (docs/clinical-rules.md). */
export function SettingsScreen({ flash }: { flash: string | null }) {
  usePageTitle('Settings');
  const [view, retry] = useLoad(() => call('settings:get', {}), []);
  const [message, setMessage] = useState(flash);
  const onSaved = () => {
    setMessage('Settings saved. Reviews due are worked out with them from now on.');
    retry();
  };
  return (
    <>
      {message ? <SuccessBanner message={message} /> : null}
      {view.status === 'ready' ? <SettingsForm view={view.value} onSaved={onSaved} /> : (
        <>
          <PageHeading>Settings</PageHeading>
          {view.status === 'loading' ? <Loading what="the settings" /> : <ErrorPanel error={view.error} onRetry={retry} />}
        </>
      )}
    </>
  );
}

function SettingsForm({ view, onSaved }: { view: SettingsView; onSaved: () => void }) {
  const [values, setValues] = useState(toValues(view.settings));
  const form = useSubmission(() => check(values), async (input) => {
    await call('settings:save', { settings: input.settings });
    window.scrollTo(0, 0);
    onSaved();
  }, KNOWN);
  usePageTitle('Settings', form.errors !== null);
  const changed = KEYS.filter((k) => values[k] !== String(view.defaults[k]));
  return (
    <div className="nhsuk-grid-row">
      <div className="nhsuk-grid-column-two-thirds">
        {form.errors ? <ErrorSummary items={summaryItems({ ...form.errors, fields: Object.fromEntries(Object.entries(form.errors.fields).map(([k, v]) => [k.replace(/^settings\./, ''), v])) }, KEYS)} /> : null}
        <PageHeading>Settings</PageHeading>
        <PracticeDetailsForm />
        <h2>Medication reviews</h2>
        <p>How often each medication review falls due, and how long it needs on a round. The defaults come from NICE, the Enhanced Health in Care Homes framework and STOPP/START; those marked “local default” have no national source, so change them to suit your practice.</p>
        <p className="nhsuk-body-s app-secondary-text">Rules in force: {view.rulesVersion}. Each computed schedule records these settings.</p>
        <form noValidate onSubmit={form.onSubmit}>
          {GROUPS.map((g) => (
            <fieldset key={g.group} className="nhsuk-fieldset">
              <legend className="nhsuk-fieldset__legend nhsuk-fieldset__legend--m"><h2 className="nhsuk-fieldset__heading">{g.title}</h2></legend>
              {SETTING_FIELDS.filter((f) => f.group === g.group).map((f) => (
                <TextField
                  key={f.key} id={f.key} label={f.label} hint={`${f.hint}${String(view.defaults[f.key]) !== values[f.key] ? ` Changed from the default of ${view.defaults[f.key]}.` : ''}`}
                  width={4} inputMode="numeric" suffix={f.unit} value={values[f.key]}
                  onChange={(v) => setValues((old) => ({ ...old, [f.key]: v }))} error={form.error(f.key) ?? form.error(`settings.${f.key}`)}
                />
              ))}
            </fieldset>
          ))}
          <div className="nhsuk-button-group">
            <button className="nhsuk-button" type="submit" disabled={form.saving}>Save settings</button>
            <button className="nhsuk-button nhsuk-button--secondary" type="button" disabled={changed.length === 0} onClick={() => setValues(toValues(view.defaults))}>
              Put back the defaults
            </button>
          </div>
        </form>
        <RoundTimeSettings />
        <DesktopSettings />
      </div>
    </div>
  );
}
