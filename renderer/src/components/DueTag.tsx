import type { DueStatus } from '../../../shared/domain/due';
import { DUE_TAGS } from './tagColours';

export const DUE_LABELS: Record<DueStatus, string> = { overdue: 'Overdue', due: 'Due', 'due-soon': 'Due soon' };

/** A review's status as an NHS tag (colour plus words, never colour alone). */
export function DueTag({ status }: { status: DueStatus }) {
  return <strong className={`nhsuk-tag ${DUE_TAGS[status]} app-nowrap`}>{DUE_LABELS[status]}</strong>;
}
