import { readFile } from 'node:fs/promises';
import type { BrowserContext, BrowserContextOptions, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ClinicHealthPageSchema, type ClinicHealthRow } from '../../worker/domain/admin-wire.ts';
import { clinicDayOf } from '../../worker/domain/clinic-time.ts';
import { FunnelSchema, type FunnelAnswer } from '../../worker/domain/funnel-wire.ts';
import { SecurityFiguresSchema } from '../../worker/domain/security-wire.ts';
import { csvObjects } from '../support/csv-parser.ts';
import { demoStackForFile, SETUP_TIMEOUT_MS } from './demo-stack.ts';
import { SCREEN_TIMEOUT_MS, readCount, seeScreen, signedInPhone } from './screens.ts';
import { openClinicWithOwner, pageApi, stackApi, text } from './stack-api.ts';

const ADMIN = { email: 'admin@pulse.local', password: 'pulse-admin' };
/** The super admin's laptop: wide enough for the tables. */
const DESKTOP: BrowserContextOptions = { viewport: { width: 1280, height: 800 }, acceptDownloads: true };

const started = demoStackForFile('back-office');
const call = stackApi(() => started().stack.url);

/** Asks the API with the page's own session cookie, as the screens do. */
const askApi = pageApi(() => started().stack.url);

/** Every row of the health table under `query`, page after page, as the API answers them. */
async function everyClinic(page: Page, query: string): Promise<ClinicHealthRow[]> {
  const rows: ClinicHealthRow[] = [];
  for (let number = 1; ; number += 1) {
    const answer = ClinicHealthPageSchema.parse(await askApi(page, `/admin/clinics?${query}&pageSize=5&page=${number}`));
    rows.push(...answer.clinics);
    if (number * answer.pageSize >= answer.total) return rows;
  }
}

