/**
 * The body of the one IPC handler, free of Electron so it can be tested: refuse callers that are not
 * the app's own page, then hand the untrusted channel and input to dispatch (which validates both).
 */
import type { Result } from '../../shared/errors';
import { dispatch } from '../handlers';
import type { AppContext } from '../services/context';
import { isAppUrl } from './guards';

export const SENDER_REFUSED: Result<never> = {
  ok: false,
  error: { code: 'UNKNOWN_CHANNEL', message: 'Request refused: it did not come from Roundtable’s own window.' },
};

/** `senderUrl` is event.senderFrame?.url: null when the frame has gone. */
export function handleInvoke(ctx: AppContext, senderUrl: string | null | undefined, appIndexUrl: string, channel: unknown, input: unknown): Promise<Result<unknown>> {
  if (!isAppUrl(senderUrl, appIndexUrl)) return Promise.resolve(SENDER_REFUSED);
  return dispatch(ctx, channel, input);
}
