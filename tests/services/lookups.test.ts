/** The lookups the command line makes through the front door (homes:find, residents:find-by-nhs-number). */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { dispatch } from '../../main/handlers';
import { openTempStore, sampleHome, sampleResident, type TempStore } from '../helpers/tempStore';

let t: TempStore;
let homeId: number;
beforeEach(async () => {
  t = await openTempStore();
  homeId = (await t.ctx.call('homes:create', { home: sampleHome })).id;
  await t.ctx.call('residents:create', { resident: sampleResident(homeId) });
});
afterEach(() => t.cleanup());

describe('homes:find', () => {
  it.each([['its id', () => String(homeId)], ['its name in any case', () => ' test LODGE '], ['its CQC location id', () => '1-555000111']])('finds a home by %s', async (_what, name) => {
    expect(await t.ctx.call('homes:find', { nameOrId: name() })).toMatchObject({ id: homeId, name: 'Test Lodge' });
  });

  it('answers null for a home nobody registered, an empty name included', async () => {
    expect(await t.ctx.call('homes:find', { nameOrId: 'Nowhere House' })).toBeNull();
    expect(await t.ctx.call('homes:find', { nameOrId: '' })).toBeNull();
    expect(await t.ctx.call('homes:find', { nameOrId: '999' })).toBeNull();
    // a number no row id can be (ids are 32-bit on both engines; PostgreSQL refused it as out of range) finds nothing
    expect(await t.ctx.call('homes:find', { nameOrId: '9990000379' })).toBeNull();
  });

  it('refuses anything but a short text, plainly', async () => {
    for (const input of [{}, { nameOrId: 7 }, { nameOrId: 'x'.repeat(1001) }, { nameOrId: 'Test Lodge', extra: 1 }]) {
      expect(await dispatch(t.ctx, 'homes:find', input)).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    }
  });
});

describe('residents:find-by-nhs-number', () => {
  it('finds the resident with that NHS number, without auditing a view of the record', async () => {
    const before = (await t.store.audit.list()).length;
    expect(await t.ctx.call('residents:find-by-nhs-number', { nhsNumber: '9434765919' })).toMatchObject({ familyName: 'Example', homeId });
    expect(await t.ctx.call('residents:find-by-nhs-number', { nhsNumber: '9990000379' })).toBeNull();
    expect((await t.store.audit.list()).length).toBe(before);
  });

  it('takes ten digits only', async () => {
    for (const nhsNumber of ['943 476 5919', '943476591', 'abcdefghij', '']) {
      expect(await dispatch(t.ctx, 'residents:find-by-nhs-number', { nhsNumber })).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    }
  });
});
