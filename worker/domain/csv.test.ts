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

  it('should neutralise a formula behind leading blanks, which spreadsheets skip before reading one', () => {
    expect(csvCell(' =1+1')).toBe("' =1+1");
    expect(csvCell('\u00a0=1+1')).toBe("'\u00a0=1+1");
    // Line feed, vertical tab, form feed, ideographic space, BOM: any blank at the start.
    for (const blank of ['\n', '\v', '\f', '\u3000', '\u2007', '\ufeff']) {
      expect(csvCell(`${blank}@SUM(A1)`).replace(/^"/, ''), JSON.stringify(blank)).toMatch(/^'/);
    }
    expect(csvCell(' plain text')).toBe("' plain text");
  });

  it('should neutralise the full-width and compatibility forms of the formula signs', () => {
    expect(csvCell('\uff1d1+1')).toBe("'\uff1d1+1");
    expect(csvCell('\uff0bcmd')).toBe("'\uff0bcmd");
    expect(csvCell('\uff0d1+1')).toBe("'\uff0d1+1");
    expect(csvCell('\uff20SUM(A1)')).toBe("'\uff20SUM(A1)");
    // Small and superscript forms fold to the same signs (NFKC).
    expect(csvCell('\ufe66cmd')).toBe("'\ufe66cmd");
    expect(csvCell('\u207a1')).toBe("'\u207a1");
  });

  it('should leave text that only contains those signs later on as it is', () => {
    expect(csvCell('Dr Ben Salah = médecin remplaçant')).toBe('Dr Ben Salah = médecin remplaçant');
    expect(csvCell('clinic-a')).toBe('clinic-a');
    expect(csvCell('')).toBe('');
  });

  it('should not touch negative numbers, which are data, not text', () => {
    expect(csvCell(-3)).toBe('-3');
  });
});
