/**
 * What an alert says to a person, in their language: a short title and one sentence for a push
 * notification, the same words as an e-mail's subject and first line. Values are the rule's own
 * (a count, or a share between 0 and 1); the catalogue (worker/texts) words and formats them.
 */
import { textsFor } from '../texts/catalogue.ts';
import type { AlertDetail } from './alert-detail.ts';
import type { AlertKind, Locale } from './vocabulary.ts';

export interface AlertWordsInput {
  kind: AlertKind;
  locale: Locale;
  value: number;
  threshold: number;
  /** The clinic an alert is about; null for the service's. */
  clinicName: string | null;
  /** A reminder: the alert is still firing after its cooldown. */
  reminder: boolean;
  /**
   * What the alert saw when it fired, beyond its value ("unusual for this hour": which figure,
   * against which usual; SMS budget: which level, which month, how much); a reminder repeats it.
   * Without it those kinds say their value only.
   */
  detail?: AlertDetail | null;
}

export function alertWords(input: AlertWordsInput): { title: string; body: string } {
  const { alerts } = textsFor(input.locale);
  const said = alerts.kinds[input.kind];
  const detail = input.detail ?? null;
  const title = said.title(input.clinicName ?? '', detail);
  return { title: input.reminder ? alerts.stillFiring(title) : title, body: said.body(input.value, input.threshold, detail) };
}

/** The screen a notification opens: the owner's live queue, or the administration. */
export function alertUrl(clinicId: string | null): string {
  return clinicId === null ? '/admin' : '/today';
}
