import { existsSync } from 'node:fs';
import { isAbsolute } from 'node:path';

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

/**
 * A real Chromium on this machine, with nothing to install beyond `npm ci`, chosen by
 * `PULSE_CHROMIUM` so both builds can be tried on one machine:
 * - unset (or `auto`): Debian's `/usr/bin/chromium` when installed, else the bundled one;
 * - `system`: Debian's, and an error when it is not installed;
 * - `bundled`: `@sparticuz/chromium`'s, even where Debian's is installed;
 * - an absolute path: that executable.
 */
export async function chromiumPath(choice = process.env['PULSE_CHROMIUM'] ?? 'auto'): Promise<string> {
  if (choice === 'auto' || choice === '') return existsSync(SYSTEM_CHROMIUM) ? SYSTEM_CHROMIUM : bundledChromium();
  if (choice === 'bundled') return bundledChromium();
  const path = choice === 'system' ? SYSTEM_CHROMIUM : choice;
  if (!isAbsolute(path)) throw new Error(`PULSE_CHROMIUM is ${JSON.stringify(choice)}: expected auto, system, bundled or an absolute path`);
  if (!existsSync(path)) throw new Error(`PULSE_CHROMIUM=${choice}: no Chromium at ${path}`);
  return path;
}

/** Unpacks @sparticuz/chromium's build (once per machine, in the temp directory) and returns its path. */
async function bundledChromium(): Promise<string> {
  const { default: bundled } = await import('@sparticuz/chromium');
  return bundled.executablePath();
}
