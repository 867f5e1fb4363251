import type { FlagSeverity, FlagStatus } from '../../../shared/domain/enums';
import { FLAG_LABELS } from '../../../shared/rules/flags';

const SEVERITY_COLOURS: Record<FlagSeverity, string> = {
  'escalate-now': 'nhsuk-tag--red', urgent: 'nhsuk-tag--orange', high: 'nhsuk-tag--yellow', medium: 'nhsuk-tag--blue', routine: 'nhsuk-tag--grey',
};

export function SeverityTag({ severity }: { severity: FlagSeverity }) {
  return <strong className={`nhsuk-tag ${SEVERITY_COLOURS[severity]} app-nowrap`}>{FLAG_LABELS.severity[severity]}</strong>;
}

const STATUS_COLOURS: Record<FlagStatus, string> = { open: 'nhsuk-tag--white', 'on-agenda': 'nhsuk-tag--purple', addressed: 'nhsuk-tag--green', closed: 'nhsuk-tag--grey' };

export function FlagStatusTag({ status, waiting }: { status: FlagStatus; waiting?: boolean }) {
  return (
    <>
      <strong className={`nhsuk-tag ${STATUS_COLOURS[status]} app-nowrap`}>{FLAG_LABELS.status[status]}</strong>
      {waiting ? <strong className="nhsuk-tag nhsuk-tag--orange app-tag-note app-nowrap">Waiting</strong> : null}
    </>
  );
}
