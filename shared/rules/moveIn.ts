/** Telling a move into the home from a hospital admission, so no explanation says "went into hospital" about a move-in. */

/**
 * Whether an "admission" event is the resident moving into the home rather than going into hospital: on the
 * day the register says they moved in, or described as a move into the home.
 */
export function isMoveIn(event: { type: string; date: string; details: string | null }, admissionDate: string | null): boolean {
  if (event.type !== 'admission') return false;
  if (admissionDate !== null && event.date === admissionDate) return true;
  return /\b(moved|move|admitted|admission)\s+(in|into|to)\s+(the\s+)?(care\s+|nursing\s+|residential\s+)?home\b|\bnew resident\b|\bcare home admission\b/i.test(event.details ?? '');
}
