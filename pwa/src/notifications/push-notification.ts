/**
 * What the service worker shows for a push: the message the Worker sent (worker/domain/push-message.ts),
 * checked against the shared schema, or a plain "Pulse" notice when it cannot be read. Subscriptions
 * promise the browser every push is shown (`userVisibleOnly`), so an unreadable one still shows
 * something rather than nothing.
 */
import { PushMessageSchema, type PushMessage } from '../../../worker/domain/push-message.ts';

/** The app icon beside the text; the badge is the white trace alone, which Android shows in the status bar. */
export const NOTIFICATION_ICON = '/icons/icon-192.png';
export const NOTIFICATION_BADGE = '/icons/badge-96.png';

export interface PulseNotification {
  title: string;
  options: NotificationOptions & { body: string; tag: string; data: { url: string } };
}

/**
 * The words of the plain notice. The service worker cannot read the language chosen in the app
 * (local storage is the page's), so it follows the browser's: French first, English for English.
 */
const UNREADABLE = {
  fr: 'Du nouveau dans Pulse\u00a0: touchez pour ouvrir.',
  en: 'Something new in Pulse: tap to open.',
} as const;

/** One tag for every plain notice: a burst of unreadable pushes leaves one notification, not ten. */
const UNREADABLE_TAG = 'pulse';

/** The notification for a push's text (null when it came without data) on a browser speaking `language`. */
export function notificationFor(text: string | null, language: string): PulseNotification {
  const message = readMessage(text);
  if (message === null) {
    const body = language.toLowerCase().startsWith('en') ? UNREADABLE.en : UNREADABLE.fr;
    return { title: 'Pulse', options: { body, tag: UNREADABLE_TAG, data: { url: '/' }, icon: NOTIFICATION_ICON, badge: NOTIFICATION_BADGE } };
  }
  return {
    title: message.title,
    options: { body: message.body, tag: message.tag, data: { url: message.url }, icon: NOTIFICATION_ICON, badge: NOTIFICATION_BADGE },
  };
}

function readMessage(text: string | null): PushMessage | null {
  if (text === null) return null;
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return null;
  }
  const parsed = PushMessageSchema.safeParse(json);
  return parsed.success ? parsed.data : null;
}
