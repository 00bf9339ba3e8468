/**
 * A morning that went wrong, set up through the API as the queue app would report it: a clinic of
 * its own (the demo clinics' queues are the seed's), whose doctor has called nobody for two hours
 * while ten patients wait. Patients who have waited that long, with others ahead of them, are the
 * ones the walk-out risk is for.
 */

function read(value: unknown, ...path: string[]): unknown {
  let at = value;
  for (const key of path) at = typeof at === 'object' && at !== null ? Reflect.get(at, key) : undefined;
  return at;
}

function text(value: unknown, ...path: string[]): string {
  const found = read(value, ...path);
  if (typeof found !== 'string') throw new Error(`expected a string at ${path.join('.')}, got ${JSON.stringify(value)}`);
  return found;
}

async function call(url: string, init: { method?: string; token?: string; json?: unknown; expect: number }): Promise<unknown> {
  const headers: Record<string, string> = { accept: 'application/json' };
  if (init.token !== undefined) headers['authorization'] = `Bearer ${init.token}`;
  if (init.json !== undefined) headers['content-type'] = 'application/json';
  const response = await fetch(url, { method: init.method ?? 'GET', headers, ...(init.json === undefined ? {} : { body: JSON.stringify(init.json) }) });
  const body: unknown = await response.json();
  if (response.status !== init.expect) throw new Error(`${init.method ?? 'GET'} ${url}: HTTP ${response.status} ${JSON.stringify(body)}`);
  return body;
}

const MINUTE = 60_000;
/** How long the first patient has waited: long enough for the risk to be high whatever the hour. */
const WAITED_MINUTES = 120;
const PATIENTS = 10;

/**
 * A zone where today's clinic day began more than `WAITED_MINUTES` (and an hour to spare) ago, so
 * the whole morning fits in today whenever the test runs: Tunis, or Tokyo around Tunis's midnight.
 */
function zoneWellIntoItsDay(now: number): string {
  for (const zone of ['Africa/Tunis', 'Asia/Tokyo']) {
    const hour = Number(new Intl.DateTimeFormat('en-GB', { timeZone: zone, hour: '2-digit', hourCycle: 'h23' }).format(now));
    if (hour * 60 >= WAITED_MINUTES + 60) return zone;
  }
  throw new Error('no zone is three hours into its day: check the candidates');
}

/**
 * Creates the clinic as the super admin and reports its morning with a key of its own; resolves
 * with its name, as the clinic picker lists it.
 */
export async function openLongMorning(baseUrl: string, admin: { email: string; password: string }): Promise<{ clinicName: string }> {
  const api = `${baseUrl}/api/v1`;
  const session = await call(`${api}/auth/login`, { method: 'POST', json: { ...admin, bearerToken: true }, expect: 200 });
  const token = text(session, 'token');
  const now = Date.now();
  /** Names this morning's clinic and events apart from any other run's (event ids are at most 64 characters). */
  const stamp = now.toString(36);
  const clinicName = `Cabinet de la Goulette ${stamp}`;
  const created = await call(`${api}/admin/clinics`, {
    method: 'POST',
    token,
    json: { name: clinicName, timezone: zoneWellIntoItsDay(now), planPrice: 50, smsUnitCost: 0.04 },
    expect: 201,
  });
  const clinicId = text(created, 'clinic', 'clinicId');
  const key = text(await call(`${api}/clinics/${clinicId}/api-keys`, { method: 'POST', token, json: { name: 'File d’attente' }, expect: 201 }), 'key');

  const startedAt = now - WAITED_MINUTES * MINUTE;
  const events = [
    { id: `long-morning-${stamp}-presence`, type: 'doctor_presence_changed', present: true, occurredAt: new Date(startedAt).toISOString() },
    // A patient every two minutes, none called since.
    ...Array.from({ length: PATIENTS }, (_, index) => ({
      id: `long-morning-${stamp}-add-${index}`,
      type: 'patient_added',
      entryId: `long-morning-${index}`,
      method: index % 2 === 0 ? 'qr' : 'manual',
      occurredAt: new Date(startedAt + index * 2 * MINUTE).toISOString(),
    })),
  ];
  const ingested = await call(`${api}/ingest/events`, { method: 'POST', token: key, json: { events }, expect: 200 });
  if (read(ingested, 'accepted') !== events.length) throw new Error(`the morning was not taken whole: ${JSON.stringify(ingested)}`);
  return { clinicName };
}
