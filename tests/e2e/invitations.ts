/** What the e2e stories need from the API directly: the super admin's invitation of a clinic owner. */

function read(value: unknown, key: string): unknown {
  return typeof value === 'object' && value !== null ? Reflect.get(value, key) : undefined;
}

function text(value: unknown, key: string): string {
  const found = read(value, key);
  if (typeof found !== 'string') throw new Error(`expected a string at ${key}, got ${JSON.stringify(value)}`);
  return found;
}

async function call(url: string, { expect, ...init }: RequestInit & { expect: number }): Promise<unknown> {
  const response = await fetch(url, init);
  const body: unknown = await response.json();
  if (response.status !== expect) throw new Error(`${init.method ?? 'GET'} ${url}: HTTP ${response.status} ${JSON.stringify(body)}`);
  return body;
}

/**
 * Signs in as the super admin with a bearer token (no cookie, so no Origin check) and invites
 * `email` as the owner of the first clinic whose name is not `skipClinic`; returns the setup link.
 * The demo stack sends no mail (MAIL_TRANSPORT=outbox), which is the one case where the API hands
 * the super admin the link it "e-mailed".
 */
export async function inviteClinicOwner(
  baseUrl: string,
  admin: { email: string; password: string },
  email: string,
  skipClinic: string,
): Promise<{ setupUrl: string; clinicName: string }> {
  const json = { 'content-type': 'application/json' };
  const session = await call(`${baseUrl}/api/v1/auth/login`, { method: 'POST', headers: json, body: JSON.stringify({ ...admin, bearerToken: true }), expect: 200 });
  const auth = { authorization: `Bearer ${text(session, 'token')}` };
  const listed = read(await call(`${baseUrl}/api/v1/clinics`, { headers: auth, expect: 200 }), 'clinics');
  const clinic = (Array.isArray(listed) ? listed : []).find((candidate: unknown) => text(candidate, 'name') !== skipClinic);
  if (clinic === undefined) throw new Error('the demo has no other clinic');
  const invitation = await call(`${baseUrl}/api/v1/admin/clinics/${text(clinic, 'id')}/owners`, {
    method: 'POST',
    headers: { ...json, ...auth },
    body: JSON.stringify({ email }),
    expect: 201,
  });
  if (read(invitation, 'setupUrl') === undefined) throw new Error('no setupUrl in the answer: does the demo stack still keep its mail in the outbox?');
  return { setupUrl: text(invitation, 'setupUrl'), clinicName: text(clinic, 'name') };
}
