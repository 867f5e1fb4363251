import type { ReactNode } from 'react';

interface Props {
  label: string;
  children: ReactNode;
  /** Free text typed with line breaks keeps them. */
  multiline?: boolean;
}

/** One row of an nhsuk summary list; an empty value reads "Not recorded" rather than a blank. */
export function SummaryRow({ label, children, multiline }: Props) {
  const empty = children === null || children === undefined || children === '';
  return (
    <div className="nhsuk-summary-list__row">
      <dt className="nhsuk-summary-list__key">{label}</dt>
      <dd className={`nhsuk-summary-list__value${multiline ? ' app-multiline' : ''}`}>
        {empty ? <span className="app-not-recorded">Not recorded</span> : children}
      </dd>
    </div>
  );
}
