import type { UserRole } from '../api/account';
import type { Messages } from '../i18n/fr';

export type DestinationId = 'admin' | 'today' | 'history' | 'health' | 'account' | 'settings';

export interface Destination {
  id: DestinationId;
  href: string;
  /** Its name in the navigation, in the current language. */
  label: (messages: Messages) => string;
  /** A shorter name for the phone's tab bar, when the full one cannot fit a fifth of its width. */
  tabLabel?: (messages: Messages) => string;
  /**
   * Whether it has a tab in the phone's bottom bar, which holds five at most to keep them
   * thumb-sized; the others stay in the side navigation of wide screens and are linked from a
   * screen that is a tab.
   */
  phoneTab: boolean;
}

/** Stays lit on every screen of the administration, which has its own navigation (clinics, trends, audit log). */
const ADMIN: Destination = { id: 'admin', href: '/admin', label: (m) => m.navAdmin, tabLabel: (m) => m.navAdminShort, phoneTab: true };
const TODAY: Destination = { id: 'today', href: '/today', label: (m) => m.navToday, phoneTab: true };
const HISTORY: Destination = { id: 'history', href: '/history', label: (m) => m.navHistory, phoneTab: true };
const HEALTH: Destination = { id: 'health', href: '/health', label: (m) => m.navHealth, phoneTab: true };
const ACCOUNT: Destination = { id: 'account', href: '/account', label: (m) => m.navAccount, phoneTab: true };
/**
 * Visited now and then (notifications are turned on once per device), so no tab: a fifth tab
 * would leave "Aujourd'hui" no room on a 360 px phone. Phones reach it from the account screen.
 */
const SETTINGS: Destination = { id: 'settings', href: '/settings', label: (m) => m.navSettings, phoneTab: false };

/**
 * What a signed-in user may open, in navigation order. Clinic members get their clinic's
 * screens; the super admin gets those too (every clinic) plus the administration (its clinics,
 * trends and audit log), which the API refuses to anyone else. Everyone has their settings.
 */
export function destinationsFor(role: UserRole): Destination[] {
  return role === 'super_admin' ? [ADMIN, TODAY, HISTORY, HEALTH, ACCOUNT, SETTINGS] : [TODAY, HISTORY, HEALTH, ACCOUNT, SETTINGS];
}

/** Where `/` leads once signed in: the first destination, the screen each role opens most. */
export function homePath(role: UserRole): string {
  return destinationsFor(role)[0]?.href ?? ACCOUNT.href;
}
