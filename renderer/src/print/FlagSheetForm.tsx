/** @jsxRuntime automatic */
/** @jsxImportSource react */
/**
 * The weekly flag sheet on paper (A4 landscape): one line per resident, identity printed, the rest left
 * to write in; a few blank lines at the end. Pure, like the other print components.
 */
import { formatWrittenDate } from '../../../shared/dates';
import { FLAG_SHEET_ENTRY_HEADERS, FLAG_SHEET_IDENTITY_HEADERS, flagSheetIdentity, type FlagSheet } from '../../../shared/print';
import { FLAG_LABELS } from '../../../shared/rules/flags';
import { FLAG_CATEGORIES } from '../../../shared/domain/enums';

export const FLAG_SHEET_CSS = `
@page { size: A4 landscape; margin: 14mm 10mm 12mm 10mm; }
.rt-sheet { font-family: Arial, "Helvetica Neue", Helvetica, sans-serif; font-size: 11pt; color: #212b32; }
.rt-sheet h2 { font-size: 16pt; margin: 0 0 4pt; }
.rt-sheet p { margin: 0 0 4pt; }
.rt-sheet table { border-collapse: collapse; width: 100%; table-layout: fixed; }
.rt-sheet th, .rt-sheet td { border: 1px solid #4c6272; padding: 2pt 3pt; text-align: left; vertical-align: top; font-size: 10pt; overflow-wrap: anywhere; }
.rt-sheet td:nth-child(4), .rt-sheet td:nth-child(5) { white-space: nowrap; overflow-wrap: normal; }
.rt-sheet thead { display: table-header-group; }
.rt-sheet tr { break-inside: avoid; page-break-inside: avoid; height: 30pt; }
.rt-sheet th { background: #e8edee; overflow-wrap: normal; hyphens: auto; font-size: 9.5pt; }
`;

const WIDTHS = ['11%', '7%', '4.5%', '8%', '9.5%', '7.5%', '9%', '14.5%', '5.5%', '8.5%', '5%', '4%', '6%'];

export function FlagSheetForm({ sheet, spareLines = 6 }: { sheet: FlagSheet; spareLines?: number }) {
  const headers = [...FLAG_SHEET_IDENTITY_HEADERS, ...FLAG_SHEET_ENTRY_HEADERS];
  const blank = FLAG_SHEET_ENTRY_HEADERS.map(() => '');
  return (
    <div className="rt-sheet">
      <style>{FLAG_SHEET_CSS}</style>
      <h2>Weekly flags: {sheet.homeName}, week of {formatWrittenDate(sheet.weekOf)}</h2>
      <p>One concern per line. Concern: {FLAG_CATEGORIES.map((c) => FLAG_LABELS.category[c]).join(', ')}. NEWS2 0–20, MUST 0–6, 4AT 0–12.</p>
      <table>
        <colgroup>{WIDTHS.map((w, i) => <col key={i} style={{ width: w }} />)}</colgroup>
        <thead><tr>{headers.map((h) => <th key={h} scope="col">{h}</th>)}</tr></thead>
        <tbody>
          {sheet.residents.map((r) => <tr key={r.nhsNumber}>{[...flagSheetIdentity(r), ...blank].map((v, i) => <td key={i}>{v}</td>)}</tr>)}
          {Array.from({ length: spareLines }, (_, n) => <tr key={`spare-${n}`}>{headers.map((h) => <td key={h} />)}</tr>)}
        </tbody>
      </table>
    </div>
  );
}
