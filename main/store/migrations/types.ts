import type { SqlDb } from '../sql/types';

export interface Migration {
  /** Numbered in steps of 10; becomes the schema version once applied. */
  version: number;
  name: string;
  /** Written in SQL both engines take (the PostgreSQL side translates the SQLite-flavoured DDL, see sql/postgres.ts). */
  up(db: SqlDb): Promise<void>;
}
