import { describe, expect, it, vi } from 'vitest';
import { aboutDialog, backupDoneMessage, backupFailedMessage, menuTemplate, PRINT_OPTIONS, type MenuActions } from '../../main/electron/menu';

/** Electron's MenuItemConstructorOptions, without importing electron outside main/electron. */
type MenuItemConstructorOptions = ReturnType<typeof menuTemplate>[number];

function actions(isPackaged: boolean): MenuActions {
  return { isPackaged, importFile: vi.fn(), print: vi.fn(), backUpNow: vi.fn(), about: vi.fn() };
}

function submenu(template: MenuItemConstructorOptions[], label: string): MenuItemConstructorOptions[] {
  const menu = template.find((item) => item.label === label)?.submenu;
  if (!Array.isArray(menu)) throw new Error(`no ${label} menu`);
  return menu;
}

function item(items: MenuItemConstructorOptions[], label: string): MenuItemConstructorOptions {
  const found = items.find((i) => i.label === label);
  if (!found) throw new Error(`no ${label} item`);
  return found;
}

function click(menuItem: MenuItemConstructorOptions): void {
  if (!menuItem.click) throw new Error(`${menuItem.label ?? menuItem.role ?? '?'} has no click`);
  Reflect.apply(menuItem.click, undefined, []);
}

describe('menuTemplate', () => {
  it('has File, Edit, View and Help in that order', () => {
    expect(menuTemplate(actions(true)).map((m) => m.label)).toEqual(['File', 'Edit', 'View', 'Help']);
  });

  it('File has Import…, Print…, Back up now, a separator and Quit, each wired to its action', () => {
    const a = actions(true);
    const file = submenu(menuTemplate(a), 'File');
    expect(file.map((i) => i.label ?? i.type)).toEqual(['Import…', 'Print…', 'Back up now', 'separator', 'Quit']);
    expect(item(file, 'Quit').role).toBe('quit');
    click(item(file, 'Import…'));
    click(item(file, 'Print…'));
    click(item(file, 'Back up now'));
    expect(a.importFile).toHaveBeenCalledOnce();
    expect(a.print).toHaveBeenCalledOnce();
    expect(a.backUpNow).toHaveBeenCalledOnce();
    expect(item(file, 'Print…').accelerator).toBe('CmdOrCtrl+P');
  });

  it('Edit has the standard roles', () => {
    const roles = submenu(menuTemplate(actions(true)), 'Edit').map((i) => i.role).filter(Boolean);
    expect(roles).toEqual(expect.arrayContaining(['undo', 'redo', 'cut', 'copy', 'paste', 'selectAll']));
  });

  it('View offers DevTools only when not packaged', () => {
    const packaged = submenu(menuTemplate(actions(true)), 'View').map((i) => i.role);
    const dev = submenu(menuTemplate(actions(false)), 'View').map((i) => i.role);
    expect(packaged).toEqual(expect.arrayContaining(['reload', 'resetZoom', 'zoomIn', 'zoomOut']));
    expect(packaged).not.toContain('toggleDevTools');
    expect(dev).toContain('toggleDevTools');
  });

  it('Help has About Roundtable', () => {
    const a = actions(true);
    click(item(submenu(menuTemplate(a), 'Help'), 'About Roundtable'));
    expect(a.about).toHaveBeenCalledOnce();
  });
});

describe('menu dialogs', () => {
  it('prints on A4', () => {
    expect(PRINT_OPTIONS.pageSize).toBe('A4');
  });

  it('Back up now says where the checked backup is, or why it failed', () => {
    const done = backupDoneMessage({ file: '/home/nurse/.config/Roundtable/backups/roundtable-x-manual.sqlite', homes: 3, residents: 60 });
    expect(done.message).toBe('Backed up and checked');
    expect(done.detail).toContain('3 care homes, 60 residents');
    expect(done.detail).toContain('/home/nurse/.config/Roundtable/backups/roundtable-x-manual.sqlite');
    const failed = backupFailedMessage('SQLITE_FULL: database or disk is full');
    expect(failed.type).toBe('error');
    expect(failed.detail).toMatch(/^SQLITE_FULL/);
  });

  it('About shows the versions and the database path', () => {
    const about = aboutDialog({ appVersion: '0.1.0', electron: '41.10.0', chrome: '146.0.0.0', node: '24.1.0', databasePath: '/home/nurse/.config/Roundtable/roundtable.sqlite' });
    expect(about.message).toBe('Roundtable 0.1.0');
    for (const text of ['Electron 41.10.0', 'Chromium 146.0.0.0', 'Node.js 24.1.0', 'Database: /home/nurse/.config/Roundtable/roundtable.sqlite']) {
      expect(about.detail).toContain(text);
    }
  });
});
