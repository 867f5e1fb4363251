/** Builds synthetic resident snapshots for the pure rules (no database). */
import type { ResidentSnapshot, SnapshotMedication, SnapshotReview } from '../../shared/domain/snapshot';

let nextId = 1;

export function med(name: string, startDate: string | null, extra: Partial<SnapshotMedication> = {}): SnapshotMedication {
  return { id: nextId++, name, dose: null, startDate, type: 'repeat', status: 'active', stoppedOn: null, lastIssued: null, ...extra };
}

export function done(rule: string, doneOn: string): SnapshotReview {
  return { id: nextId++, rule, status: 'done', dueDate: null, doneOn, doneBy: 'Tom Briggs', outcome: 'Reviewed', deferredUntil: null, deferredReason: null };
}

export function deferred(rule: string, until: string): SnapshotReview {
  return { id: nextId++, rule, status: 'deferred', dueDate: null, doneOn: null, doneBy: null, outcome: null, deferredUntil: until, deferredReason: 'In hospital' };
}

export function snapshot(over: {
  resident?: Partial<ResidentSnapshot['resident']>;
  medications?: SnapshotMedication[];
  reviews?: SnapshotReview[];
  events?: ResidentSnapshot['events'];
  flags?: ResidentSnapshot['flags'];
  conditions?: ResidentSnapshot['conditions'];
} = {}): ResidentSnapshot {
  return {
    resident: {
      id: 1, nhsNumber: '9434765919', familyName: 'Example', givenName: 'Edith', preferredName: null, dateOfBirth: '1940-01-01', sex: 'female',
      homeId: 1, homeName: 'Test Lodge', room: '1', admissionDate: '2020-01-01', status: 'active', statusDate: null, frailty: 4, dementia: false,
      communicationNeeds: null, capacityNotes: null, whatMatters: null, createdAt: '2020-01-01T00:00:00Z', updatedAt: '2020-01-01T00:00:00Z',
      ...over.resident,
    },
    representatives: [],
    medications: over.medications ?? [],
    conditions: over.conditions ?? [],
    events: over.events ?? [],
    carePlans: [],
    reviews: over.reviews ?? [done('smr', '2026-06-01')],
    flags: over.flags ?? [],
    openActions: [],
    lastSeenOnRound: null,
  };
}
