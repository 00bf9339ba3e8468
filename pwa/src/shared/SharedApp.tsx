import { Route, Router, type RouteSectionProps } from '@solidjs/router';
import type { JSX } from 'solid-js';
import { MoonIcon, PulseMark } from '../components/icons';
import { LANGUAGE_NAMES, locale, setLocale, t } from '../i18n/locale';
import Shared from '../screens/Shared';
import { theme, toggleTheme } from '../theme';

/**
 * The bar of a shared page: the name, the language and the theme. The name leads nowhere (the
 * top bar of the members' app links to their home): a visitor has no other screen to go to.
 */
function SharedBar(): JSX.Element {
  const otherLocale = () => (locale() === 'fr' ? 'en' : 'fr');
  return (
    <header class="top-bar">
      <p class="brand">
        <PulseMark />
        <span>{t().appName}</span>
      </p>
      <div class="top-bar-actions">
        <button type="button" class="chip" lang={otherLocale()} onClick={() => setLocale(otherLocale())}>
          {LANGUAGE_NAMES[otherLocale()]}
        </button>
        <button type="button" class="icon-button" aria-pressed={theme() === 'dark'} aria-label={t().darkTheme} title={t().darkTheme} onClick={toggleTheme}>
          <MoonIcon />
        </button>
      </div>
    </header>
  );
}

function SharedShell(props: RouteSectionProps): JSX.Element {
  return (
    <div class="app">
      <SharedBar />
      <main class="content">{props.children}</main>
    </div>
  );
}

/**
 * The page of a share link: its own small app, outside the session (no `/me`, no sign-in offer,
 * no navigation, no copies kept on the phone), so that a visitor's browser never runs the members'.
 */
export default function SharedApp(): JSX.Element {
  return (
    <Router root={SharedShell}>
      <Route path="/shared/:token" component={Shared} />
      {/* `/shared/` with nothing after it: a link cut short reads as one that does not open. */}
      <Route path="*" component={Shared} />
    </Router>
  );
}
