import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startStack, type Stack } from '../../scripts/lib/stack.ts';
import { launchChromium, PHONE } from './browser.ts';
import { buildPwa } from './build-pwa.ts';
import { installabilityProblems } from './installability.ts';
import { inviteClinicOwner } from './invitations.ts';
import { navigationLinks, SCREEN_TIMEOUT_MS, see, seeScreen, signIn } from './screens.ts';

/** Building, seeding the demo, starting sqld + wrangler and launching Chromium take a while on a cold machine. */
const SETUP_TIMEOUT_MS = 180_000;

const DOCTOR = { email: 'doctor@pulse.local', password: 'pulse-doctor', clinic: 'Cabinet Dr Ben Salah — La Marsa' };
const ADMIN = { email: 'admin@pulse.local', password: 'pulse-admin' };

/**
 * One stack for the whole file (seeding the demo is most of the start-up; a second file would
 * also rebuild pwa/dist under the first one's server), and a fresh phone (browser context: its
 * own cookies, storage and service worker) for each story. Stories run in order; the last one
 * stops the Worker, so it stays last.
 */
let dataDir = '';
let stack: Stack | undefined;
let browser: Browser | undefined;

function started(): { stack: Stack; browser: Browser } {
  if (stack === undefined || browser === undefined) throw new Error('the stack did not start');
  return { stack, browser };
}

async function newPhone(): Promise<{ context: BrowserContext; page: Page }> {
  const context = await started().browser.newContext(PHONE);
  return { context, page: await context.newPage() };
}

beforeAll(async () => {
  await buildPwa();
  dataDir = await mkdtemp(join(tmpdir(), 'pulse-e2e-'));
  stack = await startStack({ dataDir, seed: true });
  browser = await launchChromium();
}, SETUP_TIMEOUT_MS);

afterAll(async () => {
  await browser?.close();
  await stack?.stop();
  if (dataDir !== '') await rm(dataDir, { recursive: true, force: true });
}, SETUP_TIMEOUT_MS);

describe('The demo doctor on their phone', () => {
  let context: BrowserContext;
  let page: Page;

  beforeAll(async () => {
    ({ context, page } = await newPhone());
  });

  afterAll(async () => {
    await context.close();
  });

  it('should land on the login screen when not signed in', async () => {
    await page.goto(started().stack.url);
    await seeScreen(page, 'Connexion');
    expect(new URL(page.url()).pathname).toBe('/login');
  });

  it('should say in words that the e-mail or the password is wrong', async () => {
    await signIn(page, DOCTOR.email, 'pulse-doctr');
    await see(page, 'E-mail ou mot de passe incorrect.');
    expect(new URL(page.url()).pathname).toBe('/login');
    // The address stays typed; the wrong password is gone.
    expect(await page.getByLabel('Adresse e-mail', { exact: true }).inputValue()).toBe(DOCTOR.email);
    expect(await page.getByLabel('Mot de passe', { exact: true }).inputValue()).toBe('');
  });

  it("should open today's screen of their clinic once signed in", async () => {
    await signIn(page, DOCTOR.email, DOCTOR.password);
    await seeScreen(page, 'Aujourd’hui');
    await see(page, DOCTOR.clinic);
    expect(new URL(page.url()).pathname).toBe('/today');
  });

  it('should keep the session in an HttpOnly cookie only, never in storage a script can read', async () => {
    const cookies = await context.cookies();
    expect(cookies.find((cookie) => cookie.name === 'pulse_session')).toMatchObject({ httpOnly: true, sameSite: 'Lax', path: '/' });
    const readable = await page.evaluate(() => ({ cookie: document.cookie, storage: JSON.stringify({ ...localStorage, ...sessionStorage }) }));
    expect(readable.cookie).not.toContain('pulse_session');
    const token = cookies.find((cookie) => cookie.name === 'pulse_session')?.value ?? 'missing';
    expect(readable.storage).not.toContain(token);
  });

  it('should still be signed in after a reload', async () => {
    await page.reload();
    await seeScreen(page, 'Aujourd’hui');
    await see(page, DOCTOR.clinic);
  });

  it('should leave no API answer in the service worker caches', async () => {
    const cached = await page.evaluate(async () => {
      const urls: string[] = [];
      for (const name of await caches.keys()) {
        for (const request of await (await caches.open(name)).keys()) urls.push(new URL(request.url).pathname);
      }
      return urls;
    });
    expect(cached).toContain('/index.html');
    expect(cached.filter((path) => path.startsWith('/api/'))).toEqual([]);
  });

  it('should offer only the screens of a clinic member', async () => {
    expect(await navigationLinks(page)).toEqual(['Aujourd’hui', 'Historique', 'État du service', 'Mon compte']);

    await page.getByRole('link', { name: 'Historique', exact: true }).click();
    await seeScreen(page, 'Historique');
    await see(page, DOCTOR.clinic);
    await page.getByRole('link', { name: 'État du service', exact: true }).click();
    await seeScreen(page, 'État du service');
    await see(page, 'Service opérationnel');
  });

  it('should not open the administration, even by its address', async () => {
    await page.goto(`${started().stack.url}/admin`);
    await seeScreen(page, 'Page introuvable');
    await page.goto(`${started().stack.url}/admin/audit`);
    await seeScreen(page, 'Page introuvable');
  });

  it('should sign out from their account screen, for good', async () => {
    await page.getByRole('link', { name: 'Mon compte', exact: true }).click();
    await seeScreen(page, 'Mon compte');
    await see(page, DOCTOR.email);
    await page.getByRole('button', { name: 'Se déconnecter', exact: true }).click();

    await seeScreen(page, 'Connexion');
    await see(page, 'Vous êtes déconnecté.');
    expect((await context.cookies()).some((cookie) => cookie.name === 'pulse_session')).toBe(false);

    // Signed-in screens now lead to the login screen.
    await page.goto(`${started().stack.url}/history`);
    await seeScreen(page, 'Connexion');
    expect(new URL(page.url()).search).toBe('?next=%2Fhistory');
  });

  it('should come back to the screen asked for after signing in again', async () => {
    await signIn(page, DOCTOR.email, DOCTOR.password);
    await seeScreen(page, 'Historique');
    expect(new URL(page.url()).pathname).toBe('/history');
  });
});

