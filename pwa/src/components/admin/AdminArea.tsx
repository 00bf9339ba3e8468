import { A, type RouteSectionProps } from '@solidjs/router';
import { For, type JSX } from 'solid-js';
import type { Messages } from '../../i18n/fr';
import { t } from '../../i18n/locale';

interface AdminLink {
  href: string;
  label: (messages: Messages) => string;
  /** Lit only on its own address; the clinics stay lit on a clinic's detail and forms. */
  end: boolean;
}

const ADMIN_LINKS: readonly AdminLink[] = [
  { href: '/admin', label: (m) => m.adminNavHome, end: true },
  { href: '/admin/clinics', label: (m) => m.adminNavClinics, end: false },
  { href: '/admin/trends', label: (m) => m.adminNavTrends, end: true },
  { href: '/admin/activation', label: (m) => m.adminNavActivation, end: true },
  { href: '/admin/revenue', label: (m) => m.adminNavRevenue, end: true },
  { href: '/admin/audit', label: (m) => m.navAudit, end: true },
];

/**
 * The administration's own navigation, above each of its screens: thumb-sized links, two by two
 * on a narrow phone, in one row from a wider one (styles.css). The main navigation's
 * "Administration" stays lit on all of them.
 */
export function AdminNav(): JSX.Element {
  return (
    <nav class="admin-nav" aria-label={t().adminNavigation}>
      <For each={ADMIN_LINKS}>
        {(link) => (
          <A href={link.href} end={link.end} class="admin-nav-link">
            {link.label(t())}
          </A>
        )}
      </For>
    </nav>
  );
}

/** Layout of the super admin's screens: their navigation, then the screen. */
export function AdminArea(props: RouteSectionProps): JSX.Element {
  return (
    <div class="admin-area">
      <AdminNav />
      {props.children}
    </div>
  );
}
