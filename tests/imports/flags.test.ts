/**
 * Flag intake from the files care homes send: CSV with messy headers (BOM, CRLF, aliases, quoted commas,
 * unknown columns, blank lines, bad rows) and .xlsx (first sheet or a named one, real date cells), through
 * the CLI and the services on a real SQLite file. Then the unmatched queue's decisions.
 */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import writeExcelFile from 'write-excel-file/node';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runCliCaptured } from '../helpers/cli';
import { dispatch } from '../../main/handlers';
import { importFlags } from '../../main/services/flags';
import { careHomeInput, residentInput } from '../../shared/domain/register';
import type { FlagImportSummary, FlagView } from '../../shared/domain/flags';
import { openTempStore, sampleHome, type TempStore } from '../helpers/tempStore';

let t: TempStore;
let homeId: number;
let otherHomeId: number;
const ids: Record<string, number> = {};

function cli(args: string[]) {
  return runCliCaptured([...args, '--db', t.file, '--today', '2026-11-23'], { cwd: t.dir });
}

async function invoke<T>(channel: string, input: unknown): Promise<T> {
  const result = await dispatch(t.ctx, channel, input);
  if (!result.ok) throw new Error(`${result.error.code}: ${result.error.message}`);
  return result.value as T;
}

async function addResident(key: string, fields: Record<string, unknown>, home = homeId) {
  const r = await t.store.residents.create(t.ctx.actor, residentInput.parse({ sex: 'female', homeId: home, ...fields }));
  ids[key] = r.id;
}

beforeEach(async () => {
  t = await openTempStore();
  homeId = (await t.store.homes.create(t.ctx.actor, careHomeInput.parse(sampleHome))).id;
  otherHomeId = (await t.store.homes.create(t.ctx.actor, careHomeInput.parse({ ...sampleHome, name: 'Other House', cqcLocationId: '1-555000222' }))).id;
  await addResident('mary', { nhsNumber: '9990000026', familyName: 'Smith', givenName: 'Mary', dateOfBirth: '1940-03-15', room: '4' });
  await addResident('grace', { nhsNumber: '9990000042', familyName: 'Okafor', givenName: 'Grace', dateOfBirth: '1936-07-04' });
  await addResident('gloria', { nhsNumber: '9990000050', familyName: 'Okafor', givenName: 'Gloria', dateOfBirth: '1936-07-04' });
  await addResident('siobhan', { nhsNumber: '9990000069', familyName: "O'Brien-Dúnne", givenName: 'Siobhán', dateOfBirth: '1931-11-30' });
  await addResident('peter', { nhsNumber: '9990000085', familyName: 'Green', givenName: 'Peter', dateOfBirth: '1935-05-05', sex: 'male' }, otherHomeId);
});

afterEach(() => t.cleanup());

const MESSY_CSV = '\uFEFF' + [
  'Date Raised,Resident Name,D.O.B.,NHS No.,Room No,Concern Type,Priority,Description,Reported By,NEWS2 Score,MUST,4AT,Shoe size',
  '20/11/2026,Mary Smith,15/03/1940,999 000 0026,4,Fell,,"Found on floor by bed, no injury",Sam Carer,,,,5',
  '21/11/2026,"OKAFOR, Gloria",04/07/1936,,,Weight,,Lost 3kg in a month,Sam Carer,,2,,',
  '21/11/2026,Siobhan OBrien Dunne,30-Nov-1931,,,Obs,,"Breathing fast, NEWS2 6",Night nurse,6,,,',
  '',
  '22/11/2026,G Okafor,04/07/1936,,,Confused,,More muddled today,Sam Carer,,,5,',
  '22/11/2026,Mary Smith,,,,Pain,High,Knee pain,Sam Carer,,,,',
  '22/11/2026,Joan Smith,15/03/1940,9990000026,,Hearing aid lost,,Aid missing since Tuesday,Sam Carer,,,,',
  '31/11/2026,Mary Smith,15/03/1940,,,Fall,,Bad date,Sam Carer,,,,',
  '22/11/2026,,15/03/1940,,,Fall,,No name,Sam Carer,,,,',
  '22/11/2026,Mary Smith,15/03/1940,,,Pain,,Bad score,Sam Carer,abc,,,',
].join('\r\n') + '\r\n';

function writeCsv(name: string, text: string): string {
  const file = path.join(t.dir, name);
  writeFileSync(file, text);
  return file;
}

