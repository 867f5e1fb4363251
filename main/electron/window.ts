/** BrowserWindow options in one pure function, so the security settings are unit-tested. */
import type { BrowserWindowConstructorOptions } from 'electron';

export const WINDOW_BACKGROUND = '#f0f4f5';

export interface WindowOptionsExtra {
  /** DevTools only in development; packaged builds cannot open them. */
  devTools?: boolean;
  width?: number;
  height?: number;
}

/** The main window with the preload; the failure window passes no preload. */
export function windowOptions(preloadPath: string | undefined, extra: WindowOptionsExtra = {}): BrowserWindowConstructorOptions {
  return {
    width: extra.width ?? 1280,
    height: extra.height ?? 860,
    minWidth: 800,
    minHeight: 560,
    title: 'Roundtable',
    backgroundColor: WINDOW_BACKGROUND,
    show: false, // shown on ready-to-show, so there is no white flash
    webPreferences: {
      ...(preloadPath === undefined ? {} : { preload: preloadPath }),
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      experimentalFeatures: false,
      navigateOnDragDrop: false,
      safeDialogs: true,
      spellcheck: false,
      // middle-click would otherwise try to open links in new windows (denied anyway by the guards)
      disableBlinkFeatures: 'Auxclick',
      devTools: extra.devTools ?? false,
    },
  };
}
