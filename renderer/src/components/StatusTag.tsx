import { LABELS, type ResidentStatus } from '../../../shared/domain/enums';
import { RESIDENT_STATUS_TAGS } from './tagColours';

export function StatusTag({ status }: { status: ResidentStatus }) {
  return <strong className={`nhsuk-tag ${RESIDENT_STATUS_TAGS[status]}`}>{LABELS.residentStatus[status]}</strong>;
}
