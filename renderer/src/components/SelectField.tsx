import type { ReactNode } from 'react';
import { ErrorMessage } from './ErrorMessage';
import { describedBy, groupClass } from './field';

export interface Option<V extends string = string> {
  value: V;
  label: string;
}

export interface SelectFieldProps<V extends string> {
  id: string;
  label: string;
  value: V;
  options: readonly Option<V>[];
  onChange: (value: V) => void;
  hint?: ReactNode;
  error?: string | undefined;
  groupClassName?: string;
  /** e.g. nhsuk-u-width-full, so a filter fits its grid column. */
  selectClassName?: string;
}

export function SelectField<V extends string>(p: SelectFieldProps<V>) {
  const hintId = p.hint ? `${p.id}-hint` : null;
  const errorId = p.error ? `${p.id}-error` : null;
  return (
    <div className={groupClass(p.error, p.groupClassName)}>
      <label className="nhsuk-label" htmlFor={p.id}>{p.label}</label>
      {p.hint ? <div className="nhsuk-hint" id={hintId ?? undefined}>{p.hint}</div> : null}
      <ErrorMessage id={p.id} error={p.error} />
      <select
        className={['nhsuk-select', p.error ? 'nhsuk-select--error' : '', p.selectClassName ?? ''].filter(Boolean).join(' ')}
        id={p.id}
        name={p.id}
        value={p.value}
        onChange={(e) => {
          const chosen = p.options.find((o) => o.value === e.target.value);
          if (chosen) p.onChange(chosen.value);
        }}
        aria-describedby={describedBy(hintId, errorId)}
      >
        {p.options.map((o) => <option key={o.value} value={o.value}>{o.label}</option>)}
      </select>
    </div>
  );
}
