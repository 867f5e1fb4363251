import { describe, expect, it } from 'vitest';
import { csvCell, toCsv } from '../../shared/csv';

describe('CSV export', () => {
  it('quotes commas, quotes and line breaks, with CRLF rows', () => {
    expect(toCsv([['a', 'b,c', 'say "hi"', 'two\nlines', 3, null]])).toBe('a,"b,c","say ""hi""","two\nlines",3,\r\n');
  });

  it.each(['=SUM(A1)', '+1', '-2+3', '@cmd', '\tx'])('defuses %j so a spreadsheet shows it as text', (value) => {
    expect(csvCell(value).replace(/^"/, '')).toMatch(/^'/);
  });

  it('leaves negative numbers as numbers', () => {
    expect(csvCell(-2)).toBe('-2');
  });
});
