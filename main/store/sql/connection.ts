/** What the store holds open: one engine's connection, reads outside transactions and one way to write. */
import type { Dialect, Engine, SqlDb } from './types';

export interface TransactionOptions {
  /**
   * Writers that touch many residents at once (imports, planning a round, copying) take the database's
   * one writer lock, so two of them never interleave or deadlock; ordinary edits only lock their rows.
   * SQLite always has one writer at a time.
   */
  exclusive?: boolean;
  /** Give up quickly when another writer holds the lock (an audit event of a read is queued instead). */
  shortWait?: boolean;
}

export interface Connection {
  readonly engine: Engine;
  readonly dialect: Dialect;
  /** Where the data is, for people: a file path, or the PostgreSQL database with its password hidden. */
  readonly location: string;
  /** A shared database's host[:port]/database; null for a file on this computer. */
  readonly server: string | null;
  /** Reads outside any transaction. */
  readonly read: SqlDb;
  /** Runs fn in one transaction: committed when it resolves, rolled back when it throws. */
  transaction<T>(fn: (tx: SqlDb) => Promise<T>, options?: TransactionOptions): Promise<T>;
  /** Changes whenever the stored data may have changed, by this connection or any other. */
  dataVersion(): Promise<string>;
  schemaVersion(): number;
  close(): Promise<void>;
}

/** A constraint refused the write: the same row already exists (UNIQUE). */
export function isUniqueViolation(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return code === '23505' || code === 'SQLITE_CONSTRAINT_UNIQUE' || code === 'SQLITE_CONSTRAINT_PRIMARYKEY';
}

/** Another writer holds the lock past the wait: SQLITE_BUSY, or PostgreSQL's lock timeout. */
export function isBusy(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return (typeof code === 'string' && code.startsWith('SQLITE_BUSY')) || code === '55P03';
}

/** PostgreSQL gave up one of two transactions waiting on each other (or a serialisation failure): safe to run again. */
export function isRetryable(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return code === '40P01' || code === '40001';
}
