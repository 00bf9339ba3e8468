import type { AlertPriority } from './vocabulary.ts';

/** What a push is about: an alert of some priority, or the weekly digest. */
export type PushPriority = AlertPriority | 'digest';

/** RFC 8030 §5.3 urgency and §5.2 time-to-live of one push message. */
export interface PushDelivery {
  urgency: 'high' | 'normal' | 'low';
  /** How long the push service keeps the message for an offline device, in seconds. */
  ttlSeconds: number;
}

const MINUTE = 60;
const HOUR = 60 * MINUTE;

/**
 * Urgent alerts wake the device at once and expire soon: the alert cron re-evaluates every five
 * minutes, so a page that arrives an hour late says less than the app does. Slower news may wait
 * for a device that is asleep or offline, and the digest is worth reading a day later.
 */
export function pushDeliveryFor(priority: PushPriority): PushDelivery {
  switch (priority) {
    case 'P0':
      return { urgency: 'high', ttlSeconds: 15 * MINUTE };
    case 'P1':
      return { urgency: 'high', ttlSeconds: HOUR };
    case 'P2':
      return { urgency: 'normal', ttlSeconds: 12 * HOUR };
    case 'P3':
    case 'digest':
      return { urgency: 'low', ttlSeconds: 24 * HOUR };
  }
}
