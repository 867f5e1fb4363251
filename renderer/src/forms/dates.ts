/** Reading a date typed as dd/mm/yyyy (or pasted as 15-Mar-1941) into ISO, with NHS-style messages. */
import { parseUkDate } from '../../../shared/dates';

export interface DateRule {
  /** Used in "Enter {label}" when the date is required but empty. */
  label: string;
  example: string;
  required?: boolean;
  /** A date that cannot be in the future (birth, admission), checked against the app's today. */
  notAfter?: string;
}

export type DateReading = { iso: string | null; error?: undefined } | { iso: null; error: string };

export function readDate(text: string, rule: DateRule): DateReading {
  if (text.trim() === '') return rule.required ? { iso: null, error: `Enter ${rule.label}` } : { iso: null };
  const iso = parseUkDate(text);
  if (iso === null) return { iso: null, error: `Enter a real date, for example ${rule.example}` };
  if (rule.notAfter !== undefined && iso > rule.notAfter) {
    return { iso: null, error: `${rule.label.charAt(0).toUpperCase()}${rule.label.slice(1)} must be today or in the past` };
  }
  return { iso };
}
