/**
 * Main-process log lines: event names with versions, timings and error codes only. Callers pass
 * numbers, booleans and short codes, never free text that could carry patient details.
 */
export type LogFields = Record<string, string | number | boolean | undefined>;

export function formatLog(event: string, fields: LogFields = {}): string {
  const parts = Object.entries(fields)
    .filter(([, value]) => value !== undefined)
    .map(([key, value]) => `${key}=${String(value).replace(/\s+/g, '_').slice(0, 80)}`);
  return ['[roundtable]', event, ...parts].join(' ');
}

export function log(event: string, fields?: LogFields): void {
  console.log(formatLog(event, fields));
}

export function logError(event: string, fields?: LogFields): void {
  console.error(formatLog(event, fields));
}
