/**
 * A colour of the theme, as the canvas gets it, made see-through: a forecast's range drawn behind
 * the lines it frames. Computed styles give colours as `rgb(r, g, b)`; anything else (a browser
 * answering in another notation) is kept opaque rather than guessed at.
 */
const RGB = /^rgb\(\s*(\d+)[,\s]+(\d+)[,\s]+(\d+)\s*\)$/;

/** `rgb(15, 118, 110)` at `alpha` (0–1): `rgba(15, 118, 110, 0.22)`. */
export function translucent(colour: string, alpha: number): string {
  const match = RGB.exec(colour.trim());
  return match === null ? colour : `rgba(${match[1]}, ${match[2]}, ${match[3]}, ${alpha})`;
}