describe('importing a CSV of flags with messy headers', () => {
  it('matches, queues and rejects each row, and reports exactly the JSON shape of the issue', async () => {
    writeCsv('flags.csv', MESSY_CSV);
    const result = await cli(['import', 'flags', 'flags.csv', '--home', 'Test Lodge', '--json']);
    expect(result.err).toBe('');
    expect(result.code).toBe(0);
    const summary = JSON.parse(result.out) as FlagImportSummary;
    expect(Object.keys(summary).sort()).toEqual(['batchId', 'matched', 'matchedOnNameAndDob', 'read', 'rejected', 'unmatched']);
    expect(summary).toMatchObject({ read: 9, matched: 3, matchedOnNameAndDob: 2, unmatched: 3 });
    expect(summary.rejected).toEqual([
      { line: 9, field: 'raised_on', reason: '“31/11/2026” is not a date (use dd/mm/yyyy)' },
      { line: 10, field: 'name', reason: 'The resident’s name is missing' },
      { line: 11, field: 'news2', reason: 'news2 should be a whole number from 0 to 20, not “abc”' },
    ]);

    const flags = await invoke<FlagView[]>('flags:list', {});
    const fall = flags.find((f) => f.category === 'fall');
    expect(fall).toMatchObject({ residentId: ids.mary, matchMethod: 'nhs-number', severity: 'high', raisedBy: 'Sam Carer', sourceFile: 'flags.csv',
      text: 'Found on floor by bed, no injury', categoryOriginal: 'Fell' });
    expect(flags.find((f) => f.category === 'weight-loss')).toMatchObject({ residentId: ids.gloria, matchMethod: 'name-and-dob', severity: 'high', scores: { must: 2 } });
    expect(flags.find((f) => f.category === 'news2')).toMatchObject({ residentId: ids.siobhan, matchMethod: 'name-and-dob', severity: 'escalate-now' });

    const queue = await invoke<FlagView[]>('flags:unmatched', {});
    expect(queue).toHaveLength(3);
    const twins = queue.find((f) => f.category === 'confusion');
    expect(twins).toMatchObject({ unmatchedReason: 'two-candidates', severity: 'urgent' });
    expect(twins?.candidates.map((c) => c.id).sort()).toEqual([ids.grace, ids.gloria].sort());
    expect(queue.find((f) => f.category === 'pain')).toMatchObject({ unmatchedReason: 'no-date-of-birth', severity: 'high' });
    const other = queue.find((f) => f.category === 'other');
    expect(other).toMatchObject({ unmatchedReason: 'identity-disagrees', categoryOriginal: 'Hearing aid lost' });
    expect(other?.candidates.map((c) => c.id)).toEqual([ids.mary]);

    // The batch row and every problem are stored with the import.
    const audit = await t.store.audit.list({ entity: 'import_batch' });
    expect(audit[0]?.summary).toContain('6 new, 3 rejected');
  });

  it('does not duplicate flags when the same file is imported again', async () => {
    writeCsv('flags.csv', MESSY_CSV);
    await cli(['import', 'flags', 'flags.csv', '--home', String(homeId)]);
    const again = await cli(['import', 'flags', 'flags.csv', '--home', String(homeId), '--json']);
    expect(JSON.parse(again.out)).toMatchObject({ read: 9, matched: 0, unmatched: 0 });
    const text = await cli(['import', 'flags', 'flags.csv', '--home', String(homeId)]);
    expect(text.out).toContain('6 already imported before (not added twice)');
    const listed = await invoke<FlagView[]>('flags:list', {});
    expect(listed.filter((f) => !f.unmatched)).toHaveLength(3);
    // The urgent flag about a resident who cannot be told apart is listed too, marked unmatched, not hidden in the queue.
    expect(listed.filter((f) => f.unmatched).map((f) => [f.category, f.severity, f.residentId])).toEqual([['confusion', 'urgent', null]]);
    expect(await invoke<FlagView[]>('flags:unmatched', {})).toHaveLength(3);
  });

  it('rejects a file without the columns it needs, naming them, with exit code 2', async () => {
    writeCsv('bad.csv', 'When,Who\n20/11/2026,Mary Smith\n');
    const result = await cli(['import', 'flags', 'bad.csv', '--home', 'Test Lodge']);
    expect(result.code).toBe(2);
    expect(result.err).toContain('no column for category');
    expect(await invoke<FlagView[]>('flags:unmatched', {})).toHaveLength(0);
  });

  it('refuses an unknown home and a missing --home as user errors', async () => {
    writeCsv('flags.csv', MESSY_CSV);
    expect((await cli(['import', 'flags', 'flags.csv', '--home', 'Nowhere'])).code).toBe(1);
    expect((await cli(['import', 'flags', 'flags.csv'])).code).toBe(1);
  });
});

