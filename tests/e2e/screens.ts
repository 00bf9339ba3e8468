import type { Browser, BrowserContextOptions, Page } from 'playwright-core';
import { newPhone, PHONE, type Phone } from '../support/phone.ts';

/** Longest wait for one thing to appear on screen. */
export const SCREEN_TIMEOUT_MS = 20_000;

/** Waits until this exact text is visible somewhere on the page. */
export async function see(page: Page, text: string): Promise<void> {
  await page.getByText(text, { exact: true }).first().waitFor({ state: 'visible', timeout: SCREEN_TIMEOUT_MS });
}

/** Waits for the screen whose title (its one h1) is this text. */
export async function seeScreen(page: Page, title: string): Promise<void> {
  await page.getByRole('heading', { level: 1, name: title, exact: true }).waitFor({ state: 'visible', timeout: SCREEN_TIMEOUT_MS });
}

/** Fills the French login form as a person would, and sends it. */
export async function signIn(page: Page, email: string, password: string): Promise<void> {
  await page.getByLabel('Adresse e-mail', { exact: true }).fill(email);
  await page.getByLabel('Mot de passe', { exact: true }).fill(password);
  await page.getByRole('button', { name: 'Se connecter', exact: true }).click();
}

/** A fresh phone signed in at the stack as `person`, on `screen`, the first one their role opens. */
export async function signedInPhone(
  started: { stack: { url: string }; browser: Browser },
  person: { email: string; password: string },
  screen: string,
  options: BrowserContextOptions = PHONE,
): Promise<Phone> {
  const phone = await newPhone(started.browser, options);
  await phone.page.goto(`${started.stack.url}/login`);
  await signIn(phone.page, person.email, person.password);
  await seeScreen(phone.page, screen);
  return phone;
}

/** Waits until the table's row headers (its clinic names) read exactly `names`, in that order. */
export async function waitForRows(page: Page, names: readonly string[]): Promise<void> {
  await page.waitForFunction(
    (expected) => {
      const rows = [...document.querySelectorAll('table tbody th[scope="row"]')].map((cell) => cell.textContent?.trim() ?? '');
      return rows.length === expected.length && rows.every((name, index) => name === expected[index]);
    },
    names,
    { timeout: SCREEN_TIMEOUT_MS },
  );
}

/** The names of the links in the main navigation, in order. */
export async function navigationLinks(page: Page): Promise<string[]> {
  const nav = page.getByRole('navigation', { name: 'Navigation principale' });
  await nav.waitFor({ state: 'visible', timeout: SCREEN_TIMEOUT_MS });
  const names = await nav.getByRole('link').evaluateAll((links) =>
    links.map((link) => link.getAttribute('aria-label') ?? link.textContent?.trim() ?? ''),
  );
  return names;
}

/** The value a figure card of Today shows under its label ("4", "18 min", "—"), or null without that card. */
export async function readFigure(page: Page, label: string): Promise<string | null> {
  return page.evaluate((wanted) => {
    const term = [...document.querySelectorAll('dt')].find((candidate) => candidate.textContent?.trim() === wanted);
    return term?.nextElementSibling?.querySelector('.figure-value')?.textContent?.trim() ?? null;
  }, label);
}

/** Waits, checking every 20 ms, until the figure under `label` reads `expected`. */
export async function waitForFigure(page: Page, label: string, expected: string, timeoutMs = SCREEN_TIMEOUT_MS): Promise<void> {
  await page.waitForFunction(
    ({ wanted, value }) => {
      const term = [...document.querySelectorAll('dt')].find((candidate) => candidate.textContent?.trim() === wanted);
      return term?.nextElementSibling?.querySelector('.figure-value')?.textContent?.trim() === value;
    },
    { wanted: label, value: expected },
    { timeout: timeoutMs, polling: 20 },
  );
}

/** The figure under `label` as a count; fails when the card shows anything else. */
export async function readCount(page: Page, label: string): Promise<number> {
  const text = await readFigure(page, label);
  if (text === null || !/^\d+$/.test(text)) throw new Error(`"${label}" shows ${JSON.stringify(text)}, not a count`);
  return Number(text);
}
