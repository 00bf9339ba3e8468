/**
 * The settings screen's reads, each a named query (read through session/screen-read.ts). A saved
 * change replaces the answer kept for the screen (`query.set`), so coming back to it at once shows
 * what was saved, not what was read.
 */
import { query } from '@solidjs/router';
import { fetchAlertSettings, fetchMySettings, fetchServiceTarget, type AlertSettings, type MySettings, type ServiceTarget } from '../api/settings';
import { fetchSmsBudget, type SmsBudget } from '../api/sms-budget';
import { startReads } from '../session/screen-read';

export const mySettingsQuery = query(fetchMySettings, 'mySettings');
export const alertSettingsQuery = query(fetchAlertSettings, 'alertSettings');
export const serviceTargetQuery = query(fetchServiceTarget, 'serviceTarget');
export const smsBudgetQuery = query(fetchSmsBudget, 'smsBudget');

export function keepMySettings(saved: MySettings): void {
  query.set(mySettingsQuery.keyFor(), saved);
}

export function keepAlertSettings(clinicId: string, saved: AlertSettings): void {
  query.set(alertSettingsQuery.keyFor(clinicId), saved);
}

export function keepServiceTarget(clinicId: string, saved: ServiceTarget): void {
  query.set(serviceTargetQuery.keyFor(clinicId), saved);
}

export function keepSmsBudget(clinicId: string, saved: SmsBudget): void {
  query.set(smsBudgetQuery.keyFor(clinicId), saved);
}

/** The settings screen's reads: the user's own, and the alert settings, service target and SMS budget of the clinics they own. */
export function preloadSettings(ownedClinicIds: readonly string[]): void {
  startReads([
    mySettingsQuery(),
    ...ownedClinicIds.flatMap((clinicId) => [alertSettingsQuery(clinicId), serviceTargetQuery(clinicId), smsBudgetQuery(clinicId)]),
  ]);
}
