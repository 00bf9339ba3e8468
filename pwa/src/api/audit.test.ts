import { describe, expect, it } from 'vitest';
import { parseAuditPage } from './audit';

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
  it('should keep the columns the screen shows', () => {
    expect(parseAuditPage({ entries: [FAILED_LOGIN], nextCursor: null })).toEqual([
      { id: 41, at: '2026-11-24T08:02:11.000Z', action: 'login', actorId: null, actorRole: null, clinicId: null, success: false, errorCode: 'UNAUTHORIZED' },
    ]);
  });

  it('should refuse an entry whose outcome or time cannot be read', () => {
    expect(() => parseAuditPage({ entries: [{ ...FAILED_LOGIN, success: 'no' }] })).toThrow(/success/);
    expect(() => parseAuditPage({ entries: [{ ...FAILED_LOGIN, at: 'this morning' }] })).toThrow(/at/);
    expect(() => parseAuditPage({ entries: [{ ...FAILED_LOGIN, actorId: 7 }] })).toThrow(/actorId/);
    expect(() => parseAuditPage({ nextCursor: null })).toThrow(/entries/);
  });
});
