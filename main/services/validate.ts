/**
 * Input checks for service entries, with the IPC contract's zod schemas: a refusal is an AppError
 * (INVALID_INPUT) whose message and details name the field, never a raw TypeError further in.
 */
import type { z } from 'zod';
import { AppError, type ErrorDetail } from '../../shared/errors';

/** Messages and field names are cut short: an unknown key may be a megabyte long, and nobody reads past a line. */
const cut = (text: string, max: number) => (text.length > max ? `${text.slice(0, max - 1)}…` : text);
/** At most this many problems are listed: garbage can have thousands. */
const MAX_DETAILS = 20;

export function zodDetails(error: z.ZodError): ErrorDetail[] {
  return error.issues.slice(0, MAX_DETAILS)
    .map((issue) => ({ field: cut(issue.path.map(String).join('.'), 120) || undefined, message: cut(issue.message, 300) }))
    .map((d) => (d.field === undefined ? { message: d.message } : { field: d.field, message: d.message }));
}

/** The parsed value, or an AppError naming what is wrong. */
export function checkInput<S extends z.ZodType>(schema: S, input: unknown): z.output<S> {
  const parsed = schema.safeParse(input);
  if (parsed.success) return parsed.data;
  const details = zodDetails(parsed.error);
  throw new AppError('INVALID_INPUT', details[0]?.message ?? 'The information entered is not valid', details);
}
