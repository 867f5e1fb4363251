import { useState } from 'react';
import { call } from '../api';
import { ErrorPanel } from '../components/ErrorPanel';
import { ErrorSummary } from '../components/ErrorSummary';
import { Loading } from '../components/Loading';
import { SuccessBanner } from '../components/SuccessBanner';
import { TextField } from '../components/TextField';
import type { RoundTimeView } from '../../../shared/ipc/rounds';
import { roundTimeSchema, type RoundTime } from '../../../shared/rules/roundTime';
import { fromIssues, summaryItems, type Checked } from '../forms/errors';
import { useSubmission } from '../forms/useForm';
import { minutesText, usualRound } from '../format';
import { useLoad } from '../hooks';
import { href } from '../router';

type Values = Record<keyof RoundTime, string>;
const toValues = (view: RoundTimeView, s: RoundTime) => Object.fromEntries(view.fields.map((f) => [f.key, String(s[f.key])])) as Values;

function check(view: RoundTimeView, values: Values): Checked<{ settings: RoundTime }> {
  const own: Record<string, string> = {};
  const numbers: Record<string, number> = {};
  for (const f of view.fields) {
    const text = values[f.key].trim();
    if (!/^\d{1,4}$/.test(text)) own[f.key] = `Enter “${f.label}” as a whole number`;
    else numbers[f.key] = Number(text);
  }
  const parsed = roundTimeSchema.safeParse(numbers);
  const fields = { ...(parsed.success ? {} : fromIssues(parsed.error.issues, {})), ...own };
  if (!parsed.success || Object.keys(fields).length) return { ok: false, errors: { fields, general: [] } };
  return { ok: true, input: { settings: parsed.data } };
}

/** The round's time model (every figure a setting) and each home's round: capacity, day, start, clinician, pharmacist minutes. */
export function RoundTimeSettings() {
  const [state, retry] = useLoad(async () => ({ view: await call('round-settings:get', {}), homes: await call('homes:list', {}) }), []);
  const [saved, setSaved] = useState<string | null>(null);
  if (state.status === 'loading') return <Loading what="the round settings" />;
  if (state.status === 'error') return <ErrorPanel error={state.error} onRetry={retry} />;
  const { view, homes } = state.value;
  return (
    <section aria-labelledby="round-time-heading" className="app-round-time">
      <h2 id="round-time-heading" className="nhsuk-heading-l">The weekly round</h2>
      {saved ? <SuccessBanner message={saved} /> : null}
      <p>Minutes mean clinician time at the home. The planner counts the huddle once, then for each resident the longest discussion in full, a few minutes for each further one and the notes, up to the most time for one resident. Rounds already planned keep their times.</p>
      <RoundTimeForm key={JSON.stringify(view.settings)} view={view} onSaved={() => { setSaved('Round settings saved. Rounds planned from now on use them.'); retry(); }} />
      <h3 className="nhsuk-heading-m">Each care home’s round</h3>
      {homes.length === 0 ? <p>No care homes yet.</p> : (
        <div className="nhsuk-table-container">
          <table className="nhsuk-table">
            <caption className="nhsuk-table__caption nhsuk-u-visually-hidden">Each care home’s round</caption>
            <thead className="nhsuk-table__head">
              <tr className="nhsuk-table__row">
                <th className="nhsuk-table__header" scope="col">Care home</th>
                <th className="nhsuk-table__header" scope="col">Usual day and start</th>
                <th className="nhsuk-table__header" scope="col">Time for the round</th>
                <th className="nhsuk-table__header" scope="col">Pharmacist each week</th>
                <th className="nhsuk-table__header" scope="col">Usual clinician</th>
                <th className="nhsuk-table__header" scope="col"><span className="nhsuk-u-visually-hidden">Change</span></th>
              </tr>
            </thead>
            <tbody className="nhsuk-table__body">
              {homes.map((h) => (
                <tr className="nhsuk-table__row" key={h.id}>
                  <td className="nhsuk-table__cell">{h.name}</td>
                  <td className="nhsuk-table__cell">{usualRound(h) || 'Not set'}</td>
                  <td className="nhsuk-table__cell">{h.roundCapacityMinutes === null ? 'Not set (120 minutes)' : minutesText(h.roundCapacityMinutes)}</td>
                  <td className="nhsuk-table__cell">{h.pharmacistMinutes ? minutesText(h.pharmacistMinutes) : 'None: reviews on the round'}</td>
                  <td className="nhsuk-table__cell">{h.roundClinician ?? 'Not set'}</td>
                  <td className="nhsuk-table__cell"><a href={href(`/homes/${h.id}/edit`)}>Change<span className="nhsuk-u-visually-hidden"> {h.name}’s round</span></a></td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}

function RoundTimeForm({ view, onSaved }: { view: RoundTimeView; onSaved: () => void }) {
  const [values, setValues] = useState(toValues(view, view.settings));
  const known = new Set<string>(view.fields.map((f) => f.key));
  const form = useSubmission(() => check(view, values), async (input) => {
    await call('round-settings:save', { settings: input.settings });
    onSaved();
  }, known);
  const keys = view.fields.map((f) => f.key);
  const changed = keys.filter((k) => values[k] !== String(view.defaults[k]));
  return (
    <>
      {form.errors ? <ErrorSummary items={summaryItems({ ...form.errors, fields: Object.fromEntries(Object.entries(form.errors.fields).map(([k, v]) => [`round-${k.replace(/^settings\./, '')}`, v])) },
        keys.map((k) => `round-${k}`))} /> : null}
      <form noValidate onSubmit={form.onSubmit}>
        <fieldset className="nhsuk-fieldset">
          <legend className="nhsuk-fieldset__legend nhsuk-fieldset__legend--m"><h3 className="nhsuk-fieldset__heading">Minutes on the round</h3></legend>
          {view.fields.map((f) => (
            <TextField
              key={f.key} id={`round-${f.key}`} label={f.label} hint={`${f.hint}${String(view.defaults[f.key]) !== values[f.key] ? ` Changed from the default of ${view.defaults[f.key]}.` : ''}`}
              width={3} inputMode="numeric" suffix="minutes" value={values[f.key]}
              onChange={(v) => setValues((old) => ({ ...old, [f.key]: v }))} error={form.error(f.key) ?? form.error(`settings.${f.key}`)}
            />
          ))}
        </fieldset>
        <div className="nhsuk-button-group">
          <button className="nhsuk-button" type="submit" disabled={form.saving}>Save round settings</button>
          <button className="nhsuk-button nhsuk-button--secondary" type="button" disabled={changed.length === 0} onClick={() => setValues(toValues(view, view.defaults))}>
            Put back the round defaults
          </button>
        </div>
      </form>
    </>
  );
}
