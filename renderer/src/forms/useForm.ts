/** Form state and the submit flow every form shares: check on the client, save, show any errors. */
import { useState, type FormEvent } from 'react';
import { toApiError } from '../api';
import { fromApiError, hasErrors, type Checked, type FormErrors } from './errors';

export function useFormValues<V extends object>(initial: V): [V, <K extends keyof V>(key: K) => (value: V[K]) => void] {
  const [values, setValues] = useState(initial);
  const set = <K extends keyof V>(key: K) => (value: V[K]) => setValues((v) => ({ ...v, [key]: value }));
  return [values, set];
}

export interface Submission {
  errors: FormErrors | null;
  saving: boolean;
  /** The message for one field, if it has one. */
  error: (key: string) => string | undefined;
  onSubmit: (event: FormEvent) => void;
}

/**
 * `check` runs the same zod schema main will, so most mistakes are shown without a round trip; what
 * only main can know (a duplicate NHS number) comes back as an envelope and lands on the same fields.
 */
export function useSubmission<T>(check: () => Checked<T>, save: (input: T) => Promise<void>, known: ReadonlySet<string>): Submission {
  const [errors, setErrors] = useState<FormErrors | null>(null);
  const [saving, setSaving] = useState(false);
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    if (saving) return;
    const checked = check();
    if (!checked.ok) {
      setErrors(checked.errors);
      return;
    }
    setSaving(true);
    save(checked.input).catch((error: unknown) => {
      setErrors(fromApiError(toApiError(error), known));
      setSaving(false);
    });
  };
  return {
    errors: hasErrors(errors) ? errors : null,
    saving,
    error: (key) => errors?.fields[key],
    onSubmit,
  };
}
