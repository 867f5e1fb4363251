/** Flags through the IPC handlers on a real SQLite file: by-hand entry, lifecycle, severity, escalation, and the merged resident view. */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { dispatch } from '../../main/handlers';
import type { FlagView } from '../../shared/domain/flags';
import type { ResidentView } from '../../shared/domain/residentView';
import { careHomeInput, residentInput } from '../../shared/domain/register';
import { openTempStore, sampleHome, sampleResident, type TempStore } from '../helpers/tempStore';

let t: TempStore;
let homeId: number;
let residentId: number;

async function invoke<T>(channel: string, input: unknown): Promise<T> {
  const result = await dispatch(t.ctx, channel, input);
  if (!result.ok) throw new Error(`${result.error.code}: ${result.error.message}`);
  return result.value as T;
}

const entry = (over: Record<string, unknown> = {}) => ({ flag: {
  homeId, residentId, category: 'fall', details: 'Found on the floor', raisedBy: 'Pat Senior', raisedOn: '2026-11-22', ...over } });

beforeEach(async () => {
  t = await openTempStore('2026-11-23');
  homeId = (await t.store.homes.create(t.ctx.actor, careHomeInput.parse(sampleHome))).id;
  residentId = (await t.store.residents.create(t.ctx.actor, residentInput.parse(sampleResident(homeId)))).id;
});

afterEach(() => t.cleanup());

describe('a flag entered by hand', () => {
  it('derives the severity when none is chosen, lets a person raise it, and is not stored twice', async () => {
    const fall = await invoke<FlagView>('flags:enter', entry());
    expect(fall).toMatchObject({ residentId, severity: 'high', matchMethod: 'entered', source: 'entered', enteredBy: 'tester', status: 'open' });
    const raised = await invoke<FlagView>('flags:enter', entry({ category: 'pain', details: 'Knee pain', severity: 'urgent' }));
    expect(raised.severity).toBe('urgent');
    const scored = await invoke<FlagView>('flags:enter', entry({ category: 'news2', details: 'Obs', severity: 'routine', news2: 5 }));
    expect(scored.severity).toBe('escalate-now');
    await expect(invoke('flags:enter', entry())).rejects.toThrow(/already been recorded/);
    await expect(invoke('flags:enter', entry({ raisedOn: '2026-11-24', details: 'Tomorrow' }))).rejects.toThrow(/future/);
    await expect(invoke('flags:enter', entry({ details: '' }))).rejects.toThrow(/Enter what the care home told you/);
  });
});

describe('the lifecycle', () => {
  it('goes open → on agenda → addressed (with the outcome) → closed, and never backwards from closed', async () => {
    const flag = await invoke<FlagView>('flags:enter', entry());
    expect((await invoke<FlagView>('flags:set-status', { id: flag.id, status: 'on-agenda' })).status).toBe('on-agenda');
    await expect(invoke('flags:set-status', { id: flag.id, status: 'addressed' })).rejects.toThrow(/Enter the outcome/);
    const addressed = await invoke<FlagView>('flags:set-status', { id: flag.id, status: 'addressed', outcome: 'Hip X-ray clear; physio referral' });
    expect(addressed).toMatchObject({ status: 'addressed', outcome: 'Hip X-ray clear; physio referral' });
    expect((await invoke<FlagView>('flags:set-status', { id: flag.id, status: 'closed' })).status).toBe('closed');
    await expect(invoke('flags:set-status', { id: flag.id, status: 'open' })).rejects.toThrow(/cannot become open/);
    const actions = (await t.store.audit.list({ entity: 'flag', entityId: flag.id })).map((e) => e.action);
    expect(actions.filter((a) => a === 'status')).toHaveLength(3);
  });

  it('lists open flags older than a round cycle as waiting', async () => {
    await invoke('flags:enter', entry({ raisedOn: '2026-11-10', details: 'Old' }));
    await invoke('flags:enter', entry({ raisedOn: '2026-11-20', details: 'New' }));
    const waiting = await invoke<FlagView[]>('flags:list', { status: 'waiting' });
    expect(waiting.map((f) => f.text)).toEqual(['Old']);
  });
});

