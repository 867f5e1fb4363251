/**
 * Who is proposed for a joint review (docs/clinical-rules.md, who is proposed). A representative is proposed for invitation
 * when:
 *  - the resident lacks capacity — our rule: the resident lives with dementia (livesWithDementia: recorded, coded,
 *    or on an anti-dementia medicine), or their capacity notes say
 *    they lack capacity ("lacks capacity", "no capacity", "does not have capacity", "unable to decide",
 *    "best interests"); capacity is decision-specific, so this errs towards inviting;
 *  - they hold an LPA for health and welfare; or
 *  - they raised a concern (a family-concern flag naming them).
 * They are invited the way they prefer. A relative whose recorded preference is not to join is respected: never
 * proposed or invited, no letter, shown as "declined" with the reason (the "how" is kept only because every
 * attendee has one; nothing is sent). Everyone else starts "not invited": the user sends the invitations.
 * The resident is expected to attend.
 */
import type { Attendees, InviteMethod, Question } from '../domain/round';
import type { ResidentSnapshot } from '../domain/snapshot';
import { livesWithDementia } from './dementia';
import type { Representative } from '../domain/register';
import { callingName } from './names';
import { concernRaisers } from './roundReasons';

const LACKS_CAPACITY = /lacks? (the )?capacity|no capacity|not have (the )?capacity|doesn.t have capacity|unable to (decide|make decisions)|best interests?/i;

export function lacksCapacity(s: ResidentSnapshot): boolean {
  return livesWithDementia(s) !== null || LACKS_CAPACITY.test(s.resident.capacityNotes ?? '');
}

export function proposeAttendees(s: ResidentSnapshot): { attendees: Attendees; questions: Question[] } {
  const raisers = concernRaisers(s);
  const lacks = lacksCapacity(s);
  const representatives = s.representatives.map((rep) => {
    const why: string[] = [];
    if (raisers.has(rep.id)) why.push('raised a concern');
    if (rep.holdsLpaHealthWelfare) why.push('holds a lasting power of attorney for health and welfare');
    if (lacks) why.push(`${callingName(s.resident)} may lack capacity for these decisions`);
    if (prefersNotToJoin(rep)) {
      return {
        representativeId: rep.id, name: rep.name, relationship: rep.relationship, how: 'phone' as InviteMethod, status: 'declined' as const, proposed: false,
        why: `Prefers not to join the reviews (their recorded contact preference): not invited, and no letter is sent.${why.length > 0 ? ` Would otherwise be proposed: ${why.join('; ')}.` : ''}`,
      };
    }
    const how: InviteMethod = rep.preferredContact === 'not' ? 'phone' : rep.preferredContact;
    return {
      representativeId: rep.id, name: rep.name, relationship: rep.relationship, how, status: 'not-invited' as const,
      proposed: why.length > 0, why: why.length > 0 ? `Proposed: ${why.join('; ')}.` : null,
    };
  });
  const questions: Question[] = s.representatives.flatMap((rep) => (raisers.get(rep.id) ?? []).map((f) => ({ from: `${rep.name} (${rep.relationship})`, text: f.text })));
  return { attendees: { resident: { attending: true, note: null }, representatives, careStaff: null }, questions };
}

/** A relative or representative who has asked not to join the reviews (contact preference "not"): never invited. */
export function prefersNotToJoin(rep: Pick<Representative, 'preferredContact'>): boolean {
  return rep.preferredContact === 'not';
}
