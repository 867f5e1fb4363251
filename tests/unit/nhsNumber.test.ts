import { describe, expect, it } from 'vitest';
import { checkNhsNumber, formatNhsNumber, normaliseNhsNumber } from '../../shared/rules/nhsNumber';

describe('NHS number Modulus 11 check', () => {
  it.each(['9434765919', '9876543210', '4000000632', '9912003888', '9000000009'])('accepts the published valid number %s', (n) => {
    const result = checkNhsNumber(n);
    expect(result.valid).toBe(true);
    expect(result.valid && result.warning).toBeFalsy();
  });

  it('H1: rejects 1234567890, whose check digit would be 10', () => {
    expect(checkNhsNumber('1234567890')).toMatchObject({ valid: false, reason: expect.stringContaining('check digit') });
  });

  it.each(['4865447041', '0000000060', '9434765918', '9434765910'])('rejects %s, whose check digit does not match', (n) => {
    expect(checkNhsNumber(n).valid).toBe(false);
  });

  it.each(['0000000000', '1111111111', '9999999999'])('accepts placeholder %s but warns that it is a placeholder', (n) => {
    const result = checkNhsNumber(n);
    expect(result.valid).toBe(true);
    expect(result.valid && result.warning).toMatch(/placeholder/);
  });

  it('accepts spaces and dashes as people type them', () => {
    expect(checkNhsNumber('943 476 5919')).toEqual({ valid: true, nhsNumber: '9434765919' });
    expect(checkNhsNumber('943-476-5919')).toEqual({ valid: true, nhsNumber: '9434765919' });
    expect(normaliseNhsNumber(' 943 476-5919')).toBe('9434765919');
  });

  it.each([
    ['', 'Enter an NHS number'],
    ['94347659', '10 digits; this has 8'],
    ['94347659190', '10 digits; this has 11'],
    ['943476591X', 'only digits'],
  ])('explains why %j is not an NHS number', (raw, message) => {
    expect(checkNhsNumber(raw)).toMatchObject({ valid: false, reason: expect.stringContaining(message) });
  });

  it('shows numbers as 3-3-4', () => {
    expect(formatNhsNumber('9434765919')).toBe('943 476 5919');
    expect(formatNhsNumber('not a number')).toBe('not a number');
  });
});
