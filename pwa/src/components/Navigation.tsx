import { A } from '@solidjs/router';
import { For, Show, type JSX } from 'solid-js';
import type { UserRole } from '../api/account';
import { t } from '../i18n/locale';
import { destinationsFor, type DestinationId } from '../navigation/destinations';
import { AccountIcon, AdminIcon, HealthIcon, HistoryIcon, SettingsIcon, TodayIcon } from './icons';

const ICONS: Record<DestinationId, () => JSX.Element> = {
  admin: AdminIcon,
  today: TodayIcon,
  history: HistoryIcon,
  health: HealthIcon,
  account: AccountIcon,
  settings: SettingsIcon,
};

/**
 * The signed-in user's destinations: a bottom tab bar on phones, a side column on wide screens
 * (styles.css decides). Only what the role may open is listed; the routes are guarded as well.
 */
export function Navigation(props: { role: UserRole }): JSX.Element {
  return (
    <nav class="main-nav" aria-label={t().mainNavigation}>
      <For each={destinationsFor(props.role)}>
        {(destination) => {
          const Icon = ICONS[destination.id];
          return (
            // Not `end`: Administration stays lit on its own screens (/admin/clinics…).
            // The full name is the accessible one; it contains the short one shown on phones.
            <A
              href={destination.href}
              class="nav-link"
              classList={{ 'wide-only': !destination.phoneTab }}
              aria-label={destination.tabLabel === undefined ? undefined : destination.label(t())}
            >
              <Icon />
              <Show when={destination.tabLabel} fallback={<span class="nav-label">{destination.label(t())}</span>}>
                {(tabLabel) => (
                  <>
                    <span class="nav-label phone-only">{tabLabel()(t())}</span>
                    <span class="nav-label wide-only">{destination.label(t())}</span>
                  </>
                )}
              </Show>
            </A>
          );
        }}
      </For>
    </nav>
  );
}
