/** The matching table: every rule of issue 4, with the look-alikes that make a wrong match a hazard. */
import { describe, expect, it } from 'vitest';
import { familyKey, matchFlag, type FlagIdentity, type MatchableResident } from '../../shared/rules/flagMatching';

const HOME = 1;
const OTHER_HOME = 2;
let nextId = 1;
function resident(over: Partial<MatchableResident>): MatchableResident {
  return { id: nextId++, nhsNumber: '9990000018', familyName: 'Smith', givenName: 'Mary', preferredName: null, dateOfBirth: '1940-01-01',
    homeId: HOME, status: 'active', ...over };
}

const mary = resident({ id: 1, nhsNumber: '9990000026', familyName: 'Smith', givenName: 'Mary', dateOfBirth: '1940-03-15' });
const marie = resident({ id: 2, nhsNumber: '9990000034', familyName: 'Smyth', givenName: 'Marie', dateOfBirth: '1940-03-15' });
const twinA = resident({ id: 3, nhsNumber: '9990000042', familyName: 'Okafor', givenName: 'Grace', dateOfBirth: '1936-07-04' });
const twinB = resident({ id: 4, nhsNumber: '9990000050', familyName: 'Okafor', givenName: 'Gloria', dateOfBirth: '1936-07-04' });
const obrien = resident({ id: 5, nhsNumber: '9990000069', familyName: "O'Brien-Dúnne", givenName: 'Siobhán', dateOfBirth: '1931-11-30' });
const mcdonald = resident({ id: 6, nhsNumber: '9990000077', familyName: 'McDonald', givenName: 'Alan', dateOfBirth: '1929-02-02' });
const away = resident({ id: 7, nhsNumber: '9990000085', familyName: 'Green', givenName: 'Peter', dateOfBirth: '1935-05-05', homeId: OTHER_HOME });
const macdonald = resident({ id: 8, nhsNumber: '9990000093', familyName: 'MacDonald', givenName: 'Alan', dateOfBirth: '1929-02-02' });
const left = resident({ id: 9, nhsNumber: '9990000107', familyName: 'Hill', givenName: 'Joan', dateOfBirth: '1933-03-03', status: 'left' });
const REGISTER = [mary, marie, twinA, twinB, obrien, mcdonald, away, macdonald, left];

