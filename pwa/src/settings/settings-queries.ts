/**
 * The settings screen's reads, each a named query. A saved change replaces the answer kept for
 * the screen (`query.set`), so coming back to it at once shows what was saved, not what was read.
 */
import { createAsync, query, revalidate, type AccessorWithLatest } from '@solidjs/router';
import { ApiError } from '../api/errors';
import { fetchAlertSettings, fetchMySettings, type AlertSettings, type MySettings } from '../api/settings';

export const mySettingsQuery = query(fetchMySettings, 'mySettings');
export const alertSettingsQuery = query(fetchAlertSettings, 'alertSettings');

export function keepMySettings(saved: MySettings): void {
  query.set(mySettingsQuery.keyFor(), saved);
}

export function keepAlertSettings(clinicId: string, saved: AlertSettings): void {
  query.set(alertSettingsQuery.keyFor(clinicId), saved);
}

export interface SettingsRead<Answer> {
  /** Suspends while the answer loads; throws the failure to the nearest error boundary. */
  answer: AccessorWithLatest<Answer | undefined>;
  /** Asks the API again, after a failure. */
  retry: () => void;
}

/**
 * One settings answer. UNAUTHORIZED means the session ended, FORBIDDEN or NOT_FOUND on a clinic
 * that the membership did: the session is asked again through `onAccessLost`, and the screens follow.
 */
export function createSettingsRead<Answer>(read: () => Promise<Answer>, key: string, onAccessLost: () => void): SettingsRead<Answer> {
  const answer = createAsync(() =>
    read().catch((error: unknown) => {
      if (error instanceof ApiError && (error.code === 'UNAUTHORIZED' || error.code === 'FORBIDDEN' || error.code === 'NOT_FOUND')) onAccessLost();
      throw error;
    }),
  );
  return { answer, retry: () => void revalidate(key) };
}
