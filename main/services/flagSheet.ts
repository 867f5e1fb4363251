/**
 * The weekly flag sheet for a care home, pre-filled with its residents: Excel (a drop-down of concerns,
 * whole-number checks on the scores, the header frozen, the identity columns locked), CSV, or an A4 form
 * on paper (PDF). It comes back through `import flags`, every filled line matched by NHS number.
 *
 * Excel is written with exceljs: the one well-kept writer that does data validation and sheet protection
 * (write-excel-file, used for the test fixtures, does neither).
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { addDays, dayOfWeek } from '../../shared/dates';
import { FLAG_CATEGORIES } from '../../shared/domain/enums';
import { AppError } from '../../shared/errors';
import { toCsv } from '../../shared/csv';
import { FLAG_SHEET_ENTRY_HEADERS, FLAG_SHEET_HEADERS, FLAG_SHEET_IDENTITY_HEADERS, flagSheetIdentity, type FlagSheet } from '../../shared/print';
import { FLAG_LABELS } from '../../shared/rules/flags';
import { SHEET_FORMATS, type SheetFormat } from '../../shared/ipc/week';
import { htmlToPdf, renderFlagSheetHtml } from '../print/render';
import type { AppContext } from './context';


/** Blank lines under the residents, for a second concern about someone or a resident not yet listed. */
export const SPARE_LINES = 15;

/** The Monday of the week `today` falls in (a sheet sent on Sunday is for the week ahead). */
export function weekOf(today: string): string {
  const day = dayOfWeek(today); // 0 Sunday … 6 Saturday
  return day === 0 ? addDays(today, 1) : addDays(today, 1 - day);
}

export async function flagSheetFor(ctx: AppContext, homeId: number): Promise<FlagSheet> {
  const home = await ctx.store.homes.get(homeId);
  const residents = await ctx.store.residents.search({ homeId: home.id, status: 'active' });
  const byRoom = (a: string | null, b: string | null) => (a ?? '\uffff').localeCompare(b ?? '\uffff', 'en-GB', { numeric: true });
  return {
    homeName: home.name, weekOf: weekOf(ctx.today()),
    residents: residents
      .map((r) => ({ name: `${r.givenName} ${r.familyName}`, preferredName: r.preferredName, room: r.room, dateOfBirth: r.dateOfBirth, nhsNumber: r.nhsNumber }))
      .sort((a, b) => byRoom(a.room, b.room) || a.name.localeCompare(b.name, 'en-GB')),
  };
}

export function flagSheetCsv(sheet: FlagSheet): string {
  const blank = FLAG_SHEET_ENTRY_HEADERS.map(() => '');
  return toCsv([[...FLAG_SHEET_HEADERS], ...sheet.residents.map((r) => [...flagSheetIdentity(r), ...blank])]);
}

/** The concerns of the drop-down, as people read them; each reads back as its category on import. */
export const CONCERN_CHOICES = FLAG_CATEGORIES.map((c) => FLAG_LABELS.category[c]);

export async function flagSheetXlsx(sheet: FlagSheet): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  book.creator = 'Roundtable';
  const ws = book.addWorksheet('Flags', { views: [{ state: 'frozen', ySplit: 1, xSplit: 1 }] });
  const identity = FLAG_SHEET_IDENTITY_HEADERS.length;
  ws.columns = FLAG_SHEET_HEADERS.map((header, i) => ({
    header, width: [24, 14, 8, 13, 14, 12, 18, 48, 8, 28, 7, 7, 20][i] ?? 14,
  }));
  for (const r of sheet.residents) ws.addRow([...flagSheetIdentity(r)]);
  const last = 1 + sheet.residents.length + SPARE_LINES;
  const header = ws.getRow(1);
  header.font = { bold: true };
  header.alignment = { wrapText: true, vertical: 'top' };
  header.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFE8EDEE' } };
  // Identity cells of listed residents are locked; everything a home writes in is open (and so are the spare lines).
  for (let row = 2; row <= last; row++) {
    const cells = ws.getRow(row);
    for (let col = 1; col <= FLAG_SHEET_HEADERS.length; col++) {
      const cell = cells.getCell(col);
      const locked = col <= identity && row <= 1 + sheet.residents.length;
      cell.protection = { locked };
      if (locked) cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFF0F4F5' } };
      if (col > identity) cell.alignment = { wrapText: true, vertical: 'top' };
    }
    cells.getCell(identity + 1).numFmt = '@'; // the date as typed, dd/mm/yyyy
    cells.getCell(identity + 1).dataValidation = { type: 'custom', allowBlank: true, formulae: ['TRUE'], showInputMessage: true,
      promptTitle: 'Date', prompt: 'The date of the concern, as dd/mm/yyyy' };
    cells.getCell(identity + 2).dataValidation = { type: 'list', allowBlank: true, formulae: [`"${CONCERN_CHOICES.join(',')}"`],
      showErrorMessage: true, errorTitle: 'Concern', error: 'Choose the concern from the list' };
    const score = (col: number, max: number, name: string) => {
      cells.getCell(col).dataValidation = { type: 'whole', operator: 'between', allowBlank: true, formulae: [0, max],
        showErrorMessage: true, errorTitle: name, error: `${name} is a whole number from 0 to ${max}` };
    };
    score(identity + 4, 20, 'NEWS2');
    score(identity + 6, 6, 'MUST');
    score(identity + 7, 12, '4AT');
  }
  // Protected without a password: it stops a slip of the keyboard changing who a line is about, not a determined user.
  await ws.protect('', { selectLockedCells: true, selectUnlockedCells: true, formatColumns: true, formatRows: true, insertRows: false, sort: false, autoFilter: false });
  const help = book.addWorksheet('How to fill it in');
  for (const line of [
    [`Weekly flags: ${sheet.homeName}`],
    ['Write one concern per line, on the resident’s own line; use a spare line at the bottom (with their name and NHS number) for a second concern.'],
    ['Date: dd/mm/yyyy. Concern: choose from the list. NEWS2 0–20, MUST 0–6, 4AT 0–12 as whole numbers. Soft signs: what RESTORE2 prompted.'],
    ['Lines left empty are ignored. Send the sheet back to the practice before the round.'],
  ]) help.addRow(line);
  help.getColumn(1).width = 120;
  return Buffer.from(await book.xlsx.writeBuffer());
}

/** Writes the sheet in the format its file name (or `format`) says. */
export async function writeFlagSheet(ctx: AppContext, input: { homeId: number; file: string; format?: SheetFormat; env?: NodeJS.ProcessEnv }): Promise<{ path: string; residents: number }> {
  const format = input.format ?? (path.extname(input.file).slice(1).toLowerCase() as SheetFormat);
  if (!SHEET_FORMATS.includes(format)) throw new AppError('INVALID_INPUT', 'The flag sheet is written as .xlsx, .csv or .pdf');
  const sheet = await flagSheetFor(ctx, input.homeId);
  mkdirSync(path.dirname(path.resolve(input.file)), { recursive: true });
  if (format === 'csv') writeFileSync(input.file, `\ufeff${flagSheetCsv(sheet)}`);
  else if (format === 'xlsx') writeFileSync(input.file, await flagSheetXlsx(sheet));
  else await htmlToPdf([{ html: renderFlagSheetHtml(sheet), file: input.file, homeName: sheet.homeName, date: sheet.weekOf, landscape: true }], input.env, ctx.state.pdfPrinter);
  await ctx.store.audit.record(ctx.actor, 'export', 'care_home', input.homeId, `Weekly flag sheet written (${format}, ${sheet.residents.length} residents)`);
  return { path: input.file, residents: sheet.residents.length };
}
