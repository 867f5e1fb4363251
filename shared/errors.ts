/**
 * Stable error codes carried in IPC result envelopes and CLI errors. The renderer maps each code to
 * plain-English text; `message` carries the specific detail (which field, which row).
 */
export const ERROR_CODES = {
  INVALID_INPUT: 'Some of the information entered is not valid.',
  NOT_FOUND: 'That record could not be found. It may have been removed.',
  CONFLICT: 'That would clash with a record that already exists.',
  UNKNOWN_CHANNEL: 'The app asked for something it does not know how to do.',
  IMPORT_REJECTED: 'The file could not be imported.',
  DATABASE: 'The database could not be read or written.',
  INTERNAL: 'Something went wrong inside Roundtable.',
} as const;

export type ErrorCode = keyof typeof ERROR_CODES;

export interface ErrorDetail {
  /** Dotted path of the field at fault, e.g. "nhsNumber" or "representatives.0.phone". */
  field?: string;
  message: string;
}

export interface AppErrorShape {
  code: ErrorCode;
  message: string;
  details?: ErrorDetail[];
}

export class AppError extends Error {
  readonly code: ErrorCode;
  readonly details: ErrorDetail[] | undefined;

  constructor(code: ErrorCode, message: string, details?: ErrorDetail[]) {
    super(message);
    this.name = 'AppError';
    this.code = code;
    this.details = details;
  }

  toShape(): AppErrorShape {
    return this.details ? { code: this.code, message: this.message, details: this.details } : { code: this.code, message: this.message };
  }
}

export type Result<T> = { ok: true; value: T } | { ok: false; error: AppErrorShape };
