/**
 * The one way store code talks to a database, whichever engine is behind it. Queries are written once, in
 * the SQL both SQLite and PostgreSQL accept, with `?` or `@name` placeholders; the PostgreSQL side turns
 * them into `$1…`. Where the engines differ, store code asks the dialect for the fragment instead of
 * writing either engine's spelling.
 */
export type Engine = 'sqlite' | 'postgres';

/** Positional values for `?` placeholders, or named values for `@name` placeholders. */
export type SqlParams = readonly unknown[] | Readonly<Record<string, unknown>>;

export interface Dialect {
  /** A subquery yielding the integers of a JSON array bound at `param` (`?` or `@name`), as column `value`. */
  intsFromJson(param: string): string;
  /** A subquery yielding the strings of a JSON array bound at `param`, as column `value`. */
  textsFromJson(param: string): string;
  /** The number at `key` of the JSON object in text column `column` (null when absent). */
  jsonNumber(column: string, key: string): string;
  /** The leading digits of a text column as an integer (null when it does not start with a digit). */
  leadingInteger(column: string): string;
}

export interface SqlDb {
  readonly engine: Engine;
  readonly dialect: Dialect;
  all<T>(sql: string, params?: SqlParams): Promise<T[]>;
  get<T>(sql: string, params?: SqlParams): Promise<T | undefined>;
  /** The first column of the first row (undefined when there is no row). */
  value<T>(sql: string, params?: SqlParams): Promise<T | undefined>;
  /** The first column of every row. */
  column<T>(sql: string, params?: SqlParams): Promise<T[]>;
  /** An INSERT, UPDATE or DELETE: how many rows it changed. */
  run(sql: string, params?: SqlParams): Promise<{ changes: number }>;
  /**
   * An INSERT into a table with an `id` column: the new row's id, or null when nothing was inserted
   * (ON CONFLICT DO NOTHING).
   */
  insert(sql: string, params?: SqlParams): Promise<number | null>;
  /** Statements without results (schema changes, savepoints), several separated by semicolons. */
  exec(sql: string): Promise<void>;
}
