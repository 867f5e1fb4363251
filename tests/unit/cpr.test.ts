import { describe, expect, it } from 'vitest';
import type { SnapshotCarePlanEntry } from '../../shared/domain/snapshot';
import { cprStatus } from '../../shared/rules/cpr';

let nextId = 1;
function entry(element: SnapshotCarePlanEntry['element'], value: string, recordedOn: string, supersededBy: number | null = null): SnapshotCarePlanEntry {
  return { id: nextId++, element, value, details: {}, recordedOn, reviewDue: null, participants: {}, source: 'test', supersededBy };
}

describe('CPR status', () => {
  it('says no decision is recorded when there is none, never a default', () => {
    expect(cprStatus([])).toMatchObject({ kind: 'none', label: 'No CPR decision recorded' });
    expect(cprStatus([entry('preferred-place-of-death', 'Care home', '2026-01-01')])).toMatchObject({ kind: 'none' });
  });

  it('shows the current ReSPECT recommendation and its date', () => {
    expect(cprStatus([entry('respect', 'not-for-cpr', '2026-03-01')])).toMatchObject({ kind: 'decided', label: 'Not for attempted CPR', respectDate: '2026-03-01' });
  });

  it('never takes the status from a superseded entry', () => {
    const newer = entry('respect', 'for-cpr', '2026-06-01');
    const older = entry('respect', 'not-for-cpr', '2026-01-01', newer.id);
    expect(cprStatus([older, newer])).toMatchObject({ kind: 'decided', recommendation: 'for-cpr', respectDate: '2026-06-01' });
    expect(cprStatus([older])).toMatchObject({ kind: 'none' });
  });

  it('shows a ReSPECT "for CPR" and a current DNACPR decision as a conflict, not either one', () => {
    const status = cprStatus([entry('respect', 'for-cpr', '2026-03-01'), entry('dnacpr', 'in-place', '2026-05-01')]);
    expect(status.kind).toBe('conflict');
    expect(status.label).toMatch(/conflict/);
  });

  it('agrees when ReSPECT and DNACPR both say not for CPR; a cancelled DNACPR is no decision', () => {
    expect(cprStatus([entry('respect', 'not-for-cpr', '2026-03-01'), entry('dnacpr', 'in-place', '2026-05-01')])).toMatchObject({ kind: 'decided', recommendation: 'not-for-cpr' });
    expect(cprStatus([entry('dnacpr', 'cancelled', '2026-05-01')])).toMatchObject({ kind: 'none' });
  });
});
