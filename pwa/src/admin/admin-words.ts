/**
 * The admin console's facts in words: how long since a clinic last logged in, what each item of a
 * clinic's timeline was, which alert fired, which signup month a cohort is. Codes the tables do
 * not know yet (a newer API) keep their code rather than vanish.
 */
import type { TimelineItem } from '../api/admin';
import type { Messages } from '../i18n/fr';
import type { Locale } from '../i18n/locale';

/** A word from a table keyed by code, or the code itself. */
function wordFor(table: Readonly<Record<string, string>>, code: string): string {
  return Object.hasOwn(table, code) ? (table[code] ?? code) : code;
}

/** "Aujourd'hui", "Hier", "Il y a 9 jours", or "Jamais" for a clinic that never logged in. */
export function lastLoginWords(daysSinceLastLogin: number | null, messages: Messages): string {
  if (daysSinceLastLogin === null) return messages.neverLoggedIn;
  if (daysSinceLastLogin === 0) return messages.loggedInToday;
  if (daysSinceLastLogin === 1) return messages.loggedInYesterday;
  return messages.loggedInDaysAgo(daysSinceLastLogin);
}

export function activityKindWords(kind: string, messages: Messages): string {
  return wordFor(messages.activityKinds, kind);
}

export function alertKindWords(kind: string, messages: Messages): string {
  return wordFor(messages.alertKinds, kind);
}

const text = (detail: Record<string, unknown>, key: string): string | null => {
  const value = detail[key];
  return typeof value === 'string' ? value : null;
};

const ticketOf = (detail: Record<string, unknown>): number | null => {
  const value = detail['ticket'];
  return typeof value === 'number' ? value : null;
};

/** An admin change: created, archived, restored, or which settings were edited. */
function adminChangeWords(detail: Record<string, unknown>, messages: Messages): string | null {
  const change = text(detail, 'change');
  if (change === null) return null;
  const fields = detail['fields'];
  if (change === 'edited' && Array.isArray(fields) && fields.length > 0) {
    return messages.clinicEditedFields(fields.map((field) => wordFor(messages.clinicSettingNames, String(field))).join(', '));
  }
  return wordFor(messages.adminChanges, change);
}

/**
 * What a timeline item says beyond its kind: the ticket and check-in method of a patient added,
 * the ticket called, the SMS sent, the settings changed. Null when it says nothing more.
 */
export function timelineDetailWords(item: Pick<TimelineItem, 'kind' | 'detail'>, messages: Messages): string | null {
  const detail = item.detail;
  if (detail === null) return null;
  const ticket = ticketOf(detail);
  switch (item.kind) {
    case 'clinic_login': {
      const platform = text(detail, 'platform');
      return platform === null ? null : wordFor(messages.loginPlatforms, platform);
    }
    case 'patient_added': {
      const method = text(detail, 'method');
      const how = method === null ? null : wordFor(messages.entryMethod, method);
      if (ticket === null) return how;
      return how === null ? messages.ticket(ticket) : `${messages.ticket(ticket)} · ${how}`;
    }
    case 'patient_called':
      return ticket === null ? null : messages.ticket(ticket);
    case 'sms_sent': {
      const kind = text(detail, 'kind');
      return kind === null ? null : wordFor(messages.smsKinds, kind);
    }
    case 'alert_fired': {
      const kind = text(detail, 'kind');
      return kind === null ? null : alertKindWords(kind, messages);
    }
    case 'admin_change':
      return adminChangeWords(detail, messages);
    default:
      return null;
  }
}

/** A signup month as the API names it (`YYYY-MM`, UTC): "août 2026" / "August 2026". */
export function cohortWords(cohort: string, locale: Locale): string {
  return new Intl.DateTimeFormat(locale, { timeZone: 'UTC', month: 'long', year: 'numeric' }).format(Date.parse(`${cohort}-01T00:00:00Z`));
}
