/** Tells the escalation banner (on every screen) that flags changed, so it reloads at once. */
const EVENT = 'roundtable:flags-changed';

export function flagsChanged(): void {
  window.dispatchEvent(new Event(EVENT));
}

export function onFlagsChanged(listener: () => void): () => void {
  window.addEventListener(EVENT, listener);
  return () => window.removeEventListener(EVENT, listener);
}
