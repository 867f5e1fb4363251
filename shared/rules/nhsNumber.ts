/**
 * NHS number validation: 10 digits, the last a Modulus 11 check digit.
 * Stored as 10 digits, shown as 3-3-4 ("943 476 5919").
 */

export type NhsNumberCheck =
  | { valid: true; nhsNumber: string; warning?: string }
  | { valid: false; reason: string };

/** Numbers that pass the check but are placeholders, never real patients. */
const PLACEHOLDERS = new Set(['0000000000', '1111111111', '2222222222', '3333333333', '4444444444',
  '5555555555', '6666666666', '7777777777', '8888888888', '9999999999']);

/** Strips the spaces and dashes people and exports put in NHS numbers. */
export function normaliseNhsNumber(raw: string): string {
  return raw.replace(/[\s-]/g, '');
}

export function modulus11CheckDigit(firstNine: string): number | null {
  let total = 0;
  for (let i = 0; i < 9; i++) total += Number(firstNine[i]) * (10 - i);
  const check = 11 - (total % 11);
  if (check === 11) return 0;
  if (check === 10) return null; // no number with these nine digits is valid
  return check;
}

export function checkNhsNumber(raw: string): NhsNumberCheck {
  const digits = normaliseNhsNumber(raw.trim());
  if (digits === '') return { valid: false, reason: 'Enter an NHS number' };
  if (!/^\d+$/.test(digits)) return { valid: false, reason: 'An NHS number contains only digits' };
  if (digits.length !== 10) return { valid: false, reason: `An NHS number has 10 digits; this has ${digits.length}` };
  const expected = modulus11CheckDigit(digits.slice(0, 9));
  if (expected === null || expected !== Number(digits[9])) {
    return { valid: false, reason: 'This is not a valid NHS number: the check digit does not match. Check it has been copied correctly' };
  }
  if (PLACEHOLDERS.has(digits)) {
    return { valid: true, nhsNumber: digits, warning: 'This looks like a placeholder NHS number, not a real one' };
  }
  return { valid: true, nhsNumber: digits };
}

export function isValidNhsNumber(raw: string): boolean {
  return checkNhsNumber(raw).valid;
}

/** "9434765919" -> "943 476 5919"; anything else is returned as given. */
export function formatNhsNumber(nhsNumber: string): string {
  const d = normaliseNhsNumber(nhsNumber);
  return /^\d{10}$/.test(d) ? `${d.slice(0, 3)} ${d.slice(3, 6)} ${d.slice(6)}` : nhsNumber;
}
