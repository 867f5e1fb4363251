/**
 * Renders the print components (renderer/src/print) to static HTML, and HTML to an A4 PDF in Chromium
 * (playwright-core with the system Chromium: CHROMIUM_PATH, else the usual Debian/Ubuntu paths).
 */
import { existsSync } from 'node:fs';
import type * as Playwright from 'playwright-core';
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { formatUkDate } from '../../shared/dates';
import { AppError } from '../../shared/errors';
import type { FlagSheet, Letter, PrintDocument, SessionDocument } from '../../shared/print';
import { FlagSheetForm } from '../../renderer/src/print/FlagSheetForm';
import { PrintView, type PrintKind } from '../../renderer/src/print/PrintDocuments';
import { SessionView } from '../../renderer/src/print/SessionDocuments';

const TITLES: Record<PrintKind, string> = { agenda: 'Round agenda', letters: 'Invitation', summary: 'Round summary' };

/** A whole HTML page; with marginBoxes (the default) it prints with its own running header from any browser. */
export function renderPrintHtml(doc: PrintDocument, kind: PrintKind, options: { marginBoxes?: boolean; letters?: Letter[] } = {}): string {
  const body = renderToStaticMarkup(createElement(PrintView, { doc, kind, marginBoxes: options.marginBoxes ?? true, ...(options.letters ? { letters: options.letters } : {}) }));
  const title = `${TITLES[kind]}: ${doc.homeName}, ${formatUkDate(doc.date)}`;
  return `<!doctype html>\n<html lang="en-GB"><head><meta charset="utf-8"><title>${escapeHtml(title)}</title></head><body style="margin:0">${body}</body></html>\n`;
}

/** "Print the week" for one home: each round's agenda followed by its letters, in one page. */
export function renderWeekHtml(docs: readonly PrintDocument[], options: { marginBoxes?: boolean } = {}): string {
  const body = docs.map((doc) => renderToStaticMarkup(createElement(PrintView, { doc, kind: 'agenda', marginBoxes: options.marginBoxes ?? true }))
    + (doc.letters.length > 0 ? renderToStaticMarkup(createElement(PrintView, { doc, kind: 'letters', marginBoxes: false, letterMarking: false })) : '')).join('');
  const first = docs[0];
  const title = first ? `The week’s rounds: ${first.homeName}, from ${formatUkDate(first.date)}` : 'The week’s rounds';
  return `<!doctype html>\n<html lang="en-GB"><head><meta charset="utf-8"><title>${escapeHtml(title)}</title></head><body style="margin:0">${body}</body></html>\n`;
}

/** A list beside the round (tasks, the pharmacist's session, care-planning conversations and their letters) as a page to print. */
export function renderSessionHtml(doc: SessionDocument, options: { marginBoxes?: boolean } = {}): string {
  const body = renderToStaticMarkup(createElement(SessionView, { doc, marginBoxes: options.marginBoxes ?? true }));
  const title = `${doc.title}: ${doc.homeName}, ${formatUkDate(doc.date)}`;
  return `<!doctype html>\n<html lang="en-GB"><head><meta charset="utf-8"><title>${escapeHtml(title)}</title></head><body style="margin:0">${body}</body></html>\n`;
}

/** The weekly flag sheet as a page to print (A4 landscape). */
export function renderFlagSheetHtml(sheet: FlagSheet): string {
  const body = renderToStaticMarkup(createElement(FlagSheetForm, { sheet }));
  return `<!doctype html>\n<html lang="en-GB"><head><meta charset="utf-8"><title>${escapeHtml(`Weekly flags: ${sheet.homeName}`)}</title></head><body style="margin:0">${body}</body></html>\n`;
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c] ?? c);
}

const CHROMIUM_CANDIDATES = ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome', '/usr/bin/google-chrome-stable'];

/** The Chromium to print with, or null when none is installed. */
export function findChromium(env: NodeJS.ProcessEnv = process.env): string | null {
  if (env.CHROMIUM_PATH) return existsSync(env.CHROMIUM_PATH) ? env.CHROMIUM_PATH : null;
  return CHROMIUM_CANDIDATES.find((p) => existsSync(p)) ?? null;
}

export const NO_CHROMIUM_MESSAGE = 'No Chromium was found to make the PDF (looked at CHROMIUM_PATH and /usr/bin/chromium). '
  + 'The HTML was written instead: open it in a browser and print it, or install Chromium (Debian: apt-get install chromium) '
  + 'or set CHROMIUM_PATH to a Chromium or Chrome executable.';

