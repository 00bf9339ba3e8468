import { Hono } from 'hono';
import type { AppEnv } from '../app-env.ts';
import { authorize } from '../auth/authorize.ts';
import { PUBLIC } from '../auth/policy.ts';
import { preferredLocale } from '../domain/preferred-locale.ts';
import { TICKET_READ_PERIOD_SECONDS } from '../http/ticket-read-limit.ts';
import { renderTicketPage, ticketPageStatus, type TicketPage } from '../ticket-page/render.ts';
import { readTicketAt } from './ticket-reads.ts';

/** Where patients' ticket links point (wrangler.toml run_worker_first lists it). */
export const TICKET_PAGE_PREFIX = '/t';

/**
 * A patient's live ticket page: HTML, in the language the browser asks for; its style and script
 * are the API's (`/api/v1/ticket-page.css`, `.js`, routes/tickets.ts). Whatever follows `/t/` is
 * a token: a mangled link gets the page that says so, never the PWA nor a JSON error.
 */
export const ticketPageRoutes = new Hono<AppEnv>()
  .get(`${TICKET_PAGE_PREFIX}/:token`, authorize(PUBLIC), async (c) => {
    const result = await readTicketAt(c, c.req.param('token'));
    const page: TicketPage = result.ok ? { kind: 'ticket', view: result.value } : { kind: result.error };
    if (page.kind === 'rate_limited') c.header('Retry-After', String(TICKET_READ_PERIOD_SECONDS));
    c.header('Vary', 'Accept-Language');
    return c.html(renderTicketPage(page, preferredLocale(c.req.header('Accept-Language'))), ticketPageStatus(page));
  });
