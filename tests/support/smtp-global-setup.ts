import { once } from 'node:events';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import { createServer as createTcpServer, type AddressInfo } from 'node:net';
import { simpleParser, type AddressObject } from 'mailparser';
import { SMTPServer } from 'smtp-server';
import type { TestProject } from 'vitest/node';
import './provided-context.ts';

/** The login the test SMTP server accepts; any other is refused with 535. */
const SMTP_TEST_USER = 'pulse';
const SMTP_TEST_PASSWORD = 'smtp-test-password';

/** What arrived over SMTP, parsed by mailparser, as the mail tests read it back. */
interface ReceivedMail {
  envelopeFrom: string;
  envelopeTo: string[];
  from: string | undefined;
  fromName: string | undefined;
  to: string[];
  subject: string | undefined;
  html: string | undefined;
  text: string | undefined;
  messageId: string | undefined;
  headers: Record<string, string>;
}

/** A request the fake mail provider received. */
interface ProviderRequest {
  authorization: string | undefined;
  contentType: string | undefined;
  body: unknown;
}

/**
 * Real mail servers for the Worker's mailers, in the test process:
 * - an SMTP server (smtp-server) that keeps every message it accepts, parsed by mailparser, and
 *   refuses recipients `refused-…@` with 550 and `greylisted-…@` with 451;
 * - an HTTP server that plays a Resend-style provider at `POST /provider/emails` (answering the
 *   status a `status-NNN-…@` recipient names) and lets tests read what both servers received:
 *   `GET /smtp/messages?to=ADDRESS`, `GET /provider/requests?to=ADDRESS`;
 * - a server that hangs up after its greeting, and a port on which nothing listens.
 */
export default async function setup(project: TestProject) {
  const received: ReceivedMail[] = [];
  const providerRequests: ProviderRequest[] = [];

  const smtp = new SMTPServer({
    logger: false,
    authOptional: true,
    // Plain text on the loopback: workerd would not trust a self-signed STARTTLS certificate.
    allowInsecureAuth: true,
    disabledCommands: ['STARTTLS'],
    onAuth(auth, _session, callback) {
      if (auth.username === SMTP_TEST_USER && auth.password === SMTP_TEST_PASSWORD) return callback(null, { user: auth.username });
      callback(Object.assign(new Error('Authentication credentials invalid'), { responseCode: 535 }));
    },
    onRcptTo(address, _session, callback) {
      if (address.address.startsWith('refused-')) return callback(Object.assign(new Error('No such mailbox here'), { responseCode: 550 }));
      if (address.address.startsWith('greylisted-')) return callback(Object.assign(new Error('Greylisted, try again later'), { responseCode: 451 }));
      callback();
    },
    onData(stream, session, callback) {
      // The message is parsed and stored before the 250 goes out: once send() resolves, it is readable.
      simpleParser(stream)
        .then((parsed) => {
          const envelopeFrom = session.envelope.mailFrom === false ? '' : session.envelope.mailFrom.address;
          received.push({
            envelopeFrom,
            envelopeTo: session.envelope.rcptTo.map((rcpt) => rcpt.address),
            from: parsed.from?.value[0]?.address,
            fromName: parsed.from?.value[0]?.name,
            to: addressesOf(parsed.to),
            subject: parsed.subject,
            html: parsed.html === false ? undefined : parsed.html,
            text: parsed.text,
            messageId: parsed.messageId,
            headers: Object.fromEntries([...parsed.headers].map(([name, value]) => [name, typeof value === 'string' ? value : JSON.stringify(value)])),
          });
          callback();
        })
        .catch((error: unknown) => callback(error instanceof Error ? error : new Error(String(error))));
    },
  });
  // A client that drops its connection (a Worker request ended mid-session) is the client's
  // business; without a listener, smtp-server's 'error' event would end the whole test run.
  smtp.on('error', (error: Error) => process.stderr.write(`test SMTP server: ${error.message}\n`));
  smtp.listen(0, '127.0.0.1');
  await once(smtp.server, 'listening');

  const inspector = createServer((request, response) => {
    const url = new URL(request.url ?? '/', 'http://inspector');
    const reply = (status: number, body: unknown) => {
      response.writeHead(status, { 'Content-Type': 'application/json' });
      response.end(JSON.stringify(body));
    };
    const to = url.searchParams.get('to');
    if (request.method === 'GET' && url.pathname === '/smtp/messages') return reply(200, received.filter((mail) => to !== null && mail.envelopeTo.includes(to)));
    if (request.method === 'GET' && url.pathname === '/provider/requests') {
      return reply(200, providerRequests.filter((recorded) => to !== null && JSON.stringify(recorded.body).includes(`"${to}"`)));
    }
    if (request.method === 'POST' && url.pathname === '/provider/emails') {
      void readJson(request).then((body) => {
        providerRequests.push({ authorization: request.headers.authorization, contentType: request.headers['content-type'], body });
        const status = /"status-(\d{3})-/.exec(JSON.stringify(body))?.[1];
        if (status !== undefined) return reply(Number(status), { statusCode: Number(status), name: 'test_error', message: `Answered ${status} on request` });
        reply(200, { id: `provider-${providerRequests.length}` });
      });
      return;
    }
    reply(404, { message: 'not found' });
  });
  inspector.listen(0, '127.0.0.1');
  await once(inspector, 'listening');

  // A server that greets, then hangs up on the first command without a reply.
  const hangup = createTcpServer((socket) => {
    socket.write('220 hangup.test ESMTP\r\n');
    socket.once('data', () => socket.end());
  });
  hangup.listen(0, '127.0.0.1');
  await once(hangup, 'listening');

  const closedPort = await unusedPort();
  const smtpAddress = smtp.server.address() as AddressInfo;
  project.provide('smtpHost', '127.0.0.1');
  project.provide('smtpPort', smtpAddress.port);
  project.provide('smtpUser', SMTP_TEST_USER);
  project.provide('smtpPassword', SMTP_TEST_PASSWORD);
  project.provide('smtpClosedPort', closedPort);
  project.provide('smtpHangupPort', (hangup.address() as AddressInfo).port);
  project.provide('mailInspectorUrl', `http://127.0.0.1:${(inspector.address() as AddressInfo).port}`);

  return async () => {
    await Promise.all([
      new Promise<void>((resolve) => smtp.close(() => resolve())),
      new Promise<void>((resolve) => inspector.close(() => resolve())),
      new Promise<void>((resolve) => hangup.close(() => resolve())),
    ]);
  };
}

function addressesOf(field: AddressObject | AddressObject[] | undefined): string[] {
  if (field === undefined) return [];
  return (Array.isArray(field) ? field : [field]).flatMap((group) => group.value.flatMap((address) => (address.address === undefined ? [] : [address.address])));
}

async function readJson(request: IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  try {
    return JSON.parse(Buffer.concat(chunks).toString('utf8'));
  } catch {
    return { unparsable: Buffer.concat(chunks).toString('utf8') };
  }
}

/** A port that was free a moment ago and is closed again: connecting to it is refused. */
async function unusedPort(): Promise<number> {
  const server: Server = createServer();
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}
