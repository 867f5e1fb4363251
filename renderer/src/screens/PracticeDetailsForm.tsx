import { useState } from 'react';
import { call, toApiError } from '../api';
import { TextArea } from '../components/TextArea';
import { TextField } from '../components/TextField';
import type { PracticeDetails } from '../../../shared/domain/register';
import { useLoad } from '../hooks';

type Key = 'name' | 'address' | 'phone' | 'email' | 'sender';
const FIELDS: { key: Key; label: string; hint: string }[] = [
  { key: 'name', label: 'Practice name', hint: 'As families know it.' },
  { key: 'address', label: 'Address', hint: 'One line each, or separated by commas.' },
  { key: 'phone', label: 'Phone number for families', hint: 'Printed on every letter, for relatives who cannot come or have a question.' },
  { key: 'email', label: 'Email address', hint: 'Optional.' },
  { key: 'sender', label: 'Letters are signed by', hint: 'A named person and their role, for example Sam Okoro, care co-ordinator.' },
];

const toValues = (p: PracticeDetails): Record<Key, string> => ({ name: p.name, address: p.address ?? '', phone: p.phone ?? '', email: p.email ?? '', sender: p.sender ?? '' });

/** The practice's details that letters to families carry (Settings). */
export function PracticeDetailsForm() {
  const [loaded, retry] = useLoad(() => call('practice:get', {}), []);
  if (loaded.status !== 'ready') return loaded.status === 'loading' ? <p>Loading the practice’s details…</p>
    : <p className="nhsuk-error-message">The practice’s details could not be loaded. <button type="button" className="app-link-button" onClick={retry}>Try again</button></p>;
  return <DetailsForm details={loaded.value} />;
}

function DetailsForm({ details }: { details: PracticeDetails }) {
  const [values, setValues] = useState(toValues(details));
  const [errors, setErrors] = useState<Partial<Record<Key, string>>>({});
  const [status, setStatus] = useState<{ ok: boolean; message: string } | null>(null);
  async function save() {
    try {
      const saved = await call('practice:save', { details: values });
      setValues(toValues(saved));
      setErrors({});
      setStatus({ ok: true, message: 'The practice’s details are saved: letters carry them from now on.' });
    } catch (error) {
      const e = toApiError(error);
      setErrors(Object.fromEntries(e.details.filter((d) => d.field).map((d) => [String(d.field).replace(/^details\./, ''), d.message])));
      setStatus({ ok: false, message: e.message });
    }
  }
  return (
    <form noValidate onSubmit={(e) => { e.preventDefault(); void save(); }}>
      <fieldset className="nhsuk-fieldset">
        <legend className="nhsuk-fieldset__legend nhsuk-fieldset__legend--m"><h2 className="nhsuk-fieldset__heading">The practice, on letters to families</h2></legend>
        {FIELDS.map((f) => (f.key === 'address'
          ? <TextArea key={f.key} id={`practice-${f.key}`} label={f.label} hint={f.hint} rows={3} value={values[f.key]} error={errors[f.key]}
            onChange={(v) => setValues((old) => ({ ...old, [f.key]: v }))} />
          : <TextField key={f.key} id={`practice-${f.key}`} label={f.label} hint={f.hint} value={values[f.key]} error={errors[f.key]}
            type={f.key === 'phone' ? 'tel' : f.key === 'email' ? 'email' : 'text'} onChange={(v) => setValues((old) => ({ ...old, [f.key]: v }))} />))}
      </fieldset>
      <button className="nhsuk-button" type="submit">Save the practice’s details</button>
      {status ? <p className={status.ok ? 'app-saved' : 'nhsuk-error-message'} role="status">{status.message}</p> : null}
    </form>
  );
}
