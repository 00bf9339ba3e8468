/**
 * The language a browser asks for (`Accept-Language`, RFC 9110 §12.5.4), among Pulse's: for pages
 * shown to people without an account, who have no language setting of their own.
 */
import { LOCALES, type Locale } from './vocabulary.ts';

/** French unless the browser prefers English: Pulse speaks French first (PRODUCT.md). */
const DEFAULT_LOCALE: Locale = 'fr';

/**
 * The supported language with the highest weight in `header` (`en-GB,en;q=0.9,fr;q=0.8` → `en`);
 * on a tie, the one listed first. A range matches by its primary tag (`fr-TN` is French); `*` and
 * unknown languages choose nothing; a malformed weight counts as 0.
 */
export function preferredLocale(header: string | undefined): Locale {
  let best: { locale: Locale; weight: number } | undefined;
  for (const part of (header ?? '').split(',').slice(0, 30)) {
    const [range = '', ...parameters] = part.split(';').map((piece) => piece.trim());
    const primary = range.toLowerCase().split('-')[0] ?? '';
    const locale = LOCALES.find((candidate) => candidate === primary);
    if (locale === undefined) continue;
    const q = parameters.find((parameter) => /^q=/i.test(parameter));
    const weight = q === undefined ? 1 : weightOf(q.slice(2));
    if (weight > 0 && (best === undefined || weight > best.weight)) best = { locale, weight };
  }
  return best?.locale ?? DEFAULT_LOCALE;
}

function weightOf(text: string): number {
  if (!/^(0(\.\d{0,3})?|1(\.0{0,3})?)$/.test(text)) return 0;
  return Number(text);
}
