import type { ReactNode } from 'react';

interface Props {
  id: string;
  label: string;
  checked: boolean;
  onChange: (checked: boolean) => void;
  hint?: string;
  /** Revealed while ticked (NHS conditional reveal). */
  children?: ReactNode;
}

/** A single checkbox, used to open an optional part of a form. */
export function Checkbox(p: Props) {
  const hintId = p.hint ? `${p.id}-hint` : undefined;
  return (
    <div className="nhsuk-form-group">
      <div className="nhsuk-checkboxes">
        <div className="nhsuk-checkboxes__item">
          <input
            className="nhsuk-checkboxes__input"
            id={p.id}
            name={p.id}
            type="checkbox"
            checked={p.checked}
            onChange={(e) => p.onChange(e.target.checked)}
            aria-describedby={hintId}
            aria-controls={p.children ? `${p.id}-conditional` : undefined}
            aria-expanded={p.children ? p.checked : undefined}
          />
          <label className="nhsuk-label nhsuk-checkboxes__label" htmlFor={p.id}>{p.label}</label>
          {p.hint ? <div className="nhsuk-hint nhsuk-checkboxes__hint" id={hintId}>{p.hint}</div> : null}
        </div>
        {p.children ? (
          <div className="nhsuk-checkboxes__conditional" id={`${p.id}-conditional`} hidden={!p.checked}>
            {p.checked ? p.children : null}
          </div>
        ) : null}
      </div>
    </div>
  );
}
