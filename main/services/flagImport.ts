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
import { identityText, MATCH_LABELS, UNMATCHED_LABELS, type MatchableResident } from '../../shared/rules/flagMatching';
import { FLAG_LABELS } from '../../shared/rules/flags';
import { parseFlagRows, readFlagFile, type ParsedFlagRow } from '../imports/flags';
import { sha256File } from '../imports/hash';
import type { AppContext } from './context';
import { importFlags, prepareFlag } from './flags';

type FlagFileInput = ParsedInput<'flags:import-preview'>;

/** The file to read: the one the main process's dialog chose (by its token), or the dropped bytes written to a private temporary folder. */
async function withFlagFile<T>(ctx: AppContext, input: FlagFileInput, fn: (file: string) => Promise<T>): Promise<T> {
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
  if (!input.fileToken) throw new AppError('INVALID_INPUT', 'Choose a flag file (CSV or Excel) or drop one on the window.', [{ field: 'fileToken', message: 'Choose a file to import' }]);
  return fn(ctx.files.resolve(input.fileToken, 'read'));
}

/**
 * The home a flag file is from when the user has not said: the one whose residents its valid NHS numbers
 * belong to. Refused when no line names a resident by NHS number, or the numbers point at two homes.
 */
export function homeOfFlagFile(rows: readonly ParsedFlagRow[], register: readonly MatchableResident[], fileName: string): number {
  const byNhs = new Map(register.filter((r) => r.status === 'active').map((r) => [r.nhsNumber, r.homeId]));
  const homes = new Set(rows.map((r) => byNhs.get((r.identity.nhsNumber ?? '').replace(/[\s-]/g, ''))).filter((h): h is number => h !== undefined));
  if (homes.size === 1) return [...homes][0] as number;
  throw new AppError('INVALID_INPUT', homes.size === 0
    ? `${fileName}: no line gives the NHS number of a resident on the register, so the care home cannot be worked out. Choose the care home that sent it.`
    : `${fileName} names residents of more than one care home. Choose the care home that sent it.`, [{ field: 'homeId', message: 'Choose the care home that sent the flags' }]);
}

export async function previewFlagFile(ctx: AppContext, input: FlagFileInput): Promise<FlagFilePreview> {
  return withFlagFile(ctx, input, async (file) => {
    const raw = await readFlagFile(file, { sheet: input.sheet });
    const { rows, problems, ignored } = parseFlagRows(raw);
    const register = await ctx.store.flags.matchable();
    const home = await ctx.store.homes.get(input.homeId ?? homeOfFlagFile(rows, register, input.dropped?.name ?? path.basename(file)));
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
      importedBefore: (await ctx.store.imports.findBySha(await sha256File(file)))?.importedAt ?? null,
    };
  });
}

export async function commitFlagFile(ctx: AppContext, input: FlagFileInput): Promise<FlagImportSummary & { homeName: string }> {
  return withFlagFile(ctx, input, async (file) => {
    let homeId = input.homeId;
    if (homeId === undefined) {
      const { rows } = parseFlagRows(await readFlagFile(file, { sheet: input.sheet }));
      homeId = homeOfFlagFile(rows, await ctx.store.flags.matchable(), input.dropped?.name ?? path.basename(file));
    }
    const home = await ctx.store.homes.get(homeId);
    return { ...(await importFlags(ctx, { file, homeId, sheet: input.sheet })), homeName: home.name };
  });
}
