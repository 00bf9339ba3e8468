import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newPhone, PHONE, type Phone } from '../support/phone.ts';
import { demoStackForFile } from './demo-stack.ts';
import { stackApi } from './stack-api.ts';

/** The demo's doctor, owner of the first demo clinic (db/seed/demo-users.ts), who gets its Monday digest. */
const DOCTOR = { email: 'doctor@pulse.local', password: 'pulse-doctor' };
/** A small phone: the digest is read in a mail app about this wide. */
const PHONE_WIDTH = 375;

/** The demo stack behind a real Worker, and a real Chromium. */
const started = demoStackForFile('digest-rendering');

interface DigestData {
  insight: { text: string } | null;
  chart: Array<{ day: string; patients: number; seen: number; share: number }>;
}

/** What a row of the e-mail's bar chart shows: its label, how wide its bar is against the bar area, the figures written beside it. */
interface DrawnBar {
  label: string;
  barWidth: number;
  barHeight: number;
  areaWidth: number;
  figures: string;
  figuresVisible: boolean;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}

const call = stackApi(() => started().stack.url);

/** The rows of the chart as drawn: the outer table holding the bars' tables. */
function drawnBars(page: Page): Promise<DrawnBar[]> {
  return page.evaluate(() => {
    const firstBar = document.querySelector('td[bgcolor]');
    const rows = firstBar?.closest('table')?.closest('tr')?.parentElement?.children ?? [];
    return [...rows].map((row) => {
      const [label, area, figures] = [...row.children];
      const bar = area?.querySelector('td[bgcolor]')?.getBoundingClientRect();
      const written = figures?.getBoundingClientRect();
      return {
        label: label?.textContent ?? '',
        barWidth: bar?.width ?? 0,
        barHeight: bar?.height ?? 0,
        areaWidth: area?.getBoundingClientRect().width ?? 0,
        figures: figures?.textContent ?? '',
        figuresVisible: written !== undefined && written.width > 0 && written.right <= window.innerWidth,
      };
    });
  });
}

/**
 * Every element holding text whose colour is too close to the background it sits on (WCAG
 * contrast under 3, what large or bold text needs): the background is the nearest ancestor's
 * that is not transparent.
 */
function hiddenTexts(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const rgb = (colour: string) => (colour.match(/[\d.]+/g) ?? []).map(Number);
    const luminance = ([r = 0, g = 0, b = 0]: number[]) => {
      const channel = (value: number) => {
        const c = value / 255;
        return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
      };
      return 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b);
    };
    const backgroundOf = (element: Element | null): string => {
      for (let at = element; at !== null; at = at.parentElement) {
        const colour = getComputedStyle(at).backgroundColor;
        const alpha = rgb(colour)[3];
        if (colour !== 'transparent' && alpha !== 0) return colour;
      }
      return 'rgb(255, 255, 255)';
    };
    const problems: string[] = [];
    for (const element of document.body.querySelectorAll('*')) {
      const ownText = [...element.childNodes].some((node) => node.nodeType === Node.TEXT_NODE && (node.textContent ?? '').trim() !== '');
      if (!ownText) continue;
      const style = getComputedStyle(element);
      const [fg, bg] = [luminance(rgb(style.color)), luminance(rgb(backgroundOf(element)))];
      const contrast = (Math.max(fg, bg) + 0.05) / (Math.min(fg, bg) + 0.05);
      if (contrast < 3 || style.visibility === 'hidden' || style.display === 'none') problems.push(`${element.textContent?.trim().slice(0, 40)} (${contrast.toFixed(2)})`);
    }
    return problems;
  });
}

