import { useEffect, useLayoutEffect, useRef, type ReactNode } from 'react';

let focusOnNextHeading = false;

// After navigation (never on first load) the next page heading to mount takes focus, so screen readers
// announce the new page. Set in the hashchange event itself: it must be in place before the new screen's
// effects run, which is before any parent's effect.
window.addEventListener('hashchange', () => {
  if (window.location.hash.startsWith('#/')) focusOnNextHeading = true;
});

export function PageHeading({ children, caption }: { children: ReactNode; caption?: string | undefined }) {
  const ref = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    if (!focusOnNextHeading) return;
    focusOnNextHeading = false;
    ref.current?.focus();
  }, []);
  // A screen swaps its loading heading for the loaded one: pass focus on rather than drop it to <body>.
  // (A layout cleanup runs while the heading is still in the document.)
  useLayoutEffect(() => {
    const el = ref.current;
    return () => {
      if (el !== null && document.activeElement === el) focusOnNextHeading = true;
    };
  }, []);
  return (
    <h1 className="app-page-heading" ref={ref} tabIndex={-1}>
      {caption ? <span className="nhsuk-caption-l">{caption}<span className="nhsuk-u-visually-hidden"> – </span></span> : null}
      {children}
    </h1>
  );
}
