import type { DueStatus } from '../../../shared/domain/due';

const TAGS: Record<DueStatus, { label: string; colour: string }> = {
  overdue: { label: 'Overdue', colour: 'nhsuk-tag--red' },
  due: { label: 'Due', colour: 'nhsuk-tag--orange' },
  'due-soon': { label: 'Due soon', colour: 'nhsuk-tag--yellow' },
};

export const DUE_LABELS: Record<DueStatus, string> = { overdue: 'Overdue', due: 'Due', 'due-soon': 'Due soon' };

/** A review's status as an NHS tag (colour plus words, never colour alone). */
export function DueTag({ status }: { status: DueStatus }) {
  const tag = TAGS[status];
  return <strong className={`nhsuk-tag ${tag.colour}`}>{tag.label}</strong>;
}
