import { existsSync } from 'node:fs';

/** Debian's and Ubuntu's package; elsewhere the build shipped with @sparticuz/chromium. */
const SYSTEM_CHROMIUM = '/usr/bin/chromium';

/**
 * Our own flags instead of @sparticuz's Lambda defaults: `--single-process` and friends break
 * service workers. No QUIC or background traffic, so the only requests are the app's.
 */
export const CHROMIUM_ARGS = [
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

/** A real Chromium on this machine, with nothing to install beyond `npm ci`. */
export async function chromiumPath(): Promise<string> {
  if (existsSync(SYSTEM_CHROMIUM)) return SYSTEM_CHROMIUM;
  const { default: bundled } = await import('@sparticuz/chromium');
  return bundled.executablePath();
}
