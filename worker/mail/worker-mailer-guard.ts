import { WorkerMailer } from 'worker-mailer';

/** The one field of worker-mailer's (private) connection state that reading a reply uses. */
interface ReplyReading {
  reader: ReadableStreamDefaultReader<Uint8Array>;
}

const decoder = new TextDecoder();

/**
 * worker-mailer 1.2.1 reads SMTP replies with `if (!value) continue`, never looking at `done`: when
 * a server closes the connection while a reply is awaited, the loop spins on the closed stream and
 * starves the isolate, so not even its own timeouts fire (seen against a server that hangs up
 * after its greeting; tests/integration/mail.test.ts keeps that case). This puts back the same
 * reply reading (until a line that is not a `NNN-` continuation), ending in an error at the end of
 * the stream. Applied once, on import; drop it when worker-mailer handles `done` itself.
 */
export function guardAgainstHangups(): void {
  Reflect.set(WorkerMailer.prototype, 'read', async function read(this: ReplyReading): Promise<string> {
    let response = '';
    for (;;) {
      const { value, done } = await this.reader.read();
      if (done) throw new Error('The SMTP server closed the connection before replying');
      response += decoder.decode(value);
      if (!response.endsWith('\n')) continue;
      const lines = response.split(/\r?\n/);
      if (!/^\d+-/.test(lines[lines.length - 2] ?? '')) return response;
    }
  });
}
