/**
 * Header matching for imported files: case-, space-, underscore- and punctuation-insensitive, with
 * aliases ("NHS Number", "NHS No", "nhs_number" are one field). Unknown columns are kept to be listed.
 */

export interface FieldSpec {
  field: string;
  aliases?: string[];
  required?: boolean;
}

export interface HeaderMatch {
  /** Field name -> column index. */
  columns: Map<string, number>;
  /** Headers that match no field, as written in the file. */
  unknown: string[];
  /** Required fields with no column. */
  missing: string[];
}

/** "NHS No." -> "nhsno"; "date_of_birth" -> "dateofbirth". */
export function normaliseHeader(header: string): string {
  return header.replace(/^\uFEFF/, '').toLowerCase().replace(/[^a-z0-9]/g, '');
}

export function matchHeaders(headers: string[], specs: FieldSpec[]): HeaderMatch {
  const lookup = new Map<string, string>();
  for (const spec of specs) {
    for (const name of [spec.field, ...(spec.aliases ?? [])]) lookup.set(normaliseHeader(name), spec.field);
  }
  const columns = new Map<string, number>();
  const unknown: string[] = [];
  headers.forEach((header, index) => {
    const field = lookup.get(normaliseHeader(header));
    if (field !== undefined && !columns.has(field)) columns.set(field, index);
    else if (header.trim() !== '') unknown.push(header.trim());
  });
  const missing = specs.filter((s) => s.required && !columns.has(s.field)).map((s) => s.field);
  return { columns, unknown, missing };
}

/** Reads a field's trimmed value from a record; '' when the column is absent or empty. */
export function fieldValue(values: string[], match: HeaderMatch, field: string): string {
  const index = match.columns.get(field);
  return index === undefined ? '' : (values[index] ?? '').trim();
}
