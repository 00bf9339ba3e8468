import { createSignal } from 'solid-js';
import { en } from './en';
import { fr, type Messages } from './fr';
import { readPreference, writePreference } from '../preferences';
import type { Locale } from '../../../worker/domain/vocabulary.ts';

export type { Locale };

const TABLES: Record<Locale, Messages> = { fr, en };

/** Each language by its own name, whatever the current language: not part of the tables. */
export const LANGUAGE_NAMES: Record<Locale, string> = { fr: 'Français', en: 'English' };
const STORAGE_KEY = 'pulse.locale';

/** French unless this phone chose English: the first clinics are in Tunisia. */
function storedLocale(): Locale {
  return readPreference(STORAGE_KEY) === 'en' ? 'en' : 'fr';
}

const [currentLocale, setCurrentLocale] = createSignal<Locale>(storedLocale());

/** The language Pulse speaks now. */
export const locale = currentLocale;

/** The string table of the current language. */
export const t = (): Messages => TABLES[locale()];

/** Switches language, remembers it, and tells assistive technology through `<html lang>`. */
export function setLocale(next: Locale): void {
  setCurrentLocale(next);
  writePreference(STORAGE_KEY, next);
  document.documentElement.lang = next;
}

/** Aligns `<html lang>` with the remembered language before the first paint of the app. */
export function applyStoredLocale(): void {
  document.documentElement.lang = locale();
}