describe('Someone guessing passwords', () => {
  it('should be told in words how long to wait after five failures', async () => {
    const { context, page } = await newPhone();
    await page.goto(`${started().stack.url}/login`);
    for (let attempt = 1; attempt <= 5; attempt += 1) {
      await signIn(page, 'reception@pulse.local', `guess-${attempt}`);
      await see(page, 'E-mail ou mot de passe incorrect.');
    }
    await signIn(page, 'reception@pulse.local', 'guess-6');
    await see(page, 'Trop de tentatives. Réessayez dans 15 min.');
    await context.close();
  });
});

describe('The super admin on their phone', () => {
  let context: BrowserContext;
  let page: Page;

  beforeAll(async () => {
    ({ context, page } = await newPhone());
  });

  afterAll(async () => {
    await context.close();
  });

  it('should open the administration once signed in', async () => {
    await page.goto(`${started().stack.url}/login`);
    await signIn(page, ADMIN.email, ADMIN.password);
    await seeScreen(page, 'Administration');
    await see(page, '13 cabinets sur Pulse');
    expect(await navigationLinks(page)).toEqual(['Administration', 'Aujourd’hui', 'Historique', 'État du service', 'Mon compte']);
  });

  it("should find the doctor's failed attempt in the audit log", async () => {
    await page.getByRole('link', { name: 'Journal d’audit', exact: true }).click();
    await seeScreen(page, 'Journal d’audit');
    await see(page, 'Échec · UNAUTHORIZED');
  });

  it('should switch between every clinic on the clinic screens', async () => {
    await page.getByRole('link', { name: 'Aujourd’hui', exact: true }).click();
    await seeScreen(page, 'Aujourd’hui');
    const clinic = page.getByLabel('Cabinet', { exact: true });
    expect(await clinic.locator('option').count()).toBe(13);
    await clinic.selectOption({ label: DOCTOR.clinic });
    await page.getByRole('link', { name: 'Historique', exact: true }).click();
    await seeScreen(page, 'Historique');
    expect(await page.getByLabel('Cabinet', { exact: true }).locator('option:checked').textContent()).toBe(DOCTOR.clinic);
  });
});

