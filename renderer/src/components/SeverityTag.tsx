import type { FlagSeverity, FlagStatus } from '../../../shared/domain/enums';
import { FLAG_LABELS } from '../../../shared/rules/flags';
import { FLAG_STATUS_TAGS, SEVERITY_TAGS, WAITING_TAG } from './tagColours';

export function SeverityTag({ severity }: { severity: FlagSeverity }) {
  return <strong className={`nhsuk-tag ${SEVERITY_TAGS[severity]} app-nowrap`}>{FLAG_LABELS.severity[severity]}</strong>;
}

export function FlagStatusTag({ status, waiting }: { status: FlagStatus; waiting?: boolean }) {
  return (
    <>
      <strong className={`nhsuk-tag ${FLAG_STATUS_TAGS[status]} app-nowrap`}>{FLAG_LABELS.status[status]}</strong>
      {waiting ? <strong className={`nhsuk-tag ${WAITING_TAG} app-tag-note app-nowrap`}>Waiting</strong> : null}
    </>
  );
}
