/** The practice's own details, which every letter carries: name, address, phone, email and the sender. */
import type { ParsedInput } from '../../shared/ipc';
import type { PracticeDetails } from '../../shared/domain/register';
import type { AppContext } from './context';

export async function getPracticeDetails(ctx: AppContext): Promise<PracticeDetails> {
  const p = await ctx.store.practice.get();
  return { name: p.name, odsCode: p.odsCode, address: p.address, phone: p.phone, email: p.email, sender: p.sender };
}

/** Changes only the details given; an empty value clears one (except the name, which a practice always has). */
export async function savePracticeDetails(ctx: AppContext, input: ParsedInput<'practice:save'>): Promise<PracticeDetails> {
  const current = await getPracticeDetails(ctx);
  const d = input.details;
  const value = (given: string | undefined, was: string | null) => (given === undefined ? was : given === '' ? null : given);
  await ctx.store.practice.saveDetails(ctx.actor, {
    name: d.name ?? current.name,
    address: value(d.address, current.address),
    phone: value(d.phone, current.phone),
    email: value(d.email, current.email),
    sender: value(d.sender, current.sender),
  });
  return getPracticeDetails(ctx);
}
