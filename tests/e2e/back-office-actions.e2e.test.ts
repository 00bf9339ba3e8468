import { eq } from 'drizzle-orm';
import type { BrowserContext, BrowserContextOptions, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDatabase } from '../../db/client.ts';
import { clinics } from '../../db/schema/index.ts';
import { fr } from '../../pwa/src/i18n/fr.ts';
import { ClinicHealthPageSchema } from '../../worker/domain/admin-wire.ts';
import { FailedJobPageSchema, QuickActionsSchema, RecentErrorsSchema, type QuickActions } from '../../worker/domain/back-office-wire.ts';
import { UNREADABLE_JOB_ERROR } from '../../worker/domain/failed-jobs.ts';
import { eventually } from '../support/eventually.ts';
import { demoStackForFile, SETUP_TIMEOUT_MS } from './demo-stack.ts';
import { SCREEN_TIMEOUT_MS, see, seeScreen, signedInPhone, waitForRows } from './screens.ts';
import { openClinicWithOwner, pageApi, stackApi, text } from './stack-api.ts';

const ADMIN = { email: 'admin@pulse.local', password: 'pulse-admin' };
/** The super admin's laptop: wide enough for the tables. */
const DESKTOP: BrowserContextOptions = { viewport: { width: 1280, height: 800 } };
/** wrangler.toml's schedule of the business snapshot (SCHEDULES.business_snapshot, worker/scheduled.ts): one job. */
const BUSINESS_SNAPSHOT_CRON = '10 0 * * *';
/** A clinic of this file's own, the one it may erase: never a demo clinic other files read. */
const THROWAWAY = { name: 'Cabinet Dr Éphémère — Essai', owner: 'owner.ephemere@pulse.local', password: 'ephemere-owner-password-2026' };

const started = demoStackForFile('back-office-actions');
const call = stackApi(() => started().stack.url);

/** Asks the API with the page's own session cookie, as the screens do. */
const askApi = pageApi(() => started().stack.url);

/** The four counts of "À traiter" in the home's order, as a French reader sees them: value, then label. */
function quickActionWords(counts: QuickActions): string[][] {
  return [
    [counts.failedJobs24h, fr.quickFailedJobs],
    [counts.openAlerts, fr.quickOpenAlerts],
    [counts.pendingInvitations, fr.quickPendingInvitations],
    [counts.onboardingClinics, fr.quickOnboardingClinics],
  ].map(([count, label]) => [new Intl.NumberFormat('fr').format(Number(count)), String(label)]);
}

/** The quick action whose label is `label`, on the admin home. */
function quickAction(page: Page, label: string) {
  return page.locator('a.quick-action', { has: page.locator('.figure-label', { hasText: label }) });
}

/** Back to the admin home, "À traiter" shown. */
async function backHome(page: Page): Promise<void> {
  await page.goBack();
  await seeScreen(page, 'Administration');
  await page.locator('.quick-actions').waitFor({ state: 'visible', timeout: SCREEN_TIMEOUT_MS });
}

/**
 * The demo's super admin at a desk handles what the back office puts in front of them: the home's
 * "À traiter" counts and where each leads, a failed job, a server error found by its request id,
 * and — on a clinic of this file's own — the deletion of an owner's account and the erasure of
 * the clinic, each as the API then answers it.
 */
