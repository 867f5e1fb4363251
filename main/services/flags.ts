/** Use cases of care-home flags: import a file, enter one by hand, the unmatched queue, the lifecycle, escalation. */
import path from 'node:path';
import { z } from 'zod';
import type { ParsedInput } from '../../shared/ipc';
import type { FlagImportSummary, FlagView } from '../../shared/domain/flags';
import { AppError } from '../../shared/errors';
import { matchFlag, type MatchableResident } from '../../shared/rules/flagMatching';
import { canMoveTo, deriveSeverity, FLAG_LABELS, isLowering, mentionsHeadInjury, severityRank } from '../../shared/rules/flags';
import { formatNhsNumber } from '../../shared/rules/nhsNumber';
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
 * The flag as the person last saw it: the version their screen showed (so a save made from an older copy is
 * refused when another desktop saved first), else the one just read.
 */
async function flagAt(ctx: AppContext, id: number, version: number | undefined): Promise<FlagView & { expected: number }> {
  const flag = await ctx.store.flags.get(id, ctx.today());
  return { ...flag, expected: version ?? flag.version };
}

function lower(word: string): string {
  return word.toLowerCase();
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
  if (severityRank(derived.severity) < severityRank(flag.severity)) {
    await ctx.store.flags.update(ctx.actor, id, flag.version, { severity: derived.severity, severityReason: derived.reason }, { action: 'severity',
      summary: `Severity ${lower(FLAG_LABELS.severity[flag.severity])} → ${lower(FLAG_LABELS.severity[derived.severity])}: ${derived.reason}` });
  }
}

/** Only an unmatched, undismissed flag can be matched to someone. */
function refuseUnlessUnmatched(flag: FlagView): void {
  if (flag.residentId !== null) throw new AppError('CONFLICT', `Flag ${flag.id} is already matched to a resident`);
  if (flag.dismissedAt !== null) throw new AppError('CONFLICT', `Flag ${flag.id} was dismissed; it cannot be matched`);
}

export async function confirmMatch(ctx: AppContext, input: ParsedInput<'flags:match'>): Promise<FlagView> {
  const flag = await flagAt(ctx, input.id, input.version);
  refuseUnlessUnmatched(flag);
  const resident = await ctx.store.residents.get(input.residentId);
  if (resident.homeId !== flag.homeId) {
    throw new AppError('CONFLICT', `${resident.givenName} ${resident.familyName} lives at ${resident.homeName}, not the home that raised this flag. Check the resident, or move them first.`);
  }
  await ctx.store.flags.update(ctx.actor, flag.id, flag.expected, { residentId: resident.id, matchMethod: 'confirmed' }, { action: 'match',
    summary: `Flag matched by a person to ${resident.givenName} ${resident.familyName} (${formatNhsNumber(resident.nhsNumber)})` });
  await raiseOnceMatched(ctx, input.id);
  return ctx.store.flags.get(input.id, ctx.today());
}

export async function addResidentFromFlag(ctx: AppContext, input: ParsedInput<'flags:add-resident'>): Promise<FlagView> {
  const flag = await flagAt(ctx, input.id, input.version);
  refuseUnlessUnmatched(flag);
  if (input.resident.homeId !== flag.homeId) throw new AppError('INVALID_INPUT', 'A new resident from a flag belongs to the home that raised it');
  await ctx.store.flags.addResidentAndMatch(ctx.actor, flag.id, flag.expected, input.resident);
  await raiseOnceMatched(ctx, input.id);
  return ctx.store.flags.get(input.id, ctx.today());
}

export async function dismissFlag(ctx: AppContext, input: ParsedInput<'flags:dismiss'>): Promise<FlagView> {
  const flag = await flagAt(ctx, input.id, input.version);
  if (flag.residentId !== null) throw new AppError('CONFLICT', `Flag ${flag.id} is matched to a resident: close it instead of dismissing it`);
  if (flag.dismissedAt !== null) throw new AppError('CONFLICT', `Flag ${flag.id} is already dismissed`);
  await ctx.store.flags.update(ctx.actor, flag.id, flag.expected, { dismissedReason: input.reason }, { action: 'dismiss', summary: `Unmatched flag dismissed: ${input.reason}` });
  return ctx.store.flags.get(input.id, ctx.today());
}

export async function setFlagStatus(ctx: AppContext, input: ParsedInput<'flags:set-status'>): Promise<FlagView> {
  const flag = await flagAt(ctx, input.id, input.version);
  const { status } = input;
  const outcome = input.outcome ?? null;
  if (flag.residentId === null) throw new AppError('CONFLICT', 'Match this flag to a resident before moving it on');
  if (!canMoveTo(flag.status, status)) {
    throw new AppError('CONFLICT', `A flag that is ${lower(FLAG_LABELS.status[flag.status])} cannot become ${lower(FLAG_LABELS.status[status])}`);
  }
  if (status === 'addressed' && !outcome) throw new AppError('INVALID_INPUT', 'Enter the outcome', [{ field: 'outcome', message: 'Enter what was done about this flag' }]);
  await ctx.store.flags.update(ctx.actor, flag.id, flag.expected, { status, ...(outcome ? { outcome } : {}) }, { action: 'status',
    summary: `Flag ${lower(FLAG_LABELS.status[flag.status])} → ${lower(FLAG_LABELS.status[status])}${outcome ? `: ${outcome}` : ''}` });
  return ctx.store.flags.get(input.id, ctx.today());
}

export async function setFlagSeverity(ctx: AppContext, input: ParsedInput<'flags:set-severity'>): Promise<FlagView> {
  const flag = await flagAt(ctx, input.id, input.version);
  const { severity } = input;
  const reason = input.reason ?? null;
  if (flag.severity === severity) return flag;
  if (isLowering(flag.severity, severity) && !reason) {
    throw new AppError('INVALID_INPUT', `Give a reason for lowering a flag from ${lower(FLAG_LABELS.severity[flag.severity])}`,
      [{ field: 'reason', message: 'Enter why the severity is being lowered' }]);
  }
  const why = reason ?? 'Raised by a person';
  await ctx.store.flags.update(ctx.actor, flag.id, flag.expected, { severity, severityReason: why }, { action: 'severity',
    summary: `Severity ${lower(FLAG_LABELS.severity[flag.severity])} → ${lower(FLAG_LABELS.severity[severity])}: ${why}` });
  return ctx.store.flags.get(input.id, ctx.today());
}

export async function recordEscalation(ctx: AppContext, input: ParsedInput<'flags:record-escalation'>): Promise<FlagView> {
  const flag = await flagAt(ctx, input.id, input.version);
  if (flag.severity !== 'escalate-now') throw new AppError('CONFLICT', 'Only an escalate-now flag needs a same-day action recorded');
  const on = ctx.today();
  await ctx.store.flags.update(ctx.actor, flag.id, flag.expected, { escalationAction: input.action, escalationActionAt: on }, { action: 'escalation-action',
    summary: `Same-day action recorded on ${on}: ${input.action}` });
  return ctx.store.flags.get(input.id, ctx.today());
}
