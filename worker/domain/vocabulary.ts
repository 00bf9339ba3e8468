/**
 * The product's words (PRODUCT.md) as closed lists. Database enums, zod schemas and the PWA all
 * derive from these arrays so a new state is added in exactly one place.
 */

/** `unfinished`: still waiting, called or in consultation at the clinic's midnight, closed then (never seen). */
export const ENTRY_STATES = ['waiting', 'called', 'in_consultation', 'completed', 'no_show', 'cancelled', 'unfinished'] as const;
export type EntryState = (typeof ENTRY_STATES)[number];

export const CHECK_IN_METHODS = ['qr', 'manual'] as const;
export type CheckInMethod = (typeof CHECK_IN_METHODS)[number];

export const EVENT_TYPES = [
  'patient_added',
  'patient_called',
  'consultation_started',
  'patient_completed',
  'patient_no_show',
  'patient_cancelled',
  'doctor_presence_changed',
  'clinic_login',
  'sms_sent',
  'sms_status',
] as const;
export type EventType = (typeof EVENT_TYPES)[number];

export const LOGIN_PLATFORMS = ['web', 'mobile'] as const;
export type LoginPlatform = (typeof LOGIN_PLATFORMS)[number];

export const SMS_KINDS = ['queue_joined', 'almost_turn', 'your_turn'] as const;
export type SmsKind = (typeof SMS_KINDS)[number];

export const SMS_STATUSES = ['sent', 'delivered', 'failed'] as const;
export type SmsStatus = (typeof SMS_STATUSES)[number];

/** A user's global role; clinic roles live on memberships. */
export const USER_ROLES = ['super_admin', 'member'] as const;
export type UserRole = (typeof USER_ROLES)[number];

export const CLINIC_ROLES = ['clinic_owner', 'staff'] as const;
export type ClinicRole = (typeof CLINIC_ROLES)[number];

export const LOCALES = ['fr', 'en'] as const;
export type Locale = (typeof LOCALES)[number];

export const ACTIVITY_KINDS = [
  'clinic_login',
  'patient_added',
  'patient_called',
  'sms_sent',
  'alert_fired',
  'admin_change',
] as const;
export type ActivityKind = (typeof ACTIVITY_KINDS)[number];

/**
 * `unusual_hour`: a clinic's waiting room or wait at least twice its usual for the weekday and hour;
 * `sms_budget`: a clinic's month of SMS at 80 % or 100 % of its budget, or projected past it.
 */
export const ALERT_KINDS = ['queue_too_long', 'sms_failures', 'sms_cost', 'mrr_drop', 'churn_risk', 'unusual_hour', 'sms_budget'] as const;
export type AlertKind = (typeof ALERT_KINDS)[number];

export const ALERT_SCOPES = ['clinic', 'service'] as const;
export type AlertScope = (typeof ALERT_SCOPES)[number];

export const ALERT_PRIORITIES = ['P0', 'P1', 'P2', 'P3'] as const;
export type AlertPriority = (typeof ALERT_PRIORITIES)[number];

export const NOTIFICATION_CHANNELS = ['push', 'email', 'digest'] as const;
export type NotificationChannel = (typeof NOTIFICATION_CHANNELS)[number];

/** What a read-only link shows: the live day only, or the history as well. */
export const SHARE_SCOPES = ['today', 'history'] as const;
export type ShareScope = (typeof SHARE_SCOPES)[number];

export const DIGEST_KINDS = ['clinic_weekly', 'admin_weekly'] as const;
export type DigestKind = (typeof DIGEST_KINDS)[number];

export const AUDIT_ACTOR_KINDS = ['user', 'api_key', 'system'] as const;
export type AuditActorKind = (typeof AUDIT_ACTOR_KINDS)[number];