describe('The demo admin acting in the back office', () => {
  let context: BrowserContext;
  let page: Page;
  let adminToken = '';
  let clinicId = '';
  let ownerToken = '';

  beforeAll(async () => {
    const session = await call('/auth/login', { method: 'POST', json: { ...ADMIN, bearerToken: true } });
    adminToken = text(session.body, 'token');
    // The throwaway clinic, its owner invited, joined and signed in on their phone (a session held).
    const owner = { email: THROWAWAY.owner, password: THROWAWAY.password };
    clinicId = await openClinicWithOwner(call, adminToken, { name: THROWAWAY.name, timezone: 'Africa/Tunis', planPrice: 50, smsUnitCost: 0.04 }, owner);
    ownerToken = text((await call('/auth/login', { method: 'POST', json: { ...owner, bearerToken: true } })).body, 'token');
    expect((await call('/me', { token: ownerToken })).status).toBe(200);

    // A dead letter, through wrangler dev's own trigger of scheduled events (no route of Pulse's):
    // fired for an instant before 1970, the business snapshot's job carries a time no job accepts,
    // so the consumer cannot read it and keeps it at once.
    const fired = await fetch(`${started().stack.url}/cdn-cgi/local/scheduled?cron=${encodeURIComponent(BUSINESS_SNAPSHOT_CRON)}&time=-60000`);
    expect(fired.status).toBe(200);
    const failed = await eventually(
      async () => FailedJobPageSchema.parse((await call('/admin/jobs/failed', { token: adminToken })).body),
      (answer) => answer.total > 0,
    );
    expect(failed.total).toBe(1);

    ({ context, page } = await signedInPhone(started(), ADMIN, 'Administration', DESKTOP));
  }, SETUP_TIMEOUT_MS);

  afterAll(async () => {
    await context.close();
  });

  it('should show the four counts to handle exactly as the API gives them', async () => {
    await page.getByRole('heading', { level: 2, name: fr.quickActionsTitle, exact: true }).waitFor({ state: 'visible', timeout: SCREEN_TIMEOUT_MS });
    await page.locator('.quick-actions').waitFor({ state: 'visible', timeout: SCREEN_TIMEOUT_MS });
    const counts = QuickActionsSchema.parse(await askApi(page, '/admin/quick-actions'));
    // The dead letter above, and the demo's clinic still opening (db/seed/demo-clinics.ts).
    expect(counts.failedJobs24h).toBe(1);
    expect(counts.onboardingClinics).toBeGreaterThanOrEqual(1);
    const shown = await page
      .locator('.quick-actions a.quick-action')
      .evaluateAll((links) => links.map((link) => [link.querySelector('.figure-value')?.textContent ?? '', link.querySelector('.figure-label')?.textContent ?? '']));
    expect(shown).toEqual(quickActionWords(counts));
  });

  it('should lead from the opening clinics to the clinic table filtered to them, each row that status', async () => {
    await quickAction(page, fr.quickOnboardingClinics).click();
    await seeScreen(page, 'Cabinets');
    const url = new URL(page.url());
    expect(url.pathname).toBe('/admin/clinics');
    expect(url.searchParams.get('status')).toBe('onboarding');
    expect(await page.getByLabel('Statut', { exact: true }).inputValue()).toBe('onboarding');
    const { clinics: opening, total } = ClinicHealthPageSchema.parse(await askApi(page, '/admin/clinics?status=onboarding&sort=name&order=asc&pageSize=100'));
    const { onboardingClinics } = QuickActionsSchema.parse(await askApi(page, '/admin/quick-actions'));
    expect(total).toBe(onboardingClinics);
    const names = opening.map((clinic) => clinic.name);
    await waitForRows(page, names);
    const statuses = await page.locator('table tbody td[data-column="status"] .clinic-status').evaluateAll((pills) => pills.map((pill) => pill.getAttribute('data-status')));
    expect(statuses).toEqual(names.map(() => 'onboarding'));
    await backHome(page);
  });

  it('should lead from the other counts where each says: the open alerts, the clinic table, the failed jobs', async () => {
    await quickAction(page, fr.quickOpenAlerts).click();
    await page.waitForURL((url) => url.hash === '#firing-alerts-title', { timeout: SCREEN_TIMEOUT_MS });
    expect(new URL(page.url()).pathname).toBe('/admin');
    // The list it points at holds as many alerts as the count says (the demo has far fewer than its 100).
    const alerts = page.getByRole('region', { name: fr.firingAlertsTitle, exact: true });
    await alerts.waitFor({ state: 'visible', timeout: SCREEN_TIMEOUT_MS });
    const { openAlerts } = QuickActionsSchema.parse(await askApi(page, '/admin/quick-actions'));
    expect(await alerts.locator('li.alert-item').count()).toBe(openAlerts);

    await quickAction(page, fr.quickPendingInvitations).click();
    await seeScreen(page, 'Cabinets');
    expect(new URL(page.url()).pathname).toBe('/admin/clinics');
    expect(new URL(page.url()).search).toBe('');
    await backHome(page);

    await quickAction(page, fr.quickFailedJobs).click();
    await seeScreen(page, fr.failedJobsTitle);
    expect(new URL(page.url()).pathname).toBe('/admin/jobs');
  });

  it('should show the unreadable job with its error, offer no retry, and delete it once confirmed', async () => {
    const { jobs } = FailedJobPageSchema.parse(await askApi(page, '/admin/jobs/failed?page=1&pageSize=25'));
    const [job] = jobs;
    expect(jobs).toHaveLength(1);
    expect(job).toMatchObject({ kind: 'unreadable', attempts: 1, retryable: false, error: UNREADABLE_JOB_ERROR });
    const card = page.locator('li.failed-job');
    await card.waitFor({ state: 'visible', timeout: SCREEN_TIMEOUT_MS });
    expect(await card.count()).toBe(1);
    expect(await card.getByRole('heading', { level: 2 }).textContent()).toBe(fr.jobKinds['unreadable']);
    expect(await card.locator('p').first().textContent()).toBe(`${fr.failedJobAbout} ${fr.failedJobWholeService}`);
    expect(await card.locator('.failed-job-error code').textContent()).toBe(UNREADABLE_JOB_ERROR);
    await card.getByText(fr.failedJobUnreadable, { exact: true }).waitFor({ state: 'visible', timeout: SCREEN_TIMEOUT_MS });
    expect(await card.locator('.footnote').first().textContent()).toMatch(new RegExp(`^${fr.failedJobAttempts(1)} · `));
    expect(await card.getByRole('button', { name: fr.failedJobRetry, exact: true }).count()).toBe(0);

    await card.getByRole('button', { name: fr.failedJobDelete, exact: true }).click();
    const confirm = card.getByRole('group', { name: fr.failedJobDeleteQuestion, exact: true });
    await confirm.getByRole('button', { name: fr.failedJobDelete, exact: true }).click();
    await see(page, fr.failedJobsEmpty);
    expect(FailedJobPageSchema.parse(await askApi(page, '/admin/jobs/failed')).total).toBe(0);
    expect(QuickActionsSchema.parse(await askApi(page, '/admin/quick-actions')).failedJobs24h).toBe(0);
  });

  it('should list a server error with its request id, the table row for row the API list', async () => {
    // A zone no runtime knows, for one request: the clinic's queue object cannot open its day and
    // the route answers 503. Set straight in the database (no route accepts such a zone), then undone.
    const db = createDatabase({ url: started().stack.libsqlUrl, authToken: started().stack.libsqlAuthToken });
    await db.update(clinics).set({ timezone: 'Mars/Olympus_Mons' }).where(eq(clinics.id, clinicId));
    let requestId: string | null;
    try {
      const response = await fetch(`${started().stack.url}/api/v1/clinics/${clinicId}/queue`, { headers: { accept: 'application/json', authorization: `Bearer ${adminToken}` } });
      expect(response.status).toBe(503);
      requestId = response.headers.get('X-Request-Id');
      await response.body?.cancel();
    } finally {
      await db.update(clinics).set({ timezone: 'Africa/Tunis' }).where(eq(clinics.id, clinicId));
    }
    expect(requestId).toMatch(/\S/);
    // Error records reach the Metrics object with the metrics, after the answer.
    const listed = await eventually(
      async () => RecentErrorsSchema.parse(await askApi(page, '/admin/errors?days=7')),
      (answer) => answer.errors.some((error) => error.requestId === requestId),
    );
    expect(listed.errors.find((error) => error.requestId === requestId)).toMatchObject({
      route: '/api/v1/clinics/:clinicId/queue',
      method: 'GET',
      status: 503,
      code: 'UNAVAILABLE',
    });

    await page.getByRole('navigation', { name: fr.adminNavigation }).getByRole('link', { name: fr.adminNavHome, exact: true }).click();
    await seeScreen(page, 'Administration');
    await page.getByRole('link', { name: fr.recentErrorsLink, exact: true }).click();
    await seeScreen(page, fr.recentErrorsTitle);
    const table = page.getByRole('table', { name: fr.recentErrorsCaption });
    await table.locator('code', { hasText: requestId ?? '-' }).waitFor({ state: 'visible', timeout: SCREEN_TIMEOUT_MS });
    const { errors } = RecentErrorsSchema.parse(await askApi(page, '/admin/errors?days=7'));
    const rows = await table.locator('tbody tr').evaluateAll((trs) => trs.map((tr) => [...tr.querySelectorAll('td')].map((cell) => cell.textContent ?? '')));
    expect(rows).toEqual(
      errors.map((error) => [
        `${error.method} ${error.route}`,
        String(error.status),
        error.code === null ? fr.errorAnsweredOnPurpose : `${error.code} · ${error.message ?? ''}`,
        error.requestId,
      ]),
    );
  });

  it("should delete the throwaway owner's account once confirmed, their session then refused", async () => {
    await page.goto(`${started().stack.url}/admin/clinics?q=${encodeURIComponent(THROWAWAY.name)}`);
    await seeScreen(page, 'Cabinets');
    await page.getByRole('table').getByRole('link', { name: THROWAWAY.name, exact: true }).click();
    await seeScreen(page, THROWAWAY.name);
    const owners = page.getByRole('region', { name: fr.ownersTitle, exact: true });
    await owners.getByText(THROWAWAY.owner, { exact: true }).waitFor({ state: 'visible', timeout: SCREEN_TIMEOUT_MS });
    await owners.getByRole('button', { name: fr.deleteUser, exact: true }).click();
    const confirm = owners.getByRole('group', { name: fr.deleteUserQuestion(THROWAWAY.owner), exact: true });
    await confirm.getByRole('button', { name: fr.deleteUserConfirm, exact: true }).click();
    await owners.getByText(fr.noOwnerYet, { exact: true }).waitFor({ state: 'visible', timeout: SCREEN_TIMEOUT_MS });
    expect((await call('/me', { token: ownerToken })).status).toBe(401);
    expect((await call('/auth/login', { method: 'POST', json: { email: THROWAWAY.owner, password: THROWAWAY.password } })).status).toBe(401);
  });

  it('should erase the throwaway clinic only once its exact name is typed, and then nobody finds it', async () => {
    const erase = page.getByRole('region', { name: fr.eraseTitle, exact: true });
    const button = erase.getByRole('button', { name: fr.eraseConfirm, exact: true });
    const confirmName = erase.getByLabel(fr.eraseTypeName(THROWAWAY.name), { exact: true });
    await button.waitFor({ state: 'visible', timeout: SCREEN_TIMEOUT_MS });
    expect(await button.isDisabled()).toBe(true);
    await confirmName.fill(THROWAWAY.name.toLocaleLowerCase('fr'));
    expect(await button.isDisabled()).toBe(true);
    await confirmName.fill(THROWAWAY.name.slice(0, -1));
    expect(await button.isDisabled()).toBe(true);
    await confirmName.fill(THROWAWAY.name);
    expect(await button.isEnabled()).toBe(true);
    expect(await erase.getByLabel(fr.eraseKeepRollups, { exact: true }).isChecked()).toBe(false);

    await button.click();
    await seeScreen(page, 'Cabinets');
    expect(new URL(page.url()).pathname).toBe('/admin/clinics');
    expect((await call(`/admin/clinics/${clinicId}`, { token: adminToken })).status).toBe(404);
    const found = ClinicHealthPageSchema.parse(await askApi(page, `/admin/clinics?q=${encodeURIComponent(THROWAWAY.name)}`));
    expect(found.total).toBe(0);
    await page.getByLabel(fr.clinicSearch, { exact: true }).fill(THROWAWAY.name);
    await page.waitForURL((url) => url.searchParams.get('q') === THROWAWAY.name, { timeout: SCREEN_TIMEOUT_MS });
    await see(page, fr.noClinicMatches);
    expect(await page.getByRole('link', { name: THROWAWAY.name, exact: true }).count()).toBe(0);
  });
});
