/** The words of the care pathway (issue 14): names and pronouns, move-in versus hospital, a relative who prefers not to join. */
import { describe, expect, it } from 'vitest';
import { proposeAttendees } from '../../shared/rules/attendees';
import { acpMissing, acpReview } from '../../shared/rules/carePlan';
import { callingName, firstMention, pronounsOf, recordedPronouns } from '../../shared/rules/names';
import { kindTopics } from '../../shared/print';
import { isMoveIn } from '../../shared/rules/moveIn';
import { makeRepresentative, makeSnapshot } from '../helpers/snapshots';

const TODAY = '2026-11-23';

describe('names and pronouns, in one place', () => {
  it('names "Stanley (Betty)" on first mention and "Betty" after; the given name alone without a different preferred name', () => {
    expect(firstMention({ givenName: 'Stanley', preferredName: 'Betty' })).toBe('Stanley (Betty)');
    expect(callingName({ givenName: 'Stanley', preferredName: 'Betty' })).toBe('Betty');
    expect(firstMention({ givenName: 'Mary', preferredName: null })).toBe('Mary');
    expect(firstMention({ givenName: 'Mary', preferredName: 'mary' })).toBe('Mary');
  });

  it('takes pronouns from the recorded sex, not the preferred name, unless the record says otherwise', () => {
    expect(pronounsOf({ sex: 'male', givenName: 'Stanley', preferredName: 'Betty' })).toEqual({ they: 'he', them: 'him', their: 'his' });
    expect(pronounsOf({ sex: 'female' }).they).toBe('she');
    expect(pronounsOf({ sex: 'unknown' }).they).toBe('they');
    expect(pronounsOf({ sex: 'male', communicationNeeds: 'Hearing aid left ear. Pronouns: she/her' })).toEqual({ they: 'she', them: 'her', their: 'her' });
    expect(recordedPronouns('uses they/them')?.their).toBe('their');
    expect(recordedPronouns('Likes tea')).toBeNull();
  });

  it('uses them in the care-plan explanations and the letter topics', () => {
    const s = makeSnapshot(1, { givenName: 'Stanley', preferredName: 'Betty', sex: 'male', admissionDate: '2026-06-01' },
      { representatives: [makeRepresentative(2, 1, { name: 'Jean Smith', relationship: 'Daughter' })] });
    const [item] = acpMissing(s, TODAY);
    expect(item?.explanation).toBe('There is no advance care plan for Stanley (Betty), who moved in on 01/06/2026. Talk with Betty and his daughter Jean Smith '
      + 'about what he would want if he became more unwell, and whether a ReSPECT form would help.');
    expect(kindTopics([{ residentId: 1, rule: 'acp-missing', due: TODAY, status: 'due', explanation: '', minutes: 15 }], 'Betty', s.resident))
      .toEqual(['what matters most to Betty, and what he would want if he became more unwell']);
  });
});

describe('an explanation names the right event', () => {
  it('a move into the home is never "went into hospital"', () => {
    const plan = { id: 1, element: 'respect' as const, value: 'for-cpr', details: {}, recordedOn: '2026-01-01', reviewDue: '2027-01-01', participants: {}, source: 't', supersededBy: null };
    const s = makeSnapshot(1, { admissionDate: '2026-11-02' }, { carePlans: [plan], events: [
      { id: 1, type: 'admission', date: '2026-11-02', details: 'Admitted to the care home', source: 't' },
      { id: 2, type: 'admission', date: '2026-11-10', details: 'Chest infection', source: 't' }] });
    const [item] = acpReview(s, TODAY);
    expect(item?.explanation).toMatch(/She moved to Test Lodge on 02\/11\/2026/i);
    expect(item?.explanation).toMatch(/she went into hospital on 10\/11\/2026/);
    expect(item?.explanation).not.toMatch(/went into hospital on 02\/11\/2026/);
    expect(isMoveIn({ type: 'admission', date: '2026-10-01', details: 'New resident from home' }, null)).toBe(true);
    expect(isMoveIn({ type: 'admission', date: '2026-10-01', details: 'Fractured neck of femur' }, '2026-06-01')).toBe(false);
  });
});

describe('a relative who prefers not to join', () => {
  it('is never proposed or invited, and is shown as declined with the reason, even holding an LPA', () => {
    const s = makeSnapshot(1, { dementia: true }, { representatives: [
      makeRepresentative(2, 1, { name: 'Alan Park', relationship: 'son', preferredContact: 'not', holdsLpaHealthWelfare: true }),
      makeRepresentative(3, 1, { name: 'Rose Park', relationship: 'daughter', preferredContact: 'video' })] });
    const [alan, rose] = proposeAttendees(s).attendees.representatives;
    expect(alan).toMatchObject({ name: 'Alan Park', proposed: false, status: 'declined' });
    expect(alan?.why).toMatch(/Prefers not to join.*no letter/);
    expect(rose).toMatchObject({ proposed: true, status: 'not-invited', how: 'video' });
  });
});
