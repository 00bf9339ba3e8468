import { render } from 'solid-js/web';
import { App } from './App';
import { applyStoredLocale } from './i18n/locale';
import { registerServiceWorker } from './register-service-worker';
import { applyStoredTheme } from './theme';
import './styles.css';

applyStoredLocale();
applyStoredTheme();

const root = document.getElementById('root');
if (root === null) throw new Error('index.html has no #root element to render Pulse into');
render(() => <App />, root);

registerServiceWorker();
