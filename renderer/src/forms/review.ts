/** The "record a review" form: done (date, by, outcome, medicines changed) or deferred (until, reason). */
import { reviewDeferInput, reviewDoneInput } from '../../../shared/ipc/reviews';
import type { ChannelInput } from '../../../shared/ipc';
import type { MedicationRule } from '../../../shared/rules/reviews';
import { readDate } from './dates';
import { fromIssues, type Checked } from './errors';

export interface ReviewValues {
  outcomeKind: 'done' | 'deferred' | '';
  doneOn: string;
  doneBy: string;
  outcome: string;
  medicinesChanged: string;
  until: string;
  reason: string;
}

export const REVIEW_FIELDS = ['outcomeKind', 'doneOn', 'doneBy', 'outcome', 'medicinesChanged', 'until', 'reason'] as const;

export type ReviewSubmission =
  | { kind: 'done'; input: ChannelInput<'reviews:record-done'> }
  | { kind: 'deferred'; input: ChannelInput<'reviews:defer'> };

export function emptyReview(today: string): ReviewValues {
  const [y, m, d] = today.split('-');
  return { outcomeKind: '', doneOn: `${d ?? ''}/${m ?? ''}/${y ?? ''}`, doneBy: '', outcome: '', medicinesChanged: '', until: '', reason: '' };
}

export function checkReview(values: ReviewValues, residentId: number, rule: MedicationRule, today: string): Checked<ReviewSubmission> {
  if (values.outcomeKind === '') return { ok: false, errors: { fields: { outcomeKind: 'Select whether the review was done or is deferred' }, general: [] } };
  if (values.outcomeKind === 'done') {
    const date = readDate(values.doneOn, { label: 'the date of the review', example: '23/11/2026', required: true, notAfter: today });
    const input = { residentId, rule, doneOn: date.iso ?? '', doneBy: values.doneBy, outcome: values.outcome, medicinesChanged: values.medicinesChanged };
    const parsed = reviewDoneInput.safeParse(input);
    const fields = parsed.success ? {} : fromIssues(parsed.error.issues, {});
    if (date.error) fields.doneOn = date.error;
    else delete fields.doneOn;
    if (Object.keys(fields).length || !parsed.success) return { ok: false, errors: { fields, general: [] } };
    return { ok: true, input: { kind: 'done', input } };
  }
  const until = readDate(values.until, { label: 'the date to defer the review to', example: '05/01/2027', required: true });
  const fields: Record<string, string> = {};
  if (until.error) fields.until = until.error;
  else if (until.iso !== null && until.iso <= today) fields.until = 'The date to defer to must be after today';
  const input = { residentId, rule, until: until.iso ?? '', reason: values.reason };
  const parsed = reviewDeferInput.safeParse(input);
  if (!parsed.success) for (const [k, v] of Object.entries(fromIssues(parsed.error.issues, {}))) if (k !== 'until') fields[k] ??= v;
  if (Object.keys(fields).length || !parsed.success) return { ok: false, errors: { fields, general: [] } };
  return { ok: true, input: { kind: 'deferred', input } };
}
