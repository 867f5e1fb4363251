/** A polite loading message; the status role lets screen readers hear it without moving focus. */
export function Loading({ what }: { what: string }) {
  return <p className="app-loading" role="status">Loading {what}…</p>;
}
