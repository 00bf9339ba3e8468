import type { ConsoleMessage } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newPhone, PHONE, type Phone } from '../support/phone.ts';
import { demoStackForFile } from './demo-stack.ts';
import { stackApi, text } from './stack-api.ts';
import { readCount, SCREEN_TIMEOUT_MS, see, seeScreen, signedInPhone, waitForFigure } from './screens.ts';

const ADMIN = { email: 'admin@pulse.local', password: 'pulse-admin' };
/** The demo's doctor owns their clinic (db/seed/demo-users.ts): its share links are theirs to make. */
const DOCTOR = { email: 'doctor@pulse.local', password: 'pulse-doctor' };

/** The demo stack behind a real Worker, and a real Chromium; the visitor's phone is a fresh context, signed in nowhere. */
const started = demoStackForFile('shared-link');

const call = stackApi(() => started().stack.url);


/** Waits a shared page out: it reads again every 15 s, so a change shows within one poll and a bit. */
const ONE_POLL_MS = 25_000;

describe('Someone without an account following a clinic through a read-only share link', () => {
  let admin = '';
  let apiKey = '';
  let clinicName = '';
  let linkId = '';
  let url = '';
  let visitor: (Phone & { problems: string[] }) | undefined;

  beforeAll(async () => {
    const login = await call('/auth/login', { method: 'POST', json: { ...ADMIN, bearerToken: true } });
    admin = text(login.body, 'token');
    // A clinic of its own: the demo clinics' queues are the seed's and the simulator's.
    clinicName = `Cabinet des Oliviers ${Date.now()}`;
    const created = await call('/admin/clinics', { method: 'POST', token: admin, json: { name: clinicName, timezone: 'Africa/Tunis', planPrice: 50, smsUnitCost: 0.04 } });
    expect(created.status).toBe(201);
    const clinicId = text(created.body, 'clinic', 'clinicId');
    apiKey = text((await call(`/clinics/${clinicId}/api-keys`, { method: 'POST', token: admin, json: { name: 'File d’attente' } })).body, 'key');
    const now = new Date().toISOString();
    const events = [
      { id: `e2e-share-presence-${clinicId}`, type: 'doctor_presence_changed', present: true, occurredAt: now },
      { id: `e2e-share-add-1-${clinicId}`, type: 'patient_added', entryId: 'patient-1', method: 'qr', occurredAt: now },
      { id: `e2e-share-add-2-${clinicId}`, type: 'patient_added', entryId: 'patient-2', method: 'manual', occurredAt: now },
    ];
    expect((await call('/ingest/events', { method: 'POST', token: apiKey, json: { events } })).body).toEqual({ accepted: 3, duplicates: 0, rejected: [] });
    const made = await call(`/clinics/${clinicId}/share-links`, { method: 'POST', token: admin, json: { expiresInDays: 7, scope: 'history' } });
    expect(made.status).toBe(201);
    url = text(made.body, 'url');
    linkId = `${clinicId}/share-links/${text(made.body, 'id')}`;

    visitor = { ...(await newPhone(started().browser, PHONE)), problems: [] };
    const problems = visitor.problems;
    visitor.page.on('console', (message: ConsoleMessage) => {
      if (message.type() === 'error') problems.push(message.text());
    });
    visitor.page.on('pageerror', (error) => problems.push(String(error)));
  });

  afterAll(async () => {
    await visitor?.context.close();
  });

  const page = () => {
    if (visitor === undefined) throw new Error('no visitor phone');
    return visitor.page;
  };

  it("should open on the clinic's figures, without signing in, sending no referrer", async () => {
    expect(url.startsWith(`${started().stack.url}/shared/`)).toBe(true);
    const opened = await page().goto(url);
    expect(opened?.status()).toBe(200);
    expect(await opened?.headerValue('referrer-policy')).toBe('no-referrer');
    await seeScreen(page(), clinicName);
    await see(page(), 'Lien partagé · lecture seule');
    await waitForFigure(page(), 'En attente', '2');
    expect(await readCount(page(), 'Vus aujourd’hui')).toBe(0);
    await see(page(), 'Médecin présent');
    expect(page().url().startsWith(`${started().stack.url}/shared/`)).toBe(true);
  });

  it('should offer nothing to do: no reception button, no queue of patients, no way into the members’ screens', async () => {
    await waitForFigure(page(), 'En attente', '2');
    // The only buttons: the language, the theme, and the two views of a history link.
    const buttons = await page().getByRole('button').evaluateAll((all) => all.map((button) => button.textContent?.trim() ?? ''));
    expect(buttons).toEqual(['English', '', 'Aujourd’hui', 'Historique']);
    expect(await page().getByRole('link').count()).toBe(0);
    expect(await page().getByRole('navigation').count()).toBe(0);
    // No list of today's patients: neither their rows nor their tickets.
    expect(await page().locator('.queue-list, .queue-entry, .reception-dock').count()).toBe(0);
    expect(await page().getByText(/n°\u00a0\d/).count()).toBe(0);
    expect(await page().getByText('Se connecter').count()).toBe(0);
  });

  it('should move with the queue without a reload, polling', async () => {
    await page().evaluate(() => document.documentElement.setAttribute('data-test-mark', 'same-document'));
    const now = new Date().toISOString();
    const moved = await call('/ingest/events', { method: 'POST', token: apiKey, json: { events: [{ id: `e2e-share-add-3-${Date.now()}`, type: 'patient_added', entryId: 'patient-3', method: 'qr', occurredAt: now }] } });
    expect(moved.body).toMatchObject({ accepted: 1 });
    await waitForFigure(page(), 'En attente', '3', ONE_POLL_MS);
    expect(await page().evaluate(() => document.documentElement.getAttribute('data-test-mark'))).toBe('same-document');
  });

  it("should show a history link's Historique, with its windows", async () => {
    await page().getByRole('button', { name: 'Historique', exact: true }).click();
    await see(page(), 'Chiffres de la période');
    await page().getByRole('radio', { name: '7 derniers jours' }).check();
    // The window is kept in the address, as on the members' Historique.
    await page().waitForURL((address) => address.searchParams.get('timeframe') === '7d', { timeout: SCREEN_TIMEOUT_MS });
    await page().getByText(/^Patients$/).first().waitFor({ state: 'visible', timeout: SCREEN_TIMEOUT_MS });
    await page().getByRole('button', { name: 'Aujourd’hui', exact: true }).click();
    await waitForFigure(page(), 'En attente', '3');
  });

  it('should say the link is no longer valid once revoked, and show none of its figures', async () => {
    expect((await call(`/clinics/${linkId}`, { method: 'DELETE', token: admin })).status).toBe(204);
    await seeScreen(page(), 'Ce lien n’est plus valide');
    expect(await page().locator('.figure').count()).toBe(0);
    await page().reload();
    await seeScreen(page(), 'Ce lien n’est plus valide');
    await see(page(), 'Il a expiré, ou le cabinet l’a révoqué. Demandez-lui un nouveau lien.');
    expect(visitor?.problems.filter((problem) => !problem.includes('404'))).toEqual([]);
  });
});

