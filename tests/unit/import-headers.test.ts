import { describe, expect, it } from 'vitest';
import { fieldValue, matchHeaders, normaliseHeader } from '../../main/imports/headers';

describe('import header matching', () => {
  const specs = [
    { field: 'nhs_number', aliases: ['NHS Number', 'NHS No', 'NHS No.'], required: true },
    { field: 'date_of_birth', aliases: ['Date of Birth', 'DOB'], required: true },
    { field: 'room' },
  ];

  it.each(['NHS Number', 'nhs_number', 'NHS No.', ' nhs no ', '\uFEFFNHS Number'])('matches %j to nhs_number', (header) => {
    expect(matchHeaders([header, 'DOB'], specs).columns.get('nhs_number')).toBe(0);
  });

  it('lists unknown columns and missing required fields', () => {
    const match = matchHeaders(['Room', 'Shoe size', ''], specs);
    expect(match.unknown).toEqual(['Shoe size']);
    expect(match.missing).toEqual(['nhs_number', 'date_of_birth']);
    expect(fieldValue([' 12 ', 'x'], match, 'room')).toBe('12');
    expect(fieldValue(['12'], match, 'nhs_number')).toBe('');
  });

  it('folds case, spaces, underscores and punctuation', () => {
    expect(normaliseHeader('Date_of Birth')).toBe(normaliseHeader('DATE OF BIRTH'));
  });
});
