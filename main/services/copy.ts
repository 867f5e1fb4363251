/**
 * Moving a practice to a shared database (or back): opens both, copies everything in one transaction on the
 * target and checks the rows of every table were all copied (main/store/copy.ts). The target must be empty.
 */
import path from 'node:path';
import { AppError } from '../../shared/errors';
import { isPostgresUrl, openStore, type Actor } from '../store';

export interface CopyResult {
  from: string;
  to: string;
  /** Rows copied, by table. */
  counts: Record<string, number>;
}

function sameTarget(a: string, b: string): boolean {
  return isPostgresUrl(a) || isPostgresUrl(b) ? a.trim() === b.trim() : path.resolve(a) === path.resolve(b);
}

export async function copyDatabase(from: string, to: string, actor: Actor, program = 'the command line (copy)'): Promise<CopyResult> {
  if (sameTarget(from, to)) throw new AppError('INVALID_INPUT', 'Copy from one database to another: --from and --to name the same one.');
  const source = await openStore(from, { mustExist: true, program });
  try {
    const target = await openStore(to, { program });
    try {
      const counts = await target.maintenance.copyFrom(actor, source);
      return { from: source.location, to: target.location, counts };
    } finally {
      await target.close();
    }
  } finally {
    await source.close();
  }
}
