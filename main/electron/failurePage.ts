/**
 * The window shown when Roundtable cannot start: a static page saying what happened and what to do,
 * so a failure is never a blank screen. Pure functions; main.ts loads the result as a data: URL.
 */
import { AppError } from '../../shared/errors';

export interface FailurePageContent {
  title: string;
  whatHappened: string;
  /** One step per entry. */
  whatToDo: string | readonly string[];
  /** Technical detail for IT support (paths, SQLite messages); never patient details. */
  details?: string;
}

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ESCAPES[c] ?? c);
}

const STYLE = `
  body { margin: 0; padding: 40px 48px; background: #f0f4f5; color: #212b32;
         font: 19px/1.5 Arial, Helvetica, sans-serif; }
  main { max-width: 720px; background: #fff; border-left: 8px solid #d5281b; padding: 24px 32px; }
  h1 { font-size: 32px; line-height: 1.25; margin: 0 0 16px; }
  h2 { font-size: 22px; margin: 24px 0 8px; }
  ol { padding-left: 24px; } li { margin-bottom: 8px; }
  pre { white-space: pre-wrap; word-break: break-word; font-size: 15px; background: #f0f4f5; padding: 12px; }
  .close { color: #4c6272; margin-top: 24px; }`;

export function renderFailurePage(content: FailurePageContent): string {
  const steps = typeof content.whatToDo === 'string' ? [content.whatToDo] : [...content.whatToDo];
  const todo = steps.length === 1
    ? `<p>${escapeHtml(steps[0] ?? '')}</p>`
    : `<ol>${steps.map((s) => `<li>${escapeHtml(s)}</li>`).join('')}</ol>`;
  const details = content.details
    ? `<h2>Technical details for IT support</h2><pre>${escapeHtml(content.details)}</pre>`
    : '';
  return `<!doctype html>
<html lang="en-GB">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; base-uri 'none'; form-action 'none'">
<title>Roundtable – ${escapeHtml(content.title)}</title>
<style>${STYLE}</style>
</head>
<body>
<main role="alert">
<h1>${escapeHtml(content.title)}</h1>
<h2>What happened</h2>
<p>${escapeHtml(content.whatHappened)}</p>
<h2>What to do</h2>
${todo}
${details}
<p class="close">Close this window to quit Roundtable.</p>
</main>
</body>
</html>`;
}

export function failurePageUrl(content: FailurePageContent): string {
  return `data:text/html;charset=utf-8,${encodeURIComponent(renderFailurePage(content))}`;
}

type OpenReason = 'newer' | 'corrupt' | 'unwritable' | 'foreign';

/** The DatabaseOpenError reason, checked structurally so this module stays free of the store. */
export function databaseOpenReason(error: unknown): OpenReason | null {
  if (!(error instanceof AppError) || error.code !== 'DATABASE' || !('reason' in error)) return null;
  const reason = error.reason;
  return reason === 'newer' || reason === 'corrupt' || reason === 'unwritable' || reason === 'foreign' ? reason : null;
}

/** A short code for logs and the page: the open reason, the AppError code or the error's class name. */
export function startupErrorCode(error: unknown): string {
  const reason = databaseOpenReason(error);
  if (reason) return `DATABASE_${reason.toUpperCase()}`;
  if (error instanceof AppError) return error.code;
  return error instanceof Error ? error.name : 'UNKNOWN';
}

