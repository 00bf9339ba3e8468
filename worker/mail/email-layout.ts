/**
 * The one look of every e-mail Pulse sends (digests, alerts): a heading, a sentence (led, where
 * there is one, by the sentence that matters most), sections of label/value lines, short
 * paragraphs or a bar chart, and links, as a plain-text part and an HTML part with inline styles (mail
 * clients drop style sheets), one column that reads on a phone, light and dark.
 */
import type { Locale } from '../domain/vocabulary.ts';
import { textsFor } from '../texts/catalogue.ts';
import { barChartHtml, barChartText, type EmailBar } from './email-bar-chart.ts';
import { escapeHtml } from './escape-html.ts';

export { escapeHtml };
export type { EmailBar };

export interface EmailLine {
  label: string;
  value: string;
  /** A second, quieter line under the value (the change against last week). */
  note?: string | null;
}

export interface EmailSection {
  title?: string;
  /** Drawn first: a bar chart of HTML tables (email-bar-chart.ts), its figures written beside the bars. */
  chart?: readonly EmailBar[];
  /** Short paragraphs, each its own line ("3 mars — médecin remplaçant"). */
  items?: readonly string[];
  lines: readonly EmailLine[];
  /** What the section says when it has no line ("no clinic at risk"). */
  empty?: string;
}

export interface EmailLink {
  label: string;
  url: string;
  /** Small print, like "stop this summary". */
  quiet?: boolean;
}

export interface EmailContent {
  locale: Locale;
  subject: string;
  heading: string;
  /** The one sentence the reader should see first (the digest's insight), before the intro. */
  lead?: string | null;
  intro: string;
  sections: readonly EmailSection[];
  links: readonly EmailLink[];
}

export interface RenderedEmail {
  subject: string;
  text: string;
  html: string;
}

const CELL = 'padding:8px 0;border-bottom:1px solid #d0d7de;color:inherit';

function textOf(content: EmailContent): string {
  const { labelled } = textsFor(content.locale).layout;
  const sections = content.sections.flatMap((section) => [
    ...(section.title === undefined ? [] : [section.title.toUpperCase()]),
    ...barChartText(section.chart ?? []),
    ...(section.items ?? []),
    ...(isEmpty(section) && section.empty !== undefined ? [section.empty] : []),
    ...section.lines.map((line) => `${labelled(line.label, line.value)}${line.note == null ? '' : ` (${line.note})`}`),
    '',
  ]);
  const lead = content.lead == null ? [] : [content.lead];
  return [content.heading, ...lead, content.intro, '', ...sections, ...content.links.map((link) => labelled(link.label, link.url)), ''].join('\n');
}

/** A section with nothing to show: it says its `empty` sentence instead. */
function isEmpty(section: EmailSection): boolean {
  return section.lines.length === 0 && (section.chart ?? []).length === 0 && (section.items ?? []).length === 0;
}

function sectionHtml(section: EmailSection): string {
  const title = section.title === undefined ? '' : `<h2 style="font-size:16px;margin:20px 0 4px">${escapeHtml(section.title)}</h2>`;
  if (isEmpty(section)) return `${title}${section.empty === undefined ? '' : `<p style="margin:4px 0;opacity:.75">${escapeHtml(section.empty)}</p>`}`;
  const chart = (section.chart ?? []).length === 0 ? '' : barChartHtml(section.chart ?? []);
  const items = (section.items ?? []).map((item) => `<p style="margin:4px 0">${escapeHtml(item)}</p>`).join('');
  if (section.lines.length === 0) return `${title}${chart}${items}`;
  const rows = section.lines
    .map(
      (line) =>
        `<tr><td style="${CELL}">${escapeHtml(line.label)}</td><td style="${CELL};text-align:right;font-weight:600">${escapeHtml(line.value)}` +
        `${line.note == null ? '' : `<br><span style="font-weight:400;font-size:13px;opacity:.75">${escapeHtml(line.note)}</span>`}</td></tr>`,
    )
    .join('');
  return `${title}${chart}${items}<table role="presentation" style="width:100%;border-collapse:collapse">${rows}</table>`;
}

function linkHtml(link: EmailLink): string {
  return link.quiet === true
    ? `<p style="margin:0;font-size:13px;opacity:.75"><a href="${escapeHtml(link.url)}" style="color:inherit">${escapeHtml(link.label)}</a></p>`
    : `<p style="margin:20px 0 8px"><a href="${escapeHtml(link.url)}" style="color:#0969da">${escapeHtml(link.label)}</a></p>`;
}

export function renderEmail(content: EmailContent): RenderedEmail {
  const html =
    `<!doctype html><html lang="${content.locale}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">` +
    `<meta name="color-scheme" content="light dark"><meta name="supported-color-schemes" content="light dark"><title>${escapeHtml(content.subject)}</title>` +
    `<style>@media (prefers-color-scheme: dark){body,.card{background:#0d1117!important;color:#e6edf3!important}a{color:#7cc4ff!important}}</style></head>` +
    `<body style="margin:0;padding:16px;background:#f6f8fa;color:#1f2328;font-family:-apple-system,'Segoe UI',Roboto,Arial,sans-serif;font-size:16px;line-height:1.45">` +
    `<div class="card" style="max-width:560px;margin:0 auto;background:#ffffff;border-radius:12px;padding:20px">` +
    `<h1 style="font-size:20px;margin:0 0 4px">${escapeHtml(content.heading)}</h1>` +
    (content.lead == null ? '' : `<p style="margin:8px 0;font-size:17px;font-weight:600">${escapeHtml(content.lead)}</p>`) +
    `<p style="margin:0 0 16px">${escapeHtml(content.intro)}</p>` +
    content.sections.map(sectionHtml).join('') +
    content.links.map(linkHtml).join('') +
    `</div></body></html>`;
  return { subject: content.subject, text: textOf(content), html };
}
