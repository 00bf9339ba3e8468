import { A } from '@solidjs/router';
import type { JSX } from 'solid-js';
import { LANGUAGE_NAMES, locale, setLocale, t } from '../i18n/locale';
import { theme, toggleTheme } from '../theme';
import { MoonIcon, PulseMark } from './icons';

/** App name, language switch and theme toggle, on every screen. */
export function TopBar(): JSX.Element {
  const otherLocale = () => (locale() === 'fr' ? 'en' : 'fr');
  return (
    <header class="top-bar">
      <A href="/" class="brand" end>
        <PulseMark />
        <span>{t().appName}</span>
      </A>
      <div class="top-bar-actions">
        {/* Named in the language it switches to, as people look for their own language's name. */}
        <button type="button" class="chip" lang={otherLocale()} onClick={() => setLocale(otherLocale())}>
          {LANGUAGE_NAMES[otherLocale()]}
        </button>
        <button
          type="button"
          class="icon-button"
          aria-pressed={theme() === 'dark'}
          aria-label={t().darkTheme}
          title={t().darkTheme}
          onClick={toggleTheme}
        >
          <MoonIcon />
        </button>
      </div>
    </header>
  );
}
