import { describe, expect, it } from 'vitest';
import { csvRow } from './csv.ts';
import { asciiSlug } from './file-names.ts';
import { HISTORY_CSV_COLUMNS, historyCsvDisposition, historyCsvValues } from './history-csv.ts';
import { chartPoints } from './history-figures.ts';
import { emptyRollupCounters } from './rollup.ts';

const WEEK = { from: '2026-03-02', to: '2026-03-08' };

describe('the history export', () => {
  it('should give every column a unique snake_case name and every record as many values', () => {
    expect(new Set(HISTORY_CSV_COLUMNS).size).toBe(HISTORY_CSV_COLUMNS.length);
    for (const column of HISTORY_CSV_COLUMNS) expect(column).toMatch(/^[a-z][a-z0-9_]*$/);
    const [point] = chartPoints([], WEEK, 'day', 30);
    if (point === undefined) throw new Error('a week has days');
    expect(historyCsvValues({ name: 'Cabinet', currency: 'TND' }, point)).toHaveLength(HISTORY_CSV_COLUMNS.length);
  });

  it("should write a day's figures as the charts answer them, unknowns as empty cells, a formula-like name neutralised", () => {
    const day = { ...emptyRollupCounters(), day: '2026-03-03', checkinsQr: 2, checkinsManual: 1, seen: 2, noShows: 1, waitSumMs: 25 * 60_000, waitCount: 2, waitMaxMs: 15 * 60_000, calledWithinTarget: 2 };
    const point = chartPoints([day], WEEK, 'day', 30)[1];
    if (point === undefined) throw new Error('a week has days');
    expect(csvRow(historyCsvValues({ name: '=SUM(A1), "x"', currency: 'TND' }, point))).toBe(
      `"'=SUM(A1), ""x""",2026-03-03,3,2,1,2,1,0,0.3333,12.5,15,,0.6667,0,0,0,TND,0,0,,,,,30,2,2,1,0,,\r\n`,
    );
  });

  it('should name the file with an ASCII slug and the real name in RFC 5987 form', () => {
    expect(asciiSlug('Clinique Médina – Sfax')).toBe('clinique-medina-sfax');
    expect(asciiSlug('عيادة')).toBe('clinic');
    expect(historyCsvDisposition("Cabinet l'Espoir (Sfax)", WEEK)).toBe(
      `attachment; filename="cabinet-l-espoir-sfax-history-2026-03-02-2026-03-08.csv"; filename*=UTF-8''Cabinet%20l%27Espoir%20%28Sfax%29-history-2026-03-02-2026-03-08.csv`,
    );
  });
});
