import type { Messages } from '../i18n/fr';

/**
 * The mark on figures the phone kept while the server cannot be reached, with their age in the
 * largest whole unit: "hors ligne — chiffres d’il y a 12 min", "… d’il y a 2 h", "… d’il y a 3 jours";
 * under a minute, "hors ligne — chiffres de moins d’une minute". An age below zero (the phone's
 * clock moved back) reads as fresh rather than as a negative.
 */
export function offlineMark(ageMs: number, messages: Messages): string {
  const minutes = Math.floor(Math.max(0, ageMs) / 60_000);
  if (minutes < 1) return messages.offlineFiguresUnderAMinute;
  if (minutes < 60) return messages.offlineFiguresFrom(messages.minutes(minutes));
  const hours = Math.floor(minutes / 60);
  if (hours < 24) return messages.offlineFiguresFrom(messages.ageHours(hours));
  return messages.offlineFiguresFrom(messages.ageDays(Math.floor(hours / 24)));
}
