import { describe, expect, it } from 'vitest';
import type { PushMessage } from '../../../worker/domain/push-message.ts';
import { NOTIFICATION_BADGE, NOTIFICATION_ICON, notificationFor } from './push-notification';

/** The alert the Worker sends Dr Ben Salah when 34 patients wait in La Marsa. */
const QUEUE_ALERT = {
  title: 'File trop longue',
  body: '34 patients attendent au Cabinet Dr Ben Salah — La Marsa.',
  url: '/today',
  tag: 'alert-queue_too_long-clinic-001',
} satisfies PushMessage;

describe('notificationFor', () => {
  it("should show the alert's title and text, replace the same alert's earlier notification, and remember the screen to open", () => {
    expect(notificationFor(JSON.stringify(QUEUE_ALERT), 'fr-FR')).toEqual({
      title: 'File trop longue',
      options: {
        body: '34 patients attendent au Cabinet Dr Ben Salah — La Marsa.',
        tag: 'alert-queue_too_long-clinic-001',
        data: { url: '/today' },
        icon: NOTIFICATION_ICON,
        badge: NOTIFICATION_BADGE,
      },
    });
  });

  it('should still show a plain Pulse notice for a push it cannot read, in the browser language', () => {
    const unreadable = [null, '', 'not json', '{"title":"File trop longue"}', JSON.stringify({ ...QUEUE_ALERT, url: 'https://elsewhere.example/' })];
    for (const text of unreadable) {
      expect(notificationFor(text, 'fr-TN')).toEqual({
        title: 'Pulse',
        options: { body: 'Du nouveau dans Pulse\u00a0: touchez pour ouvrir.', tag: 'pulse', data: { url: '/' }, icon: NOTIFICATION_ICON, badge: NOTIFICATION_BADGE },
      });
    }
    expect(notificationFor(null, 'en-GB').options.body).toBe('Something new in Pulse: tap to open.');
    // French first: a browser in Arabic gets the French notice.
    expect(notificationFor(null, 'ar-TN').options.body).toBe('Du nouveau dans Pulse\u00a0: touchez pour ouvrir.');
  });
});
