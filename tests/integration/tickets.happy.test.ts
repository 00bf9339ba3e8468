import { env } from 'cloudflare:test';
import { beforeAll, describe, expect, it } from 'vitest';
import type { TodayEntry } from '../../worker/domain/live-messages.ts';
import { eventId } from '../support/queue-story.ts';
import { pinnedWorker, tokenOf, wordsOf } from '../support/tickets.ts';
import { createWorld, jsonOf, sessionFor, type World } from '../support/world.ts';

/**
 * Clinic A's morning in Tunis: the doctor in at 09:00, Amine's entry at 09:00 and Lina's at 09:01;
 * the queue app texts each a link to their ticket. A new clinic has no history, so the estimator
 * plans with PRODUCT's 15-minute default: Amine is next (no wait), Lina one interval behind.
 */
describe("patients' live tickets, from the queue app's SMS to the call", () => {
  let world: World;
  let worker: ReturnType<typeof pinnedWorker>;
  let reception: string;
  const amine = eventId('entry-amine');
  const lina = eventId('entry-lina');
  const tokens = { amine: '', lina: '' };

  beforeAll(async () => {
    world = await createWorld();
    worker = pinnedWorker(world, '09:02');
    // A session that outlives the pinned morning, whenever today the test runs.
    reception = await sessionFor(world.staffA, 24 * 3_600_000);
    const morning = [
      { id: eventId('ev'), type: 'doctor_presence_changed', present: true, occurredAt: worker.iso('09:00') },
      { id: eventId('ev'), type: 'patient_added', entryId: amine, method: 'qr', occurredAt: worker.iso('09:00') },
      { id: eventId('ev'), type: 'patient_added', entryId: lina, method: 'manual', occurredAt: worker.iso('09:01') },
    ];
    expect(await (await worker.ingest(world.keyA, morning)).json()).toEqual({ accepted: 3, duplicates: 0, rejected: [] });
  });

  it("should give the queue app one link per entry, on PUBLIC_URL, valid until the clinic's midnight", async () => {
    const { status, body, response } = await worker.tickets(world.keyA, [amine, lina]);
    expect(status).toBe(200);
    expect(response.headers.get('Cache-Control')).toBe('no-store');
    const midnight = new Date(worker.at('00:00', 1)).toISOString();
    expect(body).toEqual({
      tickets: [
        { entryId: amine, url: expect.stringMatching(/^http:\/\/localhost:8787\/t\/[A-Za-z0-9_-]{20,}$/), expiresAt: midnight },
        { entryId: lina, url: expect.stringMatching(/^http:\/\/localhost:8787\/t\/[A-Za-z0-9_-]{20,}$/), expiresAt: midnight },
      ],
      rejected: [],
    });
    expect(env.PUBLIC_URL).toBe('http://localhost:8787');
    tokens.amine = tokenOf(body.tickets[0]?.url ?? '');
    tokens.lina = tokenOf(body.tickets[1]?.url ?? '');
    expect(tokens.amine).not.toBe(tokens.lina);
  });

  it('should give the same link when asked again, each id once', async () => {
    const { body } = await worker.tickets(world.keyA, [lina, amine, lina]);
    expect(body.tickets.map(({ entryId, url }) => [entryId, tokenOf(url)])).toEqual([
      [lina, tokens.lina],
      [amine, tokens.amine],
    ]);
  });

  it('should show each patient their position and the range of their wait, exactly as reception sees it', async () => {
    const [first, second] = await Promise.all([worker.ticket(tokens.amine), worker.ticket(tokens.lina)]);
    const asOf = new Date(worker.now()).toISOString();
    const expiresAt = new Date(worker.at('00:00', 1)).toISOString();
    expect(first.status).toBe(200);
    expect(first.response.headers.get('Cache-Control')).toBe('no-store');
    expect(first.body).toEqual({ clinicName: `Cabinet A ${world.suffix}`, ticketNumber: 1, state: 'waiting', position: 1, estimate: { waitMinutes: 0, lowMinutes: expect.any(Number), highMinutes: expect.any(Number) }, expiresAt, asOf });
    expect(second.body).toEqual({ clinicName: `Cabinet A ${world.suffix}`, ticketNumber: 2, state: 'waiting', position: 2, estimate: { waitMinutes: 15, lowMinutes: expect.any(Number), highMinutes: expect.any(Number) }, expiresAt, asOf });

    // The same figures as the reception's list at the same instant: one estimator, two views.
    const queue = await jsonOf<{ entries: TodayEntry[] }>(await worker.call(`/clinics/${world.clinicA}/queue`, { token: reception }));
    const estimateOf = (entryId: string) => {
      const estimate = queue.body.entries.find((entry) => entry.entryId === entryId)?.estimate;
      return estimate && { waitMinutes: estimate.waitMinutes, lowMinutes: estimate.lowMinutes, highMinutes: estimate.highMinutes };
    };
    expect(first.body.estimate).toEqual(estimateOf(amine));
    expect(second.body.estimate).toEqual(estimateOf(lina));
    const range = second.body.estimate;
    expect(range !== null && range.lowMinutes < 15 && range.highMinutes > 15).toBe(true);
  });

  it('should write the page in French or in English, as the browser asks', async () => {
    const french = await worker.page(tokens.lina, 'fr-TN,fr;q=0.9,en;q=0.8');
    expect(french.status).toBe(200);
    expect(french.headers.get('Content-Type')).toMatch(/^text\/html/);
    expect(french.headers.get('Cache-Control')).toBe('no-store');
    expect(french.headers.get('Vary')).toContain('Accept-Language');
    const range = (await worker.ticket(tokens.lina)).body.estimate;
    const frenchPage = await french.text();
    expect(frenchPage).toContain('<html lang="fr">');
    expect(wordsOf(frenchPage)).toContain(`Cabinet A ${world.suffix} Votre ticket 2 Position dans la file : 2 Attente estimée : ${range?.lowMinutes} à ${range?.highMinutes} min`);

    const englishPage = await (await worker.page(tokens.lina, 'en-GB,en;q=0.9')).text();
    expect(englishPage).toContain('<html lang="en">');
    expect(wordsOf(englishPage)).toContain(`Cabinet A ${world.suffix} Your ticket 2 Place in the queue: 2 Estimated wait: ${range?.lowMinutes} to ${range?.highMinutes} min`);
    expect(wordsOf(await (await worker.page(tokens.amine, 'en')).text())).toContain('Place in the queue: 1 You are the next patient.');
  });

  it('should tell the first patient it is their turn once reception calls the next, and move the second up', async () => {
    worker.moveTo(worker.at('09:10'));
    const called = await worker.call(`/clinics/${world.clinicA}/queue/call-next`, { method: 'POST', token: reception });
    expect(await called.json()).toEqual({ entryId: amine });

    expect((await worker.ticket(tokens.amine)).body).toMatchObject({ ticketNumber: 1, state: 'called', position: null, estimate: null });
    expect((await worker.ticket(tokens.lina)).body).toMatchObject({ ticketNumber: 2, state: 'waiting', position: 1 });
    expect(wordsOf(await (await worker.page(tokens.amine, 'fr')).text())).toContain('Votre ticket 1 C’est votre tour Présentez-vous au cabinet.');
    expect(wordsOf(await (await worker.page(tokens.amine, 'en')).text())).toContain('Your ticket 1 It’s your turn Please go to the consulting room.');
  });

  it('should say the consultation is over, and stop the page asking', async () => {
    worker.moveTo(worker.at('09:25'));
    expect((await worker.call(`/clinics/${world.clinicA}/queue/entries/${amine}/complete`, { method: 'POST', token: reception })).status).toBe(200);
    expect((await worker.ticket(tokens.amine)).body).toMatchObject({ state: 'completed', position: null, estimate: null });
    const page = await (await worker.page(tokens.amine, 'fr')).text();
    expect(wordsOf(page)).toContain('Consultation terminée Merci de votre visite.');
    expect(page).toContain('data-final="true"');
    expect(page).not.toContain('<script');
  });

  it("should serve the page's own style and script, allowed by its Content-Security-Policy", async () => {
    const page = await worker.page(tokens.lina);
    const policy = page.headers.get('Content-Security-Policy') ?? '';
    expect(policy).toContain("script-src 'self'");
    expect(policy).not.toContain('unsafe-inline');
    const html = await page.text();
    // No inline script or style: only files of our own origin.
    expect(html.match(/<script[^>]*>/g)).toEqual(['<script type="module" src="/api/v1/ticket-page.js">']);
    expect(html).not.toMatch(/<style|style="/);
    const script = await worker.call('/ticket-page.js');
    expect(script.status).toBe(200);
    expect(script.headers.get('Content-Type')).toMatch(/^text\/javascript/);
    expect(await script.text()).toContain("fetch(location.href");
    const style = await worker.call('/ticket-page.css');
    expect(style.headers.get('Content-Type')).toMatch(/^text\/css/);
  });
});
