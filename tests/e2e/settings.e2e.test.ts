import type { BrowserContext, CDPSession, Page, Worker } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eventually } from '../support/eventually.ts';
import { newPhone, type Phone } from '../support/phone.ts';
import { demoStackForFile } from './demo-stack.ts';
import { SCREEN_TIMEOUT_MS, see, seeScreen, signedInPhone } from './screens.ts';

const DOCTOR = { email: 'doctor@pulse.local', password: 'pulse-doctor', clinic: 'Cabinet Dr Ben Salah — La Marsa' };
const RECEPTION = { email: 'reception@pulse.local', password: 'pulse-reception' };

/** The demo stack behind a real Worker, and a real Chromium; a fresh phone (browser context) per story. */
const started = demoStackForFile('settings');

/** A phone signed in, on the screen its role opens first. */
const signedInOnToday = (login: { email: string; password: string }): Promise<Phone> => signedInPhone(started(), login, 'Aujourd’hui');

/** Asks the API from the page, with its session cookie (and Origin, for writes), as the screens do. */
async function api(page: Page, path: string, init: { method?: string; body?: unknown } = {}): Promise<{ status: number; body: unknown }> {
  return page.evaluate(
    async ({ url, method, body }) => {
      const response = await fetch(url, {
        method,
        credentials: 'same-origin',
        headers: { accept: 'application/json', 'content-type': 'application/json' },
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      });
      const text = await response.text();
      const json: unknown = text === '' ? null : JSON.parse(text);
      return { status: response.status, body: json };
    },
    { url: path, method: init.method ?? 'GET', body: init.body },
  );
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

async function clinicIdOf(page: Page, name: string): Promise<string> {
  const { body } = await api(page, '/api/v1/me');
  const clinics = isRecord(body) && Array.isArray(body['clinics']) ? body['clinics'] : [];
  const clinic = clinics.find((candidate: unknown) => isRecord(candidate) && candidate['name'] === name);
  if (!isRecord(clinic) || typeof clinic['id'] !== 'string') throw new Error(`no clinic named ${name} in /me`);
  return clinic['id'];
}

/** The phone's way to the settings: its tab bar leaves them out, its account screen links them. */
async function openSettings(page: Page): Promise<void> {
  await page.getByRole('navigation', { name: 'Navigation principale' }).getByRole('link', { name: 'Mon compte', exact: true }).click();
  await seeScreen(page, 'Mon compte');
  await page.getByRole('link', { name: 'Notifications, langue et résumé hebdomadaire', exact: true }).click();
  await seeScreen(page, 'Réglages');
}

/**
 * Blocks notifications for Pulse in this phone's browser, as a person who once answered "Block".
 * Chromium keeps such a setting only while the DevTools session that made it stays attached (156
 * drops it on detach; 153's headless build reads notifications as blocked anyway), so the session
 * is left open: it ends with the phone's context.
 */
async function blockNotifications(page: Page): Promise<void> {
  const cdp = await page.context().newCDPSession(page);
  const { targetInfo } = await cdp.send('Target.getTargetInfo');
  await cdp.send('Browser.setPermission', {
    permission: { name: 'notifications' },
    setting: 'denied',
    origin: started().stack.url,
    ...(targetInfo.browserContextId === undefined ? {} : { browserContextId: targetInfo.browserContextId }),
  });
  if ((await page.evaluate(() => Notification.permission)) !== 'denied') throw new Error('notifications are not blocked for Pulse');
}

/**
 * What the notifications card says once the browser has told it where this device stands (it
 * reads "Vérification…" until then): every paragraph, so a wrong answer shows at once, in words.
 */
async function notificationsCardWords(page: Page): Promise<string[]> {
  const card = page.getByRole('region', { name: 'Notifications sur cet appareil', exact: true });
  await card.waitFor({ state: 'visible', timeout: SCREEN_TIMEOUT_MS });
  await card.getByText('Vérification…', { exact: true }).waitFor({ state: 'detached', timeout: SCREEN_TIMEOUT_MS });
  return card.locator('p').allTextContents();
}

describe('The demo doctor setting Pulse up on their phone', () => {
  let context: BrowserContext;
  let page: Page;

  beforeAll(async () => {
    ({ context, page } = await signedInOnToday(DOCTOR));
    await blockNotifications(page);
  });

  afterAll(async () => {
    await context.close();
  });

  it('should say in words that notifications are blocked, and how to allow them again', async () => {
    await openSettings(page);
    const words = await notificationsCardWords(page);
    expect(words).toContain('Les notifications sont bloquées pour Pulse dans ce navigateur.');
    expect(words).toContain(
      'Pour les autoriser, touchez l’icône à gauche de l’adresse (ou ouvrez les réglages des sites du navigateur), autorisez les notifications pour Pulse, puis rechargez cette page.',
    );
    expect(await page.getByRole('button', { name: 'Activer les notifications' }).count()).toBe(0);
  });

  it('should switch the weekly digest off, and find it off after a reload', async () => {
    const digest = page.getByRole('checkbox', { name: 'Recevoir le résumé de la semaine par e-mail', exact: true });
    await digest.waitFor({ state: 'visible', timeout: SCREEN_TIMEOUT_MS });
    expect(await digest.isChecked()).toBe(true);
    await digest.uncheck();
    await see(page, 'Enregistré.');
    expect((await api(page, '/api/v1/me/settings')).body).toMatchObject({ locale: 'fr', weeklyDigest: false });

    await page.reload();
    await seeScreen(page, 'Réglages');
    await digest.waitFor({ state: 'visible', timeout: SCREEN_TIMEOUT_MS });
    expect(await digest.isChecked()).toBe(false);
  });

  it('should keep quiet hours from 21:30 to 06:45 and a long queue by e-mail only, after a reload', async () => {
    const quiet = page.getByRole('region', { name: 'Heures calmes', exact: true });
    const toggle = quiet.getByRole('checkbox', { name: 'Pas de notification pendant mes heures calmes', exact: true });
    await toggle.waitFor({ state: 'visible', timeout: SCREEN_TIMEOUT_MS });
    expect(await toggle.isChecked()).toBe(false);
    // Said on the clinic's own clocks.
    await quiet.getByText('Heures de Africa/Tunis.', { exact: true }).waitFor({ timeout: SCREEN_TIMEOUT_MS });
    await toggle.check();
    await quiet.getByLabel('De', { exact: true }).fill('21:30');
    await quiet.getByLabel('À', { exact: true }).fill('06:45');
    await quiet.getByRole('button', { name: 'Enregistrer les heures calmes', exact: true }).click();
    await quiet.getByText('Enregistré.', { exact: true }).waitFor({ timeout: SCREEN_TIMEOUT_MS });

    const channels = page.getByRole('region', { name: 'Canaux par alerte', exact: true });
    const longQueue = channels.getByRole('group', { name: 'File trop longue', exact: true });
    const push = longQueue.getByRole('checkbox', { name: 'Notification', exact: true });
    expect(await push.isChecked()).toBe(true);
    await push.uncheck();
    await channels.getByText('Enregistré.', { exact: true }).waitFor({ timeout: SCREEN_TIMEOUT_MS });
    expect((await api(page, '/api/v1/me/settings')).body).toMatchObject({ quietHours: { from: '21:30', to: '06:45' }, channels: { queue_too_long: ['email'] } });

    await page.reload();
    await seeScreen(page, 'Réglages');
    await toggle.waitFor({ state: 'visible', timeout: SCREEN_TIMEOUT_MS });
    expect(await toggle.isChecked()).toBe(true);
    expect(await quiet.getByLabel('De', { exact: true }).inputValue()).toBe('21:30');
    expect(await quiet.getByLabel('À', { exact: true }).inputValue()).toBe('06:45');
    expect(await push.isChecked()).toBe(false);
    expect(await longQueue.getByRole('checkbox', { name: 'E-mail', exact: true }).isChecked()).toBe(true);
    expect(await longQueue.getByRole('checkbox', { name: 'Résumé hebdo', exact: true }).isChecked()).toBe(false);
  });

  it('should speak English at once, and keep English for their e-mails and notifications', async () => {
    await page.getByRole('radio', { name: 'English', exact: true }).check();
    await seeScreen(page, 'Settings');
    await see(page, 'Notifications on this device');
    await see(page, 'Saved.');
    expect(await page.locator('html').getAttribute('lang')).toBe('en');

    await page.reload();
    await seeScreen(page, 'Settings');
    expect(await page.getByRole('radio', { name: 'English', exact: true }).isChecked()).toBe(true);
    expect((await api(page, '/api/v1/me/settings')).body).toMatchObject({ locale: 'en', weeklyDigest: false });
  });

  it('should be alerted above 12 waiting patients, then go back to the default of 30', async () => {
    const clinicId = await clinicIdOf(page, DOCTOR.clinic);
    const panel = page.getByRole('region', { name: '“Queue too long” alert', exact: true });
    const threshold = panel.getByLabel('Alert threshold (patients waiting)', { exact: true });
    await see(page, 'Alert when more than 30 patients are waiting (the default).');
    expect(await threshold.inputValue()).toBe('30');

    // A typo is caught before anything is sent.
    await threshold.fill('0');
    await panel.getByRole('button', { name: 'Save the threshold', exact: true }).click();
    await see(page, 'Enter a whole number of patients from 1 to 500.');

    await threshold.fill('12');
    await panel.getByRole('button', { name: 'Save the threshold', exact: true }).click();
    await see(page, 'Alert when more than 12 patients are waiting.');
    expect((await api(page, `/api/v1/clinics/${clinicId}/alert-settings`)).body).toEqual({ queueTooLongThreshold: 12, isDefault: false, defaultThreshold: 30 });

    await panel.getByRole('button', { name: 'Back to the default', exact: true }).click();
    await see(page, 'Alert when more than 30 patients are waiting (the default).');
    expect(await threshold.inputValue()).toBe('30');
    expect((await api(page, `/api/v1/clinics/${clinicId}/alert-settings`)).body).toEqual({ queueTooLongThreshold: 30, isDefault: true, defaultThreshold: 30 });
  });

  it('should mean to call patients within 45 minutes, then go back to the default of 30', async () => {
    const clinicId = await clinicIdOf(page, DOCTOR.clinic);
    const panel = page.getByRole('region', { name: 'Wait target', exact: true });
    const target = panel.getByLabel('Wait target (minutes)', { exact: true });
    await see(page, 'Target: call each patient within 30\u00a0min of arriving (default).');
    expect(await target.inputValue()).toBe('30');

    // A typo is caught before anything is sent.
    await target.fill('4');
    await panel.getByRole('button', { name: 'Save the target', exact: true }).click();
    await see(page, 'Enter a whole number of minutes from 5 to 240.');

    await target.fill('45');
    await panel.getByRole('button', { name: 'Save the target', exact: true }).click();
    await see(page, 'Target: call each patient within 45\u00a0min of arriving.');
    expect((await api(page, `/api/v1/clinics/${clinicId}/service-target`)).body).toEqual({ minutes: 45, defaultMinutes: 30 });
    // Today's service level counts with it at once.
    const today = await api(page, `/api/v1/clinics/${clinicId}/stats/today`);
    expect(isRecord(today.body) && isRecord(today.body['serviceLevel']) ? today.body['serviceLevel']['targetMinutes'] : null).toBe(45);

    await panel.getByRole('button', { name: 'Back to the default', exact: true }).click();
    await see(page, 'Target: call each patient within 30\u00a0min of arriving (default).');
    expect((await api(page, `/api/v1/clinics/${clinicId}/service-target`)).body).toEqual({ minutes: 30, defaultMinutes: 30 });
  });
});

describe('The receptionist on the settings screen', () => {
  let context: BrowserContext;
  let page: Page;

  beforeAll(async () => {
    ({ context, page } = await signedInOnToday(RECEPTION));
  });

  afterAll(async () => {
    await context.close();
  });

  it('should choose a language, but see no queue threshold, service target nor digest, which are the owners’', async () => {
    await openSettings(page);
    // Once the language has loaded, every section that will ever show is there.
    await page.getByRole('radio', { name: 'Français', exact: true }).waitFor({ state: 'attached', timeout: SCREEN_TIMEOUT_MS });
    expect(await page.getByRole('region', { name: 'Alerte «\u00a0File trop longue\u00a0»', exact: true }).count()).toBe(0);
    expect(await page.getByLabel('Seuil d’alerte (patients en attente)').count()).toBe(0);
    expect(await page.getByRole('region', { name: 'Délai d’attente visé', exact: true }).count()).toBe(0);
    expect(await page.getByLabel('Délai visé (minutes)').count()).toBe(0);
    expect(await page.getByRole('checkbox', { name: 'Recevoir le résumé de la semaine par e-mail' }).count()).toBe(0);
    expect(await page.getByRole('region', { name: 'Canaux par alerte', exact: true }).count()).toBe(0);
    expect(await page.getByRole('region', { name: 'Heures calmes', exact: true }).count()).toBe(0);

    // The API agrees: the clinic's staff may read the threshold, not change it.
    const clinicId = await clinicIdOf(page, DOCTOR.clinic);
    expect((await api(page, `/api/v1/clinics/${clinicId}/alert-settings`)).status).toBe(200);
    const refused = await api(page, `/api/v1/clinics/${clinicId}/alert-settings`, { method: 'PUT', body: { queueTooLongThreshold: 5 } });
    expect(refused).toMatchObject({ status: 403, body: { error: { code: 'FORBIDDEN' } } });
    const targetRefused = await api(page, `/api/v1/clinics/${clinicId}/service-target`, { method: 'PUT', body: { minutes: 45 } });
    expect(targetRefused).toMatchObject({ status: 403, body: { error: { code: 'FORBIDDEN' } } });
  });
});

/**
 * A push reaches the service worker for real: Chromium's DevTools protocol hands it a message
 * through the same path as a push service (`ServiceWorker.deliverPushMessage`), and the built
 * sw.js handles it. A real subscription cannot be made here (no internet, so no FCM), and
 * @sparticuz's headless build has no notification platform: `Notification.permission` reads
 * "denied" even once granted, and `showNotification` refuses, so `getNotifications()` would always
 * be empty there. What the worker asks the browser to show is therefore recorded in the worker
 * itself, the same on every Chromium.
 */
describe('The service worker receiving pushes', () => {
  let context: BrowserContext;
  let page: Page;
  let cdp: CDPSession;
  let worker: Worker;
  let registrationId: string;

  beforeAll(async () => {
    ({ context, page } = await newPhone(started().browser));
    cdp = await context.newCDPSession(page);
    const registrations: Array<{ registrationId: string; scopeURL: string; isDeleted: boolean }> = [];
    cdp.on('ServiceWorker.workerRegistrationUpdated', (event) => registrations.push(...event.registrations));
    await cdp.send('ServiceWorker.enable');
    await page.goto(started().stack.url);
    await page.evaluate(() => navigator.serviceWorker.ready.then(() => undefined));
    const scope = `${started().stack.url}/`;
    const [active] = await eventually(async () => context.serviceWorkers(), (workers) => workers.length > 0, SCREEN_TIMEOUT_MS);
    const registration = await eventually(
      async () => registrations.find((candidate) => candidate.scopeURL === scope && !candidate.isDeleted),
      (found) => found !== undefined,
      SCREEN_TIMEOUT_MS,
    );
    if (active === undefined || registration === undefined) throw new Error('the service worker did not start');
    worker = active;
    registrationId = registration.registrationId;
  });

  afterAll(async () => {
    await cdp.detach();
    await context.close();
  });

  /** Delivers one push with `data` and resolves with what the worker asked the browser to show. */
  async function push(data: string): Promise<unknown> {
    await worker.evaluate(() => {
      const scope = globalThis as unknown as {
        registration: { showNotification: (title: string, options?: NotificationOptions) => Promise<void> };
        shown: Array<{ title: string; options: NotificationOptions | undefined }>;
      };
      scope.shown = [];
      scope.registration.showNotification = async (title, options) => {
        scope.shown.push({ title, options });
      };
    });
    await cdp.send('ServiceWorker.deliverPushMessage', { origin: started().stack.url, registrationId, data });
    const shown = () => worker.evaluate(() => (globalThis as unknown as { shown: unknown[] }).shown);
    await expect.poll(async () => (await shown()).length, { timeout: SCREEN_TIMEOUT_MS }).toBe(1);
    return (await shown())[0];
  }

  it('should show the test notification as the Worker sends it, with the screen a tap opens', async () => {
    const message = { title: 'Pulse : notification de test', body: 'Les alertes arriveront sur cet appareil.', url: '/settings', tag: 'pulse-test' };
    expect(await push(JSON.stringify(message))).toEqual({
      title: 'Pulse : notification de test',
      options: { body: 'Les alertes arriveront sur cet appareil.', tag: 'pulse-test', data: { url: '/settings' }, icon: '/icons/icon-192.png', badge: '/icons/badge-96.png' },
    });
  });

  it('should still show a plain Pulse notice for a push it cannot read, in the browser language', async () => {
    const language = await worker.evaluate(() => navigator.language);
    const body = language.toLowerCase().startsWith('en') ? 'Something new in Pulse: tap to open.' : 'Du nouveau dans Pulse\u00a0: touchez pour ouvrir.';
    expect(await push('{"title": "File trop longue"')).toEqual({
      title: 'Pulse',
      options: { body, tag: 'pulse', data: { url: '/' }, icon: '/icons/icon-192.png', badge: '/icons/badge-96.png' },
    });
  });

  it('should have the icons it names, as PNGs', async () => {
    for (const path of ['/icons/icon-192.png', '/icons/badge-96.png']) {
      const response = await page.request.get(`${started().stack.url}${path}`);
      expect(response.status()).toBe(200);
      expect(response.headers()['content-type']).toBe('image/png');
    }
  });
});
