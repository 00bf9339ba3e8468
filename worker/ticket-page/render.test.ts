import { describe, expect, it } from 'vitest';
import type { TicketView } from '../domain/ticket-view.ts';
import { renderTicketPage, ticketPageStatus, type TicketPage } from './render.ts';

const view: TicketView = {
  clinicName: 'Cabinet <b>Médina</b> & fils',
  ticketNumber: 12,
  state: 'waiting',
  position: 2,
  estimate: { waitMinutes: 15, lowMinutes: 3, highMinutes: 29 },
  expiresAt: '2027-02-02T23:00:00.000Z',
  asOf: '2027-02-02T08:02:00.000Z',
};

async function rendered(page: TicketPage, locale: 'fr' | 'en' = 'fr'): Promise<string> {
  return String(await renderTicketPage(page, locale));
}

/** The page's words, tags dropped, as a person reads them. */
function words(page: string): string {
  return page.replace(/<(script|style)[^>]*>[\s\S]*?<\/\1>/g, '').replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ').trim();
}

describe("a patient's ticket page", () => {
  it('should say the clinic, the ticket, the position and the range in French', async () => {
    const page = await rendered({ kind: 'ticket', view });
    expect(page).toContain('<html lang="fr">');
    expect(words(page)).toContain('Votre ticket 12 Position dans la file : 2 Attente estimée : 3 à 29 min');
    expect(page).toContain('<title>Ticket 12 — Cabinet &lt;b&gt;Médina&lt;/b&gt; &amp; fils</title>');
  });

  it('should say it in English', async () => {
    const page = await rendered({ kind: 'ticket', view }, 'en');
    expect(page).toContain('<html lang="en">');
    expect(words(page)).toContain('Your ticket 12 Place in the queue: 2 Estimated wait: 3 to 29 min');
  });

  it("should escape the clinic's name: it is the only text on the page not written by Pulse", async () => {
    const page = await rendered({ kind: 'ticket', view });
    expect(page).not.toContain('<b>');
    expect(page).toContain('<p class="clinic">Cabinet &lt;b&gt;Médina&lt;/b&gt; &amp; fils</p>');
  });

  it('should tell the next patient, and a wait of under a minute in words', async () => {
    const page = words(await rendered({ kind: 'ticket', view: { ...view, position: 1, estimate: { waitMinutes: 0, lowMinutes: 0, highMinutes: 0 } } }));
    expect(page).toContain('Position dans la file : 1 Vous êtes le prochain patient. Attente estimée : quelques instants');
  });

  it("should say it is the patient's turn once called, and keep asking", async () => {
    const page = await rendered({ kind: 'ticket', view: { ...view, state: 'called', position: null, estimate: null } });
    expect(words(page)).toContain('C’est votre tour Présentez-vous au cabinet.');
    expect(page).toContain('data-final="false"');
    expect(page).toContain('<script type="module" src="/api/v1/ticket-page.js"></script>');
  });

  it('should stop asking once the ticket is final, and say why in words', async () => {
    for (const [state, said] of [
      ['completed', 'Consultation terminée'],
      ['no_show', 'Absent à l’appel'],
      ['cancelled', 'Ticket annulé'],
      ['unfinished', 'Journée terminée'],
    ] as const) {
      const page = await rendered({ kind: 'ticket', view: { ...view, state, position: null, estimate: null } });
      expect(words(page)).toContain(said);
      expect(page).toContain('data-final="true"');
      expect(page).not.toContain('<script');
    }
  });

  it('should say an expired or invalid link is one, with no script, and answer 404', async () => {
    expect(words(await rendered({ kind: 'expired' }))).toBe('Lien expiré Lien expiré Ce lien valait jusqu’à la fin de la journée de la clinique.');
    expect(words(await rendered({ kind: 'not_found' }, 'en'))).toContain('Invalid link Check that the link is complete');
    expect(await rendered({ kind: 'not_found' })).not.toContain('<script');
    expect([ticketPageStatus({ kind: 'expired' }), ticketPageStatus({ kind: 'not_found' }), ticketPageStatus({ kind: 'rate_limited' }), ticketPageStatus({ kind: 'unavailable' })]).toEqual([404, 404, 429, 503]);
  });

  it('should reload a page refused for now by itself, even without JavaScript', async () => {
    expect(await rendered({ kind: 'rate_limited' })).toContain('<meta http-equiv="refresh" content="15">');
    expect(await rendered({ kind: 'ticket', view })).toContain('<noscript><meta http-equiv="refresh" content="30"></noscript>');
  });

  it('should give the script the words it writes every second', async () => {
    const page = await rendered({ kind: 'ticket', view });
    expect(page).toContain('data-seconds-ago="Mis à jour il y a {n} s" data-minutes-ago="Mis à jour il y a {n} min"');
  });
});
