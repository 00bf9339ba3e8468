import { describe, expect, it } from 'vitest';
import { LOCALES } from '../domain/vocabulary.ts';
import { textsFor, type Texts } from './catalogue.ts';

const fr = textsFor('fr');
const en = textsFor('en');

/** Every text of a table by its path (`clinicDigest.seen`), the formats left out: they are not words. */
function textsOf(table: Texts): Map<string, unknown> {
  const found = new Map<string, unknown>();
  const walk = (value: unknown, path: string) => {
    if (typeof value === 'object' && value !== null) {
      for (const [key, inner] of Object.entries(value)) walk(inner, path === '' ? key : `${path}.${key}`);
    } else {
      found.set(path, value);
    }
  };
  const { format: _format, ...words } = table;
  walk(words, '');
  return found;
}

describe('the catalogue of texts', () => {
  it('should have the same keys, of the same kind, in every language', () => {
    const french = textsOf(fr);
    for (const locale of LOCALES) {
      const table = textsOf(textsFor(locale));
      expect([...table.keys()].sort()).toEqual([...french.keys()].sort());
      for (const [path, text] of table) expect(typeof text, `${locale} ${path}`).toBe(typeof french.get(path));
    }
  });

  it('should never say nothing, with or without values', () => {
    for (const locale of LOCALES) {
      for (const [path, text] of textsOf(textsFor(locale))) {
        const said = typeof text === 'function' ? (text as (...values: number[]) => unknown)(...Array<number>(text.length).fill(2)) : text;
        expect(typeof said, `${locale} ${path}`).toBe('string');
        expect((said as string).trim(), `${locale} ${path}`).not.toBe('');
      }
    }
  });

  it("should count a busy Monday's patients with each language's plural", () => {
    expect([0, 1, 2].map(fr.clinicDigest.patientsCount)).toEqual(['0 patient', '1 patient', '2 patients']);
    expect([0, 1, 2].map(en.clinicDigest.patientsCount)).toEqual(['0 patients', '1 patient', '2 patients']);
  });

  it('should write waits, hours and changes the way each language does', () => {
    expect(fr.clinicDigest.minutes(12.34)).toBe('12,3 min');
    expect(en.clinicDigest.minutes(12.34)).toBe('12.3 min');
    expect(fr.clinicDigest.hour(9)).toBe('9 h – 10 h');
    expect(en.clinicDigest.hour(9)).toBe('9:00 – 10:00');
    expect(fr.clinicDigest.vsBefore(-3)).toBe('-3 % par rapport à la semaine précédente');
    expect(en.clinicDigest.vsBefore(12.5)).toBe('+12.5 % on the week before');
    expect(en.serviceDigest.vsWeekAgo(0.05)).toBe('+5% over 7 days');
    expect(fr.serviceDigest.daysWithoutLogin(null)).toBe('jamais connectée');
    expect(en.serviceDigest.daysWithoutLogin(9)).toBe('9 d without login');
  });

  it('should name the clinic and the figures of a queue that grew too long', () => {
    expect(fr.alerts.kinds.queue_too_long.title('Cabinet Ennasr')).toBe('File d’attente trop longue — Cabinet Ennasr');
    expect(fr.alerts.kinds.queue_too_long.body(1234, 30)).toBe('1\u202f234 patients attendent (seuil : 30).');
    expect(en.alerts.kinds.queue_too_long.body(1234, 30)).toBe('1,234 patients are waiting (threshold: 30).');
    expect(fr.alerts.stillFiring('Baisse du MRR')).toBe('Toujours en cours : Baisse du MRR');
    expect(en.alerts.kinds.sms_failures.body(0.125, 0.1)).toBe('13% of the last hour’s SMS failed (threshold: 10%).');
  });

  it('should tell an invited owner until when the link works, in UTC', () => {
    const expiresAt = Date.UTC(2025, 2, 3, 9, 0);
    expect(en.invitation.setup.intro('Cabinet Ennasr', en.invitation.role.clinic_owner, expiresAt)).toBe(
      'You are invited to follow Cabinet Ennasr on Pulse (owner). Choose your password with this link, valid once, until 3 March 2025 at 09:00 UTC.',
    );
    expect(fr.invitation.access.intro('Cabinet Ennasr', fr.invitation.role.staff)).toBe(
      "Votre compte Pulse ouvre maintenant Cabinet Ennasr (accueil). Connectez-vous comme d'habitude pour voir sa file.",
    );
  });

  it('should keep the plain-text line of an e-mail the same in both languages', () => {
    expect(fr.layout.labelled('Patients vus', '42')).toBe('Patients vus : 42');
    expect(en.layout.labelled('Patients seen', '42')).toBe('Patients seen : 42');
  });
});
