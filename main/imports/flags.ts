/**
 * Reading a care home's flag file (CSV, or .xlsx: the first sheet or a named one) into rows with line
 * numbers. Headers are matched with aliases (headers.ts); every row that cannot be used is reported with
 * its line and field. Matching and severity are decided later, by the rules in shared/rules.
 */
import path from 'node:path';
import { parseUkDate } from '../../shared/dates';
import { AppError } from '../../shared/errors';
import type { FlagCategory, FlagSeverity } from '../../shared/domain/enums';
import { parseCategory, parseSeverity, type FlagScores } from '../../shared/rules/flags';
import type { FlagIdentity } from '../../shared/rules/flagMatching';
import { readCsvRecords, CsvFormatError } from './csv';
import { fieldValue, matchHeaders, type FieldSpec } from './headers';

export const FLAG_FIELDS: FieldSpec[] = [
  { field: 'raised_on', aliases: ['raised', 'date raised', 'date', 'raised date', 'date of concern', 'reported on', 'date reported', 'when'], required: true },
  { field: 'name', aliases: ['resident', 'resident name', 'patient', 'patient name', 'full name', 'resident full name'] },
  { field: 'family_name', aliases: ['surname', 'last name', 'lastname', 'family', 'family name'] },
  { field: 'given_name', aliases: ['first name', 'firstname', 'forename', 'forenames', 'given', 'christian name'] },
  { field: 'date_of_birth', aliases: ['dob', 'd.o.b.', 'birth date', 'date of birth', 'birthdate', 'born'] },
  { field: 'nhs_number', aliases: ['nhs no', 'nhs no.', 'nhs', 'nhs num', 'nhsnumber'] },
  { field: 'room', aliases: ['room no', 'room number', 'bedroom'] },
  { field: 'category', aliases: ['type', 'concern type', 'flag type', 'concern', 'category of concern', 'issue'], required: true },
  { field: 'severity', aliases: ['priority', 'urgency', 'rag', 'level'] },
  { field: 'details', aliases: ['description', 'notes', 'detail', 'text', 'comments', 'comment', 'what happened', 'concern details'] },
  { field: 'raised_by', aliases: ['reported by', 'staff', 'staff member', 'by', 'carer', 'raised by staff', 'author'] },
  { field: 'news2', aliases: ['news', 'news2 score', 'news score', 'news 2'] },
  { field: 'news2_parameter_3', aliases: ['red score', 'news2 red', 'single parameter 3', 'any parameter 3', 'parameter scoring 3', 'news2 single 3'] },
  { field: 'must', aliases: ['must score', 'malnutrition score'] },
  { field: 'four_at', aliases: ['4at', '4 at', '4at score', 'fourat', 'four at'] },
  { field: 'soft_signs', aliases: ['soft signs', 'soft signs (restore2)', 'restore2', 'restore 2', 'restore2 soft signs'] },
];

/** The fields that carry a flag; a row with none of them (only who the resident is) is an unused line of a sheet. */
const FLAG_CONTENT_FIELDS = ['raised_on', 'category', 'severity', 'details', 'raised_by', 'news2', 'news2_parameter_3', 'must', 'four_at', 'soft_signs'];

export interface RawFlagFile {
  format: 'csv' | 'xlsx';
  fileName: string;
  headers: string[];
  rows: { line: number; values: string[] }[];
}

function cellText(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) {
    if (Number.isNaN(value.getTime())) return '';
    return `${value.getUTCFullYear()}-${String(value.getUTCMonth() + 1).padStart(2, '0')}-${String(value.getUTCDate()).padStart(2, '0')}`;
  }
  return String(value);
}

/** Reads the whole file: a care home's weekly flags are tens of rows, not millions. */
export async function readFlagFile(file: string, options: { sheet?: string | undefined } = {}): Promise<RawFlagFile> {
  const fileName = path.basename(file);
  const ext = path.extname(file).toLowerCase();
  if (ext === '.xlsx') {
    let data: unknown[][];
    try {
      const { readSheet } = await import('read-excel-file/node'); // the Excel reader only for .xlsx files
      data = (await (options.sheet === undefined ? readSheet(file) : readSheet(file, options.sheet))) as unknown[][];
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      if (/sheet/i.test(message) && options.sheet !== undefined) throw new AppError('IMPORT_REJECTED', `${fileName} has no sheet called “${options.sheet}”`);
      throw new AppError('IMPORT_REJECTED', `${fileName} could not be read as an Excel (.xlsx) file: ${message}`);
    }
    const [header = [], ...rest] = data;
    return {
      format: 'xlsx', fileName, headers: header.map(cellText),
      rows: rest.map((values, i) => ({ line: i + 2, values: values.map(cellText) })).filter((r) => r.values.some((v) => v.trim() !== '')),
    };
  }
  if (ext !== '.csv' && ext !== '.txt') {
    throw new AppError('IMPORT_REJECTED', `${fileName}: flags are imported from a CSV (.csv) or Excel (.xlsx) file`);
  }
  if (options.sheet !== undefined) throw new AppError('IMPORT_REJECTED', 'A sheet can only be chosen in an Excel (.xlsx) file');
  const rows: { line: number; values: string[] }[] = [];
  let headers: string[] | null = null;
  try {
    for await (const record of readCsvRecords(file)) {
      if (headers === null) headers = record.values;
      else rows.push(record);
    }
  } catch (error) {
    if (error instanceof CsvFormatError) throw new AppError('IMPORT_REJECTED', `${fileName}: ${error.message}`);
    throw new AppError('IMPORT_REJECTED', `${fileName} could not be read: ${(error as Error).message}`);
  }
  return { format: 'csv', fileName, headers: headers ?? [], rows };
}

