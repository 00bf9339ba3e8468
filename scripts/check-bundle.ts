/**
 * `npm run check` (after the type-check): builds the Worker exactly as `wrangler deploy` would,
 * without uploading, and prints the bundle's size and its gzip size.
 */
import { spawnSync } from 'node:child_process';
import { mkdir, readdir, readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const OUT = join(ROOT, '.wrangler', 'check-dist');
// Workers on the paid plan accept 10 MiB gzip; the free plan 3 MiB. We hold ourselves to the latter.
const GZIP_LIMIT_BYTES = 3 * 1024 * 1024;

await rm(OUT, { recursive: true, force: true });
await mkdir(join(ROOT, 'pwa', 'dist'), { recursive: true });
const result = spawnSync(
  process.execPath,
  [join(ROOT, 'node_modules/wrangler/bin/wrangler.js'), 'deploy', '--dry-run', `--outdir=${OUT}`],
  { cwd: ROOT, stdio: 'inherit', env: { ...process.env, WRANGLER_SEND_METRICS: 'false' } },
);
if (result.status !== 0) process.exit(result.status ?? 1);

let raw = 0;
let gzip = 0;
for (const name of await readdir(OUT)) {
  if (name.endsWith('.map')) continue;
  const bytes = await readFile(join(OUT, name));
  raw += bytes.length;
  gzip += gzipSync(bytes, { level: 9 }).length;
}
const kib = (bytes: number) => `${(bytes / 1024).toFixed(1)} KiB`;
process.stdout.write(`Worker bundle: ${kib(raw)}, gzip ${kib(gzip)} (limit ${kib(GZIP_LIMIT_BYTES)})\n`);
if (gzip > GZIP_LIMIT_BYTES) process.exit(1);
