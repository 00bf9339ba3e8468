import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Phone } from '../support/phone.ts';
import { demoStackForFile } from './demo-stack.ts';
import { readCount, SCREEN_TIMEOUT_MS, see, seeScreen, signedInPhone } from './screens.ts';

const DOCTOR = { email: 'doctor@pulse.local', password: 'pulse-doctor' };
const RECEPTION = { email: 'reception@pulse.local', password: 'pulse-reception' };

/** "hors ligne — chiffres de moins d’une minute", "… d’il y a 12 min": the mark on figures kept on the phone. */
const OFFLINE_MARK = /^hors ligne — chiffres d/;

/** The history's seven parts, each marked on its own when it shows a kept answer. */
const HISTORY_PARTS = [
  'Chiffres de la période',
  'Patients, vus et non-présentés',
  'Justesse des estimations',
  'Délai d’attente visé',
  'Selon l’heure de l’appel',
  'Heures de pointe',
  'Non-présentations par jour de la semaine',
  'Prévision et réalité',
  'Risque de départ',
];

/** The demo's clinics behind a real Worker, and a real Chromium. */
const started = demoStackForFile('offline');

/** Waits until the service worker controls the page: from then on the app shell opens without a network. */
async function waitForServiceWorker(page: Page): Promise<void> {
  const controlled = await page.evaluate(async (waitMs) => {
    const { serviceWorker } = navigator;
    if (serviceWorker.controller === null) {
      await new Promise((resolve) => {
        serviceWorker.addEventListener('controllerchange', resolve, { once: true });
        setTimeout(resolve, waitMs);
      });
    }
    return serviceWorker.controller !== null;
  }, SCREEN_TIMEOUT_MS);
  expect(controlled).toBe(true);
}

/** How many offline marks the screen shows. */
const offlineMarks = (page: Page) => page.getByText(OFFLINE_MARK).count();

/** Waits until the trend table of the history holds `days` rows: the answers are on screen. */
async function waitForTrendRows(page: Page, days: number): Promise<void> {
  await page.waitForFunction(
    (rows) => [...document.querySelectorAll('table')].some((table) => table.querySelectorAll('tbody tr').length === rows),
    days,
    { timeout: SCREEN_TIMEOUT_MS },
  );
}

/** What the phone keeps of answers: the remembered account's e-mail, and the owners of the stored copies. */
async function keptOnThePhone(page: Page): Promise<{ account: string | null; owners: string[]; cachedApiAnswers: number }> {
  return page.evaluate(async () => {
    const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null;
    const keys = Object.keys(localStorage);
    const stored = localStorage.getItem('pulse.account');
    const remembered: unknown = stored === null ? null : JSON.parse(stored);
    const user = isRecord(remembered) && isRecord(remembered['account']) ? remembered['account']['user'] : null;
    const email = isRecord(user) ? user['email'] : null;
    const owners = [
      ...new Set(keys.filter((key) => key.startsWith('pulse.copy/') || key.startsWith('pulse.today.')).map((key) => decodeURIComponent(key.split('/')[1] ?? key))),
    ];
    let cachedApiAnswers = 0;
    for (const name of await caches.keys()) {
      const requests = await (await caches.open(name)).keys();
      cachedApiAnswers += requests.filter((request) => new URL(request.url).pathname.startsWith('/api/')).length;
    }
    return { account: typeof email === 'string' ? email : null, owners, cachedApiAnswers };
  });
}

/** The signed-in user's id, as `/me` tells the page. */
async function userId(page: Page): Promise<string> {
  const id = await page.evaluate(async () => {
    const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null;
    const me: unknown = await (await fetch('/api/v1/me', { headers: { accept: 'application/json' } })).json();
    return isRecord(me) && isRecord(me['user']) ? me['user']['id'] : null;
  });
  if (typeof id !== 'string') throw new Error('no user id in /me');
  return id;
}