type Expect = { matched: number; method: 'nhs-number' | 'name-and-dob' } | { unmatched: string; candidates?: number[] };
const TABLE: [string, FlagIdentity, Expect][] = [
  // Rule 1: NHS number
  ['right NHS number, name and date of birth agree', { name: 'Mary Smith', dateOfBirth: '1940-03-15', nhsNumber: '999 000 0026' }, { matched: 1, method: 'nhs-number' }],
  ['right NHS number, family/given columns, no date of birth', { familyName: 'SMITH', givenName: 'mary', nhsNumber: '9990000026' }, { matched: 1, method: 'nhs-number' }],
  ['right NHS number with a different name', { name: 'Joan Smith', dateOfBirth: '1940-03-15', nhsNumber: '9990000026' }, { unmatched: 'identity-disagrees', candidates: [1] }],
  ['right NHS number with a different date of birth', { name: 'Mary Smith', dateOfBirth: '1940-03-16', nhsNumber: '9990000026' }, { unmatched: 'identity-disagrees', candidates: [1] }],
  ['wrong NHS number (valid, someone else’s)', { name: 'Mary Smith', dateOfBirth: '1940-03-15', nhsNumber: '9990000034' }, { unmatched: 'identity-disagrees', candidates: [2] }],
  ['NHS number of a resident at another home', { name: 'Peter Green', dateOfBirth: '1935-05-05', nhsNumber: '9990000085' }, { unmatched: 'identity-disagrees', candidates: [7] }],
  ['valid NHS number not on the register, name and DOB fit someone else', { name: 'Mary Smith', dateOfBirth: '1940-03-15', nhsNumber: '9990000115' }, { unmatched: 'identity-disagrees', candidates: [1] }],
  ['invalid NHS number (typo) falls back to name and date of birth', { name: 'Mary Smith', dateOfBirth: '1940-03-15', nhsNumber: '9990000027' }, { matched: 1, method: 'name-and-dob' }],
  // Rule 2: name and date of birth in the home
  ['name and date of birth', { name: 'Mary Smith', dateOfBirth: '1940-03-15' }, { matched: 1, method: 'name-and-dob' }],
  ['"SMITH, Mary" order', { name: 'SMITH, Mary', dateOfBirth: '1940-03-15' }, { matched: 1, method: 'name-and-dob' }],
  ['initial agrees', { familyName: 'smith', givenName: 'M', dateOfBirth: '1940-03-15' }, { matched: 1, method: 'name-and-dob' }],
  ['look-alike name: Smyth is not Smith', { name: 'Marie Smith', dateOfBirth: '1940-03-15' }, { unmatched: 'no-candidate', candidates: [1, 2] }],
  ['look-alike name: Marie Smyth matches only Marie Smyth', { name: 'Marie Smyth', dateOfBirth: '1940-03-15' }, { matched: 2, method: 'name-and-dob' }],
  ['twins with the same date of birth, told apart by given name', { name: 'Gloria Okafor', dateOfBirth: '1936-07-04' }, { matched: 4, method: 'name-and-dob' }],
  ['twins with the same date of birth and initial: never pick', { familyName: 'Okafor', givenName: 'G', dateOfBirth: '1936-07-04' }, { unmatched: 'two-candidates', candidates: [3, 4] }],
  ['twins, no given name: never pick', { familyName: 'Okafor', dateOfBirth: '1936-07-04' }, { unmatched: 'no-candidate', candidates: [3, 4] }],
  ['accents, hyphens and apostrophes folded', { name: 'Siobhan OBrien Dunne', dateOfBirth: '1931-11-30' }, { matched: 5, method: 'name-and-dob' }],
  ['accents, hyphens and apostrophes in columns', { familyName: "o'brien-dunne", givenName: 'SIOBHÁN', dateOfBirth: '1931-11-30' }, { matched: 5, method: 'name-and-dob' }],
  ['Mc spelled as given matches Mc', { name: 'Alan McDonald', dateOfBirth: '1929-02-02' }, { matched: 6, method: 'name-and-dob' }],
  ['"Mc Donald" with a space is McDonald', { name: 'Alan Mc Donald', dateOfBirth: '1929-02-02' }, { matched: 6, method: 'name-and-dob' }],
  ['Mac spelled as given matches Mac only', { name: 'Alan MacDonald', dateOfBirth: '1929-02-02' }, { matched: 8, method: 'name-and-dob' }],
  // Rule 3: everything else
  ['name alone (no date of birth) is never matched', { name: 'Mary Smith' }, { unmatched: 'no-date-of-birth', candidates: [1] }],
  ['no name', { dateOfBirth: '1940-03-15' }, { unmatched: 'no-name', candidates: [1, 2] }],
  ['no candidate', { name: 'Nobody Known', dateOfBirth: '1950-01-01' }, { unmatched: 'no-candidate', candidates: [] }],
  ['resident at another home is not a candidate by name', { name: 'Peter Green', dateOfBirth: '1935-05-05' }, { unmatched: 'no-candidate', candidates: [] }],
  ['resident who has left is not matched by name', { name: 'Joan Hill', dateOfBirth: '1933-03-03' }, { unmatched: 'no-candidate', candidates: [] }],
];

describe('matching a flag to a resident', () => {
  it.each(TABLE)('H1: %s', (_label, identity, expected) => {
    const result = matchFlag(identity, HOME, REGISTER);
    if ('matched' in expected) {
      expect(result).toMatchObject({ kind: 'matched', residentId: expected.matched, method: expected.method });
    } else {
      expect(result).toMatchObject({ kind: 'unmatched', reason: expected.unmatched });
      if (expected.candidates && result.kind === 'unmatched') expect([...result.candidateIds].sort()).toEqual(expected.candidates);
    }
  });

  it('H1: never picks between two residents with the same name and date of birth', () => {
    const a = resident({ id: 20, familyName: 'Jones', givenName: 'Ann', dateOfBirth: '1930-01-01', nhsNumber: '9990000123' });
    const b = resident({ id: 21, familyName: 'Jones', givenName: 'Ann', dateOfBirth: '1930-01-01', nhsNumber: '9990000131' });
    expect(matchFlag({ name: 'Ann Jones', dateOfBirth: '1930-01-01' }, HOME, [a, b])).toMatchObject({ kind: 'unmatched', reason: 'two-candidates', candidateIds: [20, 21] });
  });

  it('folds family names for comparison, keeping Mc and Mac apart', () => {
    expect(familyKey("O'Brien-Dúnne")).toBe(familyKey('obrien dunne'));
    expect(familyKey('McDonald')).not.toBe(familyKey('MacDonald'));
  });
});
