/**
 * The one seam to the store's probe (`probeDatabase` in main/store/index.ts, being built alongside this):
 * connects to a database without opening it for use and says what it found. Until main/store exports it,
 * testing a connection says so in words; once it does, this picks it up with no other change. When it has
 * landed, the body below can become `export { probeDatabase } from '../store';`.
 */
import { AppError } from '../../shared/errors';
import * as store from '../store';

export interface ProbeResult {
  engine: 'sqlite' | 'postgres';
  location: string;
  /** The Roundtable schema version there; null: an empty database (Roundtable will set it up). */
  schemaVersion: number | null;
  /** PostgreSQL's version (e.g. "16.4"); null for SQLite. */
  serverVersion: string | null;
}

/** Throws an AppError with a readable message when it cannot connect. */
export type ProbeDatabase = (target: string) => Promise<ProbeResult>;

export const probeDatabase: ProbeDatabase = async (target) => {
  const fromStore = (store as unknown as { probeDatabase?: ProbeDatabase }).probeDatabase;
  if (typeof fromStore !== 'function') {
    throw new AppError('INVALID_INPUT', 'This build of Roundtable cannot test a shared database yet: nothing was tried.');
  }
  return fromStore(target);
};
