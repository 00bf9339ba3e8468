import { readFile } from 'node:fs/promises';
import type { BrowserContext, BrowserContextOptions, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { revenueRowCells } from '../../pwa/src/admin/revenue-figures.ts';
import { fr } from '../../pwa/src/i18n/fr.ts';
import { RevenueSchema } from '../../worker/domain/revenue-wire.ts';
import { csvObjects } from '../support/csv-parser.ts';
import { demoStackForFile, SETUP_TIMEOUT_MS } from './demo-stack.ts';
import { SCREEN_TIMEOUT_MS, seeScreen, signedInPhone } from './screens.ts';

const ADMIN = { email: 'admin@pulse.local', password: 'pulse-admin' };
/** The super admin's laptop: wide enough for the tables. */
const DESKTOP: BrowserContextOptions = { viewport: { width: 1280, height: 800 }, acceptDownloads: true };

const started = demoStackForFile('revenue');

/** The revenue as the API answers it to the page's own session, as the screen asks for it. */
async function revenueOf(page: Page) {
  const response = await page.request.get(`${started().stack.url}/api/v1/admin/revenue?months=12`, { headers: { accept: 'application/json' } });
  if (!response.ok()) throw new Error(`revenue: HTTP ${response.status()}`);
  return RevenueSchema.parse(await response.json());
}

/**
 * The demo's super admin opens Revenus: per currency, the chart and a table whose every cell says
 * what the API says, and the same months downloaded as a spreadsheet.
 */
describe('The demo admin reads the revenue', () => {
  let context: BrowserContext;
  let page: Page;

  beforeAll(async () => {
    ({ context, page } = await signedInPhone(started(), ADMIN, 'Administration', DESKTOP));
  }, SETUP_TIMEOUT_MS);

  afterAll(async () => {
    await context.close();
  });

  it("should show each currency's chart, and its twelve months behind it as the API gives them, cell for cell", async () => {
    await page.getByRole('navigation', { name: 'Rubriques de l’administration' }).getByRole('link', { name: 'Revenus', exact: true }).click();
    await seeScreen(page, 'Revenus');
    const revenue = await revenueOf(page);
    // The demo's clinics log in: at least the Tunisian ones bring MRR.
    expect(revenue.currencies.map((currency) => currency.currency)).toContain('TND');
    for (const { currency, months } of revenue.currencies) {
      const section = page.getByRole('region', { name: `Mouvements du MRR en ${currency}`, exact: true });
      await section.getByRole('img', { name: `Graphique\u00a0: Mouvements du MRR par mois en ${currency}`, exact: false }).waitFor({ state: 'visible', timeout: SCREEN_TIMEOUT_MS });
      // The chart's numbers, behind "Voir les données" as on every chart.
      await section.locator('summary').click();
      const table = section.getByRole('table', { name: `Mouvements du MRR par mois en ${currency}`, exact: true });
      await table.waitFor({ state: 'visible', timeout: SCREEN_TIMEOUT_MS });
      expect(months).toHaveLength(12);
      const cells = await table.locator('tbody tr').evaluateAll((rows) => rows.map((row) => [...row.querySelectorAll('td')].map((cell) => cell.textContent ?? '')));
      expect(cells, currency).toEqual(months.map((month) => revenueRowCells(month, currency, 'fr', fr)));
    }
  });

  it('should download the same months as a CSV file, one record per currency and month', async () => {
    const link = page.getByRole('link', { name: 'Télécharger (CSV)', exact: true });
    expect(await link.getAttribute('href')).toBe('/api/v1/admin/revenue.csv?months=12');
    const [download] = await Promise.all([page.waitForEvent('download', { timeout: SCREEN_TIMEOUT_MS }), link.click()]);
    const revenue = await revenueOf(page);
    const months = revenue.currencies[0]?.months ?? [];
    expect(download.suggestedFilename()).toBe(`pulse-revenus-${months[0]?.month}_${months.at(-1)?.month}.csv`);
    const { rows } = csvObjects(await readFile(await download.path(), 'utf8'));
    const expected = revenue.currencies.flatMap(({ currency, months: all }) => all.map((month) => [currency, month.month, String(month.mrrEndMinor), String(month.newMinor), String(month.churnedMinor)]));
    expect(rows.map((row) => [row['currency'], row['month'], row['mrr_end_minor'], row['new_minor'], row['churned_minor']])).toEqual(expected);
  });
});
