/**
 * Computations over the whole register (every resident's rules, the review schedule) remembered on the
 * context while the database has not changed and the day is the same: turning a page, sorting or
 * filtering a list, or coming back to a screen then costs a lookup, not the rules for 2,000 residents.
 * Any write (here or by another process) changes the store's data version and forgets them all.
 * The remembered values are shared between callers: read them, never change them.
 */
import type { AppContext } from './context';

export async function remembered<T>(ctx: AppContext, key: string, compute: () => Promise<T>): Promise<T> {
  const version = `${await ctx.store.dataVersion()}|${ctx.today()}`;
  const memo = ctx.state.remembered;
  if (memo.version !== version) {
    memo.version = version;
    memo.values.clear();
  }
  const known = memo.values.get(key);
  if (known) return known as Promise<T>;
  // The promise is remembered, so two screens asking at once share one computation; a failure is not kept.
  const value = compute();
  memo.values.set(key, value);
  value.catch(() => {
    if (memo.values.get(key) === value) memo.values.delete(key);
  });
  return value;
}
