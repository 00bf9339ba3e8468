/**
 * What a push notification carries, encrypted end to end to the service worker. Shared by the
 * Worker (senders `satisfies`) and the PWA's service worker (receivers parse). The caller writes
 * `title` and `body` in the recipient's language; the push service only sees ciphertext.
 */
import { z } from 'zod';

export const PushMessageSchema = z.object({
  title: z.string().min(1).max(120),
  body: z.string().max(500),
  /** The screen a click opens (a path of the PWA). */
  url: z.string().startsWith('/'),
  /** Notifications with one tag replace each other on the device (one per alert, say). */
  tag: z.string().min(1).max(100),
});

export type PushMessage = z.infer<typeof PushMessageSchema>;
