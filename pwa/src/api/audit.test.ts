import { describe, expect, it } from 'vitest';
import { auditCsvUrl, auditSearch, dayBound, NO_AUDIT_FILTERS, parseAuditPage } from './audit';

const FAILED_LOGIN = {
  id: 41,
  at: '2026-11-24T08:02:11.000Z',
  actorKind: 'user_id',
  actorId: null,
  actorRole: null,
  action: 'login',
  clinicId: null,
  targetType: 'user',
  targetId: null,
  success: false,
  errorCode: 'UNAUTHORIZED',
  ipHash: 'a1b2',
  userAgent: 'Mozilla/5.0',
  detail: null,
};

describe('parseAuditPage', () => {
  it('should keep the columns the screen shows, and the cursor of the next page', () => {
    expect(parseAuditPage({ entries: [FAILED_LOGIN], nextCursor: '41' })).toEqual({
      entries: [{ id: 41, at: '2026-11-24T08:02:11.000Z', action: 'login', actorId: null, actorRole: null, clinicId: null, success: false, errorCode: 'UNAUTHORIZED' }],
      nextCursor: '41',
    });
  });

  it('should refuse an entry whose outcome or time cannot be read', () => {
    expect(() => parseAuditPage({ entries: [{ ...FAILED_LOGIN, success: 'no' }], nextCursor: null })).toThrow(/success/);
    expect(() => parseAuditPage({ entries: [{ ...FAILED_LOGIN, at: 'this morning' }], nextCursor: null })).toThrow(/at/);
    expect(() => parseAuditPage({ entries: [{ ...FAILED_LOGIN, actorId: 7 }], nextCursor: null })).toThrow(/actorId/);
    expect(() => parseAuditPage({ nextCursor: null })).toThrow(/entries/);
    expect(() => parseAuditPage({ entries: [], nextCursor: 41 })).toThrow(/nextCursor/);
  });
});

describe('the filters as the API reads them', () => {
  // The tests run in UTC (vitest.config.ts): a day starts at midnight UTC.
  it('should take a day from its first to its last millisecond on this phone', () => {
    expect(dayBound('2026-11-20', 'start')).toBe('2026-11-20T00:00:00.000Z');
    expect(dayBound('2026-11-20', 'end')).toBe('2026-11-20T23:59:59.999Z');
    expect(dayBound('2026-12-31', 'end')).toBe('2026-12-31T23:59:59.999Z');
  });

  it('should send only the filters that are set', () => {
    expect(auditSearch(NO_AUDIT_FILTERS).toString()).toBe('');
    const search = auditSearch({ ...NO_AUDIT_FILTERS, action: 'clinic_archive', clinicId: 'clinic-005', from: '2026-11-20', to: '2026-11-24' });
    expect(Object.fromEntries(search)).toEqual({
      action: 'clinic_archive',
      clinicId: 'clinic-005',
      from: '2026-11-20T00:00:00.000Z',
      to: '2026-11-24T23:59:59.999Z',
    });
  });

  it('should export as CSV exactly what the filters keep on screen', () => {
    expect(auditCsvUrl({ ...NO_AUDIT_FILTERS, actorId: 'user-admin' })).toBe('/api/v1/admin/audit?actorId=user-admin&format=csv');
  });
});
