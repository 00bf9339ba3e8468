import type { BrowserContext, Page, Response } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newPhone, PHONE } from '../support/phone.ts';
import { demoStackForFile } from './demo-stack.ts';
import { SCREEN_TIMEOUT_MS, see, seeScreen, signIn } from './screens.ts';

const DOCTOR = { email: 'doctor@pulse.local', password: 'pulse-doctor', clinic: 'Cabinet Dr Ben Salah — La Marsa' };

/** The narrowest phone Pulse is designed for: the history must fit it without sideways scrolling. */
const NARROW_PHONE = { ...PHONE, viewport: { width: 360, height: 780 } };

/** The line chart's panel and its table's caption, by their French names. */
const TREND_PANEL = 'Patients, vus et non-présentés';
const TREND_TABLE = 'Patients, vus et non-présentés par jour';

/** How close the quoted waits came (issue 16): its panel, its first chart's title and its table's caption. */
const ACCURACY_PANEL = 'Justesse des estimations';
const ACCURACY_CHART = 'Écart médian entre attente annoncée et attente réelle, par jour';
const ACCURACY_TABLE = 'Justesse des estimations, période par période';
const SERVICE_LEVEL_PANEL = 'Délai d’attente visé';

/** The forecast against what happened (issue 17): its panel, its chart's title, its table's caption; and the walk-out risk's card. */
const FORECAST_PANEL = 'Prévision et réalité';
const FORECAST_CHART = 'Arrivées prévues et réelles, par jour';
const FORECAST_TABLE = 'Prévision et réalité, jour par jour';
const WALK_OUT_PANEL = 'Risque de départ';
/** How the walk-out risk held, in whichever of its sentences the window calls for (history/foresight-words.ts). */
const WALK_OUT_WORDS =
  /^(Le risque de départ a été \d+\s?% (plus|moins) juste que la moyenne seule|Le risque de départ n’a pas fait mieux que la moyenne seule|Trop tôt pour juger le risque de départ|Sur [\d\s]+ patients, tous ont eu la même issue)/;

/** Digits grouped the French way ("1 250", with a no-break space of one width or another) read as one number. */
const ungrouped = (text: string) => text.replace(/(?<=\d)[\s\u00a0\u202f](?=\d)/g, '');

/** The demo's 120 days of history behind a real Worker, and a real Chromium. */
const started = demoStackForFile('history');

/** The trend table's counts as the screen shows them, a row a day: patients, seen, no-shows. */
async function trendCounts(page: Page): Promise<number[][]> {
  const table = page.getByRole('region', { name: TREND_PANEL, exact: true }).getByRole('table', { name: TREND_TABLE, exact: true });
  return table.evaluate((element) =>
    [...element.querySelectorAll('tbody tr')].map((row) =>
      // Counts are written the French way ("1 234"): keep the digits.
      [...row.querySelectorAll('td')].map((cell) => Number((cell.textContent ?? '').replace(/\D/g, ''))),
    ),
  );
}

/** Waits until every chart canvas on the screen has drawn something: a pixel that is not transparent. */
async function waitForDrawnCharts(page: Page, expected: number): Promise<void> {
  await page.waitForFunction(
    (count) => {
      const canvases = [...document.querySelectorAll('canvas')];
      const drawn = canvases.filter((canvas) => {
        const context = canvas.getContext('2d');
        if (context === null || canvas.width === 0 || canvas.height === 0) return false;
        const { data } = context.getImageData(0, 0, canvas.width, canvas.height);
        for (let alpha = 3; alpha < data.length; alpha += 4) if (data[alpha] !== 0) return true;
        return false;
      });
      return canvases.length === count && drawn.length === count;
    },
    expected,
    { timeout: SCREEN_TIMEOUT_MS, polling: 100 },
  );
}

/** Waits until the trend table holds one row per day of the window on screen. */
async function waitForTrendRows(page: Page, days: number): Promise<void> {
  await page.waitForFunction(
    ({ caption, rows }) => {
      const table = [...document.querySelectorAll('table')].find((candidate) => candidate.caption?.textContent === caption);
      return table?.querySelectorAll('tbody tr').length === rows;
    },
    { caption: TREND_TABLE, rows: days },
    { timeout: SCREEN_TIMEOUT_MS },
  );
}