describe('The installed app opened on a phone with no network', () => {
  let phone: Phone;
  let page: Page;

  beforeAll(async () => {
    phone = await signedInPhone(started(), DOCTOR, 'Aujourd’hui');
    ({ page } = phone);
  });

  afterAll(async () => {
    await phone.context.close();
  });

  it("should show the doctor's day live, then the history, while the network is there", async () => {
    await see(page, 'En direct');
    await waitForServiceWorker(page);
    await page.getByRole('link', { name: 'Historique', exact: true }).click();
    await seeScreen(page, 'Historique');
    await waitForTrendRows(page, 30);
    await page.getByRole('link', { name: 'Aujourd’hui', exact: true }).click();
    await see(page, 'En direct');
    expect(await offlineMarks(page)).toBe(0);
  });

  it('should open, offline, on the last account and figures it knew, marked stale with their age', async () => {
    await phone.context.setOffline(true);
    await page.reload();

    await seeScreen(page, 'Aujourd’hui');
    await see(page, 'Cabinet Dr Ben Salah — La Marsa');
    await see(page, 'Hors ligne');
    await page.getByText(OFFLINE_MARK).first().waitFor({ state: 'visible', timeout: SCREEN_TIMEOUT_MS });
    // Kept a moment ago: its age in words, not in seconds.
    expect(await page.getByText(OFFLINE_MARK).first().textContent()).toMatch(/^hors ligne — chiffres (de moins d’une minute|d’il y a \d+\u00a0min)$/);
    expect(await readCount(page, 'En attente')).toBeGreaterThanOrEqual(0);
    expect(await page.locator('.figures-section.stale').count()).toBe(1);
    // Not the screen of a session nobody can check.
    expect(await page.getByText('Serveur injoignable', { exact: true }).count()).toBe(0);
  });

  it('should open the last history answers offline, each part marked', async () => {
    await page.getByRole('link', { name: 'Historique', exact: true }).click();
    await seeScreen(page, 'Historique');
    await waitForTrendRows(page, 30);
    for (const part of HISTORY_PARTS) {
      const panel = page.getByRole('region', { name: part, exact: true });
      await panel.getByText(OFFLINE_MARK).waitFor({ state: 'visible', timeout: SCREEN_TIMEOUT_MS });
    }
    expect(await offlineMarks(page)).toBe(HISTORY_PARTS.length);
  });

  it('should read everything again by itself when the network returns, and the marks go', async () => {
    await phone.context.setOffline(false);
    await expect.poll(() => offlineMarks(page), { timeout: SCREEN_TIMEOUT_MS }).toBe(0);
    await waitForTrendRows(page, 30);

    await page.getByRole('link', { name: 'Aujourd’hui', exact: true }).click();
    await see(page, 'En direct');
    expect(await offlineMarks(page)).toBe(0);
    expect(await page.locator('.figures-section.stale').count()).toBe(0);
  });

  it('should keep every copy under the signed-in doctor, and wipe them all at logout', async () => {
    const doctorId = await userId(page);
    expect(await keptOnThePhone(page)).toEqual({ account: DOCTOR.email, owners: [doctorId], cachedApiAnswers: 0 });

    await page.getByRole('link', { name: 'Mon compte', exact: true }).click();
    await page.getByRole('button', { name: 'Se déconnecter', exact: true }).click();
    await seeScreen(page, 'Connexion');
    expect(await keptOnThePhone(page)).toEqual({ account: null, owners: [], cachedApiAnswers: 0 });
  });

  it('should open, offline after the logout, on the login screen with no figures', async () => {
    await phone.context.setOffline(true);
    await page.reload();
    await seeScreen(page, 'Connexion');
    expect(await page.locator('dt').count()).toBe(0);
    expect(await offlineMarks(page)).toBe(0);

    // Today's address shows no figure either: nobody is remembered, so nobody can be shown.
    await page.goto(`${started().stack.url}/today`);
    await see(page, 'Serveur injoignable');
    expect(await page.locator('dt').count()).toBe(0);
    await phone.context.setOffline(false);
  });
});

describe('A phone shared at the front desk', () => {
  it("should keep the doctor's copies away from the receptionist who signs in after her", async () => {
    const shared = await signedInPhone(started(), DOCTOR, 'Aujourd’hui');
    try {
      const { page } = shared;
      await see(page, 'En direct');
      // Her session ends on the server (expired, revoked) without a logout on this phone.
      await shared.context.clearCookies();
      // The phone opens on her remembered account, until the API says the session is gone.
      await page.goto(`${started().stack.url}/today`);
      await page.waitForURL((url) => url.pathname === '/login', { timeout: SCREEN_TIMEOUT_MS });
      await seeScreen(page, 'Connexion');
      await expect.poll(() => keptOnThePhone(page), { timeout: SCREEN_TIMEOUT_MS }).toEqual({ account: null, owners: [], cachedApiAnswers: 0 });

      await page.getByLabel('Adresse e-mail', { exact: true }).fill(RECEPTION.email);
      await page.getByLabel('Mot de passe', { exact: true }).fill(RECEPTION.password);
      await page.getByRole('button', { name: 'Se connecter', exact: true }).click();
      await seeScreen(page, 'Aujourd’hui');
      await see(page, 'En direct');
      expect(await keptOnThePhone(page)).toEqual({ account: RECEPTION.email, owners: [await userId(page)], cachedApiAnswers: 0 });
    } finally {
      await shared.context.close();
    }
  });
});