/** The YYYY-MM (UTC) `back` months before this one: the Activation screen opens on the last 12. */
function monthBefore(back: number): string {
  const now = new Date();
  const index = now.getUTCFullYear() * 12 + now.getUTCMonth() - back;
  return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`;
}

/** A funnel cell as a French reader sees it: count · share of the cohort · median days (the first step, its count alone). */
function cellWords(funnel: FunnelAnswer['cohorts'][number], index: number): string {
  const step = funnel.steps[index];
  const created = funnel.steps[0]?.clinics ?? 0;
  if (step === undefined) throw new Error(`no step ${index}`);
  if (index === 0) return String(step.clinics);
  const share = created === 0 ? '—' : new Intl.NumberFormat('fr', { style: 'percent', maximumFractionDigits: 0 }).format(step.clinics / created);
  const median = step.medianDaysFromPrevious === null ? '—' : `${new Intl.NumberFormat('fr', { maximumFractionDigits: 1 }).format(step.medianDaysFromPrevious)}\u00a0j`;
  return `${step.clinics} · ${share} · ${median}`;
}

/**
 * The demo's super admin at a desk goes through the back office: the security figures of the
 * home after a failed sign-in, the activation funnel of the last year's cohorts, the clinic
 * table downloaded as a spreadsheet — each screen saying what the API says.
 */
describe('The demo admin in the back office', () => {
  let context: BrowserContext;
  let page: Page;

  beforeAll(async () => {
    // A clinic opens this month: the admin creates it and invites its owner, who chooses a password
    // from the link (the demo keeps its mail in the outbox, so the API hands the link over).
    const session = await call('/auth/login', { method: 'POST', json: { ...ADMIN, bearerToken: true } });
    const token = text(session.body, 'token');
    await openClinicWithOwner(
      call,
      token,
      { name: 'Cabinet Dr Activation — Tozeur', timezone: 'Africa/Tunis', planPrice: 50, smsUnitCost: 0.04 },
      { email: 'owner.tozeur@pulse.local', password: 'tozeur-owner-password-2026' },
    );
    // Someone mistypes the admin's password once, before they sign in.
    const refused = await call('/auth/login', { method: 'POST', json: { email: ADMIN.email, password: 'not-the-password' } });
    expect(refused.status).toBe(401);
    ({ context, page } = await signedInPhone(started(), ADMIN, 'Administration', DESKTOP));
  }, SETUP_TIMEOUT_MS);

  afterAll(async () => {
    await context.close();
  });

  it('should show the security figures of the last day as the API counts them, the failed sign-in among them', async () => {
    await page.getByRole('heading', { level: 2, name: 'Sécurité', exact: true }).waitFor({ state: 'visible', timeout: SCREEN_TIMEOUT_MS });
    await page.locator('dt', { hasText: 'Connexions refusées' }).waitFor({ state: 'visible', timeout: SCREEN_TIMEOUT_MS });
    const { totals } = SecurityFiguresSchema.parse(await askApi(page, '/admin/security?hours=24'));
    expect(totals.failedLogins).toBeGreaterThanOrEqual(1);
    expect(await readCount(page, 'Connexions refusées')).toBe(totals.failedLogins);
    expect(await readCount(page, 'Connexions freinées')).toBe(totals.throttledLogins);
    expect(await readCount(page, 'Exports de données')).toBe(totals.exports);
    expect(await readCount(page, 'Actions d’administration')).toBe(totals.adminActions);
  });

  it("should show the last 12 months' cohorts of the activation funnel as the API gives them, cell for cell", async () => {
    await page.getByRole('navigation', { name: 'Rubriques de l’administration' }).getByRole('link', { name: 'Activation', exact: true }).click();
    await seeScreen(page, 'Activation des cabinets');
    const table = page.getByRole('table', { name: /^Cabinets à chaque étape/ });
    await table.waitFor({ state: 'visible', timeout: SCREEN_TIMEOUT_MS });
    const funnel = FunnelSchema.parse(await askApi(page, `/admin/funnel?from=${monthBefore(11)}&to=${monthBefore(0)}`));
    expect(funnel.cohorts).toHaveLength(12);
    const months = await table.locator('tbody tr').evaluateAll((rows) => rows.map((row) => row.getAttribute('data-month')));
    expect(months).toEqual([...funnel.cohorts.map((cohort) => cohort.month), 'total']);
    // This month's cohort holds the clinic opened above: its owner invited and joined, the same day.
    const thisMonth = funnel.cohorts.at(-1);
    if (thisMonth === undefined) throw new Error('no cohort for this month');
    expect(thisMonth.steps.slice(1, 3).map((step) => step.clinics)).toEqual([1, 1]);
    expect(cellWords(thisMonth, 2)).toMatch(/^1 · \d+\s% · 0\sj$/u);
    for (const cohort of funnel.cohorts) {
      const cells = await table.locator(`tr[data-month="${cohort.month}"] td`).allTextContents();
      expect(cells, cohort.month).toEqual(cohort.steps.map((_, index) => cellWords(cohort, index)));
    }
    const created = funnel.cohorts.reduce((sum, cohort) => sum + (cohort.steps[0]?.clinics ?? 0), 0);
    expect(await table.locator('tr[data-month="total"] td[data-step="created"]').textContent()).toBe(String(created));
  });

  it('should keep another window in the address and ask the API for it', async () => {
    await page.getByLabel('De', { exact: true }).fill(monthBefore(2));
    await page.getByLabel('À', { exact: true }).fill(monthBefore(0));
    await page.getByRole('button', { name: 'Afficher', exact: true }).click();
    await page.waitForURL((url) => url.searchParams.get('from') === monthBefore(2), { timeout: SCREEN_TIMEOUT_MS });
    await page.waitForFunction(() => document.querySelectorAll('table tbody tr').length === 4, undefined, { timeout: SCREEN_TIMEOUT_MS });
  });

  it('should download the filtered clinic table as a CSV file whose rows are the API rows, every page of them', async () => {
    await page.getByRole('navigation', { name: 'Rubriques de l’administration' }).getByRole('link', { name: 'Cabinets', exact: true }).click();
    await seeScreen(page, 'Cabinets');
    await page.getByLabel('Statut', { exact: true }).selectOption('active');
    await page.waitForURL((url) => url.searchParams.get('status') === 'active', { timeout: SCREEN_TIMEOUT_MS });
    const link = page.getByRole('link', { name: 'Télécharger (CSV)', exact: true });
    expect(await link.getAttribute('href')).toBe('/api/v1/admin/clinics.csv?sort=name&order=asc&status=active');
    const [download] = await Promise.all([page.waitForEvent('download', { timeout: SCREEN_TIMEOUT_MS }), link.click()]);
    expect(download.suggestedFilename()).toBe(`pulse-cabinets-active-${clinicDayOf(Date.now(), 'Africa/Tunis')}.csv`);
    const path = await download.path();
    const { rows } = csvObjects(await readFile(path, 'utf8'));
    const clinics = await everyClinic(page, 'status=active');
    // The demo has active clinics enough for more than one page of five.
    expect(clinics.length).toBeGreaterThan(5);
    expect(rows.map((row) => row['clinic_id'])).toEqual(clinics.map((clinic) => clinic.clinicId));
    expect(rows.map((row) => row['name'])).toEqual(clinics.map((clinic) => clinic.name));
    expect(rows.map((row) => row['patients_today'])).toEqual(clinics.map((clinic) => String(clinic.patientsToday)));
    expect(rows.map((row) => row['plan_price_minor'])).toEqual(clinics.map((clinic) => String(clinic.planPrice.amountMinor)));
    expect(rows.every((row) => row['status'] === 'active')).toBe(true);
  });
});
