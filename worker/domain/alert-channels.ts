/**
 * Who receives each alert kind, and on which channels each of them chose to (PRODUCT.md "Alerts
 * people keep on"): per person and kind, push, e-mail and/or the Monday digest; without a choice of
 * their own, the channels of the kind's rule. Pure: the settings route and the delivery job read
 * the stored choices and rules, and this decides.
 */
import type { AlertKind, AlertPriority, NotificationChannel } from './vocabulary.ts';

/** Whom an alert of each kind is about and goes to: a clinic's owners, or the super admins (the service). */
export const ALERT_AUDIENCE = {
  queue_too_long: 'clinic_owners',
  unusual_hour: 'clinic_owners',
  sms_budget: 'clinic_owners',
  sms_failures: 'super_admins',
  sms_cost: 'super_admins',
  mrr_drop: 'super_admins',
  churn_risk: 'super_admins',
} as const satisfies Record<AlertKind, 'clinic_owners' | 'super_admins'>;

/** A person as far as alerts go: whether they are the super admin, whether they own a clinic. */
export interface AlertReader {
  isSuperAdmin: boolean;
  ownsAClinic: boolean;
}

/** The kinds that reach this person, in ALERT_AUDIENCE's order; staff receive none. */
export function alertKindsFor(reader: AlertReader): AlertKind[] {
  return (Object.keys(ALERT_AUDIENCE) as AlertKind[]).filter((kind) =>
    ALERT_AUDIENCE[kind] === 'super_admins' ? reader.isSuperAdmin : reader.ownsAClinic,
  );
}

/** One stored choice (a notification_preferences row): each channel on or off. */
export interface ChannelFlags {
  push: boolean;
  email: boolean;
  digest: boolean;
}

/** The channels a person gets for a kind: their own choice, else the rule's. Always in NOTIFICATION_CHANNELS' order. */
export function effectiveChannels(choice: ChannelFlags | undefined, ruleChannels: readonly NotificationChannel[]): NotificationChannel[] {
  if (choice === undefined) return (['push', 'email', 'digest'] as const).filter((channel) => ruleChannels.includes(channel));
  return (['push', 'email', 'digest'] as const).filter((channel) => choice[channel]);
}

export function flagsOf(channels: readonly NotificationChannel[]): ChannelFlags {
  return { push: channels.includes('push'), email: channels.includes('email'), digest: channels.includes('digest') };
}

/**
 * Whether an alert at this priority reaches this person even in their quiet hours: a P0 or P1 to
 * the super admin (an SMS provider failing at night costs every clinic its morning).
 */
export function breaksQuietHours(priority: AlertPriority, recipientIsSuperAdmin: boolean): boolean {
  return recipientIsSuperAdmin && (priority === 'P0' || priority === 'P1');
}

/** Why a change of channels is refused, and which field of the request says so. */
export interface ChannelChangeRefusal {
  reason: 'kind_not_received' | 'urgent_kind_needs_a_channel';
  field: string;
}

/**
 * Checks a change of channels against who the person is: only the kinds they receive, and a P0/P1
 * kind of the super admin keeps at least one channel (nobody may silence the SMS provider failing).
 */
export function refusedChannelChange(
  change: Partial<Record<AlertKind, readonly NotificationChannel[]>>,
  reader: AlertReader,
  priorityOf: (kind: AlertKind) => AlertPriority,
): ChannelChangeRefusal | null {
  const received = new Set(alertKindsFor(reader));
  for (const [kind, channels] of Object.entries(change) as Array<[AlertKind, readonly NotificationChannel[] | undefined]>) {
    if (channels === undefined) continue;
    const field = `channels.${kind}`;
    if (!received.has(kind)) return { reason: 'kind_not_received', field };
    if (channels.length === 0 && breaksQuietHours(priorityOf(kind), ALERT_AUDIENCE[kind] === 'super_admins')) return { reason: 'urgent_kind_needs_a_channel', field };
  }
  return null;
}

/** What a person gets for a kind without a choice of their own, and how urgent the kind is. */
export interface KindDefaults {
  channels: readonly NotificationChannel[];
  priority: AlertPriority;
}

/** For a kind no rule speaks of yet: PRODUCT.md's usual for an owner's alert, push and e-mail at P2. */
const UNRULED_KIND: KindDefaults = { channels: ['push', 'email'], priority: 'P2' };

type GeneralRule = { kind: AlertKind; clinicId: string | null; enabled: boolean } & KindDefaults;

/**
 * Each kind's defaults from its enabled rule that applies to everyone (`clinicId` null): the
 * stored rules first (what delivery reads), then the built-in ones not stored yet.
 */
export function kindDefaultsOf(stored: readonly GeneralRule[], builtIn: readonly GeneralRule[]): (kind: AlertKind) => KindDefaults {
  const general = [...stored, ...builtIn].filter((rule) => rule.clinicId === null && rule.enabled);
  return (kind) => {
    const rule = general.find((candidate) => candidate.kind === kind);
    return rule === undefined ? UNRULED_KIND : { channels: rule.channels, priority: rule.priority };
  };
}
