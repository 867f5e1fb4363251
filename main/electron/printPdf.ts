/**
 * Save as PDF in the desktop app: Electron's own printToPDF in a hidden, script-free window, with the same
 * A4 header and footer as the command line's Chromium. Installed into main/print at start-up.
 */
import { BrowserWindow } from 'electron';
import { writeFile } from 'node:fs/promises';
import { PDF_FOOTER_TEMPLATE, PDF_MARGINS_MM, pdfHeaderTemplate, type PdfJob } from '../print/render';

const MM_PER_INCH = 25.4;

export async function electronPrintToPdf(jobs: PdfJob[]): Promise<void> {
  const win = new BrowserWindow({ show: false, webPreferences: { javascript: false, sandbox: true, contextIsolation: true, nodeIntegration: false, disableBlinkFeatures: 'Auxclick' } });
  try {
    for (const job of jobs) {
      await win.loadURL(`data:text/html;charset=utf-8,${encodeURIComponent(job.html)}`);
      const pdf = await win.webContents.printToPDF({
        pageSize: 'A4', landscape: job.landscape ?? false, printBackground: true, displayHeaderFooter: !job.plain,
        headerTemplate: pdfHeaderTemplate(job.homeName, job.date), footerTemplate: PDF_FOOTER_TEMPLATE,
        margins: { top: PDF_MARGINS_MM.top / MM_PER_INCH, bottom: PDF_MARGINS_MM.bottom / MM_PER_INCH, left: PDF_MARGINS_MM.left / MM_PER_INCH,
          right: PDF_MARGINS_MM.right / MM_PER_INCH },
      });
      await writeFile(job.file, pdf);
    }
  } finally {
    win.destroy();
  }
}
