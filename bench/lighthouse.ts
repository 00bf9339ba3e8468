/**
 * Lighthouse (phone profile, the same Chromium as the tests) on the doctor's "Aujourd'hui" screen,
 * signed in, plus the size of the JavaScript the first load needs (gzip).
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { launch } from 'chrome-launcher';
import lighthouse from 'lighthouse';
import { CHROMIUM_ARGS, chromiumPath } from '../scripts/lib/chromium.ts';

const DIST = fileURLToPath(new URL('../pwa/dist/', import.meta.url));

/** The scripts index.html loads (entry and modulepreloads): what a first visit must download. */
export async function initialJavaScript(): Promise<{ files: string[]; gzipBytes: number }> {
  const html = await readFile(join(DIST, 'index.html'), 'utf8');
  const files = [...html.matchAll(/(?:src|href)="\/([^"]+\.js)"/g)].map((match) => match[1] ?? '');
  let gzipBytes = 0;
  for (const file of files) gzipBytes += gzipSync(await readFile(join(DIST, file)), { level: 9 }).length;
  return { files, gzipBytes };
}

/** The HTML snippets an audit names, so a failure says where to look. */
function failingElements(details: unknown): string[] {
  if (typeof details !== 'object' || details === null || !('items' in details) || !Array.isArray(details.items)) return [];
  return details.items.flatMap((item: unknown) => {
    if (typeof item !== 'object' || item === null || !('node' in item)) return [];
    const node = item.node;
    if (typeof node !== 'object' || node === null) return [];
    const text = (key: string) => String(Reflect.get(node, key) ?? '');
    return [`${text('selector')} ${text('snippet')} — ${text('explanation').split('\n')[1] ?? ''}`.trim()];
  });
}

export async function benchLighthouse(url: string, cookie: string) {
  const chrome = await launch({ chromePath: await chromiumPath(), chromeFlags: CHROMIUM_ARGS });
  try {
    const result = await lighthouse(url, {
      port: chrome.port,
      output: 'json',
      logLevel: 'error',
      onlyCategories: ['performance', 'accessibility'],
      formFactor: 'mobile',
      extraHeaders: { Cookie: cookie },
    });
    const categories = result?.lhr.categories ?? {};
    const audits = result?.lhr.audits ?? {};
    const score = (name: string) => Math.round((categories[name]?.score ?? 0) * 100);
    const metric = (name: string) => Math.round(audits[name]?.numericValue ?? 0);
    return {
      url,
      performance: score('performance'),
      accessibility: score('accessibility'),
      firstContentfulPaintMs: metric('first-contentful-paint'),
      largestContentfulPaintMs: metric('largest-contentful-paint'),
      totalBlockingTimeMs: metric('total-blocking-time'),
      failedAccessibilityAudits: Object.values(audits)
        .filter((audit) => audit.scoreDisplayMode === 'binary' && audit.score === 0 && categories.accessibility?.auditRefs.some((ref) => ref.id === audit.id))
        .map((audit) => ({ id: audit.id, elements: failingElements(audit.details) })),
    };
  } finally {
    chrome.kill();
  }
}
