import type { ConsoleMessage, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newPhone, PHONE, type Phone } from '../support/phone.ts';
import { demoStackForFile } from './demo-stack.ts';
import { field, stackApi, text } from './stack-api.ts';
import { SCREEN_TIMEOUT_MS, see, signedInPhone } from './screens.ts';

const ADMIN = { email: 'admin@pulse.local', password: 'pulse-admin' };
/** The demo's doctor owns their clinic: reception's controls are theirs too (db/seed/demo-users.ts). */
const DOCTOR = { email: 'doctor@pulse.local', password: 'pulse-doctor' };

/** The demo stack behind a real Worker, and a real Chromium; patients' phones are fresh contexts. */
const started = demoStackForFile('ticket-page');

const call = stackApi(() => started().stack.url);


/** A patient's phone, in the language its owner reads, narrower than most: 320 px wide. */
async function patientPhone(locale: string): Promise<Phone & { problems: string[] }> {
  const phone = await newPhone(started().browser, { ...PHONE, viewport: { width: 320, height: 640 }, locale });
  const problems: string[] = [];
  phone.page.on('console', (message: ConsoleMessage) => {
    if (message.type() === 'error') problems.push(message.text());
  });
  phone.page.on('pageerror', (error) => problems.push(String(error)));
  return { ...phone, problems };
}

/** Marks the page's document: a reload (or a navigation) would lose the mark. */
async function markDocument(page: Page): Promise<void> {
  await page.evaluate(() => document.documentElement.setAttribute('data-test-mark', 'same-document'));
}

async function sameDocument(page: Page): Promise<boolean> {
  return (await page.evaluate(() => document.documentElement.getAttribute('data-test-mark'))) === 'same-document';
}

describe("A patient following their ticket on their own phone, from the SMS link to the call", () => {
  let admin = '';
  let clinicId = '';
  let links: string[] = [];
  const phones: Phone[] = [];

  beforeAll(async () => {
    const login = await call('/auth/login', { method: 'POST', json: { ...ADMIN, bearerToken: true } });
    admin = text(login.body, 'token');
    // A clinic of its own: the demo clinics' queues are the seed's, and the first call must be our patient.
    const created = await call('/admin/clinics', { method: 'POST', token: admin, json: { name: `Cabinet du Lac ${Date.now()}`, timezone: 'Africa/Tunis', planPrice: 50, smsUnitCost: 0.04 } });
    expect(created.status).toBe(201);
    clinicId = text(created.body, 'clinic', 'clinicId');
    const key = await call(`/clinics/${clinicId}/api-keys`, { method: 'POST', token: admin, json: { name: 'File d’attente' } });
    const apiKey = text(key.body, 'key');

    const now = new Date().toISOString();
    const events = [
      { id: `e2e-presence-${clinicId}`, type: 'doctor_presence_changed', present: true, occurredAt: now },
      { id: `e2e-add-1-${clinicId}`, type: 'patient_added', entryId: 'patient-1', method: 'qr', occurredAt: now },
      { id: `e2e-add-2-${clinicId}`, type: 'patient_added', entryId: 'patient-2', method: 'manual', occurredAt: now },
    ];
    expect((await call('/ingest/events', { method: 'POST', token: apiKey, json: { events } })).body).toEqual({ accepted: 3, duplicates: 0, rejected: [] });
    const issued = await call('/ingest/tickets', { method: 'POST', token: apiKey, json: { entryIds: ['patient-1', 'patient-2'] } });
    expect(issued.status).toBe(200);
    links = [text(issued.body, 'tickets', 0, 'url'), text(issued.body, 'tickets', 1, 'url')];
  });

  afterAll(async () => {
    for (const phone of phones) await phone.context.close();
  });

  it('should link to the page on the address Pulse is opened at', () => {
    for (const link of links) expect(link.startsWith(`${started().stack.url}/t/`)).toBe(true);
  });

  it('should show the first patient their ticket, their place and the range of their wait, updated live, then that it is their turn without a reload', async () => {
    const phone = await patientPhone('fr-FR');
    phones.push(phone);
    const { page } = phone;
    const opened = await page.goto(links[0] ?? '');
    expect(opened?.status()).toBe(200);
    await see(page, 'Position dans la file : 1');
    await see(page, 'Vous êtes le prochain patient.');
    expect(await page.getByRole('heading', { level: 1 }).innerText()).toMatch(/^Votre ticket\s+1$/);
    expect(await page.getByRole('status').innerText()).toMatch(/Attente estimée : (quelques instants|\d+ à \d+ min)/);
    // The script runs (no CSP refusal) and says how fresh the figures are, by the phone's clock.
    await page.getByText(/^Mis à jour il y a \d+ s$/).waitFor({ state: 'visible', timeout: SCREEN_TIMEOUT_MS });
    // Readable at 320 px: nothing wider than the screen.
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(320);
    await markDocument(page);

    const called = await call(`/clinics/${clinicId}/queue/call-next`, { method: 'POST', token: admin });
    expect(called.body).toEqual({ entryId: 'patient-1' });

    await page.getByRole('status').getByText('C’est votre tour', { exact: true }).waitFor({ state: 'visible', timeout: SCREEN_TIMEOUT_MS });
    await see(page, 'Présentez-vous au cabinet.');
    expect(await sameDocument(page)).toBe(true);
    expect(await page.title()).toMatch(/^Ticket 1 — Cabinet du Lac/);
    expect(phone.problems).toEqual([]);
  });

  it('should move the second patient up, in English for an English phone', async () => {
    const phone = await patientPhone('en-GB');
    phones.push(phone);
    const { page } = phone;
    await page.goto(links[1] ?? '');
    await see(page, 'Place in the queue: 1');
    await see(page, 'You are the next patient.');
    expect(await page.locator('html').getAttribute('lang')).toBe('en');
    expect(phone.problems).toEqual([]);
  });

  it('should say a damaged link is not valid, in words', async () => {
    const phone = await patientPhone('fr-FR');
    phones.push(phone);
    const damaged = `${links[1]?.slice(0, -3) ?? ''}xyz`;
    const opened = await phone.page.goto(damaged);
    expect(opened?.status()).toBe(404);
    await see(phone.page, 'Lien non valide');
  });
});

