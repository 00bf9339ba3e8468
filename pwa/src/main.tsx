import { lazy } from 'solid-js';
import { render } from 'solid-js/web';
import { App } from './App';
import { applyStoredLocale } from './i18n/locale';
import { registerServiceWorker } from './register-service-worker';
import { isSharedPath } from './shared/shared-path';
import { applyStoredTheme } from './theme';
import './styles.css';

/** A share link's page: a small app of its own, fetched only by those who open one. */
const SharedApp = lazy(() => import('./shared/SharedApp'));

applyStoredLocale();
applyStoredTheme();

const root = document.getElementById('root');
if (root === null) throw new Error('index.html has no #root element to render Pulse into');
// A visitor on a share link gets its page alone, outside the session: no account is asked for.
const shared = isSharedPath(window.location.pathname);
render(() => (shared ? <SharedApp /> : <App />), root);

// A visitor does not install Pulse: no service worker (and its precache) for a share link's page.
if (!shared) registerServiceWorker();
