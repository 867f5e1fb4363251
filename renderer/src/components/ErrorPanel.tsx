import { useId } from 'react';
import type { ApiError } from '../api';

interface Props {
  error: ApiError;
  onRetry?: () => void;
  /** A way out when retrying cannot help, e.g. back to the list. */
  backHref?: string;
  backText?: string;
}

/** A failed load, shown as readable text with what to do next; never a blank screen. */
export function ErrorPanel({ error, onRetry, backHref, backText }: Props) {
  const titleId = useId();
  const heading = error.code === 'NOT_FOUND' ? 'Not found' : 'Something went wrong';
  return (
    <div className="nhsuk-error-summary" role="alert" aria-labelledby={titleId}>
      <h2 className="nhsuk-error-summary__heading" id={titleId}>{heading}</h2>
      <div className="nhsuk-error-summary__body">
        <p>{error.summary}</p>
        {error.message && error.message !== error.summary ? <p>{error.message}</p> : null}
        {onRetry && error.code !== 'NOT_FOUND' ? (
          <button type="button" className="nhsuk-button nhsuk-button--secondary nhsuk-button--small nhsuk-u-margin-bottom-2" onClick={onRetry}>
            Try again
          </button>
        ) : null}
        {backHref ? <p className="nhsuk-u-margin-bottom-0"><a href={backHref}>{backText ?? 'Go back'}</a></p> : null}
      </div>
    </div>
  );
}