export function startupFailure(error: unknown, databasePath: string): FailurePageContent {
  const message = error instanceof Error ? error.message : String(error);
  const details = `Database: ${databasePath}\nError: ${startupErrorCode(error)}\n${message}`;
  switch (databaseOpenReason(error)) {
    case 'newer':
      return {
        title: 'This database needs a newer version of Roundtable',
        whatHappened: 'The database was last used by a newer version of Roundtable than the one on this computer. ' +
          'Roundtable has not opened or changed it, so nothing has been lost.',
        whatToDo: [
          'Ask your IT support or system supplier to install the latest version of Roundtable on this computer.',
          'Do not move, rename or delete the database file.',
        ],
        details,
      };
    case 'corrupt':
      return {
        title: 'The Roundtable database is damaged',
        whatHappened: 'Roundtable checked its database when starting and found that the file is damaged. ' +
          'It has not been changed further.',
        whatToDo: [
          'Do not delete the database file.',
          'Contact your IT support or system supplier and ask them to restore the latest backup. ' +
            'Backups are kept in the “backups” folder beside the database.',
          'Until it is restored, use your practice’s paper or clinical-system process for care-home rounds.',
        ],
        details,
      };
    case 'foreign':
      return {
        title: 'This file is not a Roundtable database',
        whatHappened: 'The database file Roundtable was pointed at belongs to another program. Roundtable has not opened or changed it.',
        whatToDo: [
          'Check the ROUNDTABLE_DB setting, or ask your IT support which file Roundtable should use.',
          'Do not move, rename or delete the file: the other program may need it.',
        ],
        details,
      };
    case 'unwritable':
      return {
        title: 'Roundtable cannot open its database',
        whatHappened: 'The database file or its folder could not be opened for writing. The folder may be ' +
          'read-only, the disk may be full, or another program may have the file locked.',
        whatToDo: [
          'Close Roundtable and any other program that might be using the database, then open Roundtable again.',
          'If it happens again, ask your IT support to check that you can write to the folder shown below and that the disk has free space.',
        ],
        details,
      };
    default:
      return {
        title: 'Roundtable could not start',
        whatHappened: 'Something unexpected went wrong while Roundtable was starting. Your records have not been changed.',
        whatToDo: [
          'Close Roundtable and open it again.',
          'If it keeps happening, contact your IT support or system supplier and give them the technical details below.',
        ],
        details,
      };
  }
}

/**
 * The shared database chosen in Settings could not be opened: say so, and how to go back to the database on
 * this computer (the settings file is the only way in when the app cannot start). `location` is HOST/DBNAME.
 */
export function sharedDatabaseFailure(error: unknown, location: string, settingsFile: string): FailurePageContent {
  // a connection string quoted in the error loses its password here
  const message = (error instanceof Error ? error.message : String(error)).replace(/(postgres(?:ql)?:\/\/[^:@/\s]*):[^@\s]*@/gi, '$1@');
  return {
    title: 'Roundtable cannot open the shared database',
    whatHappened: `This computer is set to use the shared database ${location}, and it could not be opened: ${message}`,
    whatToDo: [
      'Check that this computer is connected to the network, then close Roundtable and open it again.',
      'If the server or its password has changed, ask your IT support for the new details.',
      `To work on the database on this computer instead, close Roundtable, delete or rename the settings file shown below, and open Roundtable again.`,
    ],
    details: `Database: ${location}\nSettings file: ${settingsFile}\nError: ${startupErrorCode(error)}\n${message}`,
  };
}

/** The renderer's own files would not load (a damaged or incomplete installation). */
export function rendererLoadFailure(errorCode: number, errorDescription: string): FailurePageContent {
  return {
    title: 'Roundtable’s screens could not be loaded',
    whatHappened: 'Part of the Roundtable installation is missing or damaged, so its screens could not be shown. ' +
      'Your records have not been changed.',
    whatToDo: [
      'Close Roundtable and open it again.',
      'If it happens again, ask your IT support or system supplier to reinstall Roundtable. Reinstalling does not remove your records.',
    ],
    details: `Load error ${errorCode} ${errorDescription}`,
  };
}

/** The window's renderer process stopped (crash, out of memory, killed). */
export function rendererGoneFailure(reason: string): FailurePageContent {
  return {
    title: 'Roundtable stopped unexpectedly',
    whatHappened: 'The Roundtable window stopped working. Anything you had saved is kept; changes you had not yet saved may be lost.',
    whatToDo: [
      'Close Roundtable and open it again.',
      'If it keeps happening, contact your IT support or system supplier and give them the technical details below.',
    ],
    details: `Renderer process gone: ${reason}`,
  };
}
