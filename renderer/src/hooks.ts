/** Small hooks shared by the screens. */
import { useCallback, useEffect, useState } from 'react';
import { toApiError, type ApiError } from './api';

export type Load<T> =
  | { status: 'loading'; previous: T | null }
  | { status: 'error'; error: ApiError }
  | { status: 'ready'; value: T };

function lastValue<T>(state: Load<T>): T | null {
  if (state.status === 'ready') return state.value;
  return state.status === 'loading' ? state.previous : null;
}

/**
 * Runs an async load when deps change; answers that arrive after a newer request are ignored.
 * With keepPrevious, the last value stays available while reloading (search as you type).
 */
export function useLoad<T>(load: () => Promise<T>, deps: readonly unknown[], options: { keepPrevious?: boolean } = {}): [Load<T>, () => void] {
  const [state, setState] = useState<Load<T>>({ status: 'loading', previous: null });
  const [attempt, setAttempt] = useState(0);
  const keep = options.keepPrevious === true;
  useEffect(() => {
    let live = true;
    setState((s) => ({ status: 'loading', previous: keep ? lastValue(s) : null }));
    load().then(
      (value) => { if (live) setState({ status: 'ready', value }); },
      (error: unknown) => { if (live) setState({ status: 'error', error: toApiError(error) }); },
    );
    return () => { live = false; };
    // The caller's deps decide when to reload; `load` is a new closure on every render.
  }, [...deps, attempt]);
  const retry = useCallback(() => setAttempt((n) => n + 1), []);
  return [state, retry];
}

/** Sets the window title for a screen, "Error: " first while a form shows errors (as NHS services do). */
export function usePageTitle(title: string, hasErrors = false): void {
  useEffect(() => {
    document.title = `${hasErrors ? 'Error: ' : ''}${title} – Roundtable`;
  }, [title, hasErrors]);
}
