import type { Page } from 'playwright-core';

/** The icons Pulse promises in its manifest: what Android and desktop Chrome install from. */
const REQUIRED_ICONS = [
  { sizes: '192x192', purpose: 'any' },
  { sizes: '512x512', purpose: 'any' },
  { sizes: '512x512', purpose: 'maskable' },
] as const;

const INSTALLABLE_DISPLAYS = new Set(['kStandalone', 'kFullscreen', 'kMinimalUi']);

interface DeclaredIcon {
  src: string;
  sizes: string;
  purposes: string[];
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}

/** Icons as written in the manifest: Chrome's parsed form drops `purpose`. */
function declaredIcons(manifestText: string): DeclaredIcon[] {
  const manifest: unknown = JSON.parse(manifestText);
  if (!isRecord(manifest) || !Array.isArray(manifest['icons'])) return [];
  return manifest['icons'].flatMap((icon: unknown): DeclaredIcon[] => {
    if (!isRecord(icon) || typeof icon['src'] !== 'string' || typeof icon['sizes'] !== 'string') return [];
    const purpose = typeof icon['purpose'] === 'string' ? icon['purpose'] : 'any';
    return [{ src: icon['src'], sizes: icon['sizes'], purposes: purpose.split(/\s+/) }];
  });
}

/** "WxH" read from a PNG's IHDR chunk, or null when the bytes are not a PNG. */
function pngSize(bytes: Buffer): string | null {
  const signature = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  if (bytes.length < 24 || !bytes.subarray(0, 8).equals(signature)) return null;
  return `${bytes.readUInt32BE(16)}x${bytes.readUInt32BE(20)}`;
}

/**
 * Everything that would keep Chrome from offering to install the page, as readable lines.
 *
 * Chrome's own `Page.getInstallabilityErrors` comes first. Ask it from a page of a persistent
 * profile (`launchPhoneWithProfile`): Chromium 156 answers `in-incognito` for any page of an
 * off-the-record context, which `browser.newContext()` makes. @sparticuz's headless 153 answers an
 * empty list for any page, even one without a manifest, so the criteria Chrome applies are checked
 * here too, on its parse of the manifest: a name, an app display mode, a start URL in scope, and
 * every required icon served as a PNG of the size it declares.
 */
export async function installabilityProblems(page: Page): Promise<string[]> {
  const cdp = await page.context().newCDPSession(page);
  try {
    const { installabilityErrors } = await cdp.send('Page.getInstallabilityErrors');
    const problems = installabilityErrors.map((error) => `Chrome: ${error.errorId}`);

    const { url, errors, data, manifest } = await cdp.send('Page.getAppManifest');
    if (url === '' || data === undefined) return [...problems, 'no web manifest linked'];
    problems.push(...errors.map((error) => `manifest: ${error.message}`));
    if (!manifest.name && !manifest.shortName) problems.push('manifest has no name');
    if (!INSTALLABLE_DISPLAYS.has(manifest.display ?? '')) problems.push(`display is ${manifest.display ?? 'missing'}`);
    if (!manifest.startUrl || !manifest.startUrl.startsWith(manifest.scope ?? url)) problems.push('start_url outside scope');

    const icons = declaredIcons(data);
    for (const required of REQUIRED_ICONS) {
      const icon = icons.find((candidate) => candidate.sizes === required.sizes && candidate.purposes.includes(required.purpose));
      if (icon === undefined) {
        problems.push(`no ${required.sizes} icon for purpose ${required.purpose}`);
        continue;
      }
      const response = await page.request.get(new URL(icon.src, url).href);
      const served = response.ok() ? pngSize(await response.body()) : null;
      if (served !== required.sizes) {
        problems.push(`${icon.src} is ${served ?? `not a PNG (HTTP ${response.status()})`}, declared ${required.sizes}`);
      }
    }
    return problems;
  } finally {
    await cdp.detach();
  }
}
