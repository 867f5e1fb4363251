/** The streaming CSV reader: the messes real exports have, split across chunks anywhere. */
import { Readable } from 'node:stream';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CsvFormatError, readCsvRecords, type CsvRecord } from '../../main/imports/csv';
import { csvLine } from '../../main/imports/csvWrite';

async function read(text: string | Buffer, chunkSize = 3): Promise<CsvRecord[]> {
  const bytes = typeof text === 'string' ? Buffer.from(text, 'utf8') : text;
  const chunks: Buffer[] = [];
  for (let i = 0; i < bytes.length; i += chunkSize) chunks.push(bytes.subarray(i, i + chunkSize));
  const out: CsvRecord[] = [];
  for await (const record of readCsvRecords(Readable.from(chunks))) out.push(record);
  return out;
}

describe('readCsvRecords', () => {
  it('reads a BOM, CRLF, quoted commas, doubled quotes and line breaks inside quotes, and numbers the lines', async () => {
    const text = '\uFEFFNHS No,Name,Notes\r\n9990000379,"SMITH, Mary","She said ""hello""\r\nand waved"\r\n\r\n9990000743,O\'Brien,\r\n';
    expect(await read(text)).toEqual([
      { line: 1, values: ['NHS No', 'Name', 'Notes'] },
      { line: 3, values: ['9990000379', 'SMITH, Mary', 'She said "hello"\r\nand waved'] },
      { line: 5, values: ['9990000743', "O'Brien", ''] },
    ]);
  });

  it('skips blank lines and rows of empty values, keeps ragged rows, and reads a last line without a break', async () => {
    expect(await read('a,b\n\n,,\nonly\n1,2,3')).toEqual([
      { line: 1, values: ['a', 'b'] }, { line: 4, values: ['only'] }, { line: 5, values: ['1', '2', '3'] },
    ]);
  });

  it('reads old Mac line ends and multi-byte characters split between chunks', async () => {
    expect(await read('name\rZoë Ağaoğlu\r“quoted”', 1)).toEqual([
      { line: 1, values: ['name'] }, { line: 2, values: ['Zoë Ağaoğlu'] }, { line: 3, values: ['“quoted”'] },
    ]);
  });

  it('rejects an unclosed quote and text after a closing quote, naming the line', async () => {
    await expect(read('a,b\n1,"open\n2,3\n')).rejects.toThrow(CsvFormatError);
    await expect(read('a,b\n1,"open\n2,3\n')).rejects.toMatchObject({ line: 2 });
    await expect(read('a,b\n"x"y,2\n')).rejects.toMatchObject({ line: 2 });
  });

  it('reads back whatever it is given as CSV, however the bytes are chunked', async () => {
    const cell = fc.string({ maxLength: 12 }).filter((s) => !s.includes('\r'));
    await fc.assert(fc.asyncProperty(fc.array(fc.array(cell, { minLength: 1, maxLength: 5 }), { maxLength: 8 }), fc.integer({ min: 1, max: 7 }),
      async (rows, chunkSize) => {
        const quote = (v: string) => (/[",\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);
        const text = rows.map((r) => r.map(quote).join(',')).join('\n');
        const expected = rows.filter((r) => r.some((v) => v !== ''));
        const values = (await read(text, chunkSize)).map((r) => r.values);
        expect(values).toEqual(expected);
      }), { numRuns: 300 });
  });

  it('writes CSV that a spreadsheet will not run as a formula', () => {
    expect(csvLine(['=SUM(A1)', 'a,b', 'say "hi"', null, 3])).toBe(`'=SUM(A1),"a,b","say ""hi""",,3`);
  });
});