const HEADER_STYLE = 'font-family: Arial, sans-serif; font-size: 11pt; width: 100%; margin: 0 15mm; display: flex; justify-content: space-between;';

function escapeTemplate(text: string): string {
  return escapeHtml(text);
}

/** Chromium's running header for a PDF: home, date and the marking. */
export function pdfHeaderTemplate(homeName: string, date: string): string {
  return `<div style="${HEADER_STYLE}"><span>${escapeTemplate(homeName)} · ${formatUkDate(date)}</span><strong>OFFICIAL-SENSITIVE: personal</strong></div>`;
}

export const PDF_FOOTER_TEMPLATE = `<div style="${HEADER_STYLE} justify-content: flex-end;"><span>Page <span class="pageNumber"></span> of <span class="totalPages"></span></span></div>`;
export const PDF_MARGINS_MM = { top: 18, bottom: 15, left: 15, right: 15 } as const;

const PX_PER_MM = 96 / 25.4;
const PAGE_HEIGHT_MM = 297 - PDF_MARGINS_MM.top - PDF_MARGINS_MM.bottom;

/**
 * A second check where the page can be measured (Chromium, not Electron's script-free window): a resident
 * whose section is still taller than one page after the estimate (PrintDocuments' sectionLines) is set a
 * step smaller, up to 9pt, so one resident keeps to one page.
 */
const FIT_RESIDENT_PAGES = `(() => {
  const limit = ${PAGE_HEIGHT_MM - 3} * ${PX_PER_MM};
  const steps = ['', 'rt-dense', 'rt-denser', 'rt-densest'];
  for (const el of document.querySelectorAll('.rt-resident, .rt-cover')) {
    for (let guard = 0; guard < 3 && el.getBoundingClientRect().height > limit; guard++) {
      const at = Math.max(0, steps.findIndex((c) => c && el.classList.contains(c)));
      const next = steps[at + 1];
      if (!next) break;
      if (at > 0) el.classList.remove(steps[at]);
      el.classList.add(next);
    }
  }
})()`;

export interface PdfJob {
  html: string; file: string; homeName: string; date: string; landscape?: boolean;
  /** A letter: no running header or footer (it carries its one marking in its own text). */
  plain?: boolean;
}
export type PdfPrinter = (jobs: PdfJob[]) => Promise<void>;

/**
 * Prints each HTML page (rendered without CSS margin boxes) to an A4 PDF with Chromium's header (home,
 * date, the marking) and footer ("Page x of y"). One browser for all of them. The desktop app passes its own
 * printer (Electron's printToPDF, main/electron/printPdf.ts) from the context.
 */
export async function htmlToPdf(jobs: PdfJob[], env: NodeJS.ProcessEnv = process.env, printer: PdfPrinter | null = null): Promise<void> {
  if (printer) return printer(jobs);
  const executablePath = findChromium(env);
  if (!executablePath) throw new AppError('NOT_FOUND', NO_CHROMIUM_MESSAGE);
  // Named through a variable so the Electron bundle leaves playwright-core out: the desktop app prints with Electron itself.
  const playwright = 'playwright-core';
  const { chromium } = (await import(playwright)) as typeof Playwright;
  const browser = await chromium.launch({ executablePath, args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--no-first-run'] });
  try {
    // Laid out as on paper (print media, the A4 text width), so a resident's page can be measured before printing.
    const page = await browser.newPage({ viewport: { width: Math.round((210 - PDF_MARGINS_MM.left - PDF_MARGINS_MM.right) * PX_PER_MM), height: 1100 } });
    await page.emulateMedia({ media: 'print' });
    for (const job of jobs) {
      await page.setContent(job.html, { waitUntil: 'load' });
      if (!job.landscape) await page.evaluate(FIT_RESIDENT_PAGES);
      await page.pdf({
        path: job.file, format: 'A4', landscape: job.landscape ?? false, printBackground: true, displayHeaderFooter: !job.plain,
        margin: { top: `${PDF_MARGINS_MM.top}mm`, bottom: `${PDF_MARGINS_MM.bottom}mm`, left: `${PDF_MARGINS_MM.left}mm`, right: `${PDF_MARGINS_MM.right}mm` },
        headerTemplate: pdfHeaderTemplate(job.homeName, job.date),
        footerTemplate: PDF_FOOTER_TEMPLATE,
      });
    }
  } finally {
    await browser.close();
  }
}
