/**
 * The patient's ticket page, `/t/<token>`: light HTML for a cheap phone, no install, readable at
 * 320 px, complete without JavaScript (it then reloads itself every 30 s). With JavaScript
 * (assets.ts) it asks for itself again every POLL_SECONDS and swaps in what changed, so every
 * word is written here, once, in the visitor's language.
 *
 * The script finds its way by a few hooks: `#ticket` (`data-state`, `data-final`), the live region
 * `#ticket-status`, `#ticket-updated` (its `data-*-ago` templates) and `#ticket-offline`.
 */
import { html } from 'hono/html';
import type { HtmlEscapedString } from 'hono/utils/html';
import { isFinalState, type TicketView } from '../domain/ticket-view.ts';
import type { Locale } from '../domain/vocabulary.ts';
import { textsFor } from '../texts/catalogue.ts';

/** How often an open page asks again: a call is seen within this long. */
export const POLL_SECONDS = 10;
/** Without JavaScript, the page reloads itself this often. */
const RELOAD_SECONDS = 30;
/** A page refused for now (rate limited, unavailable) reloads itself after this long. */
const RETRY_SECONDS = 15;

/** What the page shows: a ticket, or why there is none. */
export type TicketPage = { kind: 'ticket'; view: TicketView } | { kind: 'expired' | 'not_found' | 'rate_limited' | 'unavailable' };

type Words = ReturnType<typeof textsFor>['ticketPage'];
type Tone = 'waiting' | 'called' | 'done' | 'problem';

interface Status {
  headline: string;
  details: string[];
  tone: Tone;
}

/** The page in `locale`. */
export function renderTicketPage(page: TicketPage, locale: Locale): HtmlEscapedString | Promise<HtmlEscapedString> {
  const words = textsFor(locale).ticketPage;
  if (page.kind !== 'ticket') return renderRefusal(page.kind, words, locale);
  const { view } = page;
  const status = statusOf(view, words);
  const final = isFinalState(view.state);
  return html`<!doctype html>
<html lang="${locale}">
<head>
${head(words.title(view.ticketNumber, view.clinicName))}
${final ? '' : html`<noscript><meta http-equiv="refresh" content="${RELOAD_SECONDS}"></noscript>
<script type="module" src="/api/v1/ticket-page.js"></script>`}
</head>
<body>
<main id="ticket" data-state="${view.state}" data-final="${String(final)}" data-poll-seconds="${POLL_SECONDS}">
<p class="clinic">${view.clinicName}</p>
<h1><span class="label">${words.yourTicket}</span> <span class="number">${view.ticketNumber}</span></h1>
${statusRegion(status)}
${final
  ? ''
  : html`<p id="ticket-updated" class="updated" hidden data-seconds-ago="${words.secondsAgo('{n}')}" data-minutes-ago="${words.minutesAgo('{n}')}">${words.secondsAgo('0')}</p>
<p id="ticket-offline" class="offline" hidden>${words.offline}</p>
<p class="note">${words.live}</p>`}
</main>
</body>
</html>`;
}

/** The HTTP status that goes with the page. */
export function ticketPageStatus(page: TicketPage): 200 | 404 | 429 | 503 {
  switch (page.kind) {
    case 'ticket':
      return 200;
    case 'expired':
    case 'not_found':
      return 404;
    case 'rate_limited':
      return 429;
    case 'unavailable':
      return 503;
  }
}

function renderRefusal(kind: Exclude<TicketPage['kind'], 'ticket'>, words: Words, locale: Locale) {
  const { headline, detail } = {
    expired: { headline: words.expired, detail: words.expiredDetail },
    not_found: { headline: words.notFound, detail: words.notFoundDetail },
    rate_limited: { headline: words.rateLimited, detail: words.rateLimitedDetail },
    unavailable: { headline: words.unavailable, detail: words.unavailableDetail },
  }[kind];
  // For now only: the page tries again by itself. A dead link stays as it is.
  const passing = kind === 'rate_limited' || kind === 'unavailable';
  return html`<!doctype html>
<html lang="${locale}">
<head>
${head(headline)}
${passing ? html`<meta http-equiv="refresh" content="${RETRY_SECONDS}">` : ''}
</head>
<body>
<main id="ticket" data-state="${kind}" data-final="${String(!passing)}">
<h1>${headline}</h1>
${statusRegion({ headline: '', details: [detail], tone: 'problem' })}
</main>
</body>
</html>`;
}

function head(title: string) {
  return html`<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex, nofollow">
<meta name="referrer" content="no-referrer">
<title>${title}</title>
<link rel="stylesheet" href="/api/v1/ticket-page.css">`;
}

/** The live region: a screen reader says its words again whenever the script swaps them. */
function statusRegion(status: Status) {
  return html`<div id="ticket-status" class="status tone-${status.tone}" role="status">${status.headline === '' ? '' : html`<p class="headline">${status.headline}</p>`}${status.details.map((detail) => html`<p class="detail">${detail}</p>`)}</div>`;
}

/** What the ticket's state says, its figures first. */
export function statusOf(view: TicketView, words: Words): Status {
  switch (view.state) {
    case 'waiting': {
      const { position, estimate } = view;
      const wait = estimate === null ? words.noEstimate : estimate.highMinutes === 0 ? words.soon : words.range(estimate.lowMinutes, estimate.highMinutes);
      return { headline: position === null ? words.waiting : words.position(position), details: position === 1 ? [words.next, wait] : [wait], tone: 'waiting' };
    }
    case 'called':
      return { headline: words.called, details: [words.calledDetail], tone: 'called' };
    case 'in_consultation':
      return { headline: words.inConsultation, details: [words.inConsultationDetail], tone: 'done' };
    case 'completed':
      return { headline: words.completed, details: [words.completedDetail], tone: 'done' };
    case 'no_show':
      return { headline: words.noShow, details: [words.noShowDetail], tone: 'problem' };
    case 'cancelled':
      return { headline: words.cancelled, details: [words.cancelledDetail], tone: 'problem' };
    case 'unfinished':
      return { headline: words.unfinished, details: [words.unfinishedDetail], tone: 'problem' };
  }
}
