/**
 * Navigation, new-window, external-link and permission decisions as pure functions, so the hostile
 * inputs can be unit-tested without Electron. applyGuards.ts wires them to webContents events.
 */

function parse(url: unknown): URL | null {
  if (typeof url !== 'string' || url === '') return null;
  try {
    return new URL(url);
  } catch {
    return null;
  }
}

/**
 * Path comparison key: decodeURI evens out percent-encoding differences between Chromium and Node
 * (spaces, non-ASCII) but keeps reserved escapes such as %2F encoded, so "dist%2Findex.html" stays
 * distinct. Windows drive letters compare case-insensitively.
 */
function pathKey(pathname: string): string | null {
  try {
    return decodeURI(pathname).replace(/^\/([a-z]):/, (_m, drive: string) => `/${drive.toUpperCase()}:`);
  } catch {
    return null;
  }
}

/** True only for the app's own file:// index.html; the hash and query are ignored (routing state). */
export function isAppUrl(url: unknown, appIndexUrl: string): boolean {
  const candidate = parse(url);
  const app = parse(appIndexUrl);
  if (!candidate || !app || app.protocol !== 'file:') return false;
  if (candidate.protocol !== 'file:' || candidate.host !== app.host) return false;
  if (candidate.username !== '' || candidate.password !== '') return false;
  const a = pathKey(candidate.pathname);
  return a !== null && a === pathKey(app.pathname);
}

/** The renderer may navigate only to the app itself (reloads and hash routes stay in-page). */
export function shouldAllowNavigation(url: unknown, appIndexUrl: string): boolean {
  return isAppUrl(url, appIndexUrl);
}

const MAX_EXTERNAL_URL_LENGTH = 2048;

/**
 * Whether a link may be handed to the user's browser: https only, printable ASCII only (so no
 * homoglyph or bidi tricks survive), a public-looking host name (no IP literals, localhost or
 * single-label intranet names, no punycode), and no user-info.
 */
export function isSafeExternalUrl(url: unknown): boolean {
  if (typeof url !== 'string' || url.length > MAX_EXTERNAL_URL_LENGTH) return false;
  if (!/^[\x21-\x7e]+$/.test(url)) return false;
  if (!/^https:\/\/[^/\\]/i.test(url)) return false;
  const parsed = parse(url);
  if (!parsed || parsed.protocol !== 'https:') return false;
  const authority = url.slice('https://'.length).split(/[/?#]/, 1)[0] ?? '';
  if (parsed.username !== '' || parsed.password !== '' || authority.includes('@')) return false;
  const host = parsed.hostname.toLowerCase();
  if (host === '' || host.startsWith('[') || /^[\d.]+$/.test(host)) return false;
  const labels = host.replace(/\.$/, '').split('.');
  if (labels.length < 2 || labels.some((label) => label === '' || label.startsWith('xn--'))) return false;
  if (host === 'localhost' || host.endsWith('.localhost')) return false;
  return true;
}

export interface WindowOpenDecision {
  /** Electron's setWindowOpenHandler answer: the app never opens a second window. */
  action: 'deny';
  /** Whether the URL may be passed to shell.openExternal instead. */
  openExternally: boolean;
}

export function windowOpenDecision(url: unknown): WindowOpenDecision {
  return { action: 'deny', openExternally: isSafeExternalUrl(url) };
}

/** The app needs no camera, microphone, notifications, clipboard reads or anything else. */
export function permissionDecision(_permission: string): false {
  return false;
}
