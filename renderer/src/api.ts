/** The renderer's only door to main: window.roundtable, typed from the IPC contract in shared/ipc.ts. */
import type { Channel, ChannelInput, ChannelOutput, RoundtableApi } from '../../shared/ipc';
import { ERROR_CODES, type ErrorCode, type ErrorDetail, type Result } from '../../shared/errors';

declare global {
  interface Window {
    /** Exposed by the preload (or the e2e bridge); missing if the page is opened any other way. */
    roundtable?: RoundtableApi;
  }
}

/** A failed call, carrying the envelope's stable code, its specific message and any field details. */
export class ApiError extends Error {
  readonly code: ErrorCode;
  readonly details: ErrorDetail[];

  constructor(code: ErrorCode, message: string, details: ErrorDetail[] = []) {
    super(message);
    this.name = 'ApiError';
    this.code = code;
    this.details = details;
  }

  /** The plain-English meaning of the code, for a heading above the specific message. */
  get summary(): string {
    return ERROR_CODES[this.code];
  }
}

function isErrorCode(value: unknown): value is ErrorCode {
  return typeof value === 'string' && Object.hasOwn(ERROR_CODES, value);
}

/** Calls a channel and returns its value, or throws an ApiError built from the error envelope. */
export async function call<C extends Channel>(channel: C, input: ChannelInput<C>): Promise<ChannelOutput<C>> {
  const api = window.roundtable;
  if (!api) throw new ApiError('INTERNAL', 'Roundtable cannot reach its database from this window. Close the app and open it again.');
  let result: Result<ChannelOutput<C>>;
  try {
    result = await api.invoke(channel, input);
  } catch {
    throw new ApiError('INTERNAL', 'Roundtable did not get an answer from its database. Try again.');
  }
  if (result.ok) return result.value;
  const { code, message, details } = result.error;
  const known = isErrorCode(code) ? code : 'INTERNAL';
  throw new ApiError(known, message || ERROR_CODES[known], details ?? []);
}

/** Whatever was thrown, as an ApiError, so every screen shows errors the same way. */
export function toApiError(error: unknown): ApiError {
  if (error instanceof ApiError) return error;
  return new ApiError('INTERNAL', error instanceof Error && error.message ? error.message : ERROR_CODES.INTERNAL);
}
