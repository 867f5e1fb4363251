/**
 * Input checks for service entries, with the IPC contract's zod schemas: a refusal is an AppError
 * (INVALID_INPUT) whose message and details name the field, never a raw TypeError further in.
 */
import type { z } from 'zod';
import { AppError, type ErrorDetail } from '../../shared/errors';

export function zodDetails(error: z.ZodError): ErrorDetail[] {
  return error.issues.map((issue) => ({ field: issue.path.map(String).join('.') || undefined, message: issue.message }))
    .map((d) => (d.field === undefined ? { message: d.message } : { field: d.field, message: d.message }));
}

/** The parsed value, or an AppError naming what is wrong. */
export function checkInput<S extends z.ZodType>(schema: S, input: unknown): z.output<S> {
  const parsed = schema.safeParse(input);
  if (parsed.success) return parsed.data;
  const details = zodDetails(parsed.error);
  throw new AppError('INVALID_INPUT', details[0]?.message ?? 'The information entered is not valid', details);
}
