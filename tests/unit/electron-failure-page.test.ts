import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  escapeHtml, failurePageUrl, renderFailurePage, rendererGoneFailure, rendererLoadFailure, sharedDatabaseFailure, startupErrorCode, startupFailure,
} from '../../main/electron/failurePage';
import { DatabaseOpenError } from '../../main/store';
import { AppError } from '../../shared/errors';

const DB = '/home/nurse/.config/Roundtable/roundtable.sqlite';

function unescape(html: string): string {
  return html.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&amp;/g, '&');
}

describe('renderFailurePage', () => {
  it('escapes every piece of text it is given', () => {
    const html = renderFailurePage({
      title: '<script>alert(1)</script>',
      whatHappened: '<img src=x onerror=alert(1)>',
      whatToDo: ['"quoted" & \'single\'', '<b>bold</b>'],
      details: '</pre><script>x()</script>',
    });
    expect(html).not.toMatch(/<script|<img|<b>|<\/pre><script/);
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(html).toContain('&quot;quoted&quot; &amp; &#39;single&#39;');
  });

  it('names what happened and what to do, in British English, with no script and its own CSP', () => {
    const html = renderFailurePage({ title: 'T', whatHappened: 'Something happened.', whatToDo: 'Do this.' });
    expect(html).toContain('<h2>What happened</h2>');
    expect(html).toContain('<h2>What to do</h2>');
    expect(html).toContain('<p>Do this.</p>');
    expect(html).toContain('lang="en-GB"');
    expect(html).toContain("default-src 'none'");
    expect(html).not.toMatch(/<script|https?:/i);
  });

  it('lists several steps in order', () => {
    const html = renderFailurePage({ title: 'T', whatHappened: 'W', whatToDo: ['First', 'Second'] });
    expect(html).toContain('<ol><li>First</li><li>Second</li></ol>');
  });

  it('round-trips through a data: URL', () => {
    const content = { title: 'Roundtable could not start', whatHappened: 'W & more', whatToDo: 'Close it.' };
    const url = failurePageUrl(content);
    expect(url.startsWith('data:text/html;charset=utf-8,')).toBe(true);
    expect(decodeURIComponent(url.slice(url.indexOf(',') + 1))).toBe(renderFailurePage(content));
  });

  it('escapeHtml leaves no markup characters and loses no text (property)', () => {
    fc.assert(fc.property(fc.string(), (s) => {
      const escaped = escapeHtml(s);
      return !/[<>"']/.test(escaped) && unescape(escaped) === s;
    }));
  });
});

describe('startupFailure', () => {
  it.each([
    ['newer', /newer version/, /install the latest version/i],
    ['corrupt', /damaged/, /restore the latest backup/i],
    ['unwritable', /cannot open its database/, /write to the folder/i],
    ['foreign', /not a Roundtable database/, /ROUNDTABLE_DB/],
  ] as const)('explains a %s database and what to do', (reason, title, todo) => {
    const error = new DatabaseOpenError(reason, `The database ${DB} ...`);
    const content = startupFailure(error, DB);
    expect(content.title).toMatch(title);
    const steps = [content.whatToDo].flat();
    expect(steps.length).toBeGreaterThan(0);
    expect(steps.join(' ')).toMatch(todo);
    expect(content.details).toContain(DB);
    expect(content.details).toContain(`DATABASE_${reason.toUpperCase()}`);
    expect(renderFailurePage(content)).toContain('What to do');
  });

  it('never tells the user to delete a damaged database', () => {
    const steps = [startupFailure(new DatabaseOpenError('corrupt', 'x'), DB).whatToDo].flat().join(' ');
    expect(steps).toMatch(/Do not delete/);
  });

  it('falls back to a general message for anything else', () => {
    const content = startupFailure(new TypeError('boom'), DB);
    expect(content.title).toBe('Roundtable could not start');
    expect(content.details).toContain('TypeError');
    expect(startupFailure('a string', DB).title).toBe('Roundtable could not start');
  });

  it('gives short codes for logs', () => {
    expect(startupErrorCode(new DatabaseOpenError('newer', 'x'))).toBe('DATABASE_NEWER');
    expect(startupErrorCode(new AppError('NOT_FOUND', 'x'))).toBe('NOT_FOUND');
    expect(startupErrorCode(new RangeError('x'))).toBe('RangeError');
    expect(startupErrorCode(42)).toBe('UNKNOWN');
  });

  it('has pages for a renderer that will not load or has stopped', () => {
    expect(rendererLoadFailure(-6, 'ERR_FILE_NOT_FOUND').details).toContain('ERR_FILE_NOT_FOUND');
    expect([rendererLoadFailure(-6, 'x').whatToDo].flat().join(' ')).toMatch(/reinstall/i);
    expect(rendererGoneFailure('crashed').details).toContain('crashed');
  });
});

describe('sharedDatabaseFailure', () => {
  it('names the shared database, says how to go back to this computer’s, and never shows a password', () => {
    const error = new AppError('DATABASE', 'could not connect to postgresql://rt:S3cret!@db.example.nhs.uk/roundtable: connection refused');
    const page = sharedDatabaseFailure(error, 'db.example.nhs.uk/roundtable', '/home/gp/.config/Roundtable/settings.json');
    expect(page.title).toBe('Roundtable cannot open the shared database');
    expect(page.whatHappened).toContain('the shared database db.example.nhs.uk/roundtable');
    expect([page.whatToDo].flat().join(' ')).toMatch(/delete or rename the settings file/);
    expect(page.details).toContain('Settings file: /home/gp/.config/Roundtable/settings.json');
    expect(JSON.stringify(page)).not.toContain('S3cret');
    expect(JSON.stringify(page)).toContain('postgresql://rt@db.example.nhs.uk');
  });
});
