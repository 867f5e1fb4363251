import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { dispatch } from '../../main/handlers';
import { CHANNELS } from '../../shared/ipc';
import { openTempStore, sampleHome, sampleResident, type TempStore } from '../helpers/tempStore';

let t: TempStore;
beforeEach(async () => { t = await openTempStore(); });
afterEach(() => t.cleanup());

describe('IPC handlers validate untrusted input and answer in envelopes', () => {
  it('rejects an unknown channel', async () => {
    expect(await dispatch(t.ctx, 'db:exec', { sql: 'DROP TABLE resident' })).toEqual({
      ok: false, error: { code: 'UNKNOWN_CHANNEL', message: expect.stringContaining('db:exec') },
    });
  });

  it.each([
    ['homes:get', { id: 'one' }, 'id'],
    ['homes:get', { id: 1, extra: true }, ''],
    ['homes:create', { home: { ...sampleHome, name: '' } }, 'home.name'],
    ['homes:create', { home: { ...sampleHome, roundStartTime: '25:00' } }, 'home.roundStartTime'],
    ['residents:create', { resident: sampleResident(1, { nhsNumber: '1234567890' }) }, 'resident.nhsNumber'],
    ['residents:create', { resident: sampleResident(1, { dateOfBirth: '31/02/1940' }) }, 'resident.dateOfBirth'],
    ['residents:create', { resident: sampleResident(1, { status: 'died' }) }, 'resident.statusDate'],
    ['representatives:add', { residentId: 1, representative: { name: 'X', relationship: 'son', email: 'not-an-email' } }, 'representative.email'],
  ])('%s rejects %j naming the field %s', async (channel, input, field) => {
    const result = await dispatch(t.ctx, channel, input);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.code).toBe('INVALID_INPUT');
    expect(result.error.details?.some((d) => (d.field ?? '') === field)).toBe(true);
    expect(await t.store.audit.list()).toEqual([]);
  });

  it('says why an NHS number is invalid in words a person understands', async () => {
    const result = await dispatch(t.ctx, 'residents:create', { resident: sampleResident(1, { nhsNumber: '1234567890' }) });
    expect(!result.ok && result.error.message).toMatch(/not a valid NHS number: the check digit does not match/);
  });

  it('returns NOT_FOUND for a record that does not exist', async () => {
    expect(await dispatch(t.ctx, 'residents:get', { id: 999 })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
  });

  it('adds a home and a resident, then finds the resident with their representative', async () => {
    const home = await dispatch(t.ctx, 'homes:create', { home: sampleHome });
    expect(home).toMatchObject({ ok: true, value: { id: 1, name: 'Test Lodge' } });
    const created = await dispatch(t.ctx, 'residents:create', {
      resident: sampleResident(1), representatives: [{ name: 'Rita Example', relationship: 'daughter', phone: '01632 960123' }],
    });
    expect(created).toMatchObject({ ok: true, value: { nhsNumber: '9434765919', representatives: [{ name: 'Rita Example', preferredContact: 'phone' }] } });
    const found = await dispatch(t.ctx, 'residents:search', { query: '943 476 5919' });
    expect(found).toMatchObject({ ok: true, value: [{ familyName: 'Example', homeName: 'Test Lodge' }] });
  });

  it('refuses a second home with the same name, whatever its case', async () => {
    await dispatch(t.ctx, 'homes:create', { home: sampleHome });
    const again = await dispatch(t.ctx, 'homes:create', { home: { ...sampleHome, name: 'TEST LODGE', cqcLocationId: '' } });
    expect(again).toMatchObject({ ok: false, error: { code: 'CONFLICT', details: [{ field: 'name' }] } });
  });

  it('has a handler for every channel of the contract', async () => {
    for (const channel of CHANNELS) {
      const result = await dispatch(t.ctx, channel, {});
      expect(result.ok || result.error.code !== 'UNKNOWN_CHANNEL').toBe(true);
    }
  });
});
