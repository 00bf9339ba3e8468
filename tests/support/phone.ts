import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser, type BrowserContext, type BrowserContextOptions, type Page } from 'playwright-core';
import { CHROMIUM_ARGS, chromiumPath } from '../../scripts/lib/chromium.ts';

/**
 * The end-to-end tests' phones: a real headless Chromium, and phones made from it the way people
 * hold them (PHONE), off the record for each story or, where Chrome needs one, on a profile of
 * their own.
 */

/** A receptionist's or a doctor's phone: the size Pulse is designed for. */
export const PHONE: BrowserContextOptions = {
  viewport: { width: 390, height: 844 },
  deviceScaleFactor: 3,
  isMobile: true,
  hasTouch: true,
};

/**
 * Starts a real headless Chromium; close it in afterAll. Its `newContext()` phones are off the
 * record, like incognito tabs: fresh and cheap, but Chrome never offers to install from one.
 */
export async function launchChromium(): Promise<Browser> {
  const executablePath = await chromiumPath();
  try {
    return await chromium.launch({ executablePath, args: CHROMIUM_ARGS, timeout: LAUNCH_TIMEOUT_MS });
  } catch (error) {
    // A launch that never answers on a loaded machine (all of a run's stacks starting at once) is
    // tried once more rather than holding the file's setup until its hook gives up.
    if (!(error instanceof Error && error.name === 'TimeoutError')) throw error;
    return chromium.launch({ executablePath, args: CHROMIUM_ARGS, timeout: LAUNCH_TIMEOUT_MS });
  }
}

/** A healthy headless launch takes a second or two; a minute means it is stuck. */
const LAUNCH_TIMEOUT_MS = 60_000;

/** A phone: its browser context (cookies, storage, service worker of its own) and its one tab. */
export interface Phone {
  context: BrowserContext;
  page: Page;
}

/** A fresh phone of `browser`, off the record; close its context when the story ends. */
export async function newPhone(browser: Browser, options: BrowserContextOptions = PHONE): Promise<Phone> {
  const context = await browser.newContext(options);
  return { context, page: await context.newPage() };
}

/** A phone with its own browser profile, and the way to put it away. */
export interface PhoneWithProfile extends Phone {
  /** Closes this phone's Chromium and deletes its profile. */
  close(): Promise<void>;
}

/**
 * A phone as people own one: a Chromium of its own on a persistent profile, starting empty (a
 * fresh user-data directory). Slower to start than a context of `launchChromium()`'s browser, so
 * only for what Chrome allows in a real profile alone, such as installing the app.
 */
export async function launchPhoneWithProfile(): Promise<PhoneWithProfile> {
  const profile = await mkdtemp(join(tmpdir(), 'pulse-e2e-phone-'));
  try {
    const context = await chromium.launchPersistentContext(profile, { ...PHONE, executablePath: await chromiumPath(), args: CHROMIUM_ARGS });
    const page = context.pages()[0] ?? (await context.newPage());
    return {
      context,
      page,
      close: async () => {
        await context.close();
        await rm(profile, { recursive: true, force: true });
      },
    };
  } catch (error) {
    await rm(profile, { recursive: true, force: true });
    throw error;
  }
}