/** Waits until the window is in the address and its days are on screen. */
async function waitForWindow(page: Page, timeframe: string, days: number): Promise<void> {
  await page.waitForURL((url) => url.searchParams.get('timeframe') === timeframe, { timeout: SCREEN_TIMEOUT_MS });
  await waitForTrendRows(page, days);
}

/** Asks the API from the page itself, with the doctor's session cookie, as the screen does. */
async function fetchFromPage(page: Page, path: string): Promise<unknown> {
  return page.evaluate(async (url) => {
    const response = await fetch(url, { credentials: 'same-origin', headers: { accept: 'application/json' } });
    if (!response.ok) throw new Error(`${url}: HTTP ${response.status}`);
    const body: unknown = await response.json();
    return body;
  }, path);
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The demo doctor's clinic id, from who the API says is signed in. */
async function doctorClinicId(page: Page): Promise<string> {
  const me = await fetchFromPage(page, '/api/v1/me');
  const clinics = isRecord(me) && Array.isArray(me['clinics']) ? me['clinics'] : [];
  const clinic = clinics.find((candidate: unknown) => isRecord(candidate) && candidate['name'] === DOCTOR.clinic);
  if (!isRecord(clinic) || typeof clinic['id'] !== 'string') throw new Error(`no clinic named ${DOCTOR.clinic} in /me`);
  return clinic['id'];
}

/** The median error of each point of the charts answer, in minutes, null for a day without a quoted call. */
function pointMedianErrors(answer: unknown): (number | null)[] {
  const points = isRecord(answer) && Array.isArray(answer['points']) ? answer['points'] : [];
  return points.map((point: unknown) => {
    const figures = isRecord(point) && isRecord(point['figures']) ? point['figures'] : {};
    const estimates = isRecord(figures['estimates']) ? figures['estimates'] : {};
    const median = estimates['medianAbsoluteErrorMinutes'];
    return typeof median === 'number' ? median : null;
  });
}

/** Patients, seen and no-shows of each point of the charts answer, in order. */
function pointCounts(answer: unknown): number[][] {
  const points = isRecord(answer) && Array.isArray(answer['points']) ? answer['points'] : [];
  return points.map((point: unknown) => {
    const figures = isRecord(point) && isRecord(point['figures']) ? point['figures'] : {};
    return [figures['patients'], figures['seen'], figures['noShows']].map(Number);
  });
}

/** The notes section under the daily curves, by its French title. */
const NOTES_SECTION = 'Notes sur les graphiques';

/** Day, text, author and scope of each note of a charts answer, in order. */
function noteDays(answer: unknown): unknown[][] {
  const notes = isRecord(answer) && Array.isArray(answer['annotations']) ? answer['annotations'] : [];
  return notes.map((note: unknown) => (isRecord(note) ? [note['day'], note['text'], note['author'], note['scope']] : []));
}

/** The flags a chart of this answer should carry ("1@12 2@40"): each note's number at its day's point. */
function expectedMarkers(answer: unknown): string {
  const points = isRecord(answer) && Array.isArray(answer['points']) ? answer['points'] : [];
  const days = points.map((point: unknown) => (isRecord(point) ? point['date'] : null));
  return noteDays(answer)
    .map(([day], at) => `${at + 1}@${days.indexOf(day)}`)
    .join(' ');
}

describe('The demo doctor looking back over their clinic, on a 360 px phone', () => {
  let context: BrowserContext;
  let page: Page;
  /** Every script the page asked for, in order. */
  const scripts: string[] = [];

  beforeAll(async () => {
    ({ context, page } = await newPhone(started().browser, NARROW_PHONE));
    page.on('request', (request) => {
      if (request.resourceType() === 'script') scripts.push(new URL(request.url()).pathname);
    });
  });

  afterAll(async () => {
    await context.close();
  });

  it("should open today's screen without downloading chart.js", async () => {
    await page.goto(`${started().stack.url}/login`);
    await signIn(page, DOCTOR.email, DOCTOR.password);
    await seeScreen(page, 'Aujourd’hui');
    await see(page, 'En direct');
    expect(scripts.filter((path) => /chart|History/.test(path))).toEqual([]);
  });

  it('should open the last 30 days of history, then the last 7 from the keyboard', async () => {
    await page.getByRole('link', { name: 'Historique', exact: true }).click();
    await seeScreen(page, 'Historique');
    await see(page, DOCTOR.clinic);
    const month = page.getByRole('radio', { name: '30 derniers jours', exact: true });
    // No window in the address yet: the month.
    expect(new URL(page.url()).searchParams.get('timeframe')).toBeNull();
    expect(await month.isChecked()).toBe(true);
    await waitForTrendRows(page, 30);

    await month.focus();
    await page.keyboard.press('ArrowLeft');
    await waitForWindow(page, '7d', 7);
    expect(await page.getByRole('radio', { name: '7 derniers jours', exact: true }).isChecked()).toBe(true);
  });

  it('should switch to the last 90 days and draw every chart', async () => {
    await page.getByRole('radio', { name: '90 derniers jours', exact: true }).check();
    await waitForWindow(page, '90d', 90);
    // The daily curves, the quotes' median error and share within range, the service level, the
    // quotes by hour of the call, the forecast against what happened, the peak hours and the
    // no-shows by weekday.
    await waitForDrawnCharts(page, 8);
    expect(scripts.some((path) => path.includes('chart'))).toBe(true);
  });

  it('should show how close the quoted waits came, in a chart and in a table with the API’s numbers', async () => {
    const panel = page.getByRole('region', { name: ACCURACY_PANEL, exact: true });
    await panel.getByText(ACCURACY_CHART, { exact: true }).waitFor({ state: 'visible', timeout: SCREEN_TIMEOUT_MS });
    // The canvas is announced with its title (the accessible name spells the no-break space as a space).
    expect(await panel.getByRole('img', { name: new RegExp(`^Graphique\\s: ${ACCURACY_CHART}\\.`) }).count()).toBe(1);
    await panel.getByText('Voir les données').click();
    const table = panel.getByRole('table', { name: ACCURACY_TABLE, exact: true });
    await table.waitFor({ state: 'visible', timeout: SCREEN_TIMEOUT_MS });

    const clinicId = await doctorClinicId(page);
    const answer = await fetchFromPage(page, `/api/v1/clinics/${encodeURIComponent(clinicId)}/charts?timeframe=90d`);
    // The median error column: "4 min", "4,5 min", or "—" for a day without a quoted call.
    const medians = await table.evaluate((element) =>
      [...element.querySelectorAll('tbody tr')].map((row) => {
        const text = row.querySelectorAll('td')[1]?.textContent ?? '';
        return text === '—' ? null : Number(text.replace(/\s*min$/, '').replace(',', '.'));
      }),
    );
    expect(medians).toHaveLength(90);
    expect(medians).toEqual(pointMedianErrors(answer));
    // The demo quotes its check-ins: the table is not 90 days of dashes.
    expect(medians.filter((median) => median !== null).length).toBeGreaterThan(0);
  });

  it('should set the forecast against the arrivals that came, in words, beside the naive forecast, and in a table with the API’s numbers', async () => {
    const clinicId = await doctorClinicId(page);
    const answer = await fetchFromPage(page, `/api/v1/clinics/${encodeURIComponent(clinicId)}/stats/forecast-accuracy?timeframe=90d`);
    const days = isRecord(answer) && Array.isArray(answer['days']) ? answer['days'] : [];
    const summary = isRecord(answer) && isRecord(answer['summary']) ? answer['summary'] : {};
    // The demo freezes and scores a forecast for each of its last weeks (db/seed/demo-forecasts.ts).
    expect(days.length).toBeGreaterThan(0);

    const panel = page.getByRole('region', { name: FORECAST_PANEL, exact: true });
    const judged = panel.getByText(/^Sur \d+ jours?, la prévision s’est trompée de .+ par jour en moyenne/);
    await judged.waitFor({ timeout: SCREEN_TIMEOUT_MS });
    expect(Number(/^Sur (\d+)/.exec(await judged.innerText())?.[1])).toBe(summary['days']);
    if (summary['naiveMeanAbsErrorPerDay'] !== null) {
      await panel.getByText(/^La prévision naïve \(même jour la semaine d’avant\) se trompait de (\d+ patients?|moins d’un patient) par jour\.$/).waitFor({ timeout: SCREEN_TIMEOUT_MS });
    }
    expect(await panel.getByRole('img', { name: new RegExp(`^Graphique\\s: ${FORECAST_CHART}\\.`) }).count()).toBe(1);

    await panel.getByText('Voir les données').click();
    const table = panel.getByRole('table', { name: FORECAST_TABLE, exact: true });
    await table.waitFor({ state: 'visible', timeout: SCREEN_TIMEOUT_MS });
    // The arrivals that came, a row a scored day: the third column after the day.
    const actual = await table.evaluate((element) =>
      [...element.querySelectorAll('tbody tr')].map((row) => Number((row.querySelectorAll('td')[2]?.textContent ?? '').replace(/\D/g, ''))),
    );
    expect(actual).toEqual(days.map((day: unknown) => (isRecord(day) ? day['actual'] : null)));
  });

  it('should say how far the walk-out risk can be trusted, over the patients of the period', async () => {
    const clinicId = await doctorClinicId(page);
    const analytics = await fetchFromPage(page, `/api/v1/clinics/${encodeURIComponent(clinicId)}/analytics?timeframe=90d`);
    const model = isRecord(analytics) && isRecord(analytics['current']) && isRecord(analytics['current']['walkOutModel']) ? analytics['current']['walkOutModel'] : {};
    const panel = page.getByRole('region', { name: WALK_OUT_PANEL, exact: true });
    const words = panel.getByText(WALK_OUT_WORDS);
    await words.waitFor({ timeout: SCREEN_TIMEOUT_MS });
    // Counted in patients, never a bare score: the sentence names as many as the API judged.
    expect(ungrouped(await words.innerText())).toContain(`${String(model['entries'])} patient`);
  });

  it('should give the period’s accuracy and service level against the period before, in words', async () => {
    for (const label of ['Écart moyen des estimations', 'Dans la fourchette annoncée', 'Appelés en 30\u00a0min ou moins']) await see(page, label);
    await page.getByText(/^médiane (<\u00a0)?\d+\u00a0min · sur [\d\u202f\u00a0]+ patients appelés$/).first().waitFor({ timeout: SCREEN_TIMEOUT_MS });
    const serviceLevel = page.getByRole('region', { name: SERVICE_LEVEL_PANEL, exact: true });
    await serviceLevel.getByText(/^Objectif du cabinet\u00a0: appeler chaque patient en 30\u00a0min ou moins/).waitFor({ timeout: SCREEN_TIMEOUT_MS });
  });

  it("should show in the line chart's table the same numbers as the API", async () => {
    const panel = page.getByRole('region', { name: TREND_PANEL, exact: true });
    await panel.getByText('Voir les données').click();
    await panel.getByRole('table', { name: TREND_TABLE, exact: true }).waitFor({ state: 'visible', timeout: SCREEN_TIMEOUT_MS });

    const clinicId = await doctorClinicId(page);
    const answer = await fetchFromPage(page, `/api/v1/clinics/${encodeURIComponent(clinicId)}/charts?timeframe=90d`);
    const rows = await trendCounts(page);
    expect(rows).toHaveLength(90);
    expect(rows).toEqual(pointCounts(answer));
    // The demo clinic was busy: the table is not 90 rows of zeros.
    expect(rows.reduce((sum, [patients = 0]) => sum + patients, 0)).toBeGreaterThan(0);
  });

  it('should list the notes under the daily curves, flag each on the chart, and let the doctor add one that the charts answer carries at once', async () => {
    const clinicId = await doctorClinicId(page);
    const chartsPath = `/api/v1/clinics/${encodeURIComponent(clinicId)}/charts?timeframe=90d`;
    const before = await fetchFromPage(page, chartsPath);
    const seeded = noteDays(before);
    // The demo's notes: two of the doctor's and one of the whole service (db/seed/demo-notes.ts).
    expect(seeded.map(([, text]) => text)).toEqual(['Journée de vaccination : affluence prévue', 'Panne du fournisseur SMS (2 h)', 'Médecin remplaçant toute la journée']);

    const panel = page.getByRole('region', { name: TREND_PANEL, exact: true });
    const notes = panel.getByRole('region', { name: NOTES_SECTION, exact: true });
    const items = notes.getByRole('listitem');
    await expect.poll(() => items.allInnerTexts(), { timeout: SCREEN_TIMEOUT_MS }).toEqual([
      expect.stringMatching(/ — Journée de vaccination : affluence prévue \(doctor@…\)/),
      expect.stringMatching(/ — Panne du fournisseur SMS \(2 h\) \(tout le service\)/),
      expect.stringMatching(/ — Médecin remplaçant toute la journée \(doctor@…\)/),
    ]);
    // Each note flagged on its day of the daily curves: "number@point".
    const trendCanvas = panel.locator('canvas').first();
    await expect.poll(() => trendCanvas.getAttribute('data-note-markers'), { timeout: SCREEN_TIMEOUT_MS }).toBe(expectedMarkers(before));

    const text = 'Médecin remplaçant (essai)';
    await notes.getByLabel('Note', { exact: true }).fill(text);
    await notes.getByRole('button', { name: 'Ajouter la note', exact: true }).click();
    await expect.poll(() => items.count(), { timeout: SCREEN_TIMEOUT_MS }).toBe(4);
    expect(await items.last().innerText()).toMatch(/ — Médecin remplaçant \(essai\) \(doctor@…\)/);
    // Today's note is the last point's, the fourth flag; the charts answer carries it.
    const after = await fetchFromPage(page, chartsPath);
    const today = isRecord(after) && isRecord(after['period']) ? after['period']['to'] : undefined;
    expect(noteDays(after).at(-1)).toEqual([today, text, 'doctor@pulse.local', 'clinic']);
    await expect.poll(() => trendCanvas.getAttribute('data-note-markers'), { timeout: SCREEN_TIMEOUT_MS }).toBe(expectedMarkers(after));
    expect(expectedMarkers(after).endsWith('4@89')).toBe(true);

    // The doctor deletes it again: the list and the flags are back to the demo's.
    await notes.getByRole('button', { name: new RegExp(`^Supprimer la note du .+ : ${text.replace(/[()]/g, '\\$&')}$`) }).click();
    await expect.poll(() => items.count(), { timeout: SCREEN_TIMEOUT_MS }).toBe(3);
    await expect.poll(() => trendCanvas.getAttribute('data-note-markers'), { timeout: SCREEN_TIMEOUT_MS }).toBe(expectedMarkers(before));
  });

  it('should fit the phone: the page never scrolls sideways, only the tables inside their box', async () => {
    const overflowing = await page.evaluate(() =>
      [document.documentElement, ...document.querySelectorAll('.screen, .history-panel')]
        .filter((element) => element.scrollWidth > element.clientWidth)
        .map((element) => element.className || element.tagName),
    );
    expect(overflowing).toEqual([]);
  });

  it('should keep the window in the address when opened again, asking the API only "still the same?" (ETag, 304)', async () => {
    const revalidations: Array<Promise<{ ifNoneMatch: string | undefined; bodyBytes: number; status: number }>> = [];
    // On the context, not the page: once the service worker controls the page, its fetches are the worker's.
    const watch = (response: Response) => {
      if (!response.url().includes('/analytics?timeframe=90d')) return;
      revalidations.push(
        (async () => ({
          ifNoneMatch: (await response.request().allHeaders())['if-none-match'],
          bodyBytes: (await response.request().sizes()).responseBodySize,
          status: response.status(),
        }))(),
      );
    };
    page.context().on('response', watch);
    // Opened again from its address (a reload would make the browser skip its cache on purpose).
    await page.goto(page.url());
    await seeScreen(page, 'Historique');
    await waitForWindow(page, '90d', 90);
    expect(await page.getByRole('radio', { name: '90 derniers jours', exact: true }).isChecked()).toBe(true);
    // The browser kept the answer it had and asked with its ETag; the server sent no body (304),
    // and the page got the kept answer (Chromium reports it as the cached 200).
    await expect.poll(() => revalidations.length, { timeout: 5_000 }).toBeGreaterThan(0);
    page.context().off('response', watch);
    const seen = await Promise.all(revalidations);
    expect(seen).toContainEqual({ ifNoneMatch: expect.stringMatching(/^W\/".+"$/), bodyBytes: 0, status: 200 });
  });
});
