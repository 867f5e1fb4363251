import { Fragment, type ReactNode } from 'react';
import { ErrorMessage } from './ErrorMessage';
import { describedBy, groupClass } from './field';
import type { Option } from './SelectField';

interface Props<V extends string> {
  /** The first radio takes this id, so an error summary link lands on the group. */
  id: string;
  legend: string;
  value: V | '';
  options: readonly Option<V>[];
  onChange: (value: V) => void;
  hint?: ReactNode;
  error?: string | undefined;
  inline?: boolean;
  small?: boolean;
  /** Content revealed under the chosen option (NHS conditional reveal, rendered only when chosen). */
  conditional?: Partial<Record<V, ReactNode>>;
}

export function Radios<V extends string>(p: Props<V>) {
  const hintId = p.hint ? `${p.id}-hint` : null;
  const errorId = p.error ? `${p.id}-error` : null;
  const classes = ['nhsuk-radios', p.inline ? 'nhsuk-radios--inline' : '', p.small ? 'nhsuk-radios--small' : ''].filter(Boolean).join(' ');
  return (
    <div className={groupClass(p.error)}>
      <fieldset className="nhsuk-fieldset" aria-describedby={describedBy(hintId, errorId)}>
        <legend className="nhsuk-fieldset__legend nhsuk-fieldset__legend--s">{p.legend}</legend>
        {p.hint ? <div className="nhsuk-hint" id={hintId ?? undefined}>{p.hint}</div> : null}
        <ErrorMessage id={p.id} error={p.error} />
        <div className={classes}>
          {p.options.map((o, i) => {
            const inputId = i === 0 ? p.id : `${p.id}-${o.value}`;
            const revealed = p.value === o.value ? p.conditional?.[o.value] : undefined;
            return (
              <Fragment key={o.value}>
                <div className="nhsuk-radios__item">
                  <input
                    className="nhsuk-radios__input"
                    id={inputId}
                    name={p.id}
                    type="radio"
                    value={o.value}
                    checked={p.value === o.value}
                    onChange={() => p.onChange(o.value)}
                  />
                  <label className="nhsuk-label nhsuk-radios__label" htmlFor={inputId}>{o.label}</label>
                </div>
                {revealed ? <div className="nhsuk-radios__conditional" id={`${inputId}-conditional`}>{revealed}</div> : null}
              </Fragment>
            );
          })}
        </div>
      </fieldset>
    </div>
  );
}
