/** app:info (practice, today's date, demo flag), loaded once by App and read by any screen. */
import { createContext, useContext } from 'react';
import type { AppInfo } from '../../shared/ipc';

export const AppInfoContext = createContext<AppInfo | null>(null);

export function useAppInfo(): AppInfo {
  const info = useContext(AppInfoContext);
  if (!info) throw new Error('Roundtable’s app information was not loaded before this screen was shown.');
  return info;
}
