import type { Context } from 'hono';
import type { AppEnv } from '../app-env.ts';
import { ticketKeysFrom } from '../auth/ticket-token.ts';
import type { TicketView } from '../domain/ticket-view.ts';
import { clientIp } from '../http/audit.ts';
import { cachedClinicName } from '../http/clinic-name-cache.ts';
import { admitTicketRead } from '../http/ticket-read-limit.ts';
import { readTicket, type TicketRefusal } from '../use-cases/tickets.ts';
import type { Result } from '../use-cases/result.ts';

/**
 * One read of a patient's ticket, for its JSON and for its page alike: rate limited per address,
 * counted by result (`pulse_ticket_views_total`). Never cached by anyone: it changes with the queue.
 */
export async function readTicketAt(c: Context<AppEnv>, token: string): Promise<Result<TicketView, TicketRefusal>> {
  const { config, clock, db, durableObjects, logger, metrics } = c.var.services;
  c.header('Cache-Control', 'no-store');
  c.header('X-Robots-Tag', 'noindex');
  const result = await readTicket(
    {
      now: clock.now(),
      keys: () => ticketKeysFrom(config.ipHashKey),
      admit: () => admitTicketRead(c.env.TICKET_RATE_LIMITER, { ip: clientIp(c), hashKey: config.ipHashKey, logger }),
      ticket: (clinicId, entryId) => durableObjects.clinicQueue(clinicId).ticket(clinicId, entryId, clock.now()),
      clinicName: (clinicId) => cachedClinicName(db, clinicId, (promise) => c.executionCtx.waitUntil(promise)),
      unavailable: (error) => logger.warn('ticket unavailable', { error: String(error) }),
    },
    token,
  );
  metrics.count('pulse_ticket_views_total', { result: result.ok ? 'shown' : result.error });
  return result;
}
