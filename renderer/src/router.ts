/**
 * Hash routing (#/residents/12), small enough not to need a router library. Hashes that are not
 * routes (an in-page anchor such as #maincontent) leave the current screen in place.
 */
import { useSyncExternalStore } from 'react';

let lastRouteHash = window.location.hash.startsWith('#/') ? window.location.hash : '#/homes';

function snapshot(): string {
  const hash = window.location.hash;
  if (hash.startsWith('#/') || hash === '') lastRouteHash = hash === '' ? '#/homes' : hash;
  return lastRouteHash;
}

function subscribe(onChange: () => void): () => void {
  window.addEventListener('hashchange', onChange);
  return () => window.removeEventListener('hashchange', onChange);
}

/** The current route's hash, e.g. "#/residents/12"; re-renders on navigation. */
export function useRouteHash(): string {
  return useSyncExternalStore(subscribe, snapshot);
}

/** A link target for a path such as "/residents/12". */
export function href(path: string): string {
  return `#${path}`;
}

export function navigate(path: string): void {
  window.location.hash = path;
}
