/**
 * Streaming CSV reading for imports (csv-parse: quoted fields with commas and newlines, BOM, CRLF).
 * Yields each record with its line number in the file, so every problem can name its row.
 */
import { createReadStream } from 'node:fs';
import type { Readable } from 'node:stream';
import { parse } from 'csv-parse';

export interface CsvRecord {
  /** 1-based line of the file on which the record ends (the header is line 1 in a plain file). */
  line: number;
  values: string[];
}

export class CsvFormatError extends Error {
  readonly line: number;
  constructor(message: string, line: number) {
    super(message);
    this.line = line;
  }
}

/** Reads records one at a time; blank lines are skipped, ragged rows are kept for the caller to judge. */
export async function* readCsvRecords(input: Readable | string): AsyncGenerator<CsvRecord> {
  const stream = typeof input === 'string' ? createReadStream(input) : input;
  const parser = stream.pipe(parse({
    bom: true,
    info: true,
    relax_column_count: true,
    skip_empty_lines: true,
    skip_records_with_empty_values: true,
  }));
  try {
    for await (const item of parser as AsyncIterable<{ record: string[]; info: { lines: number } }>) {
      yield { line: item.info.lines, values: item.record };
    }
  } catch (error) {
    const e = error as Error & { lines?: number };
    throw new CsvFormatError(`The file is not valid CSV near line ${e.lines ?? '?'}: ${e.message}`, e.lines ?? 0);
  } finally {
    if (typeof input === 'string') stream.destroy();
  }
}
