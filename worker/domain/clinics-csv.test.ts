import { describe, expect, it } from 'vitest';
import type { ClinicHealthRow } from './admin-wire.ts';
import { CLINICS_CSV_COLUMNS, clinicsCsvFileName, clinicsCsvValues } from './clinics-csv.ts';
import { csvRow } from './csv.ts';

const ROW: ClinicHealthRow = {
  clinicId: 'c-1',
  name: '@Cabinet "Nour", Sfax',
  timezone: 'Africa/Tunis',
  status: 'at_risk',
  daysSinceLastLogin: 9,
  lastLoginAt: '2026-11-27T08:00:00.000Z',
  patientsToday: 4,
  avgWaitToday: null,
  planPrice: { currency: 'TND', amountMinor: 50_000 },
  qrShare30d: 0.75,
  archived: false,
};

describe('the clinic health table export', () => {
  it('should give every column a unique snake_case name and every record as many values', () => {
    expect(new Set(CLINICS_CSV_COLUMNS).size).toBe(CLINICS_CSV_COLUMNS.length);
    for (const column of CLINICS_CSV_COLUMNS) expect(column).toMatch(/^[a-z][a-z0-9_]*$/);
    expect(clinicsCsvValues(ROW)).toHaveLength(CLINICS_CSV_COLUMNS.length);
  });

  it("should write a row as the table answers it, unknowns as empty cells, a formula-like name neutralised", () => {
    expect(csvRow(clinicsCsvValues(ROW))).toBe(`c-1,"'@Cabinet ""Nour"", Sfax",at_risk,false,Africa/Tunis,9,2026-11-27T08:00:00.000Z,4,,0.75,50000,TND\r\n`);
  });

  it('should name the file after the filters that narrow it and the day', () => {
    expect(clinicsCsvFileName({ archived: false }, '2026-12-06')).toBe('pulse-cabinets-2026-12-06.csv');
    expect(clinicsCsvFileName({ archived: false, status: 'at_risk' }, '2026-12-06')).toBe('pulse-cabinets-at_risk-2026-12-06.csv');
    expect(clinicsCsvFileName({ archived: true, q: ' Médina "Sfax" ' }, '2026-12-06')).toBe('pulse-cabinets-archived-medina-sfax-2026-12-06.csv');
    expect(clinicsCsvFileName({ archived: false, q: '=+@' }, '2026-12-06')).toBe('pulse-cabinets-2026-12-06.csv');
  });
});
