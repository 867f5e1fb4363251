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
  /** Extra element ids that describe the input, such as a warning shown below it. */
  describedById?: string | undefined;
  width?: 2 | 3 | 4 | 5 | 10 | 20 | 30;
  widthClass?: string;
  type?: 'text' | 'tel' | 'email' | 'search' | 'password';
  inputMode?: 'numeric' | 'text' | 'tel' | 'email';
  autoComplete?: string;
  spellCheck?: boolean;
  suffix?: string;
  /** Sits beside the input, e.g. a search button (the NHS "input with button" pattern). */
  afterInput?: ReactNode;
  maxLength?: number;
  /** Shown after the input inside the form group (for example a warning). */
  after?: ReactNode;
  groupClassName?: string;
  labelClassName?: string;
}

/** An nhsuk input with its label, hint and error message wired up for assistive technology. */
export function TextField(p: Props) {
  const hintId = p.hint ? `${p.id}-hint` : null;
  const errorId = p.error ? `${p.id}-error` : null;
  const classes = ['nhsuk-input', p.width ? `nhsuk-input--width-${p.width}` : '', p.widthClass ?? '', p.error ? 'nhsuk-input--error' : '']
    .filter(Boolean).join(' ');
  const input = (
    <input
      className={classes}
      id={p.id}
      name={p.id}
      type={p.type ?? 'text'}
      value={p.value}
      onChange={(e) => p.onChange(e.target.value)}
      onBlur={p.onBlur}
      aria-describedby={describedBy(hintId, errorId, p.describedById)}
      inputMode={p.inputMode}
      autoComplete={p.autoComplete ?? 'off'}
      spellCheck={p.spellCheck ?? false}
      maxLength={p.maxLength}
    />
  );
  return (
    <div className={groupClass(p.error, p.groupClassName)}>
      <label className={`nhsuk-label${p.labelClassName ? ` ${p.labelClassName}` : ''}`} htmlFor={p.id}>{p.label}</label>
      {p.hint ? <div className="nhsuk-hint" id={hintId ?? undefined}>{p.hint}</div> : null}
      <ErrorMessage id={p.id} error={p.error} />
      {p.suffix || p.afterInput ? (
        <div className="nhsuk-input__wrapper">
          {input}
          {p.suffix ? <div className="nhsuk-input__suffix" aria-hidden="true">{p.suffix}</div> : null}
          {p.afterInput}
        </div>
      ) : input}
      {p.after}
    </div>
  );
}
