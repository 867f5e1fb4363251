/**
 * The embedded engine: one better-sqlite3 connection. Statements are prepared once per SQL text and run
 * synchronously; the async face is the store contract's. One transaction at a time: reads wait until the
 * open one ends, so no call ever sees another's half-done work.
 */
import type Database from 'better-sqlite3';
import type { Dialect, SqlDb, SqlParams } from './types';

type Statement = Database.Statement;

export const sqliteDialect: Dialect = {
  intsFromJson: (param) => `SELECT value FROM json_each(${param})`,
  textsFromJson: (param) => `SELECT value FROM json_each(${param})`,
  jsonNumber: (column, key) => `json_extract(${column}, '$.${key}')`,
  leadingInteger: (column) => `CAST(${column} AS INTEGER)`,
};

function bind(params: SqlParams | undefined): unknown[] {
  if (params === undefined) return [];
  if (Array.isArray(params)) return params as unknown[];
  return [params];
}

/** Statements of one connection, prepared once per SQL text. */
export class SqliteStatements {
  private readonly cache = new Map<string, Statement>();
  private readonly plucked = new Map<string, Statement>();

  constructor(readonly db: Database.Database) {}

  statement(sql: string): Statement {
    let s = this.cache.get(sql);
    if (!s) {
      s = this.db.prepare(sql);
      if (this.cache.size > 2000) this.cache.clear();
      this.cache.set(sql, s);
    }
    return s;
  }

  pluck(sql: string): Statement {
    let s = this.plucked.get(sql);
    if (!s) {
      s = this.db.prepare(sql).pluck();
      if (this.plucked.size > 2000) this.plucked.clear();
      this.plucked.set(sql, s);
    }
    return s;
  }
}

/** A SqlDb over a better-sqlite3 connection; `before` runs ahead of every statement (waiting out another's transaction). */
export function sqliteDb(statements: SqliteStatements, before: () => Promise<void> = async () => undefined): SqlDb {
  const { db } = statements;
  return {
    engine: 'sqlite',
    dialect: sqliteDialect,
    all: async <T>(sql: string, params?: SqlParams) => { await before(); return statements.statement(sql).all(...bind(params)) as T[]; },
    get: async <T>(sql: string, params?: SqlParams) => { await before(); return statements.statement(sql).get(...bind(params)) as T | undefined; },
    value: async <T>(sql: string, params?: SqlParams) => { await before(); return statements.pluck(sql).get(...bind(params)) as T | undefined; },
    column: async <T>(sql: string, params?: SqlParams) => { await before(); return statements.pluck(sql).all(...bind(params)) as T[]; },
    run: async (sql: string, params?: SqlParams) => { await before(); return { changes: statements.statement(sql).run(...bind(params)).changes }; },
    insert: async (sql: string, params?: SqlParams) => {
      await before();
      const result = statements.statement(sql).run(...bind(params));
      return result.changes === 0 ? null : Number(result.lastInsertRowid);
    },
    exec: async (sql: string) => { await before(); db.exec(sql); },
  };
}

