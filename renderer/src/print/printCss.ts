/**
 * A4 print styles for the print components, scoped under .rt-print so they can sit inside the app's
 * print preview. 11pt (a crowded resident's page 10pt, 9.5pt or 9pt, so it keeps to one page); one resident
 * (or letter) per page; a heading is never left at the foot of a page without what follows it; the
 * decisions and actions lines fill what is left of the resident's page.
 */
export const PRINT_CSS = `
@page { size: A4; margin: 18mm 15mm 15mm 15mm; }
.rt-print { font-family: Arial, "Helvetica Neue", Helvetica, sans-serif; font-size: 11pt; line-height: 1.3; color: #212b32; }
.rt-print * { box-sizing: border-box; }
.rt-print p, .rt-print li, .rt-print dd, .rt-print dt, .rt-print ul { font-size: inherit; line-height: inherit; }
.rt-print li { margin-bottom: 1pt; }
.rt-print h2.rt-title { font-size: 19pt; margin: 0 0 6pt; }
.rt-print h2 { font-size: 15pt; margin: 0 0 4pt; }
.rt-print h3 { font-size: 12pt; margin: 5pt 0 2pt; border-bottom: 1px solid #aeb7bd; padding-bottom: 1pt; }
.rt-print p, .rt-print ul, .rt-print ol, .rt-print dl { margin: 0 0 3pt; }
.rt-print ul { padding-left: 16pt; }
.rt-print table { border-collapse: collapse; width: 100%; margin: 0 0 6pt; }
.rt-print th, .rt-print td { text-align: left; vertical-align: top; border-bottom: 1px solid #d8dde0; padding: 3pt 4pt; font-size: 11pt; }
.rt-print th { border-bottom: 2px solid #4c6272; }
.rt-print .rt-page { break-before: page; page-break-before: always; break-inside: avoid; page-break-inside: avoid; }
.rt-print .rt-page:first-of-type { break-before: auto; page-break-before: auto; }
.rt-print .rt-session { break-inside: auto; page-break-inside: auto; }
.rt-print + .rt-print .rt-page:first-of-type { break-before: page; page-break-before: always; }
.rt-print h2, .rt-print h3 { break-after: avoid; page-break-after: avoid; }
.rt-print .rt-keep { break-inside: avoid; page-break-inside: avoid; }
.rt-print .rt-running { font-size: 11pt; color: #4c6272; margin: 0 0 4pt; border-bottom: 1px solid #d8dde0; }
.rt-print .rt-marking { font-weight: 700; font-size: 11pt; letter-spacing: 0.02em; margin-bottom: 4pt; }
.rt-print .rt-resident .rt-marking { float: right; }
/* On paper the running header carries the marking once; a letter has no running header and keeps its own. */
@media print { .rt-print .rt-resident .rt-marking, .rt-print .rt-cover .rt-marking, .rt-print .rt-summary .rt-marking, .rt-print .rt-session .rt-marking { display: none; } }
.rt-print .rt-resident { display: flex; flex-direction: column; min-height: 258mm; }
.rt-print .rt-resident > * { flex: 0 0 auto; }
.rt-print .rt-resident > .rt-decisions { flex: 1 1 auto; }
.rt-print .rt-dense { font-size: 10pt; line-height: 1.22; }
.rt-print .rt-denser { font-size: 9.5pt; line-height: 1.18; }
.rt-print .rt-densest { font-size: 9pt; line-height: 1.15; }
.rt-print .rt-dense h2, .rt-print .rt-denser h2, .rt-print .rt-densest h2 { font-size: 13pt; }
.rt-print .rt-dense h3, .rt-print .rt-denser h3, .rt-print .rt-densest h3 { font-size: 11pt; margin-top: 3pt; }
.rt-print .rt-decisions { flex: 1 1 auto; display: flex; flex-direction: column; min-height: 26mm; break-inside: avoid; page-break-inside: avoid; }
.rt-print .rt-decisions-grid { flex: 1 1 auto; display: grid; grid-template-columns: 1fr 22% 18%; border-top: 2px solid #4c6272; border-bottom: 1px solid #4c6272;
  background-image: repeating-linear-gradient(to bottom, transparent 0, transparent 21pt, #aeb7bd 21pt, #aeb7bd 22pt); background-position: 0 2pt; }
.rt-print .rt-decisions-grid .rt-col { border-left: 1px solid #aeb7bd; padding: 2pt 4pt; }
.rt-print .rt-decisions-grid .rt-col:first-child { border-left: 0; }
.rt-print .rt-cover-table td { font-size: 11pt; }
.rt-print .rt-must-see td { font-weight: 700; }
.rt-print .rt-letterhead { display: flex; justify-content: space-between; gap: 12pt; margin-bottom: 10pt; }
.rt-print .rt-letterhead p:first-child { text-align: left; }
.rt-print .rt-letter-date { text-align: right; white-space: nowrap; }
.rt-print .rt-identity { display: grid; grid-template-columns: auto 1fr auto 1fr; gap: 1pt 8pt; margin: 0 0 4pt; }
.rt-print .rt-identity dt { font-weight: 700; }
.rt-print .rt-identity dd { margin: 0; }
.rt-print .rt-cpr { font-weight: 700; padding: 3pt 6pt; border: 2px solid #212b32; display: inline-block; margin: 2pt 0 4pt; }
.rt-print .rt-cpr--conflict, .rt-print .rt-cpr--conflict * { color: #b10e1e; border-color: #b10e1e; }
.rt-print .rt-muted { color: #4c6272; }
.rt-print .rt-lines { margin-top: 4pt; }
.rt-print .rt-line { border-bottom: 1px solid #4c6272; height: 20pt; }
.rt-print .rt-blank td { height: 20pt; }
.rt-print .rt-two { display: grid; grid-template-columns: 1fr 1fr; gap: 0 14pt; }
.rt-print .rt-letter p { font-size: 13pt; margin-bottom: 8pt; }
.rt-print .rt-letter li { font-size: 13pt; }
.rt-print .rt-letter h3 { font-size: 14pt; margin-top: 10pt; }
.rt-print .rt-reason-tier { font-weight: 700; }
.rt-print .rt-dense th, .rt-print .rt-dense td, .rt-print .rt-denser th, .rt-print .rt-denser td, .rt-print .rt-densest th, .rt-print .rt-densest td { font-size: inherit; }
@media screen {
  .rt-print .rt-page { background: #ffffff; max-width: 210mm; min-height: 120mm; margin: 0 auto 16px; padding: 16mm; border: 1px solid #d8dde0;
    box-shadow: 0 2px 4px rgba(33, 43, 50, 0.16); }
}
`;

/**
 * The running header of DESIGN.md section 5 for printing from the app or a browser: home, date and
 * "page x of y" in the page margins. A PDF made by Chromium's page.pdf uses header and footer templates
 * instead (main/print), so this is left out there.
 */
export function marginBoxesCss(homeName: string, dateText: string): string {
  const quote = (s: string) => `"${s.replace(/["\\]/g, '')}"`;
  return `@page {
  @top-left { content: ${quote(`${homeName} · ${dateText}`)}; font-family: Arial, sans-serif; font-size: 11pt; }
  @top-right { content: "OFFICIAL-SENSITIVE: personal"; font-family: Arial, sans-serif; font-size: 11pt; font-weight: 700; }
  @bottom-right { content: "Page " counter(page) " of " counter(pages); font-family: Arial, sans-serif; font-size: 11pt; }
}`;
}
