/** Use cases of care-home flags: import a file, enter one by hand, the unmatched queue, the lifecycle, escalation. */
import path from 'node:path';
import type { ParsedInput } from '../../shared/ipc';
import type { FlagImportSummary, FlagView } from '../../shared/domain/flags';
import { AppError } from '../../shared/errors';
import { matchFlag, type MatchableResident } from '../../shared/rules/flagMatching';
import { deriveSeverity } from '../../shared/rules/flags';
import { sha256File } from '../imports/hash';
import { parseFlagRows, readFlagFile, type ParsedFlagRow } from '../imports/flags';
import type { FlagToStore } from '../store';
import type { AppContext } from './context';

/** Decides the resident and severity of one parsed row. */
export function prepareFlag(row: ParsedFlagRow, homeId: number, register: readonly MatchableResident[]): FlagToStore {
  const match = matchFlag(row.identity, homeId, register);
  const severity = deriveSeverity({ category: row.category, scores: row.scores, text: row.text, given: row.givenSeverity });
  return {
    homeId, residentId: match.kind === 'matched' ? match.residentId : null, rawIdentity: row.rawIdentity, raisedOn: row.raisedOn, raisedBy: row.raisedBy,
    category: row.category, categoryOriginal: row.categoryOriginal, severity: severity.severity, severityReason: severity.reason, text: row.text,
    scores: row.scores, matchMethod: match.kind === 'matched' ? match.method : null,
    unmatched: match.kind === 'unmatched' ? { reason: match.reason, explanation: match.explanation, candidateIds: match.candidateIds } : null,
  };
}

/** Imports a care home's flag file in one transaction; rows already imported are not stored twice. */
export async function importFlags(ctx: AppContext, input: { file: string; homeId: number; sheet?: string | undefined }): Promise<FlagImportSummary> {
  const home = await ctx.store.homes.get(input.homeId);
  const raw = await readFlagFile(input.file, { sheet: input.sheet });
  const { rows, problems, ignored } = parseFlagRows(raw);
  const register = await ctx.store.flags.matchable();
  const prepared = rows.map((row) => ({ line: row.line, flag: prepareFlag(row, home.id, register) }));
  const result = await ctx.store.flags.importFile(ctx.actor, {
    kind: 'flags', format: raw.format, fileName: path.basename(input.file) + (input.sheet ? ` (sheet ${input.sheet})` : ''),
    sha256: await sha256File(input.file), importedBy: ctx.actor.osUser,
  }, prepared, problems);
  const isNew = new Set(result.stored.filter((s) => s.id !== null).map((s) => s.line));
  const fresh = prepared.filter((p) => isNew.has(p.line));
  return {
    batchId: result.batchId,
    read: raw.rows.length - ignored,
    matched: fresh.filter((p) => p.flag.residentId !== null).length,
    matchedOnNameAndDob: fresh.filter((p) => p.flag.matchMethod === 'name-and-dob').length,
    unmatched: fresh.filter((p) => p.flag.residentId === null).length,
    rejected: problems.map((p) => ({ line: p.line, field: p.field, reason: p.reason })),
  };
}

export async function listFlags(ctx: AppContext, input: ParsedInput<'flags:list'>): Promise<FlagView[]> {
  const waiting = input.status === 'waiting';
  const status = input.status === 'waiting' ? 'open' : input.status === 'current' ? undefined : input.status;
  const list = await ctx.store.flags.list({ homeId: input.homeId, severity: input.severity, unmatched: false, status }, ctx.today());
  if (waiting) return list.filter((f) => f.waiting);
  if (input.status === 'current') return list.filter((f) => f.status === 'open' || f.status === 'on-agenda');
  return list;
}

export const unmatchedFlags = (ctx: AppContext, input: ParsedInput<'flags:unmatched'>) =>
  ctx.store.flags.list({ homeId: input.homeId, unmatched: true }, ctx.today());
export const getFlag = (ctx: AppContext, input: ParsedInput<'flags:get'>) => ctx.store.flags.get(input.id, ctx.today());
export const escalations = (ctx: AppContext) => ctx.store.flags.list({ needsEscalation: true }, ctx.today());

/** A flag taken over the phone: the person chose the resident, so no matching is needed. */
export async function enterFlag(ctx: AppContext, input: ParsedInput<'flags:enter'>): Promise<FlagView> {
  const f = input.flag;
  const resident = await ctx.store.residents.get(f.residentId);
  if (resident.homeId !== f.homeId) {
    throw new AppError('INVALID_INPUT', `${resident.givenName} ${resident.familyName} does not live at that home`, [{ field: 'residentId', message: 'Choose a resident of this home' }]);
  }
  if (f.raisedOn > ctx.today()) throw new AppError('INVALID_INPUT', 'The date raised cannot be in the future', [{ field: 'raisedOn', message: 'The date raised cannot be in the future' }]);
  const scores = { ...(f.news2 !== null ? { news2: f.news2 } : {}), ...(f.must !== null ? { must: f.must } : {}), ...(f.fourAt !== null ? { fourAt: f.fourAt } : {}) };
  const derived = deriveSeverity({ category: f.category, scores, text: f.details, given: f.severity });
  const id = await ctx.store.flags.enter(ctx.actor, {
    homeId: f.homeId, residentId: resident.id,
    rawIdentity: { name: `${resident.givenName} ${resident.familyName}`, dateOfBirth: resident.dateOfBirth, nhsNumber: resident.nhsNumber },
    raisedOn: f.raisedOn, raisedBy: f.raisedBy, category: f.category, categoryOriginal: null, severity: derived.severity,
    severityReason: f.severity && f.severity === derived.severity ? 'Chosen by the person entering the flag' : derived.reason,
    text: f.details, scores, matchMethod: 'entered', unmatched: null,
  });
  if (id === null) throw new AppError('CONFLICT', 'This flag has already been recorded for this resident on that date');
  return ctx.store.flags.get(id, ctx.today());
}

export async function confirmMatch(ctx: AppContext, input: ParsedInput<'flags:match'>): Promise<FlagView> {
  await ctx.store.flags.confirmMatch(ctx.actor, input.id, input.residentId);
  return ctx.store.flags.get(input.id, ctx.today());
}

export async function addResidentFromFlag(ctx: AppContext, input: ParsedInput<'flags:add-resident'>): Promise<FlagView> {
  await ctx.store.flags.addResidentAndMatch(ctx.actor, input.id, input.resident);
  return ctx.store.flags.get(input.id, ctx.today());
}

export async function dismissFlag(ctx: AppContext, input: ParsedInput<'flags:dismiss'>): Promise<FlagView> {
  await ctx.store.flags.dismiss(ctx.actor, input.id, input.reason);
  return ctx.store.flags.get(input.id, ctx.today());
}

export async function setFlagStatus(ctx: AppContext, input: ParsedInput<'flags:set-status'>): Promise<FlagView> {
  await ctx.store.flags.setStatus(ctx.actor, input.id, input.status, input.outcome ?? null);
  return ctx.store.flags.get(input.id, ctx.today());
}

export async function setFlagSeverity(ctx: AppContext, input: ParsedInput<'flags:set-severity'>): Promise<FlagView> {
  await ctx.store.flags.setSeverity(ctx.actor, input.id, input.severity, input.reason ?? null);
  return ctx.store.flags.get(input.id, ctx.today());
}

export async function recordEscalation(ctx: AppContext, input: ParsedInput<'flags:record-escalation'>): Promise<FlagView> {
  await ctx.store.flags.recordEscalation(ctx.actor, input.id, input.action, ctx.today());
  return ctx.store.flags.get(input.id, ctx.today());
}
