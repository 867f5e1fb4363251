/** The application menu and the texts its dialogs show, as pure data so they are unit-tested. */
import type { MenuItemConstructorOptions, MessageBoxOptions, WebContentsPrintOptions } from 'electron';

export interface MenuActions {
  /** DevTools appear only in development builds. */
  isPackaged: boolean;
  importFile(): void;
  print(): void;
  backUpNow(): void;
  about(): void;
}

export function menuTemplate(actions: MenuActions): MenuItemConstructorOptions[] {
  const view: MenuItemConstructorOptions[] = [
    { role: 'reload' },
    { type: 'separator' },
    { role: 'resetZoom' },
    { role: 'zoomIn' },
    { role: 'zoomOut' },
    { type: 'separator' },
    { role: 'togglefullscreen' },
    ...(actions.isPackaged ? [] : [{ type: 'separator' } as const, { role: 'toggleDevTools' } as const]),
  ];
  return [
    {
      label: 'File',
      submenu: [
        { label: 'Import…', accelerator: 'CmdOrCtrl+O', click: () => actions.importFile() },
        { label: 'Print…', accelerator: 'CmdOrCtrl+P', click: () => actions.print() },
        { label: 'Back up now', click: () => actions.backUpNow() },
        { type: 'separator' },
        { label: 'Quit', role: 'quit' },
      ],
    },
    {
      label: 'Edit',
      submenu: [
        { role: 'undo' },
        { role: 'redo' },
        { type: 'separator' },
        { role: 'cut' },
        { role: 'copy' },
        { role: 'paste' },
        { role: 'delete' },
        { type: 'separator' },
        { role: 'selectAll' },
      ],
    },
    { label: 'View', submenu: view },
    { label: 'Help', submenu: [{ label: 'About Roundtable', click: () => actions.about() }] },
  ];
}

/** Agendas and letters are designed for A4 (docs/architecture.md, a print). */
export const PRINT_OPTIONS: WebContentsPrintOptions = { pageSize: 'A4', printBackground: true };

/** "Back up now" succeeded: where the checked backup is. */
export function backupDoneMessage(backup: { file: string; homes: number | null; residents: number | null }): MessageBoxOptions {
  return {
    type: 'info',
    title: 'Back up now',
    message: 'Backed up and checked',
    detail: `The database (${backup.homes ?? 0} care homes, ${backup.residents ?? 0} residents) is backed up to:\n${backup.file}\n\n` +
      'To restore a backup, open Backups at the foot of any page.',
    buttons: ['OK'],
  };
}

export function backupFailedMessage(reason: string): MessageBoxOptions {
  return {
    type: 'error',
    title: 'Back up now',
    message: 'The backup did not work',
    detail: `${reason}\n\nTry again. If it keeps failing, check there is space on the disk.`,
    buttons: ['OK'],
  };
}

export interface AboutInfo {
  appVersion: string;
  electron: string | undefined;
  chrome: string | undefined;
  node: string | undefined;
  databasePath: string;
}

export function aboutDialog(info: AboutInfo): MessageBoxOptions {
  return {
    type: 'info',
    title: 'About Roundtable',
    message: `Roundtable ${info.appVersion}`,
    detail: [
      'Prepares the weekly GP care-home round.',
      '',
      `Electron ${info.electron ?? 'unknown'}`,
      `Chromium ${info.chrome ?? 'unknown'}`,
      `Node.js ${info.node ?? 'unknown'}`,
      '',
      `Database: ${info.databasePath}`,
    ].join('\n'),
    buttons: ['OK'],
  };
}
