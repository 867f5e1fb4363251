/**
 * One-off success messages ("Resident added") shown on the screen a save leads to. Kept per route so
 * re-renders (and React's development double render) show it consistently; cleared on navigation.
 */
import { navigate } from './router';

let flash: { hash: string; message: string } | null = null;

export function navigateWithFlash(path: string, message: string): void {
  flash = { hash: `#${path}`, message };
  navigate(path);
}

export function flashFor(hash: string): string | null {
  return flash !== null && flash.hash === hash ? flash.message : null;
}

/** Called on every route change: a message belongs only to the screen it was meant for. */
export function clearFlashUnless(hash: string): void {
  if (flash !== null && flash.hash !== hash) flash = null;
}