describe('A clinic owner making, copying and revoking a share link in Réglages', () => {
  let owner: Phone | undefined;
  let visitor: Phone | undefined;

  afterAll(async () => {
    await owner?.context.close();
    await visitor?.context.close();
  });

  it('should show the new link once, list it as active, and revoke it so that it no longer opens', async () => {
    owner = await signedInPhone(started(), DOCTOR, 'Aujourd’hui');
    const { page } = owner;
    await page.goto(`${started().stack.url}/settings`);
    await seeScreen(page, 'Réglages');
    const block = page.getByRole('region', { name: 'Liens de partage', exact: true }).first();
    await block.waitFor({ state: 'visible', timeout: SCREEN_TIMEOUT_MS });
    await block.getByRole('radio', { name: 'Aujourd’hui et l’Historique', exact: true }).check();
    await block.getByLabel('Valable (jours)', { exact: true }).fill('3');
    await block.getByRole('button', { name: 'Créer le lien', exact: true }).click();
    await block.getByText('Lien créé. Copiez-le maintenant\u00a0: il ne sera plus affiché.', { exact: true }).waitFor({ timeout: SCREEN_TIMEOUT_MS });
    const url = await block.getByLabel('Lien de partage', { exact: true }).inputValue();
    expect(url.startsWith(`${started().stack.url}/shared/`)).toBe(true);
    const row = block.locator('.share-link').first();
    await row.getByText('Actif', { exact: true }).waitFor({ timeout: SCREEN_TIMEOUT_MS });
    expect(await row.innerText()).toContain('Aujourd’hui et l’Historique');

    visitor = await newPhone(started().browser, PHONE);
    await visitor.page.goto(url);
    await see(visitor.page, 'Lien partagé · lecture seule');
    await visitor.page.getByRole('button', { name: 'Historique', exact: true }).waitFor({ timeout: SCREEN_TIMEOUT_MS });

    await row.getByRole('button', { name: /^Révoquer le lien «\s?Aujourd’hui et l’Historique\s?» valable jusqu’au / }).click();
    await row.getByText('Révoqué', { exact: true }).waitFor({ timeout: SCREEN_TIMEOUT_MS });
    expect(await row.getByRole('button').count()).toBe(0);
    await visitor.page.reload();
    await seeScreen(visitor.page, 'Ce lien n’est plus valide');
  });
});
