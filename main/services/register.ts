/** Use cases of the register: homes, residents and representatives. */
import type { ParsedInput } from '../../shared/ipc';
import type { AppInfo } from '../../shared/ipc';
import type { AppContext } from './context';
import { formatNhsNumber } from '../../shared/rules/nhsNumber';

export async function appInfo(ctx: AppContext): Promise<AppInfo> {
  const practice = await ctx.store.practice.get();
  return {
    appName: 'Roundtable',
    version: ctx.appVersion,
    practice: { name: practice.name, odsCode: practice.odsCode },
    databasePath: ctx.store.location,
    isDemo: practice.isDemo,
    staff: await ctx.store.practice.listStaff(),
    today: ctx.today(),
  };
}

export const listHomes = (ctx: AppContext) => ctx.store.homes.list();
export const getHome = (ctx: AppContext, input: ParsedInput<'homes:get'>) => ctx.store.homes.get(input.id);
export const createHome = (ctx: AppContext, input: ParsedInput<'homes:create'>) => ctx.store.homes.create(ctx.actor, input.home);
export const updateHome = (ctx: AppContext, input: ParsedInput<'homes:update'>) => ctx.store.homes.update(ctx.actor, input.id, input.home);
export const findHome = (ctx: AppContext, input: ParsedInput<'homes:find'>) => ctx.store.homes.find(input.nameOrId);

export const searchResidents = (ctx: AppContext, input: ParsedInput<'residents:search'>) =>
  ctx.store.residents.search({ query: input.query, homeId: input.homeId, status: input.status });
/** Viewing a resident's record is audited, like every change. */
export async function getResident(ctx: AppContext, input: ParsedInput<'residents:get'>) {
  const resident = await ctx.store.residents.get(input.id);
  await ctx.store.audit.record(ctx.actor, 'view', 'resident', resident.id,
    `Viewed the record of ${resident.givenName} ${resident.familyName} (${formatNhsNumber(resident.nhsNumber)})`);
  return resident;
}
/** A lookup, not a view of the record: like residents:search, it is not audited. */
export const findResidentByNhsNumber = (ctx: AppContext, input: ParsedInput<'residents:find-by-nhs-number'>) =>
  ctx.store.residents.findByNhsNumber(input.nhsNumber);
export const createResident = (ctx: AppContext, input: ParsedInput<'residents:create'>) =>
  ctx.store.residents.create(ctx.actor, input.resident, input.representatives ?? []);
export const updateResident = (ctx: AppContext, input: ParsedInput<'residents:update'>) =>
  ctx.store.residents.update(ctx.actor, input.id, input.resident);

export const addRepresentative = (ctx: AppContext, input: ParsedInput<'representatives:add'>) =>
  ctx.store.representatives.add(ctx.actor, input.residentId, input.representative);
export const updateRepresentative = (ctx: AppContext, input: ParsedInput<'representatives:update'>) =>
  ctx.store.representatives.update(ctx.actor, input.id, input.representative);
export async function removeRepresentative(ctx: AppContext, input: ParsedInput<'representatives:remove'>): Promise<{ removed: true }> {
  await ctx.store.representatives.remove(ctx.actor, input.id);
  return { removed: true };
}
