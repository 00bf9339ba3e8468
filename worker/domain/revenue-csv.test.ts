import { describe, expect, it } from 'vitest';
import { csvRow } from './csv.ts';
import { REVENUE_CSV_COLUMNS, revenueCsvDisposition, revenueCsvRecords } from './revenue-csv.ts';

describe('the revenue export', () => {
  it('should write one record per currency and month, empty cells for what has no value, named after the window', () => {
    const month = (name: string, end: number) => ({
      month: name, mrrStartMinor: 0, newMinor: end, expansionMinor: 0, contractionMinor: 0, churnedMinor: 0, reactivationMinor: 0, mrrEndMinor: end,
      activeClinics: end > 0 ? 1 : 0, arpuMinor: end > 0 ? end : null, logoChurnRate: null, revenueChurnRate: null,
    });
    const records = revenueCsvRecords([
      { currency: 'EUR', months: [month('2034-01', 0), month('2034-02', 3_900)] },
      { currency: 'TND', months: [month('2034-01', 50_000), month('2034-02', 50_000)] },
    ]);
    expect(REVENUE_CSV_COLUMNS).toHaveLength(13);
    expect(records.map(csvRow)).toEqual([
      'EUR,2034-01,0,0,0,0,0,0,0,0,,,\r\n',
      'EUR,2034-02,0,3900,0,0,0,0,3900,1,3900,,\r\n',
      'TND,2034-01,0,50000,0,0,0,0,50000,1,50000,,\r\n',
      'TND,2034-02,0,50000,0,0,0,0,50000,1,50000,,\r\n',
    ]);
    expect(revenueCsvDisposition('2034-01', '2034-12')).toBe(`attachment; filename="pulse-revenus-2034-01_2034-12.csv"; filename*=UTF-8''pulse-revenus-2034-01_2034-12.csv`);
  });
});
