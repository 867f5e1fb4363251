import { useEffect, useId, useRef } from 'react';
import type { SummaryItem } from '../forms/errors';
import { focusField } from './field';

/**
 * The NHS error summary: focused when it appears (and on every new failed submit) so the problem is
 * announced; each link moves focus to its field rather than changing the route hash.
 */
export function ErrorSummary({ items, title = 'There is a problem' }: { items: readonly SummaryItem[]; title?: string }) {
  const ref = useRef<HTMLDivElement>(null);
  const titleId = useId();
  useEffect(() => {
    ref.current?.focus();
    ref.current?.scrollIntoView({ block: 'start' });
  }, [items]);
  return (
    <div className="nhsuk-error-summary" ref={ref} tabIndex={-1} aria-labelledby={titleId}>
      <div role="alert">
        <h2 className="nhsuk-error-summary__heading" id={titleId}>{title}</h2>
        <div className="nhsuk-error-summary__body">
          <ul className="nhsuk-list nhsuk-error-summary__list">
            {items.map((item, i) => (
              <li key={`${item.fieldId ?? ''}${i}`}>
                {item.fieldId ? (
                  <a
                    href={`#${item.fieldId}`}
                    onClick={(e) => {
                      e.preventDefault();
                      if (item.fieldId) focusField(item.fieldId);
                    }}
                  >
                    {item.message}
                  </a>
                ) : item.message}
              </li>
            ))}
          </ul>
        </div>
      </div>
    </div>
  );
}
