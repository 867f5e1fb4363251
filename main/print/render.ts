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
import type { Letter, PrintDocument } from '../../shared/print';
import { PrintView, type PrintKind } from '../../renderer/src/print/PrintDocuments';

const TITLES: Record<PrintKind, string> = { agenda: 'Round agenda', letters: 'Invitation', summary: 'Round summary' };

/** A whole HTML page; with marginBoxes (the default) it prints with its own running header from any browser. */
export function renderPrintHtml(doc: PrintDocument, kind: PrintKind, options: { marginBoxes?: boolean; letters?: Letter[] } = {}): string {
  const body = renderToStaticMarkup(createElement(PrintView, { doc, kind, marginBoxes: options.marginBoxes ?? true, ...(options.letters ? { letters: options.letters } : {}) }));
  const title = `${TITLES[kind]}: ${doc.homeName}, ${formatUkDate(doc.date)}`;
  return `<!doctype html>\n<html lang="en-GB"><head><meta charset="utf-8"><title>${escapeHtml(title)}</title></head><body style="margin:0">${body}</body></html>\n`;
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

export interface PdfJob { html: string; file: string; homeName: string; date: string }
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
    const page = await browser.newPage();
    for (const job of jobs) {
      await page.setContent(job.html, { waitUntil: 'load' });
      await page.pdf({
        path: job.file, format: 'A4', printBackground: true, displayHeaderFooter: true,
        margin: { top: `${PDF_MARGINS_MM.top}mm`, bottom: `${PDF_MARGINS_MM.bottom}mm`, left: `${PDF_MARGINS_MM.left}mm`, right: `${PDF_MARGINS_MM.right}mm` },
        headerTemplate: pdfHeaderTemplate(job.homeName, job.date),
        footerTemplate: PDF_FOOTER_TEMPLATE,
      });
    }
  } finally {
    await browser.close();
  }
}
