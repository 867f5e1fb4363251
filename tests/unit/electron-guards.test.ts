import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isAppUrl, isSafeExternalUrl, permissionDecision, shouldAllowNavigation, windowOpenDecision } from '../../main/electron/guards';

const APP = 'file:///opt/Roundtable/resources/app.asar/renderer/dist/index.html';
const APP_PATH = '/opt/Roundtable/resources/app.asar/renderer/dist/index.html';
const WIN_APP = 'file:///C:/Program%20Files/Roundtable/resources/app.asar/renderer/dist/index.html';

const HOSTILE_NAVIGATION: unknown[] = [
  'javascript:alert(1)',
  'JAVASCRIPT:alert(document.cookie)',
  'data:text/html,<script>alert(1)</script>',
  'data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==',
  'file:///etc/passwd',
  'file:///C:/Windows/System32/drivers/etc/hosts',
  'http://localhost/index.html',
  'https://user:pass@example.com/',
  `https://example.com${APP_PATH}`,
  `http://example.com${APP_PATH}`,
  `ftp://example.com${APP_PATH}`,
  `blob:file://${APP_PATH}`,
  `filesystem:file://${APP_PATH}`,
  `view-source:${APP}`,
  `file://evil.example${APP_PATH}`,
  `file://localhost.evil${APP_PATH}`,
  `${APP}/../../etc`,
  `${APP}/../../../../../../etc/passwd`,
  `${APP}/`,
  `${APP}.evil`,
  `${APP}x`,
  APP.replace('index.html', 'index.htm'),
  APP.replace('dist/index.html', 'dist%2Findex.html'),
  APP.replace('dist/index.html', 'dist%5Cindex.html'),
  APP.replace('dist/index.html', 'other/index.html'),
  APP.replace('index.html', 'index.html%00'),
  APP.replace('index.html', 'index.htm\u217C'), // small roman numeral fifty, looks like "l"
  APP.replace('index.html', '\u202Elmth.xedni'), // right-to-left override
  APP.replace('index.html', 'ｉｎｄｅｘ.html'), // fullwidth letters
  'ｆｉｌｅ:///opt/Roundtable/resources/app.asar/renderer/dist/index.html',
  APP_PATH,
  `//${APP_PATH}`,
  'index.html',
  './index.html',
  '',
  ' ',
  'not a url',
  '%%%',
  'file:',
  'file://',
  'about:blank',
  'chrome://settings',
  'devtools://devtools/bundled/inspector.html',
  'roundtable://index.html',
  null,
  undefined,
  42,
  {},
  [APP],
];

describe('isAppUrl and shouldAllowNavigation', () => {
  it.each([APP, `${APP}#/residents/3`, `${APP}?x=1`, `${APP}?x=1#/homes`, APP.replace('file:', 'FILE:')])('allows the app itself: %s', (url) => {
    expect(isAppUrl(url, APP)).toBe(true);
    expect(shouldAllowNavigation(url, APP)).toBe(true);
  });

  it.each(HOSTILE_NAVIGATION.map((url) => [url]))('denies %j', (url) => {
    expect(isAppUrl(url, APP)).toBe(false);
    expect(shouldAllowNavigation(url, APP)).toBe(false);
  });

  it('copes with Windows drive letters and spaces written either way', () => {
    expect(isAppUrl(WIN_APP.replace('C:', 'c:'), WIN_APP)).toBe(true);
    expect(isAppUrl('file:///C:/Program Files/Roundtable/resources/app.asar/renderer/dist/index.html', WIN_APP)).toBe(true);
    expect(isAppUrl(WIN_APP.replace('C:', 'D:'), WIN_APP)).toBe(false);
    expect(isAppUrl('file://server/share/Roundtable/resources/app.asar/renderer/dist/index.html', WIN_APP)).toBe(false);
  });

  it('never trusts anything when the app URL itself is not a file URL', () => {
    expect(isAppUrl('https://example.com/', 'https://example.com/')).toBe(false);
    expect(isAppUrl(APP, '')).toBe(false);
  });

  it('denies every web URL (property)', () => {
    fc.assert(fc.property(fc.webUrl({ withQueryParameters: true, withFragments: true }), (url) => !shouldAllowNavigation(url, APP)));
  });

  it('never throws and trusts only file URLs for arbitrary strings (property)', () => {
    fc.assert(fc.property(fc.string(), (s) => !isAppUrl(s, APP) || s.toLowerCase().startsWith('file:')));
  });
});