describe('An invited doctor opening their setup link', () => {
  let context: BrowserContext;
  let page: Page;
  let setupUrl = '';
  let clinicName = '';
  const invited = { email: 'dr.khelifi@cabinet.tn', password: 'jasmin-sidi-bou-2026' };

  beforeAll(async () => {
    // The super admin invites through the API, as the administration screen will.
    ({ setupUrl, clinicName } = await inviteClinicOwner(started().stack.url, ADMIN, invited.email, DOCTOR.clinic));
    ({ context, page } = await newPhone());
  });

  afterAll(async () => {
    await context.close();
  });

  it('should show whom the link is for, check the new password in words, then open their clinic', async () => {
    await page.goto(setupUrl);
    await seeScreen(page, 'Choisissez votre mot de passe');
    await see(page, invited.email);

    const choose = async (password: string, confirmation: string) => {
      await page.getByLabel('Nouveau mot de passe', { exact: true }).fill(password);
      await page.getByLabel('Confirmez le mot de passe', { exact: true }).fill(confirmation);
      await page.getByRole('button', { name: 'Enregistrer et se connecter', exact: true }).click();
    };
    await choose('jasmin', 'jasmin');
    await see(page, 'Le mot de passe doit contenir au moins 10 caractères.');
    await choose(invited.password, 'jasmin-sidi-bou-2025');
    await see(page, 'Les deux mots de passe ne sont pas identiques.');

    await choose(invited.password, invited.password);
    await seeScreen(page, 'Aujourd’hui');
    await see(page, clinicName);
    expect(new URL(page.url()).hash).toBe('');
  });

  it('should change their password from their account screen', async () => {
    await page.getByRole('link', { name: 'Mon compte', exact: true }).click();
    await seeScreen(page, 'Mon compte');
    const change = async (current: string, next: string) => {
      await page.getByLabel('Mot de passe actuel', { exact: true }).fill(current);
      await page.getByLabel('Nouveau mot de passe', { exact: true }).fill(next);
      await page.getByLabel('Confirmez le mot de passe', { exact: true }).fill(next);
      await page.getByRole('button', { name: 'Changer le mot de passe', exact: true }).click();
    };
    await change('not-my-password', 'medina-2026-bleu');
    await see(page, 'Le mot de passe actuel est incorrect.');
    await change(invited.password, 'medina-2026-bleu');
    await see(page, 'Mot de passe modifié. Vos autres sessions ont été fermées.');

    // This phone's session was renewed with the change: still signed in after a reload.
    await page.reload();
    await seeScreen(page, 'Mon compte');
    await see(page, invited.email);
  });

  it('should refuse the same link a second time, in words', async () => {
    await page.goto(setupUrl);
    await seeScreen(page, 'Lien invalide ou expiré');
  });
});

describe('Pulse on a phone, from first visit to a stopped server', () => {
  let page: Page;

  beforeAll(async () => {
    ({ page } = await newPhone());
    await page.goto(started().stack.url);
  });

  it('should be controlled by its service worker from the first visit', async () => {
    // On a first visit the worker claims the page once activated (skipWaiting + clients.claim).
    // This runs before any reload: a reload racing the activation can leave that one page
    // unclaimed, which is how browsers work, not a Pulse bug.
    const scriptUrl = await page.evaluate(async (waitMs) => {
      const { serviceWorker } = navigator;
      if (serviceWorker.controller === null) {
        await new Promise((resolve) => {
          serviceWorker.addEventListener('controllerchange', resolve, { once: true });
          setTimeout(resolve, waitMs);
        });
      }
      return serviceWorker.controller?.scriptURL ?? null;
    }, SCREEN_TIMEOUT_MS);
    expect(scriptUrl).toBe(new URL('/sw.js', started().stack.url).href);

    await page.reload();
    expect(await page.evaluate(() => navigator.serviceWorker.controller?.scriptURL ?? null)).toBe(scriptUrl);
  });

  it('should show the service health, signed out, in French first, then in English once switched', async () => {
    await page.getByRole('link', { name: 'Voir l’état du service', exact: true }).click();
    await see(page, 'Service opérationnel');
    await see(page, 'Base de données connectée');
    expect(await page.locator('html').getAttribute('lang')).toBe('fr');

    await page.getByRole('button', { name: 'English' }).click();
    await see(page, 'Database connected');
    expect(await page.locator('html').getAttribute('lang')).toBe('en');
    expect(await page.getByText('Base de données connectée').count()).toBe(0);

    // The choice survives a reload, then we go back to French for the rest of the story.
    await page.reload();
    await see(page, 'Service operational');
    await page.getByRole('button', { name: 'Français' }).click();
    await see(page, 'Base de données connectée');
  });

  it('should be installable, with its French web manifest', async () => {
    expect(await installabilityProblems(page)).toEqual([]);

    const cdp = await page.context().newCDPSession(page);
    const { data } = await cdp.send('Page.getAppManifest');
    await cdp.detach();
    const manifest: unknown = JSON.parse(data ?? 'null');
    expect(manifest).toMatchObject({ name: 'Pulse', short_name: 'Pulse', lang: 'fr', start_url: '/' });
  });

  it('should keep the app shell and the last known status when the server stops', async () => {
    await started().stack.stopWorker();
    await page.reload();

    await see(page, 'Serveur injoignable');
    expect(await page.getByRole('banner').getByText('Pulse').isVisible()).toBe(true);
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('État du service');
    await see(page, 'Service opérationnel');
    await see(page, 'Base de données connectée');
  });

  it('should say that the session cannot be checked offline, and lead to the service health', async () => {
    await page.goto(`${started().stack.url}/today`);
    await see(page, 'Serveur injoignable');
    await see(page, 'Pulse ne peut pas vérifier votre session sans le serveur. Nouvel essai dès que le réseau revient.');
    await page.getByRole('link', { name: 'Voir l’état du service', exact: true }).click();
    await seeScreen(page, 'État du service');
    await see(page, 'Service opérationnel');
  });
});
