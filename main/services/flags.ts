/** Use cases of care-home flags: import a file, enter one by hand, the unmatched queue, the lifecycle, escalation. */
import path from 'node:path';
import { z } from 'zod';
import type { ParsedInput } from '../../shared/ipc';
import type { FlagImportSummary, FlagView } from '../../shared/domain/flags';
import { AppError } from '../../shared/errors';
import { matchFlag, type MatchableResident } from '../../shared/rules/flagMatching';
import { deriveSeverity, mentionsHeadInjury, severityRank } from '../../shared/rules/flags';
import { currentMedicines } from '../../shared/rules/medicines';
import type { FlagSeverity } from '../../shared/domain/enums';
import { sha256File } from '../imports/hash';
import { parseFlagRows, readFlagFile, type ParsedFlagRow } from '../imports/flags';
import type { FlagToStore } from '../store';
import { id } from '../../shared/ipc/register';
import type { AppContext } from './context';
import { checkInput } from './validate';

/** Decides the resident and severity of one parsed row. */
export function prepareFlag(row: ParsedFlagRow, homeId: number, register: readonly MatchableResident[],
  anticoagulantsOf: (residentId: number) => readonly string[] = () => []): FlagToStore {
  const match = matchFlag(row.identity, homeId, register);
  const anticoagulants = match.kind === 'matched' ? anticoagulantsOf(match.residentId) : [];
  const severity = deriveSeverity({ category: row.category, scores: row.scores, text: row.text, given: row.givenSeverity, anticoagulants });
  return {
    homeId, residentId: match.kind === 'matched' ? match.residentId : null, rawIdentity: row.rawIdentity, raisedOn: row.raisedOn, raisedBy: row.raisedBy,
    category: row.category, categoryOriginal: row.categoryOriginal, severity: severity.severity, severityReason: severity.reason, homeSeverity: row.severityText ?? null, text: row.text,
    scores: row.scores, matchMethod: match.kind === 'matched' ? match.method : null,
    unmatched: match.kind === 'unmatched' ? { reason: match.reason, explanation: match.explanation, candidateIds: match.candidateIds } : null,
  };
}

/** The current anticoagulants (by name) of each resident asked about, from the medicines data's `anticoagulant` tag. */
async function anticoagulantsByResident(ctx: AppContext, query: { homeId?: number; residentIds?: number[] }): Promise<Map<number, string[]>> {
  const snapshots = await ctx.store.snapshots.load(query);
  return new Map(snapshots.map((s) => [s.resident.id, currentMedicines(s).filter((m) => m.entry?.anticoagulant).map((m) => m.entry?.name ?? m.text)]));
}

/** Imports a care home's flag file in one transaction; rows already imported are not stored twice. */
/** What importFlags takes: the file the main process chose (CLI argument), the home that sent it, and its sheet. */
const flagFileInput = z.object({
  file: z.string().trim().min(1, 'Choose a file to import').max(4096),
  homeId: id,
  sheet: z.string().trim().min(1).max(100).optional(),
}).strict();

