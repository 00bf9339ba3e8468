/**
 * Draws Pulse's icons (a white heartbeat trace on the brand teal) and writes them as PNGs to
 * `pwa/public/icons/`. Pure Node — zlib for deflate and CRC-32 — so no image tool or native
 * module is needed; the PNGs are committed, rerun this only when the mark or the colours change:
 *
 *   node pwa/scripts/make-icons.ts
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { crc32, deflateSync } from 'node:zlib';

type Rgb = readonly [number, number, number];
type Point = readonly [number, number];

/** Keep in step with `theme_color` in pwa/vite.config.ts and `--brand` in styles.css. */
const BRAND: Rgb = [0x0f, 0x76, 0x6e];
const TRACE: Rgb = [0xff, 0xff, 0xff];

/** The heartbeat, in a unit box: baseline, a small P wave, the QRS spike, back to baseline. */
const HEARTBEAT: readonly Point[] = [
  [0.0, 0.54],
  [0.22, 0.54],
  [0.3, 0.4],
  [0.38, 0.54],
  [0.44, 0.54],
  [0.52, 0.1],
  [0.61, 0.9],
  [0.69, 0.44],
  [0.75, 0.54],
  [1.0, 0.54],
];

interface IconSpec {
  file: string;
  size: number;
  /** Corner radius as a share of the size; 0 fills the square (maskable, Apple, which crop it themselves). */
  cornerRadius: number;
  /** Share of the size the heartbeat spans; maskable icons keep it inside the 80 % safe circle. */
  markWidth: number;
  /** A notification badge: the trace alone on transparent, which Android uses as a mask in the status bar. */
  badge?: true;
}

const ICONS: readonly IconSpec[] = [
  { file: 'icon-192.png', size: 192, cornerRadius: 0.22, markWidth: 0.72 },
  { file: 'icon-512.png', size: 512, cornerRadius: 0.22, markWidth: 0.72 },
  { file: 'icon-maskable-512.png', size: 512, cornerRadius: 0, markWidth: 0.58 },
  { file: 'apple-touch-icon.png', size: 180, cornerRadius: 0, markWidth: 0.68 },
  { file: 'favicon-32.png', size: 32, cornerRadius: 0.2, markWidth: 0.84 },
  { file: 'badge-96.png', size: 96, cornerRadius: 0, markWidth: 0.84, badge: true },
];

function clamp01(value: number): number {
  return Math.min(1, Math.max(0, value));
}

function distanceToSegment(p: Point, a: Point, b: Point): number {
  const [abx, aby] = [b[0] - a[0], b[1] - a[1]];
  const t = clamp01(((p[0] - a[0]) * abx + (p[1] - a[1]) * aby) / (abx * abx + aby * aby));
  return Math.hypot(p[0] - a[0] - t * abx, p[1] - a[1] - t * aby);
}

/** Signed distance to a rounded square of side `size` (negative inside). */
function distanceToRoundedSquare(p: Point, size: number, radius: number): number {
  const half = size / 2;
  const qx = Math.abs(p[0] - half) - (half - radius);
  const qy = Math.abs(p[1] - half) - (half - radius);
  return Math.hypot(Math.max(qx, 0), Math.max(qy, 0)) + Math.min(Math.max(qx, qy), 0) - radius;
}

/** RGBA pixels, row by row. Coverage from distances gives one pixel of anti-aliasing. */
function drawIcon(spec: IconSpec): Uint8Array {
  const { size } = spec;
  const pixels = new Uint8Array(size * size * 4);
  const markSize = size * spec.markWidth;
  const trace = HEARTBEAT.map(([x, y]): Point => [size / 2 + (x - 0.5) * markSize, size / 2 + (y - 0.5) * markSize * 0.75]);
  // Thin strokes vanish at favicon size, so the stroke never goes below 2.5 px.
  const halfStroke = Math.max(markSize * 0.04, 1.25);

  for (let y = 0; y < size; y += 1) {
    for (let x = 0; x < size; x += 1) {
      const centre: Point = [x + 0.5, y + 0.5];
      const background = spec.badge ? 1 : clamp01(0.5 - distanceToRoundedSquare(centre, size, size * spec.cornerRadius));
      let nearest = Infinity;
      for (let i = 1; i < trace.length; i += 1) {
        nearest = Math.min(nearest, distanceToSegment(centre, trace[i - 1] ?? centre, trace[i] ?? centre));
      }
      const ink = clamp01(halfStroke + 0.5 - nearest) * background;
      const offset = (y * size + x) * 4;
      // A badge is all trace colour: its shape is in the alpha channel.
      const whiteness = spec.badge ? 1 : ink;
      for (let channel = 0; channel < 3; channel += 1) {
        pixels[offset + channel] = Math.round((BRAND[channel] ?? 0) * (1 - whiteness) + (TRACE[channel] ?? 0) * whiteness);
      }
      pixels[offset + 3] = Math.round((spec.badge ? ink : background) * 255);
    }
  }
  return pixels;
}

function chunk(type: string, data: Uint8Array): Buffer {
  const typeAndData = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const framed = Buffer.alloc(typeAndData.length + 8);
  framed.writeUInt32BE(data.length, 0);
  typeAndData.copy(framed, 4);
  framed.writeUInt32BE(crc32(typeAndData), typeAndData.length + 4);
  return framed;
}

function encodePng(size: number, rgba: Uint8Array): Buffer {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header[8] = 8; // bits per channel
  header[9] = 6; // colour type: RGBA
  // Each scanline starts with its filter type; 0 (none) keeps the encoder trivial.
  const rowLength = size * 4;
  const scanlines = Buffer.alloc((rowLength + 1) * size);
  for (let row = 0; row < size; row += 1) {
    scanlines.set(rgba.subarray(row * rowLength, (row + 1) * rowLength), row * (rowLength + 1) + 1);
  }
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(scanlines, { level: 9 })),
    chunk('IEND', new Uint8Array(0)),
  ]);
}

const outDir = new URL('../public/icons/', import.meta.url);
mkdirSync(outDir, { recursive: true });
for (const spec of ICONS) {
  writeFileSync(new URL(spec.file, outDir), encodePng(spec.size, drawIcon(spec)));
  console.log(`icons/${spec.file} ${spec.size}×${spec.size}`);
}
