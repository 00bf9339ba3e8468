import { existsSync } from 'node:fs';
import { chromium, type Browser, type BrowserContextOptions } from 'playwright-core';

/** Debian's and Ubuntu's package; elsewhere the build shipped with @sparticuz/chromium. */
const SYSTEM_CHROMIUM = '/usr/bin/chromium';

/**
 * Our own flags instead of @sparticuz's Lambda defaults: `--single-process` and friends break
 * service workers. No QUIC or background traffic, so the only requests are the app's.
 */
const CHROMIUM_ARGS = [
  '--headless=new',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-dev-shm-usage',
];

/** A receptionist's or a doctor's phone: the size Pulse is designed for. */
export const PHONE: BrowserContextOptions = {
  viewport: { width: 390, height: 844 },
  deviceScaleFactor: 3,
  isMobile: true,
  hasTouch: true,
};

async function chromiumPath(): Promise<string> {
  if (existsSync(SYSTEM_CHROMIUM)) return SYSTEM_CHROMIUM;
  const { default: bundled } = await import('@sparticuz/chromium');
  return bundled.executablePath();
}

/** Starts a real headless Chromium; close it in afterAll. */
export async function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: await chromiumPath(), args: CHROMIUM_ARGS });
}
