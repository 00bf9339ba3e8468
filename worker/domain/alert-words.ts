/**
 * What an alert says to a person, in their language: a short title and one sentence for a push
 * notification, the same words as an e-mail's subject and first line. Values are the rule's own
 * (a count, or a share between 0 and 1), formatted here.
 */
import { LANGUAGE_TAGS, type AlertKind, type Locale } from './vocabulary.ts';

export interface AlertWordsInput {
  kind: AlertKind;
  locale: Locale;
  value: number;
  threshold: number;
  /** The clinic an alert is about; null for the service's. */
  clinicName: string | null;
  /** A reminder: the alert is still firing after its cooldown. */
  reminder: boolean;
}

export function alertWords(input: AlertWordsInput): { title: string; body: string } {
  const tag = LANGUAGE_TAGS[input.locale];
  const count = (value: number) => new Intl.NumberFormat(tag, { maximumFractionDigits: 0 }).format(value);
  const percent = (share: number) => new Intl.NumberFormat(tag, { style: 'percent', maximumFractionDigits: 0 }).format(share);
  const clinic = input.clinicName ?? '';
  const { value, threshold } = input;
  const fr = input.locale === 'fr';
  const words = ((): { title: string; body: string } => {
    switch (input.kind) {
      case 'queue_too_long':
        return fr
          ? { title: `File d’attente trop longue — ${clinic}`, body: `${count(value)} patients attendent (seuil : ${count(threshold)}).` }
          : { title: `Queue too long — ${clinic}`, body: `${count(value)} patients are waiting (threshold: ${count(threshold)}).` };
      case 'sms_failures':
        return fr
          ? { title: 'Échecs d’envoi de SMS', body: `${percent(value)} des SMS de la dernière heure ont échoué (seuil : ${percent(threshold)}).` }
          : { title: 'SMS failures', body: `${percent(value)} of the last hour’s SMS failed (threshold: ${percent(threshold)}).` };
      case 'sms_cost':
        return fr
          ? { title: 'Coût SMS élevé aujourd’hui', body: `${count(value)} SMS envoyés aujourd’hui (seuil : ${count(threshold)}).` }
          : { title: 'High SMS cost today', body: `${count(value)} SMS sent today (threshold: ${count(threshold)}).` };
      case 'mrr_drop':
        return fr
          ? { title: 'Baisse du MRR', body: `Le MRR a baissé de ${percent(value)} en 7 jours (seuil : ${percent(threshold)}).` }
          : { title: 'MRR drop', body: `MRR fell ${percent(value)} in 7 days (threshold: ${percent(threshold)}).` };
      case 'churn_risk':
        return fr
          ? { title: 'Risque d’attrition', body: `${percent(value)} des cliniques ne se sont pas connectées depuis 7 jours (seuil : ${percent(threshold)}).` }
          : { title: 'Churn risk', body: `${percent(value)} of clinics have not signed in for 7 days (threshold: ${percent(threshold)}).` };
    }
  })();
  if (!input.reminder) return words;
  return { title: `${fr ? 'Toujours en cours : ' : 'Still firing: '}${words.title}`, body: words.body };
}

/** The screen a notification opens: the owner's live queue, or the administration. */
export function alertUrl(clinicId: string | null): string {
  return clinicId === null ? '/admin' : '/today';
}
