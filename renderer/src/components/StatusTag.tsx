import { LABELS, type ResidentStatus } from '../../../shared/domain/enums';

const COLOURS: Record<ResidentStatus, string> = { active: 'nhsuk-tag--green', left: 'nhsuk-tag--blue', died: 'nhsuk-tag--grey' };

export function StatusTag({ status }: { status: ResidentStatus }) {
  return <strong className={`nhsuk-tag ${COLOURS[status]}`}>{LABELS.residentStatus[status]}</strong>;
}