const SAFE_EXTERNAL = [
  'https://www.nhs.uk/conditions/dementia/',
  'https://digital.nhs.uk/services/organisation-data-service',
  'https://www.cqc.org.uk/location/1-123456789?tab=reports#top',
  'https://example.co.uk:8443/path',
  'HTTPS://www.nhs.uk/',
];

const UNSAFE_EXTERNAL: unknown[] = [
  'http://www.nhs.uk/',
  'javascript:alert(1)',
  'JavaScript:alert(1)',
  'java\tscript:alert(1)',
  'data:text/html,<h1>x</h1>',
  'file:///etc/passwd',
  'file://server/share/x.exe',
  'smb://server/share',
  'ftp://example.com/',
  'mailto:someone@example.com',
  'tel:01234567890',
  'ms-settings:privacy',
  'ms-msdt:/id PCWDiagnostic',
  'search-ms:query=x',
  'vscode://file/etc/passwd',
  'roundtable://open',
  'about:blank',
  'https://user:pass@www.nhs.uk/',
  'https://user@www.nhs.uk/',
  'https://www.nhs.uk@evil.example/',
  'https://@www.nhs.uk/',
  'https://',
  'https:///path',
  'https:www.nhs.uk',
  'https:/www.nhs.uk',
  'https:\\\\www.nhs.uk',
  'https://\\www.nhs.uk',
  ' https://www.nhs.uk/',
  'https://www.nhs.uk/ ',
  'https://www.nhs.uk\n.evil.example/',
  'https://www.nhs.uk\t/',
  'https://localhost/',
  'https://app.localhost/',
  'https://127.0.0.1/',
  'https://10.0.0.1/admin',
  'https://[::1]/',
  'https://2130706433/',
  'https://0x7f.1/',
  'https://intranet/',
  'https://xn--nhs-9cd.uk/',
  'https://www.nh\u0455.uk/', // Cyrillic dze for "s"
  'https://www.nhs.uk/\u202Egnp.exe',
  'https://www.nhs.uk/caf\u00e9',
  'ｈｔｔｐｓ://www.nhs.uk/',
  `https://www.nhs.uk/${'a'.repeat(3000)}`,
  '',
  'not a url',
  null,
  undefined,
  42,
  {},
  ['https://www.nhs.uk/'],
];

describe('isSafeExternalUrl', () => {
  it.each(SAFE_EXTERNAL)('accepts %s', (url) => {
    expect(isSafeExternalUrl(url)).toBe(true);
  });

  it.each(UNSAFE_EXTERNAL.map((url) => [url]))('refuses %j', (url) => {
    expect(isSafeExternalUrl(url)).toBe(false);
  });

  it('only ever accepts https URLs with a host and no user-info (property)', () => {
    fc.assert(fc.property(fc.oneof(fc.string(), fc.webUrl({ withQueryParameters: true, withFragments: true })), (url) => {
      if (!isSafeExternalUrl(url)) return true;
      const parsed = new URL(url);
      return parsed.protocol === 'https:' && parsed.hostname !== '' && parsed.username === '' && parsed.password === '';
    }));
  });
});

describe('windowOpenDecision', () => {
  it('always denies a new window, and hands only safe links to the browser', () => {
    for (const url of SAFE_EXTERNAL) expect(windowOpenDecision(url)).toEqual({ action: 'deny', openExternally: true });
    for (const url of [...UNSAFE_EXTERNAL, APP, `${APP}#/homes`]) {
      expect(windowOpenDecision(url)).toEqual({ action: 'deny', openExternally: false });
    }
  });

  it('denies for any input (property)', () => {
    fc.assert(fc.property(fc.anything(), (url) => windowOpenDecision(url).action === 'deny'));
  });
});

describe('permissionDecision', () => {
  const PERMISSIONS = [
    'clipboard-read', 'clipboard-sanitized-write', 'display-capture', 'fullscreen', 'geolocation', 'idle-detection',
    'media', 'mediaKeySystem', 'midi', 'midiSysex', 'notifications', 'pointerLock', 'keyboardLock', 'openExternal',
    'speaker-selection', 'storage-access', 'top-level-storage-access', 'window-management', 'unknown', 'fileSystem',
    'hid', 'serial', 'usb', '',
  ];
  it.each(PERMISSIONS)('denies %j', (permission) => {
    expect(permissionDecision(permission)).toBe(false);
  });
});
