/**
 * The wire schemas the Worker sends and the PWA parses (STYLE.md: senders `satisfies`, receivers
 * parse), imported from worker/domain, which depends on zod and the product's vocabulary only.
 *
 * zod compiles object parsers with `new Function` unless told not to; Pulse's Content-Security-
 * Policy forbids eval, so the PWA parses without that compilation instead of logging a refusal.
 */
import { config, type z } from 'zod';
import type { TodayFiguresSchema as FiguresSchema } from '../../../worker/domain/live-messages.ts';

config({ jitless: true });

export {
  LiveMessageSchema,
  mergeLiveEntries,
  TodayEntrySchema,
  TodayFiguresSchema,
  type LiveMessage,
  type TodayEntry,
} from '../../../worker/domain/live-messages.ts';
export type { CheckInMethod, EntryState } from '../../../worker/domain/vocabulary.ts';

/** `stats/today` and the `figures` of every live message. */
export type TodayFigures = z.infer<typeof FiguresSchema>;
