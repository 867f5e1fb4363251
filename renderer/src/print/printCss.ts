/**
 * A4 print styles for the print components, scoped under .rt-print so they can sit inside the app's
 * print preview. At least 11pt everywhere; one resident (or letter) per page, never split inside one.
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
.rt-print table.rt-frame { margin: 0; }
.rt-print table.rt-frame > thead > tr > td, .rt-print table.rt-frame > tbody > tr > td { border: 0; padding: 0; }
.rt-print .rt-running { font-size: 11pt; color: #4c6272; margin: 0 0 4pt; border-bottom: 1px solid #d8dde0; }
.rt-print .rt-marking { font-weight: 700; font-size: 11pt; letter-spacing: 0.02em; margin-bottom: 4pt; }
.rt-print .rt-resident .rt-marking { float: right; }
@media print { .rt-print .rt-resident .rt-marking { display: none; } }
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
