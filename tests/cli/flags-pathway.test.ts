/** Flag severity and unregistered residents through `import flags` and `flags` on a real database file (issue 14). */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openStore } from '../../main/store';
import { careHomeInput, residentInput } from '../../shared/domain/register';
import type { FlagView } from '../../shared/domain/flags';
import { runCliCaptured } from '../helpers/cli';
import { sampleHome, sampleResident, tempDatabase } from '../helpers/tempStore';

let dir: string;
let file: string;
let cleanup: () => Promise<void>;

const cli = (args: string[]) => runCliCaptured([...args, '--db', file, '--today', '2026-11-23']);

beforeEach(async () => {
  const t = await tempDatabase('cli.sqlite');
  dir = t.dir;
  cleanup = t.cleanup;
  file = t.file;
  const store = await openStore(file);
  const actor = { osUser: 'tester', staffId: null };
  const home = await store.homes.create(actor, careHomeInput.parse(sampleHome));
  const edith = await store.residents.create(actor, residentInput.parse(sampleResident(home.id)));
  const albert = await store.residents.create(actor, residentInput.parse(sampleResident(home.id, { nhsNumber: '9876543210', givenName: 'Albert', sex: 'male', dateOfBirth: '1935-01-09' })));
  await store.records.add(actor, albert.id, { medications: [{ name: 'Apixaban 2.5mg tablets', dose: 'one twice a day', startDate: '2026-01-01', type: 'repeat', status: 'active' }] }, 'import');
  void edith;
  store.close();
  writeFileSync(path.join(dir, 'flags.csv'), [
    'Date,Resident,DOB,Category,Severity,Details',
    '22/11/2026,Edith Example,02/04/1938,Unwell,,Chesty and not herself. NEWS2 6 at 10am',
    '22/11/2026,Edith Example,02/04/1938,Fall,,Found on the floor; hit her head on the bedside table',
    '22/11/2026,Albert Example,09/01/1935,Fall,Amber,Fell in the lounge with a head injury',
    '22/11/2026,Stanley Newcomer,14/03/1941,Unwell,,Arrived yesterday. NEWS2 7; breathless',
    '22/11/2026,Ruby Newcomer,01/05/1944,Pain,Medium,Sore knee',
  ].join('\n'));
});
afterEach(() => cleanup());

describe('flag severity read from the words (H15)', () => {
  it('H15: NEWS2 6 written only in the details is escalate-now; a fall with a head injury is urgent, and escalate-now on an anticoagulant', async () => {
    expect((await cli(['import', 'flags', path.join(dir, 'flags.csv'), '--home', 'Test Lodge'])).code).toBe(0);
    const flags = JSON.parse((await cli(['flags', '--json'])).out) as FlagView[];
    const byText = (t: string) => flags.find((f) => f.text.includes(t));
    expect(byText('NEWS2 6')).toMatchObject({ severity: 'escalate-now', residentName: 'Edith Example', unmatched: false });
    expect(byText('NEWS2 6')?.severityReason).toContain('“NEWS2 6”');
    expect(byText('hit her head')?.severity).toBe('urgent');
    expect(byText('head injury')).toMatchObject({ severity: 'escalate-now', residentName: 'Albert Example' });
    expect(byText('head injury')?.severityReason).toMatch(/Apixaban/);
  });
});

describe('urgent flags about someone not yet registered', () => {
  it('H15: an escalate-now flag about an unregistered resident is in flags --severity escalate-now (residentId null, marked unmatched)', async () => {
    await cli(['import', 'flags', path.join(dir, 'flags.csv'), '--home', 'Test Lodge']);
    const now = JSON.parse((await cli(['flags', '--severity', 'escalate-now', '--json'])).out) as FlagView[];
    const stanley = now.find((f) => f.rawIdentity.name === 'Stanley Newcomer');
    expect(stanley).toMatchObject({ residentId: null, unmatched: true, severity: 'escalate-now' });
    expect(stanley?.severityReason).toMatch(/Emergency response/);
    // A medium one about someone unknown stays in the unmatched queue only.
    const all = JSON.parse((await cli(['flags', '--json'])).out) as FlagView[];
    expect(all.some((f) => f.rawIdentity.name === 'Ruby Newcomer')).toBe(false);
    const text = (await cli(['flags', '--severity', 'escalate-now'])).out;
    expect(text).toMatch(/Stanley Newcomer \(not yet registered\)/);
  });
});
