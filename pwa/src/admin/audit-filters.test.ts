import { describe, expect, it } from 'vitest';
import { auditFiltersFrom, auditFiltersOf, auditQueryOf, hasAuditFilters, NO_AUDIT_FILTERS } from './audit-filters';

describe('the audit filters in the address', () => {
  it('should read a filtered view back as it was written', () => {
    const filters = { action: 'clinic_archive', clinicId: 'clinic-005', actorId: 'user-admin', from: '2026-11-01', to: '2026-11-24' };
    expect(auditFiltersOf(auditQueryOf(filters))).toEqual(filters);
    expect(hasAuditFilters(filters)).toBe(true);
  });

  it('should show the whole log without filters', () => {
    expect(auditFiltersOf({})).toEqual(NO_AUDIT_FILTERS);
    expect(hasAuditFilters(NO_AUDIT_FILTERS)).toBe(false);
    expect(Object.values(auditQueryOf(NO_AUDIT_FILTERS)).every((value) => value === undefined)).toBe(true);
  });

  it('should leave out what the API would refuse', () => {
    expect(auditFiltersOf({ action: 'DROP TABLE', clinic: 'a/b', from: '20/11/2026', to: '2026-13-45' })).toEqual(NO_AUDIT_FILTERS);
  });

  it('should take an empty field of the form as no filter', () => {
    expect(auditFiltersFrom({ action: '', clinicId: 'clinic-001', actorId: '  ', from: '2026-11-20', to: '' })).toEqual({
      ...NO_AUDIT_FILTERS,
      clinicId: 'clinic-001',
      from: '2026-11-20',
    });
  });
});
