import qrcode from 'qrcode-generator';

/**
 * Light modules around the symbol on every side: the quiet zone the QR standard asks for, without
 * which a phone's camera may not find the code against a busy screen.
 */
export const QUIET_ZONE = 4;

/** A QR code drawn in modules (one unit square each), quiet zone included. */
export interface QrSymbol {
  /** Modules per side, quiet zone included: the SVG's viewBox is `0 0 size size`. */
  size: number;
  /** `modules[row][column]`: true for a dark module. */
  modules: boolean[][];
  /** Every dark module as one SVG path in viewBox units, a run of dark modules per sub-path. */
  path: string;
}

/**
 * The QR code of `text` (a ticket link): error correction M, which survives a scratched screen
 * or a thumb over a corner, and the smallest version that holds the text (type number 0).
 * Pure and deterministic: the same text always gives the same symbol. Drawn as a path rather than
 * through the library's own markup, so the page sets no HTML from strings.
 */
export function qrSymbolOf(text: string): QrSymbol {
  const qr = qrcode(0, 'M');
  qr.addData(text);
  qr.make();
  const count = qr.getModuleCount();
  const size = count + 2 * QUIET_ZONE;
  const inSymbol = (at: number) => at >= QUIET_ZONE && at < QUIET_ZONE + count;
  const modules = Array.from({ length: size }, (_, row) =>
    Array.from({ length: size }, (_, column) => inSymbol(row) && inSymbol(column) && qr.isDark(row - QUIET_ZONE, column - QUIET_ZONE)),
  );
  return { size, modules, path: pathOf(modules) };
}

/** Each horizontal run of dark modules as a rectangle one module high: `M{x} {y}h{n}v1h-{n}z`. */
function pathOf(modules: boolean[][]): string {
  const runs: string[] = [];
  modules.forEach((row, y) => {
    let start = -1;
    row.forEach((dark, x) => {
      if (dark && start < 0) start = x;
      const ends = start >= 0 && (!dark || x === row.length - 1);
      if (!ends) return;
      const length = (dark ? x + 1 : x) - start;
      runs.push(`M${start} ${y}h${length}v1h-${length}z`);
      start = -1;
    });
  });
  return runs.join('');
}