describe('Reception showing a walk-in without a phone number their ticket as a QR code', () => {
  let desk: Phone | undefined;
  let patient: (Phone & { problems: string[] }) | undefined;

  afterAll(async () => {
    await desk?.context.close();
    await patient?.context.close();
  });

  it('should draw the link as a QR code in a dialog, and the link should open that ticket on the patient’s phone', async () => {
    desk = await signedInPhone(started(), DOCTOR, 'Aujourd’hui');
    const { page } = desk;
    const problems: string[] = [];
    page.on('pageerror', (error) => problems.push(String(error)));
    await see(page, 'En direct');
    await page.getByRole('button', { name: 'Ajouter un patient', exact: true }).click();
    const added = page.getByText(/^Patient ajouté\u00a0: n°\u00a0\d+$/);
    await added.waitFor({ timeout: SCREEN_TIMEOUT_MS });
    const ticket = (await added.textContent())?.match(/\d+$/)?.[0] ?? 'missing';

    await page.getByRole('button', { name: `QR du ticket n°\u00a0${ticket}`, exact: true }).click();
    const dialog = page.getByRole('dialog', { name: `Ticket n°\u00a0${ticket}`, exact: true });
    await dialog.waitFor({ state: 'visible', timeout: SCREEN_TIMEOUT_MS });
    const code = dialog.getByRole('img', { name: `QR code du lien vers le ticket n°\u00a0${ticket}`, exact: true });
    await code.waitFor({ state: 'visible', timeout: SCREEN_TIMEOUT_MS });
    expect(await code.evaluate((element) => element.tagName.toLowerCase())).toBe('svg');
    expect(await code.locator('path').getAttribute('d')).toMatch(/^(M\d+ \d+h\d+v1h-\d+z)+$/);
    // Square, and big enough for a camera across the desk.
    const box = await code.boundingBox();
    expect(box !== null && Math.abs(box.width - box.height) < 1 && box.width >= 200).toBe(true);
    const link = (await dialog.locator('.ticket-link').textContent()) ?? '';
    expect(link.startsWith(`${started().stack.url}/t/`)).toBe(true);
    await dialog.getByText(/^Lien valable jusqu’au .+\.$/).waitFor({ timeout: SCREEN_TIMEOUT_MS });

    // Escape closes it, back to the list with nothing left open.
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'hidden', timeout: SCREEN_TIMEOUT_MS });
    await page.getByRole('button', { name: `QR du ticket n°\u00a0${ticket}`, exact: true }).click();
    await dialog.getByRole('button', { name: 'Fermer', exact: true }).click();
    await dialog.waitFor({ state: 'hidden', timeout: SCREEN_TIMEOUT_MS });
    expect(problems).toEqual([]);

    patient = await patientPhone('fr-FR');
    const opened = await patient.page.goto(link);
    expect(opened?.status()).toBe(200);
    expect(await patient.page.getByRole('heading', { level: 1 }).innerText()).toMatch(new RegExp(`^Votre ticket\\s+${ticket}$`));
    await patient.page.getByText(/^Position dans la file\s*:\s*\d+$/).waitFor({ timeout: SCREEN_TIMEOUT_MS });
    expect(patient.problems).toEqual([]);
  });
});
