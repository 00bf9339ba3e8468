import { describe, expect, it } from 'vitest';
import { ACCOUNT_KEY } from './copy-keys';
import { createDeviceCopies, parseRememberedAccount } from './device-copies';
import { DOCTOR, RECEPTION, StoredMap, TEN_AM } from './shared-phone.fixture';

describe('the copies a shared phone keeps', () => {
  it('should keep nothing before anyone is confirmed', () => {
    const stored = new StoredMap();
    const copies = createDeviceCopies(() => stored);
    copies.keep('today/clinic-001', '{"figures":1}');
    expect(copies.read('today/clinic-001')).toBeNull();
    expect(stored.entries.size).toBe(0);
  });

  it('should remember the confirmed account and keep its copies, found again by the next page', () => {
    const stored = new StoredMap();
    const copies = createDeviceCopies(() => stored);
    copies.confirm(DOCTOR, TEN_AM);
    copies.keep('today/clinic-001', 'snapshot');
    copies.keep('history/analytics/clinic-001/30d', 'analytics');

    const reopened = createDeviceCopies(() => stored);
    expect(reopened.remembered()).toEqual({ account: DOCTOR, savedAt: TEN_AM });
    expect(reopened.read('today/clinic-001')).toBe('snapshot');
    expect(reopened.names('history/')).toEqual(['history/analytics/clinic-001/30d']);
  });

  it("should never show the doctor's copies to the receptionist who signs in after her", () => {
    const stored = new StoredMap();
    const copies = createDeviceCopies(() => stored);
    copies.confirm(DOCTOR, TEN_AM);
    copies.keep('today/clinic-001', 'the doctor’s snapshot');

    copies.confirm(RECEPTION, TEN_AM + 60_000);
    expect(copies.read('today/clinic-001')).toBeNull();
    expect(copies.remembered()?.account.user.email).toBe('reception@pulse.local');
    expect([...stored.entries.keys()]).toEqual([ACCOUNT_KEY]);
  });

  it('should wipe the account and every copy at logout, and keep the preferences', () => {
    const stored = new StoredMap();
    stored.setItem('pulse.locale', 'en');
    stored.setItem('pulse.today.clinic-001', 'from an older version');
    const copies = createDeviceCopies(() => stored);
    copies.confirm(DOCTOR, TEN_AM);
    copies.keep('today/clinic-001', 'snapshot');

    copies.wipe();
    expect([...stored.entries.keys()]).toEqual(['pulse.locale']);
    expect(copies.remembered()).toBeNull();
    copies.keep('today/clinic-001', 'arrived after the logout');
    expect(stored.entries.size).toBe(1);
  });

  it('should keep nothing, and never fail, when the browser refuses storage', () => {
    const copies = createDeviceCopies(() => {
      throw new DOMException('denied', 'SecurityError');
    });
    copies.confirm(DOCTOR, TEN_AM);
    copies.keep('today/clinic-001', 'snapshot');
    expect(copies.read('today/clinic-001')).toBeNull();
    expect(copies.remembered()).toBeNull();
    expect(() => copies.wipe()).not.toThrow();
  });
});

describe('parseRememberedAccount', () => {
  it('should forget an account it cannot trust: garbage, no date, a role the API does not give', () => {
    expect(parseRememberedAccount(JSON.stringify({ account: DOCTOR, savedAt: TEN_AM }))).toEqual({ account: DOCTOR, savedAt: TEN_AM });
    expect(parseRememberedAccount('{oops')).toBeNull();
    expect(parseRememberedAccount(JSON.stringify({ account: DOCTOR }))).toBeNull();
    expect(parseRememberedAccount(JSON.stringify({ account: { ...DOCTOR, user: { ...DOCTOR.user, role: 'root' } }, savedAt: TEN_AM }))).toBeNull();
  });
});
