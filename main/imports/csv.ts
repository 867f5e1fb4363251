/**
 * Streaming CSV reading for imports: quoted fields with commas, quotes ("") and line breaks, a UTF-8 BOM,
 * CRLF or LF, blank lines skipped, ragged rows kept for the caller to judge. Yields each record with its
 * line number in the file, so every problem can name its row. A small state machine rather than a
 * general parser: practice exports run to millions of rows and this is the import's inner loop.
 */
import { createReadStream } from 'node:fs';
import { StringDecoder } from 'node:string_decoder';
import type { Readable } from 'node:stream';

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

const QUOTE = 34;
const COMMA = 44;
const LF = 10;
const CR = 13;

/** The parser's state between chunks. */
class CsvState {
  line = 1;
  field = '';
  values: string[] = [];
  inQuotes = false;
  /** Just read a closing quote: the next character must end the field (or be a second quote). */
  afterQuote = false;
  /** The last character was CR (so a following LF belongs to the same line break). */
  afterCr = false;
  fieldStarted = false;
  quoteLine = 0;
  first = true;

  /** Feeds text; pushes finished records to out. */
  feed(text: string, out: CsvRecord[]): void {
    let i = 0;
    if (this.first) {
      this.first = false;
      if (text.charCodeAt(0) === 0xfeff) i = 1;
    }
    const n = text.length;
    while (i < n) {
      const c = text.charCodeAt(i);
      if (this.inQuotes) {
        const next = text.indexOf('"', i);
        const end = next < 0 ? n : next;
        const chunk = text.slice(i, end);
        this.field += chunk;
        this.countBreaks(chunk);
        if (next < 0) return;
        this.inQuotes = false;
        this.afterQuote = true;
        i = next + 1;
        continue;
      }
      if (this.afterCr) {
        this.afterCr = false;
        if (c === LF) { i++; continue; }
      }
      if (this.afterQuote) {
        if (c === QUOTE) {
          this.field += '"';
          this.inQuotes = true;
          this.afterQuote = false;
          i++;
          continue;
        }
        this.afterQuote = false;
        if (c !== COMMA && c !== LF && c !== CR) {
          throw new CsvFormatError(`The file is not valid CSV near line ${this.line}: text after a closing quote`, this.line);
        }
      }
      if (c === COMMA) {
        this.values.push(this.field);
        this.field = '';
        this.fieldStarted = false;
        i++;
      } else if (c === LF || c === CR) {
        this.endRecord(out);
        this.line++;
        if (c === CR) this.afterCr = true;
        i++;
      } else if (c === QUOTE && !this.fieldStarted && this.field === '') {
        this.inQuotes = true;
        this.fieldStarted = true;
        this.quoteLine = this.line;
        i++;
      } else {
        // plain text up to the next comma or line break (a stray quote inside a field is kept as text)
        let j = i;
        while (j < n) {
          const d = text.charCodeAt(j);
          if (d === COMMA || d === LF || d === CR) break;
          j++;
        }
        this.field += text.slice(i, j);
        this.fieldStarted = true;
        i = j;
      }
    }
  }

  private countBreaks(chunk: string): void {
    for (let k = chunk.indexOf('\n'); k >= 0; k = chunk.indexOf('\n', k + 1)) this.line++;
    if (!chunk.includes('\n')) for (let k = chunk.indexOf('\r'); k >= 0; k = chunk.indexOf('\r', k + 1)) this.line++;
  }

  endRecord(out: CsvRecord[]): void {
    this.values.push(this.field);
    const values = this.values;
    this.values = [];
    this.field = '';
    this.fieldStarted = false;
    // blank lines, and records whose every value is empty, are skipped
    for (const v of values) {
      if (v !== '') {
        out.push({ line: this.line, values });
        return;
      }
    }
  }

  finish(out: CsvRecord[]): void {
    if (this.inQuotes) {
      throw new CsvFormatError(`The file is not valid CSV near line ${this.quoteLine}: a quoted field opened there is never closed`, this.quoteLine);
    }
    if (this.field !== '' || this.values.length > 0) this.endRecord(out);
  }
}

/** Reads records one at a time, streamed. */
export async function* readCsvRecords(input: Readable | string): AsyncGenerator<CsvRecord> {
  const stream = typeof input === 'string' ? createReadStream(input, { highWaterMark: 256 * 1024 }) : input;
  const decoder = new StringDecoder('utf8');
  const state = new CsvState();
  let out: CsvRecord[] = [];
  try {
    for await (const chunk of stream as AsyncIterable<Buffer | string>) {
      state.feed(typeof chunk === 'string' ? chunk : decoder.write(chunk), out);
      if (out.length > 0) {
        const ready = out;
        out = [];
        yield* ready;
      }
    }
    state.feed(decoder.end(), out);
    state.finish(out);
    yield* out;
  } finally {
    if (typeof input === 'string') stream.destroy();
  }
}
