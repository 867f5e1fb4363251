import type { ReactNode } from 'react';
import { ErrorMessage } from './ErrorMessage';
import { describedBy, groupClass } from './field';

interface Props {
  id: string;
  label: string;
  value: string;
  onChange: (value: string) => void;
  /** Called when the field is left (for saving as the user goes). */
  onBlur?: (() => void) | undefined;
  hint?: ReactNode;
  error?: string | undefined;
  rows?: number;
}

export function TextArea(p: Props) {
  const hintId = p.hint ? `${p.id}-hint` : null;
  const errorId = p.error ? `${p.id}-error` : null;
  return (
    <div className={groupClass(p.error)}>
      <label className="nhsuk-label" htmlFor={p.id}>{p.label}</label>
      {p.hint ? <div className="nhsuk-hint" id={hintId ?? undefined}>{p.hint}</div> : null}
      <ErrorMessage id={p.id} error={p.error} />
      <textarea
        className={`nhsuk-textarea${p.error ? ' nhsuk-textarea--error' : ''}`}
        id={p.id}
        name={p.id}
        rows={p.rows ?? 3}
        value={p.value}
        onChange={(e) => p.onChange(e.target.value)}
        onBlur={p.onBlur}
        aria-describedby={describedBy(hintId, errorId)}
      />
    </div>
  );
}
