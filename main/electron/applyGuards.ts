/** Wires the pure guards to a webContents; applied to every one from app 'web-contents-created'. */
import { shell, type Session, type WebContents } from 'electron';
import { isSafeExternalUrl, permissionDecision, shouldAllowNavigation, windowOpenDecision } from './guards';
import { log } from './log';

/** The one place external links leave the app: https only, in the user's own browser. */
export function openExternalSafely(url: string): void {
  if (!isSafeExternalUrl(url)) {
    log('external.refused');
    return;
  }
  shell.openExternal(url).catch(() => log('external.failed'));
}

const guardedSessions = new WeakSet<Session>();

function guardSession(session: Session): void {
  if (guardedSessions.has(session)) return;
  guardedSessions.add(session);
  session.setPermissionRequestHandler((_contents, permission, callback) => callback(permissionDecision(permission)));
  session.setPermissionCheckHandler((_contents, permission) => permissionDecision(permission));
}

export function applyGuards(contents: WebContents, appIndexUrl: string): void {
  const onNavigate = (event: { url: string; preventDefault(): void }): void => {
    if (shouldAllowNavigation(event.url, appIndexUrl)) return;
    event.preventDefault();
    log('navigation.denied');
    openExternalSafely(event.url);
  };
  contents.on('will-navigate', onNavigate);
  // Sub-frames too (will-navigate covers only the main frame); a link in a frame is never opened.
  contents.on('will-frame-navigate', (event) => {
    if (event.isMainFrame || shouldAllowNavigation(event.url, appIndexUrl)) return;
    event.preventDefault();
    log('frame-navigation.denied');
  });
  contents.on('will-redirect', (event) => {
    if (shouldAllowNavigation(event.url, appIndexUrl)) return;
    event.preventDefault();
    log('redirect.denied');
  });
  contents.on('will-attach-webview', (event) => {
    event.preventDefault();
    log('webview.denied');
  });
  contents.setWindowOpenHandler(({ url }) => {
    const decision = windowOpenDecision(url);
    if (decision.openExternally) openExternalSafely(url);
    else log('window-open.denied');
    return { action: decision.action };
  });
  guardSession(contents.session);
}
