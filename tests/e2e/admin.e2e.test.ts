import type { BrowserContext, BrowserContextOptions, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PHONE, type Phone } from '../support/phone.ts';
import { demoStackForFile, SETUP_TIMEOUT_MS } from './demo-stack.ts';
import { SCREEN_TIMEOUT_MS, seeScreen, signedInPhone, waitForRows } from './screens.ts';

const ADMIN = { email: 'admin@pulse.local', password: 'pulse-admin' };

/** The super admin's laptop: wide enough for the clinic health table. */
const DESKTOP: BrowserContextOptions = { viewport: { width: 1280, height: 800 } };

/** The column the desk story sorts by, by its French header; and the API's name for it. */
const SORT_COLUMN = { header: 'Dernière connexion', sort: 'daysSinceLastLogin' };

const started = demoStackForFile('admin');

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Asks the API with the page's own session cookie, as the screens do. */
async function askApi(page: Page, path: string): Promise<unknown> {
  const response = await page.request.get(`${started().stack.url}${path}`, { headers: { accept: 'application/json' } });
  if (!response.ok()) throw new Error(`${path}: HTTP ${response.status()}`);
  const body: unknown = await response.json();
  return body;
}

/** The clinics the API names at risk of churning (no login for 7 to 30 days). */
async function clinicsAtRisk(page: Page): Promise<{ clinicId: string; name: string }[]> {
  const metrics = await askApi(page, '/api/v1/admin/metrics');
  const churnRisk = isRecord(metrics) ? metrics['churnRisk'] : undefined;
  const clinics = isRecord(churnRisk) && Array.isArray(churnRisk['clinics']) ? churnRisk['clinics'] : [];
  return clinics.flatMap((clinic: unknown) =>
    isRecord(clinic) && clinic['status'] === 'at_risk' && typeof clinic['clinicId'] === 'string' && typeof clinic['name'] === 'string'
      ? [{ clinicId: clinic['clinicId'], name: clinic['name'] }]
      : [],
  );
}

/** The names of the first page of the health table, as the API sorts it. */
async function clinicNamesSortedBy(page: Page, sort: string, order: 'asc' | 'desc'): Promise<string[]> {
  const answer = await askApi(page, `/api/v1/admin/clinics?sort=${sort}&order=${order}&page=1&pageSize=25`);
  const clinics = isRecord(answer) && Array.isArray(answer['clinics']) ? answer['clinics'] : [];
  return clinics.map((clinic: unknown) => (isRecord(clinic) && typeof clinic['name'] === 'string' ? clinic['name'] : ''));
}

/** The clinic names of the table's rows, top to bottom. */
async function tableRowNames(page: Page): Promise<string[]> {
  return page.getByRole('table').locator('tbody th[scope="row"]').allTextContents();
}

const signedInAdmin = (options: BrowserContextOptions): Promise<Phone> => signedInPhone(started(), ADMIN, 'Administration', options);

