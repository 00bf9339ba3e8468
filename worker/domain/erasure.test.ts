import { describe, expect, it } from 'vitest';
import { confirmsClinicName, erasedClinicName, scrubAuditDetail, userDeletionRefusal } from './erasure.ts';

describe('confirmsClinicName', () => {
  it('should accept only the name exactly as it stands', () => {
    expect(confirmsClinicName('Cabinet El Amal', 'Cabinet El Amal')).toBe(true);
    expect(confirmsClinicName('cabinet el amal', 'Cabinet El Amal')).toBe(false);
    expect(confirmsClinicName('Cabinet El Amal ', 'Cabinet El Amal')).toBe(false);
    expect(confirmsClinicName(' Cabinet El Amal', 'Cabinet El Amal')).toBe(false);
    expect(confirmsClinicName('Cabinet Médina', 'Cabinet Medina')).toBe(false);
    expect(confirmsClinicName('', 'Cabinet El Amal')).toBe(false);
  });
});

describe('erasedClinicName', () => {
  it('should keep six characters of the digest after the neutral words', () => {
    expect(erasedClinicName('a1b2c3d4e5f6')).toBe('Cabinet effacé a1b2c3');
  });
});

describe('scrubAuditDetail', () => {
  const personal = ['Rim@Example.tn', 'Cabinet El Amal'];

  it('should answer the very same detail when nothing names the person or the clinic', () => {
    const detail = JSON.stringify({ role: 'staff', invitationId: 'inv-1' });
    expect(scrubAuditDetail(detail, personal)).toBe(detail);
    expect(scrubAuditDetail(null, personal)).toBeNull();
  });

  it('should drop keys that name someone and values that mention them, case ignored', () => {
    const detail = JSON.stringify({ role: 'staff', email: 'someone@else.tn', note: 'sent to rim@example.tn', filter: '{"q":"cabinet el amal"}', from: 30 });
    expect(scrubAuditDetail(detail, personal)).toBe(JSON.stringify({ role: 'staff', from: 30 }));
  });

  it('should drop a detail that is not an object when it mentions them, and keep it otherwise', () => {
    expect(scrubAuditDetail('"rim@example.tn"', personal)).toBeNull();
    expect(scrubAuditDetail('not json rim@example.tn', personal)).toBeNull();
    expect(scrubAuditDetail('[1,2]', personal)).toBe('[1,2]');
  });

  it('should ignore empty texts rather than match everything', () => {
    const detail = JSON.stringify({ role: 'staff' });
    expect(scrubAuditDetail(detail, [''])).toBe(detail);
  });
});

describe('userDeletionRefusal', () => {
  it('should refuse oneself and the last super admin, and allow anyone else', () => {
    expect(userDeletionRefusal('admin-1', { id: 'admin-1', role: 'super_admin' }, 2)).toBe('self');
    expect(userDeletionRefusal('admin-1', { id: 'admin-2', role: 'super_admin' }, 1)).toBe('last_super_admin');
    expect(userDeletionRefusal('admin-1', { id: 'admin-2', role: 'super_admin' }, 2)).toBeNull();
    expect(userDeletionRefusal('admin-1', { id: 'member-1', role: 'member' }, 1)).toBeNull();
  });
});
