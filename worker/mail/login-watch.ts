import type { Clock } from '../runtime/clock.ts';
import { MailError, type Mailer } from './mailer.ts';

/** What one send told about Pulse's login to its mail server. */
export interface MailLoginOutcome {
  accepted: boolean;
  at: number;
  /** The server's refusal, as the mailer worded it (no secret in it); null when accepted. */
  refusal: string | null;
}

/** A refusal is kept for /health; its length is bounded so a chatty server cannot fill the report. */
const MAX_REFUSAL_LENGTH = 300;

/**
 * `mailer`, telling `record` whether the server took Pulse's login on each send: a refused login
 * (MailError.loginRefused) fails every message alike, so the Metrics object remembers it and
 * /health shows the mail part failing until a message is accepted again. `record` must not throw:
 * the send's own outcome is what the caller gets.
 */
export function watchingLogin(mailer: Mailer, record: (outcome: MailLoginOutcome) => Promise<void>, clock: Clock): Mailer {
  return {
    async send(message) {
      try {
        const sent = await mailer.send(message);
        await record({ accepted: true, at: clock.now(), refusal: null });
        return sent;
      } catch (error) {
        if (error instanceof MailError && error.loginRefused) {
          await record({ accepted: false, at: clock.now(), refusal: error.message.slice(0, MAX_REFUSAL_LENGTH) });
        }
        throw error;
      }
    },
  };
}
