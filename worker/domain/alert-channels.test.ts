import { describe, expect, it } from 'vitest';
import { alertKindsFor, breaksQuietHours, effectiveChannels, kindDefaultsOf, refusedChannelChange } from './alert-channels.ts';
import type { AlertPriority } from './vocabulary.ts';

const OWNER = { isSuperAdmin: false, ownsAClinic: true };
const ADMIN = { isSuperAdmin: true, ownsAClinic: false };
const STAFF = { isSuperAdmin: false, ownsAClinic: false };
const PRIORITY: Record<string, AlertPriority> = { sms_failures: 'P1', sms_cost: 'P1', mrr_drop: 'P1' };
const priorityOf = (kind: string): AlertPriority => PRIORITY[kind] ?? 'P2';

describe('who receives which alert kinds', () => {
  it('should give a clinic owner the clinic kinds, the super admin the service kinds, and staff none', () => {
    expect(alertKindsFor(OWNER)).toEqual(['queue_too_long', 'unusual_hour', 'sms_budget']);
    expect(alertKindsFor(ADMIN)).toEqual(['sms_failures', 'sms_cost', 'mrr_drop', 'churn_risk']);
    expect(alertKindsFor(STAFF)).toEqual([]);
  });
});

describe('the channels an alert reaches a person on', () => {
  it("should follow the person's own choice, else the rule's, in push, e-mail, digest order", () => {
    expect(effectiveChannels(undefined, ['email', 'push'])).toEqual(['push', 'email']);
    expect(effectiveChannels({ push: false, email: false, digest: true }, ['push', 'email'])).toEqual(['digest']);
    // A channel the rule lacks, chosen by the person, reaches them too.
    expect(effectiveChannels({ push: true, email: true, digest: false }, ['email'])).toEqual(['push', 'email']);
    expect(effectiveChannels({ push: false, email: false, digest: false }, ['push'])).toEqual([]);
  });

  it("should take each kind's defaults from its enabled general rule, stored first, never a clinic's own", () => {
    const defaults = kindDefaultsOf(
      [
        { kind: 'queue_too_long', clinicId: 'clinic-1', channels: ['email'], priority: 'P3', enabled: true },
        { kind: 'sms_cost', clinicId: null, channels: ['digest'], priority: 'P2', enabled: false },
        { kind: 'sms_cost', clinicId: null, channels: ['push'], priority: 'P1', enabled: true },
      ],
      [
        { kind: 'queue_too_long', clinicId: null, channels: ['push', 'email'], priority: 'P2', enabled: true },
        { kind: 'sms_cost', clinicId: null, channels: ['email'], priority: 'P1', enabled: true },
      ],
    );
    expect(defaults('queue_too_long')).toEqual({ channels: ['push', 'email'], priority: 'P2' });
    expect(defaults('sms_cost')).toEqual({ channels: ['push'], priority: 'P1' });
  });
});

describe('a change of channels', () => {
  it('should be refused for a kind the person never receives, naming the field', () => {
    expect(refusedChannelChange({ sms_cost: ['email'] }, OWNER, priorityOf)).toEqual({ reason: 'kind_not_received', field: 'channels.sms_cost' });
    expect(refusedChannelChange({ queue_too_long: ['push'] }, STAFF, priorityOf)).toEqual({ reason: 'kind_not_received', field: 'channels.queue_too_long' });
  });

  it("should keep at least one channel on the super admin's P1 kinds, while a P2 may go silent", () => {
    expect(refusedChannelChange({ churn_risk: [], sms_failures: [] }, ADMIN, priorityOf)).toEqual({ reason: 'urgent_kind_needs_a_channel', field: 'channels.sms_failures' });
    expect(refusedChannelChange({ churn_risk: [], sms_failures: ['digest'] }, ADMIN, priorityOf)).toBeNull();
    expect(refusedChannelChange({ queue_too_long: [] }, OWNER, priorityOf)).toBeNull();
  });

  it('should let only the P0/P1 alerts of the super admin through quiet hours', () => {
    expect(breaksQuietHours('P0', true)).toBe(true);
    expect(breaksQuietHours('P1', true)).toBe(true);
    expect(breaksQuietHours('P2', true)).toBe(false);
    expect(breaksQuietHours('P1', false)).toBe(false);
  });
});