describe('The demo admin on their phone', () => {
  let context: BrowserContext;
  let page: Page;
  let atRisk: { clinicId: string; name: string }[] = [];

  beforeAll(async () => {
    ({ context, page } = await signedInAdmin(PHONE));
  }, SETUP_TIMEOUT_MS);

  afterAll(async () => {
    await context.close();
  });

  it('should see the churn-risk banner name every clinic at risk', async () => {
    atRisk = await clinicsAtRisk(page);
    // The demo has lapsed clinics by design (db/seed/demo-clinics.ts): the banner has something to say.
    expect(atRisk.length).toBeGreaterThan(0);
    const banner = page.getByRole('region', { name: /à risque de churn$/ });
    await banner.waitFor({ state: 'visible', timeout: SCREEN_TIMEOUT_MS });
    for (const clinic of atRisk) {
      await banner.getByRole('link', { name: clinic.name, exact: true }).waitFor({ state: 'visible', timeout: SCREEN_TIMEOUT_MS });
    }
  });

  it('should count the clinic still opening apart, never in the churn-risk banner', async () => {
    // The demo's 14th clinic signed up 12 days ago and nobody has signed in yet (db/seed/demo-clinics.ts).
    await page.getByText('1 cabinet en cours d’ouverture').waitFor({ state: 'visible', timeout: SCREEN_TIMEOUT_MS });
    const banner = page.getByRole('region', { name: /à risque de churn$/ });
    expect(await banner.getByText('Cabinet Dr Laabidi — Djerba Midoun').count()).toBe(0);
  });

  it('should open a clinic at risk and read its timeline, newest first, without reception controls', async () => {
    const [clinic] = atRisk;
    if (clinic === undefined) throw new Error('no clinic at risk to open');
    await page.getByRole('region', { name: /à risque de churn$/ }).getByRole('link', { name: clinic.name, exact: true }).click();
    await seeScreen(page, clinic.name);
    expect(new URL(page.url()).pathname).toBe(`/admin/clinics/${clinic.clinicId}`);

    const timeline = page.getByRole('region', { name: 'Activité', exact: true });
    await timeline.locator('li time').first().waitFor({ state: 'visible', timeout: SCREEN_TIMEOUT_MS });
    const times = await timeline.locator('li time').evaluateAll((elements) => elements.map((element) => element.getAttribute('datetime') ?? ''));
    expect(times.length).toBeGreaterThan(0);
    const instants = times.map((time) => Date.parse(time));
    expect(instants.every((instant) => Number.isFinite(instant))).toBe(true);
    expect(instants).toEqual([...instants].sort((a, b) => b - a));

    for (const name of ['Ajouter un patient', 'Appeler le suivant']) {
      expect(await page.getByRole('button', { name, exact: true }).count()).toBe(0);
    }
  });
});

describe('The demo admin at a desk', () => {
  let context: BrowserContext;
  let page: Page;

  beforeAll(async () => {
    ({ context, page } = await signedInAdmin(DESKTOP));
  }, SETUP_TIMEOUT_MS);

  afterAll(async () => {
    await context.close();
  });

  it('should open the clinic health table, sorted by name as the API sorts it', async () => {
    await page.getByRole('navigation', { name: 'Rubriques de l’administration' }).getByRole('link', { name: 'Cabinets', exact: true }).click();
    await seeScreen(page, 'Cabinets');
    await waitForRows(page, await clinicNamesSortedBy(page, 'name', 'asc'));
  });

  it('should sort the table by clicking a column header, then turn it round from the keyboard', async () => {
    const byName = await tableRowNames(page);
    const header = page.getByRole('columnheader', { name: SORT_COLUMN.header });
    const button = header.getByRole('button', { name: SORT_COLUMN.header, exact: true });

    await button.click();
    await page.waitForURL((url) => url.searchParams.get('sort') === SORT_COLUMN.sort, { timeout: SCREEN_TIMEOUT_MS });
    const ascending = await clinicNamesSortedBy(page, SORT_COLUMN.sort, 'asc');
    expect(ascending).not.toEqual(byName);
    await waitForRows(page, ascending);
    expect(await header.getAttribute('aria-sort')).toBe('ascending');

    await button.focus();
    await page.keyboard.press('Enter');
    await page.waitForURL((url) => url.searchParams.get('order') === 'desc', { timeout: SCREEN_TIMEOUT_MS });
    await waitForRows(page, await clinicNamesSortedBy(page, SORT_COLUMN.sort, 'desc'));
    expect(await header.getAttribute('aria-sort')).toBe('descending');
  });

  it('should keep the sort in the address across a reload', async () => {
    await page.reload();
    await seeScreen(page, 'Cabinets');
    await waitForRows(page, await clinicNamesSortedBy(page, SORT_COLUMN.sort, 'desc'));
    expect(await page.getByRole('columnheader', { name: SORT_COLUMN.header }).getAttribute('aria-sort')).toBe('descending');
  });

  it('should filter the clinics still opening, each with its own pill', async () => {
    await page.getByLabel('Statut', { exact: true }).selectOption('onboarding');
    await page.waitForURL((url) => url.searchParams.get('status') === 'onboarding', { timeout: SCREEN_TIMEOUT_MS });
    await waitForRows(page, ['Cabinet Dr Laabidi — Djerba Midoun']);
    const pill = page.getByRole('table').locator('tbody td[data-column="status"] .clinic-status');
    expect(await pill.textContent()).toBe('En ouverture');
    expect(await pill.getAttribute('data-status')).toBe('onboarding');
  });
});