describe('escalate-now', () => {
  it('H9: is listed for the banner until the same-day action is recorded, and is never lowered without a reason', async () => {
    const flag = await invoke<FlagView>('flags:enter', entry({ category: 'news2', details: 'NEWS2 7', news2: 7 }));
    expect((await invoke<FlagView[]>('flags:escalations', {})).map((f) => f.id)).toEqual([flag.id]);
    await expect(invoke('flags:set-severity', { id: flag.id, severity: 'high' })).rejects.toThrow(/reason/);
    await expect(invoke('flags:record-escalation', { id: flag.id, action: '  ' })).rejects.toThrow(/Enter the action taken today/);
    const acted = await invoke<FlagView>('flags:record-escalation', { id: flag.id, action: 'GP visit arranged for 14:00' });
    expect(acted).toMatchObject({ escalationAction: 'GP visit arranged for 14:00', escalationActionAt: '2026-11-23', escalationActionBy: 'tester', status: 'open' });
    expect(await invoke<FlagView[]>('flags:escalations', {})).toEqual([]);
    const lowered = await invoke<FlagView>('flags:set-severity', { id: flag.id, severity: 'urgent', reason: 'Seen by GP: NEWS2 now 3, treated at home' });
    expect(lowered).toMatchObject({ severity: 'urgent', severityReason: 'Seen by GP: NEWS2 now 3, treated at home' });
    expect((await t.store.audit.list({ entity: 'flag', entityId: flag.id }))[0]?.summary).toContain('escalate now → urgent');
  });

  it('lets a person raise any flag without a reason', async () => {
    const flag = await invoke<FlagView>('flags:enter', entry({ category: 'pain', details: 'Pain' }));
    expect((await invoke<FlagView>('flags:set-severity', { id: flag.id, severity: 'escalate-now' })).severity).toBe('escalate-now');
  });
});

describe('the merged resident view', () => {
  it('brings header facts (CPR status with conflicts) and one timeline, newest first, with sources', async () => {
    await t.store.records.add(t.ctx.actor, residentId, {
      medications: [
        { name: 'Sertraline 50mg tablets', dose: 'One daily', startDate: '2026-01-05', type: 'repeat', status: 'active' },
        { name: 'Zopiclone 3.75mg tablets', dose: 'At night', startDate: '2025-06-01', type: 'repeat', status: 'stopped', stoppedOn: '2026-02-01' },
      ],
      events: [{ type: 'admission', date: '2026-09-14', details: 'Chest infection' }],
      carePlans: [
        { element: 'respect', value: 'for-cpr', recordedOn: '2026-04-01', reviewDue: null },
        { element: 'dnacpr', value: 'in-place', recordedOn: '2026-05-01', reviewDue: null },
      ],
    }, 'practice import');
    await invoke('flags:enter', entry());
    const view = await invoke<ResidentView>('residents:view', { id: residentId });
    expect(view.header).toMatchObject({ age: 88, currentMedicines: 1, representatives: 0, openFlags: 1 });
    expect(view.header.cpr.kind).toBe('conflict');
    expect(view.header.cpr.label).toContain('CPR decisions conflict');
    expect(view.timeline.map((e) => `${e.date} ${e.kind}`)).toEqual([
      '2026-11-22 flag', '2026-09-14 event', '2026-05-01 care-plan', '2026-04-01 care-plan', '2026-02-01 medicine', '2026-01-05 medicine', '2025-06-01 medicine',
    ]);
    expect(view.timeline[0]?.source).toBe('Entered by hand by tester; raised by Pat Senior');
    expect(view.timeline[1]?.source).toContain('practice import');
    expect(view.timeline[1]?.source).toContain('Entered by tester');
  });
});

describe('escalate-now, whatever else happens to the flag', () => {
  it('stays on the banner when dismissed from the unmatched queue or addressed, until the action is recorded', async () => {
    const id = await t.store.flags.enter(t.ctx.actor, { homeId, residentId: null, rawIdentity: { name: 'Visitor Unknown' }, raisedOn: '2026-11-23',
      raisedBy: 'Nurse', category: 'news2', severity: 'escalate-now', severityReason: 'NEWS2 8', text: 'NEWS2 8', scores: { news2: 8 },
      unmatched: { reason: 'no-date-of-birth', explanation: 'No date of birth', candidateIds: [] } }) as number;
    await invoke('flags:dismiss', { id, reason: 'A visitor, not a resident' });
    expect((await invoke<FlagView[]>('flags:escalations', {})).map((f) => f.id)).toEqual([id]);
    await invoke('flags:record-escalation', { id, action: 'Home advised to call 999 for the visitor' });
    expect(await invoke<FlagView[]>('flags:escalations', {})).toEqual([]);

    const flag = await invoke<FlagView>('flags:enter', entry({ category: 'news2', details: 'NEWS2 9', news2: 9 }));
    await invoke('flags:set-status', { id: flag.id, status: 'addressed', outcome: 'Admitted' });
    expect((await invoke<FlagView[]>('flags:escalations', {})).map((f) => f.id)).toEqual([flag.id]);
  });
});
