import { describe, expect, it } from 'vitest';
import { csvCell, csvRow } from './csv.ts';

describe('CSV cells', () => {
  it('should leave plain text and numbers as they are', () => {
    expect(csvRow(['login', 42, true, null])).toBe('login,42,true,\r\n');
  });

  it('should quote commas, quotes and line breaks, doubling quotes', () => {
    expect(csvCell('Cabinet, La Marsa')).toBe('"Cabinet, La Marsa"');
    expect(csvCell('Dr "Ben" Salah')).toBe('"Dr ""Ben"" Salah"');
    expect(csvCell('line one\nline two')).toBe('"line one\nline two"');
    expect(csvCell('a\r\nb')).toBe('"a\r\nb"');
  });

  it('should neutralise cells a spreadsheet would run as formulas', () => {
    expect(csvCell('=HYPERLINK("http://evil","x")')).toBe(`"'=HYPERLINK(""http://evil"",""x"")"`);
    expect(csvCell('+33 1 23')).toBe("'+33 1 23");
    expect(csvCell('-1+1')).toBe("'-1+1");
    expect(csvCell('@SUM(A1)')).toBe("'@SUM(A1)");
    expect(csvCell('\tcmd')).toBe("'\tcmd");
  });

  it('should not touch negative numbers, which are data, not text', () => {
    expect(csvCell(-3)).toBe('-3');
  });
});
