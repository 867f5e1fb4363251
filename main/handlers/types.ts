import type { Channel, ChannelOutput, ParsedInput } from '../../shared/ipc';
import type { AppContext } from '../services/context';

export type Handler<C extends Channel> = (ctx: AppContext, input: ParsedInput<C>) => Promise<ChannelOutput<C>>;
/** A domain's handlers: exactly one for each of the given channels. */
export type HandlerMap<Channels extends Channel> = { [C in Channels]: Handler<C> };
