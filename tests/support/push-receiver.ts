import { createECDH, createPublicKey, randomBytes, randomUUID, verify, type ECDH } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { createServer } from 'node:https';
import type { AddressInfo } from 'node:net';
import ece from 'http_ece';

/**
 * What the receiver saw of one push request, checked the way a push service (the VAPID header)
 * and a browser (the encrypted body) check it. Tests in workerd read these as JSON.
 */
export interface ReceivedPush {
  /** The status the receiver answered with (the device's configured answer). */
  answered: number;
  ttl: string | null;
  urgency: string | null;
  contentEncoding: string | null;
  vapid: {
    /** The `k=` key of the Authorization header (RFC 8292 §3.2). */
    publicKey: string;
    /** ES256 signature of the JWT checked with that key. */
    signatureValid: boolean;
    header: Record<string, unknown>;
    claims: { aud?: unknown; exp?: unknown; sub?: unknown; iat?: unknown };
  } | null;
  /** The decrypted plaintext, or null with `error` saying why it could not be read. */
  plaintext: string | null;
  error: string | null;
}

/** A browser's side of a subscription: keys the test made, and how its push service answers. */
interface Device {
  ecdh: ECDH;
  authSecret: Buffer;
  answer: number;
  /** Sent as `Location` with the answer: a push service that redirects (it should not, and is not followed). */
  location: string | null;
  received: ReceivedPush[];
}

/**
 * A push service and the browsers behind it, over real HTTPS (a certificate from the run's CA):
 *
 * - `POST /devices {answer, location?}` creates a device like `PushManager.subscribe()` does (P-256
 *   ECDH key pair, 16-byte auth secret) and returns its subscription JSON; its endpoint answers
 *   `answer`, with `location` as its `Location` header when given (a redirecting push service).
 * - `POST /push/:id` is that endpoint: it verifies the VAPID JWT and decrypts the aes128gcm body.
 * - `GET /devices/:id/received` lists what reached the device.
 * - `PUT /devices/:id/answer {answer}` changes how its endpoint answers from now on (a push service back up).
 */
export async function startPushReceiver(tls: { cert: string; key: string }): Promise<{ url: string; close: () => Promise<void> }> {
  const devices = new Map<string, Device>();
  const server = createServer(tls, (request, response) => {
    handle(request, response).catch((error: unknown) => reply(response, 500, { error: String(error) }));
  });

  async function handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const url = new URL(request.url ?? '/', origin());
    const body = await readBody(request);
    const push = /^\/push\/([\w-]+)$/.exec(url.pathname);
    const list = /^\/devices\/([\w-]+)\/received$/.exec(url.pathname);
    const answer = /^\/devices\/([\w-]+)\/answer$/.exec(url.pathname);
    if (request.method === 'POST' && url.pathname === '/devices') {
      const { answer, location } = JSON.parse(body.toString('utf8') || '{}') as { answer?: number; location?: string };
      const id = randomUUID();
      const ecdh = createECDH('prime256v1');
      ecdh.generateKeys();
      const device: Device = { ecdh, authSecret: randomBytes(16), answer: answer ?? 201, location: location ?? null, received: [] };
      devices.set(id, device);
      reply(response, 201, {
        endpoint: `${origin()}/push/${id}`,
        expirationTime: null,
        keys: { p256dh: ecdh.getPublicKey().toString('base64url'), auth: device.authSecret.toString('base64url') },
      });
    } else if (request.method === 'POST' && push !== null) {
      const device = devices.get(push[1] ?? '');
      if (device === undefined) return reply(response, 404, { error: 'no such subscription' });
      device.received.push(inspect(request, body, device));
      reply(response, device.answer, {}, device.location === null ? {} : { Location: device.location });
    } else if (request.method === 'GET' && list !== null) {
      const device = devices.get(list[1] ?? '');
      if (device === undefined) return reply(response, 404, { error: 'no such device' });
      reply(response, 200, device.received);
    } else if (request.method === 'PUT' && answer !== null) {
      const device = devices.get(answer[1] ?? '');
      if (device === undefined) return reply(response, 404, { error: 'no such device' });
      device.answer = (JSON.parse(body.toString('utf8')) as { answer: number }).answer;
      reply(response, 200, {});
    } else {
      reply(response, 404, { error: `nothing at ${request.method} ${url.pathname}` });
    }
  }

  function origin(): string {
    return `https://127.0.0.1:${(server.address() as AddressInfo).port}`;
  }

  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: origin(),
    // workerd keeps its connections alive; closing only stops listening unless they go too.
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeAllConnections();
      }),
  };
}

function inspect(request: IncomingMessage, body: Buffer, device: Device): ReceivedPush {
  const header = (name: string) => request.headers[name]?.toString() ?? null;
  const received: ReceivedPush = {
    answered: device.answer,
    ttl: header('ttl'),
    urgency: header('urgency'),
    contentEncoding: header('content-encoding'),
    vapid: readVapid(header('authorization')),
    plaintext: null,
    error: null,
  };
  try {
    received.plaintext = ece.decrypt(body, { version: 'aes128gcm', privateKey: device.ecdh, authSecret: device.authSecret }).toString('utf8');
  } catch (error) {
    received.error = error instanceof Error ? error.message : String(error);
  }
  return received;
}

/** RFC 8292 §3: `vapid t=<JWT>, k=<P-256 public key>`; the JWT signed ES256 with that key. */
function readVapid(authorization: string | null): ReceivedPush['vapid'] {
  const match = /^vapid t=([\w-]+)\.([\w-]+)\.([\w-]+), ?k=([\w-]+)$/.exec(authorization ?? '');
  if (match === null) return null;
  const [, headerPart = '', claimsPart = '', signaturePart = '', publicKey = ''] = match;
  const point = Buffer.from(publicKey, 'base64url');
  const key = createPublicKey({
    format: 'jwk',
    key: { kty: 'EC', crv: 'P-256', x: point.subarray(1, 33).toString('base64url'), y: point.subarray(33, 65).toString('base64url') },
  });
  const signatureValid = verify('sha256', Buffer.from(`${headerPart}.${claimsPart}`), { key, dsaEncoding: 'ieee-p1363' }, Buffer.from(signaturePart, 'base64url'));
  const decode = (part: string) => JSON.parse(Buffer.from(part, 'base64url').toString('utf8')) as Record<string, unknown>;
  return { publicKey, signatureValid, header: decode(headerPart), claims: decode(claimsPart) };
}

async function readBody(request: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

function reply(response: ServerResponse, status: number, json: unknown, headers: Record<string, string> = {}): void {
  response.writeHead(status, { ...headers, 'Content-Type': 'application/json' }).end(JSON.stringify(json));
}
