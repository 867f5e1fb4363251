import { describe, expect, it } from 'vitest';
import type { SnapshotCarePlanEntry } from '../../shared/domain/snapshot';
import { cprDisplay, cprStatus } from '../../shared/rules/cpr';

let nextId = 1;
function entry(element: SnapshotCarePlanEntry['element'], value: string, recordedOn: string, supersededBy: number | null = null): SnapshotCarePlanEntry {
  return { id: nextId++, element, value, details: {}, recordedOn, reviewDue: null, participants: {}, source: 'test', supersededBy };
}

describe('CPR status', () => {
  it('H4: says no decision is recorded when there is none, never a default', () => {
    expect(cprStatus([])).toMatchObject({ kind: 'none', label: 'No CPR decision recorded' });
    expect(cprStatus([entry('preferred-place-of-death', 'Care home', '2026-01-01')])).toMatchObject({ kind: 'none' });
  });

  it('shows the current ReSPECT recommendation and its date', () => {
    expect(cprStatus([entry('respect', 'not-for-cpr', '2026-03-01')])).toMatchObject({ kind: 'decided', label: 'Not for attempted CPR', respectDate: '2026-03-01' });
  });

  it('H4: never takes the status from a superseded entry', () => {
    const newer = entry('respect', 'for-cpr', '2026-06-01');
    const older = entry('respect', 'not-for-cpr', '2026-01-01', newer.id);
    expect(cprStatus([older, newer])).toMatchObject({ kind: 'decided', recommendation: 'for-cpr', respectDate: '2026-06-01' });
    expect(cprStatus([older])).toMatchObject({ kind: 'none' });
  });

  it('H4: shows a ReSPECT "for CPR" and a current DNACPR decision as a conflict, not either one', () => {
    const status = cprStatus([entry('respect', 'for-cpr', '2026-03-01'), entry('dnacpr', 'in-place', '2026-05-01')]);
    expect(status.kind).toBe('conflict');
    expect(status.label).toMatch(/conflict/);
  });

  it('agrees when ReSPECT and DNACPR both say not for CPR; a cancelled DNACPR is no decision', () => {
    expect(cprStatus([entry('respect', 'not-for-cpr', '2026-03-01'), entry('dnacpr', 'in-place', '2026-05-01')])).toMatchObject({ kind: 'decided', recommendation: 'not-for-cpr' });
    expect(cprStatus([entry('dnacpr', 'cancelled', '2026-05-01')])).toMatchObject({ kind: 'none' });
  });
});

describe('CPR status rendering (cprDisplay, used by every screen)', () => {
  const show = (entries: SnapshotCarePlanEntry[]) => cprDisplay(cprStatus(entries));

  it('shows the current decision and its date, never the superseded one', () => {
    const newer = entry('respect', 'for-cpr', '2026-06-01');
    expect(show([entry('respect', 'not-for-cpr', '2026-01-01', newer.id), newer]))
      .toEqual({ kind: 'decided', tag: 'For attempted CPR', tone: 'blue', text: 'ReSPECT 01/06/2026' });
  });

  it('shows a conflict in red naming both decisions, never one of them as the status', () => {
    expect(show([entry('respect', 'for-cpr', '2026-03-01'), entry('dnacpr', 'in-place', '2026-05-01')])).toEqual({
      kind: 'conflict', tag: 'CPR conflict', tone: 'red',
      text: 'CPR decisions conflict (ReSPECT 01/03/2026: for attempted CPR; DNACPR 01/05/2026: not for attempted CPR): resolve before relying on either',
    });
  });

  it('a superseded DNACPR decision makes no conflict; nothing recorded reads "No CPR decision recorded"', () => {
    const cancelled = entry('dnacpr', 'cancelled', '2026-09-01');
    expect(show([entry('respect', 'for-cpr', '2026-03-01'), entry('dnacpr', 'in-place', '2026-05-01', cancelled.id), cancelled]))
      .toMatchObject({ kind: 'decided', tag: 'For attempted CPR' });
    expect(show([])).toEqual({ kind: 'none', tag: 'No CPR decision recorded', tone: 'grey', text: null });
  });
});
