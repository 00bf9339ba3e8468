import { createSignal } from 'solid-js';
import { readPreference, writePreference } from './preferences';

export type Theme = 'light' | 'dark';

const STORAGE_KEY = 'pulse.theme';
/** Status bar colour per theme; the light one is `theme_color` in vite.config.ts. */
const BAR_COLOUR: Record<Theme, string> = { light: '#0f766e', dark: '#0c1214' };

function storedChoice(): Theme | null {
  const stored = readPreference(STORAGE_KEY);
  return stored === 'light' || stored === 'dark' ? stored : null;
}

const systemDark = window.matchMedia('(prefers-color-scheme: dark)');
const [systemTheme, setSystemTheme] = createSignal<Theme>(systemDark.matches ? 'dark' : 'light');
const [choice, setChoice] = createSignal<Theme | null>(storedChoice());

/**
 * The theme on screen: the one chosen on this phone, else the system's. Until a choice is made
 * the CSS follows `prefers-color-scheme` by itself; `data-theme` only pins a choice.
 */
export const theme = (): Theme => choice() ?? systemTheme();

function paint(): void {
  const root = document.documentElement;
  const chosen = choice();
  if (chosen === null) delete root.dataset['theme'];
  else root.dataset['theme'] = chosen;
  document.querySelector('meta[name="theme-color"]')?.setAttribute('content', BAR_COLOUR[theme()]);
}

/** Flips between light and dark and remembers the choice. */
export function toggleTheme(): void {
  setChoice(theme() === 'dark' ? 'light' : 'dark');
  writePreference(STORAGE_KEY, theme());
  paint();
}

/** Applies the remembered choice and follows system changes while none is made. */
export function applyStoredTheme(): void {
  systemDark.addEventListener('change', (event) => {
    setSystemTheme(event.matches ? 'dark' : 'light');
    paint();
  });
  paint();
}
