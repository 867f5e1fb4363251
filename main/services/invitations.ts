/**
 * Inviting relatives to a round: every relative the planner proposes in one action, or one relative a
 * given way. A relative whose contact preference is "prefers not to join" is never invited (hazard H16):
 * the invitation is refused, and "invite all proposed" leaves them out and says so.
 */
import { addDays } from '../../shared/dates';
import { AppError } from '../../shared/errors';
import type { ParsedInput } from '../../shared/ipc';
import type { InviteResult } from '../../shared/ipc/week';
import type { RepresentativeAttendee } from '../../shared/domain/round';
import type { AppContext } from './context';
import { nextWeekFrom } from './rounds';

export async function invite(ctx: AppContext, input: ParsedInput<'rounds:invite'>): Promise<InviteResult> {
  let round = await ctx.store.rounds.get(input.roundId);
  if (round.status === 'held' || round.status === 'closed') {
    throw new AppError('CONFLICT', `This round is ${round.status === 'held' ? 'already held' : 'closed'}: nobody more can be invited to it.`);
  }
  const residentIds = round.items.map((i) => i.residentId);
  const snapshots = residentIds.length > 0 ? await ctx.store.snapshots.load({ homeId: round.homeId, residentIds, includeInactive: true }) : [];
  const declines = new Set(snapshots.flatMap((s) => s.representatives.filter((r) => r.preferredContact === 'not').map((r) => r.id)));
  const invited: InviteResult['invited'] = [];
  const skipped: InviteResult['skipped'] = [];
  const one = 'representativeId' in input ? input : null;
  let found = false;
  for (const item of round.items) {
    let changed = false;
    const representatives = item.attendees.representatives.map((r): RepresentativeAttendee => {
      const wanted = one ? r.representativeId === one.representativeId : r.proposed && r.status === 'not-invited';
      if (!wanted) return r;
      found = true;
      if (declines.has(r.representativeId)) {
        skipped.push({ itemId: item.id, representativeId: r.representativeId, name: r.name, why: `${r.name} prefers not to join reviews` });
        return r;
      }
      const how = one ? one.how : r.how;
      if (r.status === 'invited' && r.how === how) return r;
      changed = true;
      invited.push({ itemId: item.id, representativeId: r.representativeId, name: r.name, relationship: r.relationship, how });
      return { ...r, how, status: r.status === 'confirmed' && r.how === how ? 'confirmed' : 'invited' };
    });
    if (changed) await ctx.store.rounds.updateItem(ctx.actor, item.id, item.version, { attendees: { ...item.attendees, representatives } });
  }
  if (one && !found) throw new AppError('NOT_FOUND', 'That relative is not listed for anyone on this round.');
  if (one && skipped.length > 0) {
    throw new AppError('CONFLICT', `${skipped[0]?.name ?? 'This relative'} prefers not to join reviews, so is not invited. Change their contact preference first if they have said they would now like to.`);
  }
  if (invited.length > 0) round = await ctx.store.rounds.get(round.id);
  return { round, invited, skipped };
}

/** "Invite all proposed" for the week: every round planned (and not yet held) in the 7 days from `from`. */
export async function inviteWeek(ctx: AppContext, input: ParsedInput<'rounds:invite-week'>) {
  const from = input.from ?? nextWeekFrom(ctx);
  const to = addDays(from, 6);
  const rounds = (await ctx.store.rounds.list(null)).filter((r) => r.date >= from && r.date <= to && (r.status === 'planning' || r.status === 'agenda-issued'));
  const invited: InviteResult['invited'] = [];
  const skipped: InviteResult['skipped'] = [];
  for (const r of rounds) {
    const result = await invite(ctx, { roundId: r.id, allProposed: true });
    invited.push(...result.invited);
    skipped.push(...result.skipped);
  }
  return { rounds: rounds.length, invited, skipped };
}
