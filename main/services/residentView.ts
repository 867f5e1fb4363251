/** The merged resident view: header facts and one timeline, from the resident's snapshot plus their flags and sources. */
import { ageOn } from '../../shared/dates';
import type { ParsedInput } from '../../shared/ipc';
import type { ResidentView } from '../../shared/domain/residentView';
import { AppError } from '../../shared/errors';
import { cprStatus } from '../../shared/rules/cpr';
import { endOfLifeBanner } from '../../shared/rules/carePlan';
import { buildTimeline } from '../../shared/rules/timeline';
import type { AppContext } from './context';
import { loadSettings, upcomingRounds } from './reviews';

export async function residentView(ctx: AppContext, input: ParsedInput<'residents:view'>): Promise<ResidentView> {
  const resident = await ctx.store.residents.get(input.id);
  const [snapshot] = await ctx.store.snapshots.load({ residentIds: [resident.id], homeId: resident.homeId, includeInactive: true });
  if (!snapshot) throw new AppError('NOT_FOUND', `No resident has the id ${input.id}`);
  const today = ctx.today();
  const flags = await ctx.store.flags.list({ residentId: resident.id }, today);
  const extras = await ctx.store.timeline.extras(resident.id);
  const cpr = cprStatus(snapshot.carePlans);
  const on = resident.status === 'died' && resident.statusDate ? resident.statusDate : today;
  // The store lists flags most severe first.
  const open = flags.filter((f) => f.status === 'open' || f.status === 'on-agenda');
  const worst = open[0];
  const rounds = resident.status === 'active'
    ? (await upcomingRounds(ctx, [await ctx.store.homes.get(resident.homeId)], await loadSettings(ctx))).sort((a, b) => a.date.localeCompare(b.date)) : [];
  return {
    resident,
    header: {
      age: ageOn(resident.dateOfBirth, on),
      cpr,
      currentMedicines: snapshot.medications.filter((m) => m.status === 'active').length,
      representatives: resident.representatives.length,
      openFlags: open.length,
      worstFlag: worst ? { id: worst.id, severity: worst.severity, category: worst.category, raisedOn: worst.raisedOn, text: worst.text,
        actionRecorded: worst.escalationAction !== null } : null,
      nextRound: rounds[0] ? { date: rounds[0].date, planned: !rounds[0].projected } : null,
    },
    timeline: buildTimeline(snapshot, flags, extras.sources, extras.outcomes),
    endOfLife: resident.status === 'active' ? endOfLifeBanner(snapshot, today) : null,
  };
}
