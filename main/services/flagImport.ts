/**
 * A care home's flag file imported in the app: chosen through the main process's file dialog or dropped
 * on the window (its bytes, never a path from the page), previewed with whom each line matches, then
 * imported through the same importer as `import flags`.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { FlagImportSummary } from '../../shared/domain/flags';
import { AppError } from '../../shared/errors';
import type { ParsedInput } from '../../shared/ipc';
import type { FlagFilePreview } from '../../shared/ipc/week';
import { identityText, MATCH_LABELS, UNMATCHED_LABELS } from '../../shared/rules/flagMatching';
import { FLAG_LABELS } from '../../shared/rules/flags';
import { parseFlagRows, readFlagFile } from '../imports/flags';
import type { AppContext } from './context';
import { importFlags, prepareFlag } from './flags';

type FlagFileInput = ParsedInput<'flags:import-preview'>;

/** The file to read: the chosen path, or the dropped bytes written to a private temporary folder. */
async function withFlagFile<T>(input: FlagFileInput, fn: (file: string) => Promise<T>): Promise<T> {
  if (input.dropped) {
    const name = path.basename(input.dropped.name).replace(/[^\w .()-]/g, '_') || 'flags.csv';
    const dir = mkdtempSync(path.join(os.tmpdir(), 'roundtable-flags-'));
    try {
      mkdirSync(dir, { recursive: true });
      const file = path.join(dir, name);
      writeFileSync(file, Buffer.from(input.dropped.base64, 'base64'));
      return await fn(file);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }
  if (!input.path) throw new AppError('INVALID_INPUT', 'Choose a flag file (CSV or Excel) or drop one on the window.', [{ field: 'path', message: 'Choose a file to import' }]);
  return fn(input.path);
}

export async function previewFlagFile(ctx: AppContext, input: FlagFileInput): Promise<FlagFilePreview> {
  const home = await ctx.store.homes.get(input.homeId);
  return withFlagFile(input, async (file) => {
    const raw = await readFlagFile(file, { sheet: input.sheet });
    const { rows, problems, ignored } = parseFlagRows(raw);
    const register = await ctx.store.flags.matchable();
    const names = new Map(register.map((r) => [r.id, `${r.givenName} ${r.familyName}`]));
    return {
      fileName: input.dropped?.name ?? path.basename(file), homeId: home.id, homeName: home.name, read: raw.rows.length - ignored,
      rows: rows.map((row) => {
        const flag = prepareFlag(row, home.id, register);
        return {
          line: row.line, identity: identityText(row.rawIdentity), raisedOn: row.raisedOn,
          category: FLAG_LABELS.category[flag.category], details: flag.text, severity: FLAG_LABELS.severity[flag.severity],
          residentName: flag.residentId === null ? null : names.get(flag.residentId) ?? null,
          matchedOn: flag.matchMethod ? MATCH_LABELS[flag.matchMethod as keyof typeof MATCH_LABELS] ?? null : null,
          unmatchedWhy: flag.unmatched ? `${UNMATCHED_LABELS[flag.unmatched.reason]}: ${flag.unmatched.explanation}` : null,
        };
      }),
      rejected: problems.map((p) => ({ line: p.line, field: p.field, reason: p.reason })),
      importedBefore: null,
    };
  });
}

export async function commitFlagFile(ctx: AppContext, input: FlagFileInput): Promise<FlagImportSummary> {
  return withFlagFile(input, (file) => importFlags(ctx, { file, homeId: input.homeId, sheet: input.sheet }));
}
