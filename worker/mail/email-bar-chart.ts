/**
 * A bar chart that survives e-mail clients: no image, no SVG, no style sheet to drop. Each bar is
 * a nested `<table>` whose `width` attribute is its share of the longest (Outlook's Word engine
 * reads the attribute, not CSS) with a `bgcolor` cell (Gmail keeps both), its figures written as
 * text beside it, so it reads with images off, in a screen reader and in the plain-text part.
 */
import { escapeHtml } from './escape-html.ts';

export interface EmailBar {
  label: string;
  /** The bar's length as a share of the longest, between 0 and 1. */
  share: number;
  /** The figures the bar stands for, written beside it. */
  value: string;
}

/** Blue that reads on white and on the dark theme's near-black alike. */
const BAR_COLOUR = '#2f81f7';
/** The plain-text part's longest bar, in block characters. */
const TEXT_BAR_LENGTH = 20;

/** Whole percent of the bar area; a day with any patients keeps a visible sliver. */
function widthPercent(share: number): number {
  if (share <= 0) return 0;
  return Math.max(1, Math.min(100, Math.round(share * 100)));
}

export function barChartHtml(bars: readonly EmailBar[]): string {
  const cell = 'padding:4px 0;font-size:14px;color:inherit;vertical-align:middle';
  const rows = bars
    .map((bar) => {
      const width = widthPercent(bar.share);
      const drawn =
        width === 0
          ? ''
          : `<table role="presentation" width="${width}%" cellpadding="0" cellspacing="0" border="0" style="width:${width}%;border-collapse:collapse">` +
            `<tr><td bgcolor="${BAR_COLOUR}" height="14" style="background:${BAR_COLOUR};height:14px;font-size:0;line-height:0;border-radius:2px">&nbsp;</td></tr></table>`;
      return (
        `<tr><td style="${cell};width:30%;white-space:nowrap;padding-right:8px">${escapeHtml(bar.label)}</td>` +
        `<td style="${cell};width:100%">${drawn}</td>` +
        `<td style="${cell};white-space:nowrap;padding-left:8px;text-align:right;font-weight:600">${escapeHtml(bar.value)}</td></tr>`
      );
    })
    .join('');
  return `<table role="presentation" width="100%" cellpadding="0" cellspacing="0" border="0" style="width:100%;border-collapse:collapse">${rows}</table>`;
}

/** One line per bar: its label, the bar in block characters, its figures. */
export function barChartText(bars: readonly EmailBar[]): string[] {
  const labelWidth = Math.max(0, ...bars.map((bar) => bar.label.length));
  return bars.map((bar) => {
    const length = bar.share <= 0 ? 0 : Math.max(1, Math.round(bar.share * TEXT_BAR_LENGTH));
    return `${bar.label.padEnd(labelWidth)} ${'█'.repeat(length)}${length > 0 ? ' ' : ''}${bar.value}`;
  });
}