describe('importing an Excel workbook of flags', () => {
  const header = ['Surname', 'Forename', 'DOB', 'NHS Number', 'Category', 'Severity', 'Notes', 'Staff', 'Raised'];
  const date = (iso: string) => ({ value: new Date(`${iso}T00:00:00Z`), type: Date, format: 'dd/mm/yyyy' });

  it('reads the first sheet, with real date cells and family/given columns', async () => {
    const file = path.join(t.dir, 'flags.xlsx');
    await writeExcelFile([
      header,
      ['SMITH', 'Mary', date('1940-03-15'), '9990000026', 'Falls', 'Urgent', 'Second fall this week', 'Pat Senior', date('2026-11-22')],
      ['Okafor', 'Grace', '04/07/1936', '', 'skin', '', 'Red heel', 'Pat Senior', '22/11/2026'],
      ['Green', 'Peter', date('1935-05-05'), '9990000085', 'Pain', '', 'Hip pain', 'Pat Senior', '22/11/2026'],
    ] as never).toFile(file);
    const summary = await importFlags(t.ctx, { file, homeId });
    expect(summary).toMatchObject({ read: 3, matched: 2, matchedOnNameAndDob: 1, unmatched: 1, rejected: [] });
    const flags = await invoke<FlagView[]>('flags:list', {});
    expect(flags.find((f) => f.residentId === ids.mary)).toMatchObject({ severity: 'urgent', raisedOn: '2026-11-22', category: 'fall' });
    const queue = await invoke<FlagView[]>('flags:unmatched', {});
    expect(queue[0]?.unmatchedExplanation).toContain('another home');
  });

  it('reads a named sheet, and says so when the sheet is not there', async () => {
    const file = path.join(t.dir, 'weekly.xlsx');
    await writeExcelFile([
      { sheet: 'Notes', data: [['This sheet is not flags']] },
      { sheet: 'Flags', data: [header, ['Okafor', 'Gloria', '04/07/1936', '', 'Family', '', 'Daughter worried', 'Pat', '21/11/2026']] },
    ] as never).toFile(file);
    const result = await cli(['import', 'flags', 'weekly.xlsx', '--home', 'Test Lodge', '--sheet', 'Flags', '--json']);
    expect(JSON.parse(result.out)).toMatchObject({ read: 1, matched: 1, matchedOnNameAndDob: 1 });
    const missing = await cli(['import', 'flags', 'weekly.xlsx', '--home', 'Test Lodge', '--sheet', 'Nope']);
    expect(missing.code).toBe(2);
    expect(missing.err).toContain('Nope');
  });
});

describe('the unmatched queue', () => {
  beforeEach(async () => {
    writeCsv('flags.csv', MESSY_CSV);
    await importFlags(t.ctx, { file: path.join(t.dir, 'flags.csv'), homeId });
  });

  it('H1: lists each flag with its raw identity and candidates, and a person confirms the match (audited)', async () => {
    const listed = await cli(['flags', 'unmatched', '--json']);
    const queue = JSON.parse(listed.out) as { id: number; rawIdentity: Record<string, string>; candidates: { id: number }[]; category: string }[];
    const twins = queue.find((f) => f.category === 'confusion');
    expect(twins?.rawIdentity).toMatchObject({ name: 'G Okafor', dateOfBirth: '1936-07-04' });
    expect(twins?.candidates).toHaveLength(2);

    const matched = await cli(['flags', 'match', String(twins?.id), String(ids.grace)]);
    expect(matched.code).toBe(0);
    expect(matched.out).toContain('Grace Okafor');
    const flag = await invoke<FlagView>('flags:get', { id: twins?.id });
    expect(flag).toMatchObject({ residentId: ids.grace, matchMethod: 'confirmed' });
    expect((await t.store.audit.list({ entity: 'flag', entityId: twins?.id }))[0]?.summary).toContain('matched by a person');
    expect((await cli(['flags', 'match', String(twins?.id), String(ids.gloria)])).code).toBe(1);
  });

  it('refuses a match to a resident of another home', async () => {
    const queue = await invoke<FlagView[]>('flags:unmatched', {});
    const result = await cli(['flags', 'match', String(queue[0]?.id), String(ids.peter)]);
    expect(result.code).toBe(1);
    expect(result.err).toContain('lives at Other House');
  });

  it('adds a new resident from a flag, or dismisses one with a reason; nothing is deleted', async () => {
    const queue = await invoke<FlagView[]>('flags:unmatched', {});
    const pain = queue.find((f) => f.category === 'pain') as FlagView;
    const other = queue.find((f) => f.category === 'other') as FlagView;
    const added = await invoke<FlagView>('flags:add-resident', { id: other.id, resident: {
      nhsNumber: '9990000123', familyName: 'Smith', givenName: 'Joan', dateOfBirth: '1940-03-15', sex: 'female', homeId } });
    expect(added.residentName).toBe('Joan Smith');

    await expect(invoke('flags:dismiss', { id: pain.id, reason: '' })).rejects.toThrow(/INVALID_INPUT/);
    const dismissed = await invoke<FlagView>('flags:dismiss', { id: pain.id, reason: 'Duplicate of a flag phoned in' });
    expect(dismissed).toMatchObject({ dismissedReason: 'Duplicate of a flag phoned in' });
    expect(await invoke<FlagView[]>('flags:unmatched', {})).toHaveLength(1);
    expect((await t.store.records.counts()).flags).toBe(6);
    expect((await t.store.audit.list({ entity: 'flag', entityId: pain.id }))[0]?.summary).toContain('dismissed');
  });
});
