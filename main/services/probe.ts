/** Testing a database location before using it (Settings › Shared database): the store's probe. */
import { probeDatabase } from '../store';

export { probeDatabase };
export type ProbeResult = Awaited<ReturnType<typeof probeDatabase>>;
export type ProbeDatabase = (target: string) => Promise<ProbeResult>;