export interface ParsedFlagRow {
  line: number;
  identity: FlagIdentity;
  rawIdentity: Record<string, string | null>;
  raisedOn: string;
  raisedBy: string | null;
  category: FlagCategory;
  categoryOriginal: string | null;
  givenSeverity: FlagSeverity | null;
  /** The severity as written, word for word; null when blank. */
  severityText?: string | null;
  text: string;
  scores: FlagScores;
}

export interface RowProblem {
  line: number;
  field: string | null;
  reason: string;
}

function score(value: string, field: string, max: number, line: number, problems: RowProblem[]): number | undefined | null {
  if (value === '') return undefined;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0 || n > max) {
    problems.push({ line, field, reason: `${field} should be a whole number from 0 to ${max}, not “${value}”` });
    return null;
  }
  return n;
}

const YES = new Set(['yes', 'y', 'true', '1', 'x']);

/** Checks the headers and reads each row; a row with a problem is rejected whole, with every problem listed. */
export function parseFlagRows(file: RawFlagFile): { rows: ParsedFlagRow[]; problems: RowProblem[]; ignored: number } {
  const match = matchHeaders(file.headers, FLAG_FIELDS);
  const missing = [...match.missing];
  if (!match.columns.has('name') && !match.columns.has('family_name')) missing.push('name (or family_name and given_name)');
  if (file.headers.length === 0) throw new AppError('IMPORT_REJECTED', `${file.fileName} is empty: it has no header row`);
  if (missing.length > 0) {
    throw new AppError('IMPORT_REJECTED', `${file.fileName} has no column for ${missing.join(', ')}. Columns found: ${file.headers.join(', ')}`,
      missing.map((m) => ({ field: m, message: `No column for ${m}` })));
  }
  const rows: ParsedFlagRow[] = [];
  const problems: RowProblem[] = [];
  let ignored = 0;
  for (const record of file.rows) {
    const get = (field: string) => fieldValue(record.values, match, field);
    const line = record.line;
    // The weekly flag sheet lists every resident: a line with no concern written on it is not a flag.
    if (FLAG_CONTENT_FIELDS.every((f) => get(f) === '')) {
      ignored += 1;
      continue;
    }
    const mine: RowProblem[] = [];
    const raisedOnText = get('raised_on');
    const raisedOn = parseUkDate(raisedOnText);
    if (raisedOnText === '') mine.push({ line, field: 'raised_on', reason: 'The date the flag was raised is missing' });
    else if (raisedOn === null) mine.push({ line, field: 'raised_on', reason: `“${raisedOnText}” is not a date (use dd/mm/yyyy)` });
    const name = get('name');
    const family = get('family_name');
    const given = get('given_name');
    if (name === '' && family === '') mine.push({ line, field: match.columns.has('name') ? 'name' : 'family_name', reason: 'The resident’s name is missing' });
    const dobText = get('date_of_birth');
    const dob = dobText === '' ? null : parseUkDate(dobText);
    if (dobText !== '' && dob === null) mine.push({ line, field: 'date_of_birth', reason: `“${dobText}” is not a date (use dd/mm/yyyy)` });
    const softSigns = get('soft_signs');
    const categoryText = get('category') || (softSigns ? 'soft signs' : '');
    const ownDetails = get('details');
    const details = softSigns ? `${ownDetails}${ownDetails ? ' ' : ''}Soft signs (RESTORE2): ${softSigns}` : ownDetails;
    if (categoryText === '' && details === '') mine.push({ line, field: 'category', reason: 'The flag has no category and no details' });
    const severityText = get('severity');
    const givenSeverity = parseSeverity(severityText);
    const news2 = score(get('news2'), 'news2', 20, line, mine);
    const must = score(get('must'), 'must', 6, line, mine);
    const fourAt = score(get('four_at'), 'four_at', 12, line, mine);
    if (mine.length > 0 || raisedOn === null) {
      problems.push(...mine);
      continue;
    }
    const { category, original } = parseCategory(categoryText);
    const scores: FlagScores = {};
    if (typeof news2 === 'number') scores.news2 = news2;
    if (typeof must === 'number') scores.must = must;
    if (typeof fourAt === 'number') scores.fourAt = fourAt;
    if (YES.has(get('news2_parameter_3').toLowerCase())) scores.news2Parameter3 = true;
    const nhs = get('nhs_number');
    const room = get('room');
    const identity: FlagIdentity = { name: name || null, familyName: family || null, givenName: given || null, dateOfBirth: dob, nhsNumber: nhs || null, room: room || null };
    const rawIdentity: Record<string, string | null> = {};
    if (name) rawIdentity.name = name;
    if (family) rawIdentity.familyName = family;
    if (given) rawIdentity.givenName = given;
    rawIdentity.dateOfBirth = dob ?? null;
    if (nhs) rawIdentity.nhsNumber = nhs.replace(/[\s-]/g, '');
    if (room) rawIdentity.room = room;
    const unknownSeverity = severityText !== '' && givenSeverity === null;
    rows.push({
      line, identity, rawIdentity, raisedOn, raisedBy: get('raised_by') || null, category, categoryOriginal: original,
      givenSeverity, severityText: severityText.trim() || null, text: unknownSeverity ? `${details}${details ? ' ' : ''}(severity written as “${severityText}”)` : details, scores,
    });
  }
  return { rows, problems, ignored };
}
