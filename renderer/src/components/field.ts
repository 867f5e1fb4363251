/** aria-describedby, group classes and focus for form fields, as the NHS design system does them. */

export function describedBy(...ids: (string | false | null | undefined)[]): string | undefined {
  const list = ids.filter((id): id is string => typeof id === 'string' && id !== '');
  return list.length > 0 ? list.join(' ') : undefined;
}

export function groupClass(error: string | undefined, extra = ''): string {
  return ['nhsuk-form-group', error ? 'nhsuk-form-group--error' : '', extra].filter(Boolean).join(' ');
}

/** Moves focus to a field (or the first control of a group) and brings its label into view. */
export function focusField(id: string): void {
  const el = document.getElementById(id);
  if (!el) return;
  el.focus({ preventScroll: true });
  const label = document.querySelector(`label[for="${CSS.escape(id)}"]`);
  const legend = el.closest('fieldset')?.querySelector('legend');
  (legend ?? label ?? el).scrollIntoView({ block: 'start' });
}
