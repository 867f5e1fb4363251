/** Form errors from both sides, keyed by form field: client-side zod issues and server envelopes. */
import type { z } from 'zod';
import { ERROR_CODES, type AppErrorShape, type ErrorDetail } from '../../../shared/errors';

export interface FormErrors {
  /** Field key (e.g. "nhsNumber", "rep.name") -> message. */
  fields: Record<string, string>;
  /** Problems that belong to no field, such as a database failure. */
  general: string[];
}

export interface SummaryItem {
  message: string;
  /** The element id of the field at fault; items without one are listed without a link. */
  fieldId?: string | undefined;
}

/** A failed call as the form sees it (an ApiError fits). */
export type FailedCall = Pick<AppErrorShape, 'code' | 'message'> & { details: readonly ErrorDetail[] };

/** "rep.name" -> "rep-name": form keys become element ids that error summary links can point at. */
export function fieldId(key: string): string {
  return key.replace(/\./g, '-');
}

export type Checked<T> = { ok: true; input: T } | { ok: false; errors: FormErrors };

type Issue = z.ZodError['issues'][number];

/** Messages start with a capital, whichever schema wrote them ("the home’s name is too long"). */
function sentence(message: string): string {
  return message.charAt(0).toUpperCase() + message.slice(1);
}

/**
 * zod issues -> field messages. The schemas' own messages are kept (so they match main's); issues
 * whose default text is technical (an unanswered choice) use the form's plain-English wording.
 */
export function fromIssues(issues: readonly Issue[], friendly: Readonly<Record<string, string>>, prefix = ''): Record<string, string> {
  const fields: Record<string, string> = {};
  for (const issue of issues) {
    const key = prefix + issue.path.map(String).join('.');
    if (key in fields) continue;
    const technical = issue.code === 'invalid_type' || issue.code === 'invalid_value' || issue.code === 'invalid_union';
    fields[key] = technical ? friendly[key.slice(prefix.length)] ?? 'Check this answer' : sentence(issue.message);
  }
  return fields;
}

/**
 * Server paths -> this form's keys: "resident.nhsNumber" and "nhsNumber" -> "nhsNumber",
 * "representatives.0.phone" -> "rep.phone". Unknown fields become general messages.
 */
export function fromApiError(error: FailedCall, known: ReadonlySet<string>): FormErrors {
  const fields: Record<string, string> = {};
  const general: string[] = [];
  // A conflict's own message names the clash ("… is already registered to Mary Smith"): more useful
  // at the field than the detail's generic wording.
  const conflict = error.code === 'CONFLICT' && error.details.length === 1;
  for (const detail of error.details) {
    const key = detail.field?.replace(/^(resident|home|representative)\./, '').replace(/^representatives\.\d+\./, 'rep.');
    if (key !== undefined && known.has(key)) fields[key] ??= sentence(conflict ? error.message : detail.message);
    else general.push(sentence(detail.message));
  }
  if (Object.keys(fields).length === 0 && general.length === 0) general.push(error.message || ERROR_CODES[error.code]);
  return { fields, general };
}

/** Error summary items in the order the fields appear on the form. */
export function summaryItems(errors: FormErrors, order: readonly string[]): SummaryItem[] {
  const keys = Object.keys(errors.fields).sort((a, b) => rank(order, a) - rank(order, b));
  return [
    ...errors.general.map((message) => ({ message })),
    ...keys.map((key) => ({ message: errors.fields[key] ?? '', fieldId: fieldId(key) })),
  ];
}

function rank(order: readonly string[], key: string): number {
  const i = order.indexOf(key);
  return i < 0 ? order.length : i;
}

export function hasErrors(errors: FormErrors | null): errors is FormErrors {
  return errors !== null && (errors.general.length > 0 || Object.keys(errors.fields).length > 0);
}
