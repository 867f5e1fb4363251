/** Synthetic resident snapshots for pure rule tests (no database). */
import type { ResidentSnapshot } from '../../shared/domain/snapshot';
import type { Representative } from '../../shared/domain/register';

export function makeSnapshot(id: number, overrides: Partial<ResidentSnapshot['resident']> = {}, rest: Partial<Omit<ResidentSnapshot, 'resident'>> = {}): ResidentSnapshot {
  return {
    resident: {
      id, nhsNumber: String(9990000000 + id).slice(0, 10), familyName: `Family${String(id).padStart(3, '0')}`, givenName: `Given${id}`, preferredName: null,
      dateOfBirth: '1935-05-05', sex: 'female', homeId: 1, homeName: 'Test Lodge', room: String(id), admissionDate: '2026-10-01', status: 'active',
      statusDate: null, frailty: 6, dementia: false, communicationNeeds: null, capacityNotes: null, whatMatters: null,
      createdAt: '2026-01-01T00:00:00Z', updatedAt: '2026-01-01T00:00:00Z', ...overrides,
    },
    representatives: [], medications: [], conditions: [], events: [], carePlans: [], reviews: [], flags: [], openActions: [], lastSeenOnRound: null,
    ...rest,
  };
}

export function makeRepresentative(id: number, residentId: number, overrides: Partial<Representative> = {}): Representative {
  return { id, residentId, name: `Rep ${id}`, relationship: 'daughter', phone: null, email: null, holdsLpaHealthWelfare: false, lpaRegisteredOn: null,
    preferredContact: 'phone', notes: null, ...overrides };
}
