import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SmsMonthSchema, type SmsMonth } from '../../worker/domain/sms-budget-wire.ts';
import { smsBudgetWarning, smsMonthLine } from '../../pwa/src/live/sms-month-words.ts';
import { eventually } from '../support/eventually.ts';
import type { Phone } from '../support/phone.ts';
import { demoStackForFile } from './demo-stack.ts';
import { SCREEN_TIMEOUT_MS, seeScreen, signedInPhone } from './screens.ts';

const DOCTOR = { email: 'doctor@pulse.local', password: 'pulse-doctor', clinic: 'Cabinet Dr Ben Salah — La Marsa' };
/** The demo seed gives the doctor's clinic a budget of 150 TND (db/seed/demo-clinics.ts). */
const DEMO_BUDGET_MINOR = 150_000;

const started = demoStackForFile('sms-budget');

/** Asks the API from the page, with its session cookie, as the screens do. */
async function api(page: Page, path: string): Promise<unknown> {
  return page.evaluate(async (url) => (await fetch(url, { credentials: 'same-origin', headers: { accept: 'application/json' } })).json(), path);
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

async function clinicIdOf(page: Page, name: string): Promise<string> {
  const me = await api(page, '/api/v1/me');
  const clinics = isRecord(me) && Array.isArray(me['clinics']) ? me['clinics'] : [];
  const clinic = clinics.find((candidate: unknown) => isRecord(candidate) && candidate['name'] === name);
  if (!isRecord(clinic) || typeof clinic['id'] !== 'string') throw new Error(`no clinic named ${name} in /me`);
  return clinic['id'];
}

/** `stats/today`'s `sms`, as the API answers it now. */
async function smsOfToday(page: Page, clinicId: string): Promise<SmsMonth> {
  const today = await api(page, `/api/v1/clinics/${clinicId}/stats/today`);
  if (!isRecord(today)) throw new Error(`stats/today is not an object: ${JSON.stringify(today)}`);
  return SmsMonthSchema.parse(today['sms']);
}

/** Every paragraph of the SMS card, once it shows. */
async function smsCardWords(page: Page): Promise<string[]> {
  const card = page.getByRole('region', { name: 'SMS du mois', exact: true });
  await card.waitFor({ state: 'visible', timeout: SCREEN_TIMEOUT_MS });
  return card.locator('p').allTextContents();
}

describe("The demo doctor reading the month's SMS against the clinic's budget", () => {
  let phone: Phone;
  let clinicId: string;

  beforeAll(async () => {
    phone = await signedInPhone(started(), DOCTOR, 'Aujourd’hui');
    clinicId = await clinicIdOf(phone.page, DOCTOR.clinic);
  });

  afterAll(async () => {
    await phone?.context.close();
  });

  it("should show on Aujourd'hui the API's count, cost, share of the budget and month-end estimate, in French", async () => {
    const sms = await smsOfToday(phone.page, clinicId);
    expect(sms.budgetMinor).toBe(DEMO_BUDGET_MINOR);
    const expected = smsMonthLine(sms, 'fr');
    expect(expected).toMatch(/^SMS ce mois\u00a0: [\d\u202f]+ · [\d\u202f]+,\d{3}\u00a0TND · \d+\u00a0% du budget/);
    const words = await eventually(() => smsCardWords(phone.page), (shown) => shown.includes(expected), SCREEN_TIMEOUT_MS);
    expect(words).toContain(expected);
    // The warning, in words, exactly when the budget is nearly spent or on course to be passed.
    const warning = smsBudgetWarning(sms, 'fr');
    if (warning === null) expect(words.some((line) => line.startsWith('Attention') || line.startsWith('Budget SMS dépassé'))).toBe(false);
    else expect(words).toContain(warning);
  });

  it('should let the owner set a smaller budget in Réglages and show its share on the card', async () => {
    const { page } = phone;
    await page.getByRole('navigation', { name: 'Navigation principale' }).getByRole('link', { name: 'Mon compte', exact: true }).click();
    await seeScreen(page, 'Mon compte');
    await page.getByRole('link', { name: 'Notifications, langue et résumé hebdomadaire', exact: true }).click();
    await seeScreen(page, 'Réglages');
    const block = page.getByRole('region', { name: 'Budget SMS', exact: true });
    await block.getByLabel('Budget mensuel (TND)', { exact: true }).fill('20,5');
    await block.getByRole('button', { name: 'Enregistrer le budget', exact: true }).click();
    await block.getByText('Budget mensuel\u00a0: 20,500\u00a0TND.', { exact: true }).waitFor({ state: 'visible', timeout: SCREEN_TIMEOUT_MS });
    expect(await api(page, `/api/v1/clinics/${clinicId}/sms-budget`)).toEqual({ monthlyAmountMinor: 20_500, currency: 'TND' });

    await page.getByRole('navigation', { name: 'Navigation principale' }).getByRole('link', { name: 'Aujourd’hui', exact: true }).click();
    await seeScreen(page, 'Aujourd’hui');
    const sms = await smsOfToday(page, clinicId);
    expect(sms.budgetMinor).toBe(20_500);
    const words = await eventually(() => smsCardWords(page), (shown) => shown.includes(smsMonthLine(sms, 'fr')), SCREEN_TIMEOUT_MS);
    expect(words).toContain(smsMonthLine(sms, 'fr'));
    if (sms.budgetShare !== null && sms.budgetShare >= 1) expect(words).toContain('Budget SMS dépassé');
  });
});
