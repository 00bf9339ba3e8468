import { A } from '@solidjs/router';
import { For, type JSX } from 'solid-js';
import type { QuickActions as QuickActionCounts } from '../../api/back-office';
import type { Messages } from '../../i18n/fr';
import { formatCount } from '../../i18n/figures';
import { locale, t } from '../../i18n/locale';

interface QuickAction {
  count: (counts: QuickActionCounts) => number;
  label: (messages: Messages) => string;
  href: string;
}

/**
 * Where each count leads: the failed jobs to their own page, the open alerts to the list on this
 * home, the pending invitations to the clinic table (they are on each clinic's page; no screen
 * lists them all), the opening clinics to the table filtered by that status.
 */
const QUICK_ACTIONS: readonly QuickAction[] = [
  { count: (counts) => counts.failedJobs24h, label: (m) => m.quickFailedJobs, href: '/admin/jobs' },
  { count: (counts) => counts.openAlerts, label: (m) => m.quickOpenAlerts, href: '/admin#firing-alerts-title' },
  { count: (counts) => counts.pendingInvitations, label: (m) => m.quickPendingInvitations, href: '/admin/clinics' },
  { count: (counts) => counts.onboardingClinics, label: (m) => m.quickOnboardingClinics, href: '/admin/clinics?status=onboarding' },
];

/** The admin home's four counts of things to handle, each a link to where they are handled. */
export function QuickActions(props: { counts: QuickActionCounts }): JSX.Element {
  return (
    <>
      <ul class="figures business-figures quick-actions">
        <For each={QUICK_ACTIONS}>
          {(action) => (
            <li class="figure" classList={{ 'quick-action-due': action.count(props.counts) > 0 }}>
              <A href={action.href} class="quick-action">
                <span class="figure-value">{formatCount(action.count(props.counts), locale())}</span>
                <span class="figure-label">{action.label(t())}</span>
              </A>
            </li>
          )}
        </For>
      </ul>
      <p class="footnote">
        <A href="/admin/errors">{t().recentErrorsLink}</A>
      </p>
    </>
  );
}
