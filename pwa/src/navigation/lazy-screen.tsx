import { ErrorBoundary, lazy, Suspense, type Component, type JSX } from 'solid-js';
import { t } from '../i18n/locale';

/**
 * A screen whose code is fetched on its first visit rather than with the app, so that it (and
 * what it brings, such as chart.js) stays out of the first bundle. While it arrives, a short wait;
 * if it cannot (this page was opened before an update replaced its files), a way to reload.
 * The router fetches the code ahead through `preload`, on navigation and on a hovered link.
 */
export function lazyScreen(load: () => Promise<{ default: Component }>): Component & { preload: () => void } {
  const Screen = lazy(load);
  const LazyScreen = (): JSX.Element => (
    <ErrorBoundary
      fallback={
        <div class="notice notice-danger" role="alert">
          <p class="notice-title">{t().screenLoadFailed}</p>
          <button type="button" class="button" onClick={() => window.location.reload()}>
            {t().reloadPage}
          </button>
        </div>
      }
    >
      <Suspense fallback={<p class="checking">{t().screenLoading}</p>}>
        <Screen />
      </Suspense>
    </ErrorBoundary>
  );
  return Object.assign(LazyScreen, { preload: () => void Screen.preload().catch(() => undefined) });
}
