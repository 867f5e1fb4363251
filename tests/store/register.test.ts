import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { careHomeInput, representativeInput, residentInput } from '../../shared/domain/register';
import { openStore } from '../../main/store';
import { openTempStore, sampleHome, sampleResident, type TempStore } from '../helpers/tempStore';

let t: TempStore;
beforeEach(async () => { t = await openTempStore(); });
afterEach(() => t.cleanup());
const actor = { osUser: 'tester', staffId: null };

describe('register store', () => {
  it('writes an audit event in the same transaction as every write', async () => {
    const home = await t.store.homes.create(actor, careHomeInput.parse(sampleHome));
    const resident = await t.store.residents.create(actor, residentInput.parse(sampleResident(home.id)),
      [representativeInput.parse({ name: 'Rita Example', relationship: 'daughter', holdsLpaHealthWelfare: true })]);
    await t.store.residents.update(actor, resident.id, residentInput.parse(sampleResident(home.id, { room: '14' })));
    const rep = resident.representatives[0];
    if (!rep) throw new Error('representative missing');
    await t.store.representatives.remove(actor, rep.id);

    const audit = await t.store.audit.list();
    expect(audit.map((a) => `${a.action} ${a.entity}`)).toEqual([
      'retire representative', 'update resident', 'create representative', 'create resident', 'create care_home',
    ]);
    expect(audit.every((a) => a.osUser === 'tester')).toBe(true);
  });

  it('writes nothing, not even the audit event, when a write is refused', async () => {
    const home = await t.store.homes.create(actor, careHomeInput.parse(sampleHome));
    await t.store.residents.create(actor, residentInput.parse(sampleResident(home.id)));
    const before = (await t.store.audit.list()).length;
    await expect(t.store.residents.create(actor, residentInput.parse(sampleResident(home.id, { familyName: 'Other' }))))
      .rejects.toMatchObject({ code: 'CONFLICT', message: expect.stringContaining('943 476 5919 is already registered to Edith Example') });
    expect((await t.store.audit.list()).length).toBe(before);
    expect(await t.store.residents.search({ status: 'all' })).toHaveLength(1);
  });

  it('finds residents by name, NHS number with spaces, room and accents', async () => {
    const home = await t.store.homes.create(actor, careHomeInput.parse(sampleHome));
    await t.store.residents.create(actor, residentInput.parse(sampleResident(home.id, { familyName: 'O’Brien-Brontë' })));
    await t.store.residents.create(actor, residentInput.parse(sampleResident(home.id, { nhsNumber: '9876543210', familyName: 'Smith', givenName: 'Alf', room: '7B' })));
    const names = async (query: string) => (await t.store.residents.search({ query })).map((r) => r.familyName);
    expect(await names('obrien')).toEqual(['O’Brien-Brontë']);
    expect(await names("o'brien bronte")).toEqual(['O’Brien-Brontë']);
    expect(await names('987 654')).toEqual(['Smith']);
    expect(await names('7b')).toEqual(['Smith']);
    expect(await names('%')).toEqual([]);
  });

  it('keeps the data on disk when the database is closed and opened again', async () => {
    const home = await t.store.homes.create(actor, careHomeInput.parse(sampleHome));
    await t.store.residents.create(actor, residentInput.parse(sampleResident(home.id)));
    t.store.close();
    const again = await openStore(t.file);
    expect((await again.residents.search({})).map((r) => r.givenName)).toEqual(['Edith']);
    expect((await again.homes.list())[0]).toMatchObject({ name: 'Test Lodge', activeResidents: 1 });
    again.close();
  });
});
