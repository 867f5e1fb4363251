/**
 * Backups of a shared database are the server's (its administrator's dumps and point-in-time recovery);
 * what this computer can add is a pg_dump in PostgreSQL's custom format when pg_dump is installed.
 */
import { spawn } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { AppError } from '../../shared/errors';
import { describePostgres } from './postgres';

export const SERVER_BACKUPS = 'Backups of the shared database are made on the PostgreSQL server (ask whoever runs it); ' +
  'Roundtable can also save a copy with pg_dump when PostgreSQL’s tools are installed on this computer.';

/** Runs pg_dump --format=custom into file; refuses in words when pg_dump is missing or fails. */
export function pgDumpTo(url: string, file: string): Promise<void> {
  mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
  return new Promise((resolve, reject) => {
    const child = spawn(process.env.ROUNDTABLE_PG_DUMP ?? 'pg_dump', ['--format=custom', '--no-owner', `--file=${file}`, `--dbname=${url}`],
      { stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => { stderr += chunk.toString(); });
    child.on('error', (error: NodeJS.ErrnoException) => {
      reject(new AppError('CONFLICT', error.code === 'ENOENT' ? `pg_dump is not installed on this computer. ${SERVER_BACKUPS}`
        : `pg_dump could not be started: ${error.message}`));
    });
    child.on('close', (code) => {
      if (code === 0) resolve();
      else reject(new AppError('DATABASE', `pg_dump could not back up ${describePostgres(url)}: ${stderr.trim().split('\n').at(-1) ?? `exit ${code}`}`));
    });
  });
}
