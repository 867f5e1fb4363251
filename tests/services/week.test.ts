/** The practice's week through the IPC handlers on a real SQLite file: practice details, a flag file dropped on the window, the weekly sheet. */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { dispatch } from '../../main/handlers';
import { flagSheetCsv, flagSheetFor } from '../../main/services/flagSheet';
import { careHomeInput, residentInput } from '../../shared/domain/register';
import type { FlagFilePreview } from '../../shared/ipc';
import { openTempStore, sampleHome, sampleResident, type TempStore } from '../helpers/tempStore';

let t: TempStore;
let homeId: number;
let otherHomeId: number;

async function call(channel: string, input: unknown) {
  return dispatch(t.ctx, channel, input);
}

beforeEach(async () => {
  t = await openTempStore('2026-11-23');
  homeId = (await t.store.homes.create(t.ctx.actor, careHomeInput.parse(sampleHome))).id;
  otherHomeId = (await t.store.homes.create(t.ctx.actor, careHomeInput.parse({ ...sampleHome, name: 'Other House', cqcLocationId: '1-555000222' }))).id;
  await t.store.residents.create(t.ctx.actor, residentInput.parse(sampleResident(homeId)));
  await t.store.residents.create(t.ctx.actor, residentInput.parse(sampleResident(otherHomeId, { nhsNumber: '999 000 1480', givenName: 'Audrey', familyName: 'Fairbairn' })));
});
afterEach(() => t.cleanup());

const dropped = (name: string, text: string) => ({ name, base64: Buffer.from(text, 'utf8').toString('base64') });

describe('the practice’s details', () => {
  it('changes only what is given, clears with an empty value, and refuses a phone number that is not one', async () => {
    const saved = await call('practice:save', { details: { phone: '01632 960000', sender: 'Sam Okoro' } });
    expect(saved).toMatchObject({ ok: true, value: { phone: '01632 960000', sender: 'Sam Okoro', address: null } });
    expect(await call('practice:save', { details: { sender: '' } })).toMatchObject({ ok: true, value: { phone: '01632 960000', sender: null } });
    expect(await call('practice:save', { details: { phone: 'ring us' } })).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
  });
});

describe('a flag file in the app', () => {
  it('previews a dropped weekly sheet, working the home out from its NHS numbers, and imports it with every filled line matched', async () => {
    const sheet = flagSheetCsv(await flagSheetFor(t.ctx, homeId)).split('\r\n');
    sheet[1] = sheet[1]?.replace(/,,,,,,,,$/, ',22/11/2026,Fall,Found on the floor,,,,,Night carer') ?? '';
    const file = dropped('test-lodge.csv', sheet.join('\r\n'));
    const preview = await call('flags:import-preview', { dropped: file });
    expect(preview.ok).toBe(true);
    const value = (preview as { value: FlagFilePreview }).value;
    expect(value).toMatchObject({ homeId, homeName: 'Test Lodge', read: 1, rejected: [] });
    expect(value.rows.map((r) => [r.residentName, r.category])).toEqual([['Edith Example', 'Fall']]);
    expect(await t.store.flags.list({}, '2026-11-23')).toHaveLength(0);
    expect(await call('flags:import-commit', { dropped: file })).toMatchObject({ ok: true, value: { matched: 1, unmatched: 0, homeName: 'Test Lodge' } });
    expect(await t.store.flags.list({}, '2026-11-23')).toHaveLength(1);
    // the same file again: the preview says it came in before, and importing it adds nothing
    expect(await call('flags:import-preview', { dropped: file })).toMatchObject({ ok: true, value: { importedBefore: expect.stringMatching(/^2\d{3}-/) } });
    expect(await call('flags:import-commit', { dropped: file })).toMatchObject({ ok: true, value: { matched: 0 } });
    expect(await t.store.flags.list({}, '2026-11-23')).toHaveLength(1);
  });

  it('asks which home when the NHS numbers point at two homes or none', async () => {
    const header = 'Name,Date of birth,NHS number,Date,Concern,Details';
    const mixed = dropped('mixed.csv', `${header}\r\nEdith Example,02/04/1938,943 476 5919,22/11/2026,Fall,x\r\nAudrey Fairbairn,01/01/1930,999 000 1480,22/11/2026,Pain,y\r\n`);
    expect(await call('flags:import-preview', { dropped: mixed })).toMatchObject({ ok: false, error: { message: expect.stringContaining('more than one care home') } });
    const none = dropped('none.csv', `${header}\r\nNobody Known,02/04/1938,,22/11/2026,Fall,x\r\n`);
    expect(await call('flags:import-preview', { dropped: none })).toMatchObject({ ok: false, error: { message: expect.stringContaining('Choose the care home') } });
    expect(await call('flags:import-preview', { dropped: mixed, homeId })).toMatchObject({ ok: true });
  });
});