export async function importFlags(ctx: AppContext, given: { file: string; homeId: number; sheet?: string | undefined }): Promise<FlagImportSummary> {
  const input = checkInput(flagFileInput, Object.fromEntries(Object.entries(given).filter(([, v]) => v !== undefined)));
  const home = await ctx.store.homes.get(input.homeId);
  const raw = await readFlagFile(input.file, { sheet: input.sheet });
  const { rows, problems, ignored } = parseFlagRows(raw);
  const register = await ctx.store.flags.matchable();
  // A fall with a head injury is escalate-now on an anticoagulant: the home's residents' medicines are read only when one is reported.
  const thinners = rows.some((r) => r.category === 'fall' && mentionsHeadInjury(r.text)) ? await anticoagulantsByResident(ctx, { homeId: home.id }) : new Map<number, string[]>();
  const prepared = rows.map((row) => ({ line: row.line, flag: prepareFlag(row, home.id, register, (id) => thinners.get(id) ?? []) }));
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

/** Severities an unmatched flag is too serious to wait in the queue with: it is listed, on the banner and on the round too. */
export const UNMATCHED_SHOWN: readonly FlagSeverity[] = ['escalate-now', 'urgent'];

/**
 * Flags matched to residents, and with them the unmatched urgent and escalate-now flags (marked `unmatched`,
 * `residentId` null): a new resident not yet on the register must not hide an urgent concern.
 */
export async function listFlags(ctx: AppContext, input: ParsedInput<'flags:list'>): Promise<FlagView[]> {
  const waiting = input.status === 'waiting';
  const status = input.status === 'waiting' ? 'open' : input.status === 'current' ? undefined : input.status;
  const today = ctx.today();
  const list = await ctx.store.flags.list({ homeId: input.homeId, severity: input.severity, unmatched: false, status }, today);
  if (waiting) return list.filter((f) => f.waiting);
  const severities = UNMATCHED_SHOWN.filter((s) => input.severity === undefined || input.severity === s);
  const unmatched = severities.length === 0 || (status !== undefined && status !== 'open') ? []
    : (await ctx.store.flags.list({ homeId: input.homeId, unmatched: true }, today)).filter((f) => severities.includes(f.severity));
  const all = [...list, ...unmatched].sort((a, b) => severityRank(a.severity) - severityRank(b.severity) || b.raisedOn.localeCompare(a.raisedOn) || b.id - a.id);
  if (input.status === 'current') return all.filter((f) => f.status === 'open' || f.status === 'on-agenda');
  return all;
}

export const unmatchedFlags = (ctx: AppContext, input: ParsedInput<'flags:unmatched'>) =>
  ctx.store.flags.list({ homeId: input.homeId, unmatched: true }, ctx.today());
export const getFlag = (ctx: AppContext, input: ParsedInput<'flags:get'>) => ctx.store.flags.get(input.id, ctx.today());
/**
 * The red banner: escalate-now flags with no same-day action recorded (matched or not), and unmatched urgent
 * flags still in the queue (a new resident not yet on the register).
 */
export async function escalations(ctx: AppContext): Promise<FlagView[]> {
  const today = ctx.today();
  const now = await ctx.store.flags.list({ needsEscalation: true }, today);
  const urgent = (await ctx.store.flags.list({ unmatched: true, severity: 'urgent' }, today)).filter((f) => f.status === 'open' || f.status === 'on-agenda');
  return [...now, ...urgent];
}

/** A flag taken over the phone: the person chose the resident, so no matching is needed. */
export async function enterFlag(ctx: AppContext, input: ParsedInput<'flags:enter'>): Promise<FlagView> {
  const f = input.flag;
  const resident = await ctx.store.residents.get(f.residentId);
  if (resident.homeId !== f.homeId) {
    throw new AppError('INVALID_INPUT', `${resident.givenName} ${resident.familyName} does not live at that home`, [{ field: 'residentId', message: 'Choose a resident of this home' }]);
  }
  if (f.raisedOn > ctx.today()) throw new AppError('INVALID_INPUT', 'The date raised cannot be in the future', [{ field: 'raisedOn', message: 'The date raised cannot be in the future' }]);
  const scores = { ...(f.news2 !== null ? { news2: f.news2 } : {}), ...(f.must !== null ? { must: f.must } : {}), ...(f.fourAt !== null ? { fourAt: f.fourAt } : {}) };
  const anticoagulants = f.category === 'fall' && mentionsHeadInjury(f.details)
    ? (await anticoagulantsByResident(ctx, { residentIds: [resident.id] })).get(resident.id) ?? [] : [];
  const derived = deriveSeverity({ category: f.category, scores, text: f.details, given: f.severity, anticoagulants });
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

/**
 * Once a person says who a flag is about, what only the resident's record can tell is worked out again: a fall
 * with a head injury on an anticoagulant becomes escalate-now. A severity is only ever raised here.
 */
async function raiseOnceMatched(ctx: AppContext, id: number): Promise<void> {
  const flag = await ctx.store.flags.get(id, ctx.today());
  if (flag.residentId === null || flag.category !== 'fall' || !mentionsHeadInjury(flag.text)) return;
  const anticoagulants = (await anticoagulantsByResident(ctx, { residentIds: [flag.residentId] })).get(flag.residentId) ?? [];
  if (anticoagulants.length === 0) return;
  const derived = deriveSeverity({ category: flag.category, scores: flag.scores, text: flag.text, given: flag.severity, anticoagulants });
  if (severityRank(derived.severity) < severityRank(flag.severity)) await ctx.store.flags.setSeverity(ctx.actor, id, derived.severity, derived.reason);
}

export async function confirmMatch(ctx: AppContext, input: ParsedInput<'flags:match'>): Promise<FlagView> {
  await ctx.store.flags.confirmMatch(ctx.actor, input.id, input.residentId);
  await raiseOnceMatched(ctx, input.id);
  return ctx.store.flags.get(input.id, ctx.today());
}

export async function addResidentFromFlag(ctx: AppContext, input: ParsedInput<'flags:add-resident'>): Promise<FlagView> {
  await ctx.store.flags.addResidentAndMatch(ctx.actor, input.id, input.resident);
  await raiseOnceMatched(ctx, input.id);
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