describe("The doctor's Monday digest, opened on a phone with images blocked", () => {
  let token = '';
  let clinicId = '';
  let digest: DigestData = { insight: null, chart: [] };
  let phone: Phone | undefined;
  const blockedImages: string[] = [];

  beforeAll(async () => {
    const login = await call('/auth/login', { method: 'POST', json: { ...DOCTOR, bearerToken: true } });
    expect(login.status).toBe(200);
    token = isRecord(login.body) && typeof login.body['token'] === 'string' ? login.body['token'] : '';
    const me = await call('/me', { token });
    const clinics = isRecord(me.body) && Array.isArray(me.body['clinics']) ? me.body['clinics'] : [];
    const first: unknown = clinics[0];
    clinicId = isRecord(first) && typeof first['id'] === 'string' ? first['id'] : '';
    // Last week's digest, as data: what the e-mail must show.
    const data = await call(`/reports/weekly/preview?clinicId=${encodeURIComponent(clinicId)}&format=json`, { token });
    expect(data.status).toBe(200);
    digest = data.body as DigestData;

    phone = await newPhone(started().browser, { ...PHONE, viewport: { width: PHONE_WIDTH, height: 812 }, extraHTTPHeaders: { Authorization: `Bearer ${token}` } });
    // As a mail app that does not load images: every image request is refused.
    await phone.page.route('**/*', async (route) => {
      if (route.request().resourceType() === 'image') {
        blockedImages.push(route.request().url());
        await route.abort();
      } else await route.continue();
    });
    const opened = await phone.page.goto(`${started().stack.url}/api/v1/reports/weekly/preview?clinicId=${encodeURIComponent(clinicId)}`);
    expect(opened?.status()).toBe(200);
  });

  afterAll(async () => {
    await phone?.context.close();
  });

  const page = (): Page => {
    if (phone === undefined) throw new Error('the phone did not open the digest');
    return phone.page;
  };

  it('should lead with the insight sentence, right under the clinic’s name', async () => {
    expect(digest.insight).not.toBeNull();
    const firstParagraph = await page().evaluate(() => document.querySelector('h1')?.nextElementSibling?.textContent ?? '');
    expect(firstParagraph).toBe(digest.insight?.text);
    const bodyText = await page().evaluate(() => document.body.innerText);
    expect(bodyText.indexOf(digest.insight?.text ?? '—')).toBeLessThan(bodyText.indexOf('Patients par jour'));
  });

  it('should fit the phone’s width: nothing to scroll sideways', async () => {
    const widths = await page().evaluate(() => ({ page: document.documentElement.scrollWidth, body: document.body.scrollWidth, screen: window.innerWidth }));
    expect(widths.screen).toBe(PHONE_WIDTH);
    expect(widths.page).toBeLessThanOrEqual(PHONE_WIDTH);
    expect(widths.body).toBeLessThanOrEqual(PHONE_WIDTH);
  });

  it('should draw a bar per day without any image, as long as its share of the busiest day, its figures written beside it', async () => {
    const bars = await drawnBars(page());
    expect(bars).toHaveLength(7);
    expect(digest.chart).toHaveLength(7);
    const busiest = Math.max(...bars.map((bar) => bar.barWidth));
    expect(busiest).toBeGreaterThan(0);
    digest.chart.forEach((day, index) => {
      const bar = bars[index];
      expect(bar?.figures).toBe(`${day.patients} (${day.seen} vus)`);
      expect(bar?.figuresVisible).toBe(true);
      if (day.patients === 0) {
        expect(bar?.barWidth).toBe(0);
        return;
      }
      // Visible, and within 2 points of its share: widths are whole percents of the same bar area.
      expect(bar?.barHeight).toBeGreaterThan(0);
      expect(Math.abs((bar?.barWidth ?? 0) / busiest - day.share)).toBeLessThanOrEqual(0.02);
    });
    // Ordered as the patients are: more patients, a longer bar.
    const byPatients = digest.chart.map((day, index) => ({ patients: day.patients, width: bars[index]?.barWidth ?? 0 })).sort((a, b) => a.patients - b.patients);
    for (let index = 1; index < byPatients.length; index += 1) expect(byPatients[index]?.width ?? 0).toBeGreaterThanOrEqual(byPatients[index - 1]?.width ?? 0);
    // Every day's figure reads as text, as with images off or in a screen reader.
    const bodyText = await page().evaluate(() => document.body.innerText);
    for (const day of digest.chart) expect(bodyText).toContain(`${day.patients} (${day.seen} vus)`);
    expect(blockedImages).toEqual([]);
    expect(await page().locator('img, svg, canvas').count()).toBe(0);
  });

  it('should keep every text readable in light and in dark mode', async () => {
    await page().emulateMedia({ colorScheme: 'light' });
    expect(await hiddenTexts(page())).toEqual([]);
    await page().emulateMedia({ colorScheme: 'dark' });
    // The dark theme is on: the card turned dark…
    const card = await page().evaluate(() => getComputedStyle(document.querySelector('.card') ?? document.body).backgroundColor);
    expect(card).toBe('rgb(13, 17, 23)');
    // …and no text went dark on it.
    expect(await hiddenTexts(page())).toEqual([]);
    const bars = await drawnBars(page());
    expect(bars.filter((bar) => bar.barWidth > 0).length).toBe(digest.chart.filter((day) => day.patients > 0).length);
  });
});
