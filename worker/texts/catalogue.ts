/**
 * One catalogue for every text the Worker writes — digests, alerts, pushes, invitations, the
 * e-mail layout — per language. French (fr.ts) gives the shape; English (en.ts) is typed against
 * it, so a key missing in one language is a type error. Texts with values are functions: numbers
 * arrive raw and are written with the language's formats (`format`), names and dates as text.
 * The PWA has its own tables (pwa/src/i18n).
 */
import type { Locale } from '../domain/vocabulary.ts';
import { en } from './en.ts';
import { fr, type Texts } from './fr.ts';

export type { Texts };

const CATALOGUE: Record<Locale, Texts> = { fr, en };

/** Every text of one language, and how that language writes numbers and dates. */
export function textsFor(locale: Locale): Texts {
  return CATALOGUE[locale];
}
