// The Worker first: its routes extend zod with OpenAPI before any shared schema module is read.
import { createApp } from '../../worker/app.ts';
import { env, SELF } from 'cloudflare:test';
import fc from 'fast-check';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Policy } from '../../worker/auth/policy.ts';
import { ERROR_STATUS, ErrorResponseSchema } from '../../worker/errors.ts';
import { inputCases, prepared, type PreparedRequest } from '../support/bad-input/input-cases.ts';
import { surveyRoutes, type InputRoute } from '../support/bad-input/input-routes.ts';
import { isPlainObject } from '../support/bad-input/mutations.ts';
import type { BadInputTally } from '../support/bad-input/tally.ts';
import type { Hints } from '../support/bad-input/valid-values.ts';
import { rowChanges, worldRows } from '../support/bad-input/world-rows.ts';
import { createWorld, ORIGIN, sessionFor, type World } from '../support/world.ts';

/**
 * Every write route and every read route with a query string, found in the app itself (a route
 * added later is covered with no edit here), is sent at least REFUSED_PER_ENDPOINT inputs that its
 * own zod schemas refuse — generated from those schemas, then broken one thing at a time: wrong
 * types, out-of-range numbers, impossible dates, unknown and missing fields, control and bidi
 * characters, huge strings, bodies that are not JSON. Each must answer 4xx in the error shape and
 * leave the world's rows in the database as they were. The inputs the schemas accept are sent too,
 * at the end: none may answer 5xx.
 */

/** Over 50 endpoints, 600 each is 30,000 refused inputs a run: the generator's variety, at a suite time a CI can afford. */
const REFUSED_PER_ENDPOINT = 600;
const ACCEPTED_PER_ENDPOINT = 40;
/**
 * Refused inputs in flight at once: each costs the Worker a session lookup in sqld and little else,
 * so more in flight keeps both processes busy on the two cores everyone shares.
 */
const CONCURRENCY = 16;
/** Accepted inputs do real work (password hashing, writes): fewer at once. */
const ACCEPTED_CONCURRENCY = 4;
/** Longer than any request should take, even two cores shared by everyone; silence is a failure. */
const ANSWER_WITHIN_MS = 20_000;
/** A failure prints it; set it here to draw the same inputs again. */
const SEED = Date.now() % 2 ** 31;

/**
 * Accepted inputs that would act beyond this test's world in the shared database, so they are not
 * sent: a weekly digest without a clinic is the service's, e-mailed to every super admin there.
 */
const ACTS_BEYOND_THE_WORLD: Record<string, (request: PreparedRequest) => boolean> = {
  'POST /api/v1/reports/weekly/send': (request) => !(isPlainObject(request.seen.body) && typeof request.seen.body.clinicId === 'string'),
  // A service-wide note shows on every clinic's charts (and in their digests), other files' too.
  'POST /api/v1/admin/annotations': () => true,
};

const app = createApp();
// Reading the routes fails the file at once, naming the route, when one has no schema the
// generator understands.
const survey = surveyRoutes(app);

interface Answer {
  status: number;
  text: string;
}

describe("bad input, generated from each route's own schemas", () => {
  let world: World;
  let hints: Hints;
  const sessions = new Map<string, string>();
  const acceptedInputs: Array<{ route: InputRoute; request: PreparedRequest; turn: number }> = [];
  /** Error lines the Worker logged (a 5xx's stack), kept for the failure message; the rest is noise. */
  let errorLines: string[] = [];

  beforeAll(async () => {
    world = await createWorld();
    for (const person of ['superAdmin', 'ownerA', 'staffA'] as const) sessions.set(person, await sessionFor(world[person], 6 * 3_600_000));
    hints = worldHints(world);
  });

  const log = console.log;
  afterEach(() => {
    console.log = log;
  });

  /**
   * Keeps the request log (one line per request, tens of thousands here) out of the run, but its
   * errors. A plain replacement, not a spy: a spy would keep every call.
   */
  function quietLog(): void {
    errorLines = [];
    console.log = (line: unknown) => {
      if (typeof line === 'string' && line.includes('"level":"error"')) errorLines.push(line.slice(0, 3_000));
    };
  }

  /**
   * Who calls each route: a clinic's own member for clinic routes (owner, or staff where only staff
   * may), whose memberships come with the session — the super admin would cost every request one
   * more query for the same answer; the super admin for every other signed-in route; the clinic's
   * key for ingestion; nobody for public routes.
   */
  function tokenFor(policy: Policy): string | undefined {
    switch (policy.access) {
      case 'public':
        return undefined;
      case 'metrics_token':
        return env.METRICS_TOKEN;
      case 'clinic_api_key':
        return world.keyA;
      case 'clinic':
        return sessions.get(policy.roles.includes('clinic_owner') ? 'ownerA' : policy.roles.includes('staff') ? 'staffA' : 'superAdmin');
      case 'signed_in':
      case 'super_admin':
      // The digest preview lets the super admin in, so its inputs reach validation.
      case 'report':
        return sessions.get('superAdmin');
    }
  }

  /** The answer, or status 0 when none came within ANSWER_WITHIN_MS (the request is left to finish). */
  async function send(request: PreparedRequest, token: string | undefined): Promise<Answer> {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const silence = new Promise<Answer>((resolve) => {
      timer = setTimeout(() => resolve({ status: 0, text: '' }), ANSWER_WITHIN_MS);
    });
    try {
      return await Promise.race([exchange(request, token), silence]);
    } finally {
      clearTimeout(timer);
    }
  }

  async function exchange(request: PreparedRequest, token: string | undefined): Promise<Answer> {
    const headers = new Headers({ 'CF-Connecting-IP': world.ip });
    if (token !== undefined) headers.set('Authorization', `Bearer ${token}`);
    if (request.contentType !== undefined) headers.set('Content-Type', request.contentType);
    // Bytes, not a string: fetch would give a string body a text/plain type of its own.
    const body = request.body === undefined ? undefined : new TextEncoder().encode(request.body);
    const response = await SELF.fetch(`${ORIGIN}${request.target}`, { method: request.method, headers, body });
    return { status: response.status, text: await response.text() };
  }

  it('should find the write routes and the query-string routes in the app itself', ({ task }) => {
    const names = survey.underTest.map((route) => route.name);
    expect(names).toEqual(expect.arrayContaining(['POST /api/v1/admin/clinics', 'PATCH /api/v1/admin/clinics/:clinicId', 'POST /api/v1/clinics/:clinicId/api-keys', 'GET /api/v1/reports/weekly/preview', 'POST /api/v1/ingest/events', 'POST /api/v1/ingest/tickets', 'POST /api/v1/clinics/:clinicId/queue/entries/:entryId/ticket', 'GET /api/v1/admin/audit', 'GET /api/v1/clinics/:clinicId/stats/estimates', 'PUT /api/v1/clinics/:clinicId/service-target', 'PUT /api/v1/clinics/:clinicId/sms-budget', 'GET /api/v1/clinics/:clinicId/forecast', 'GET /api/v1/clinics/:clinicId/stats/forecast-accuracy', 'PATCH /api/v1/me/settings', 'POST /api/v1/clinics/:clinicId/annotations', 'GET /api/v1/clinics/:clinicId/annotations', 'DELETE /api/v1/clinics/:clinicId/annotations/:annotationId', 'POST /api/v1/admin/annotations', 'GET /api/v1/admin/annotations', 'DELETE /api/v1/admin/annotations/:annotationId', 'POST /api/v1/clinics/:clinicId/share-links', 'DELETE /api/v1/clinics/:clinicId/share-links/:linkId', 'GET /api/v1/shared/:token/analytics', 'GET /api/v1/clinics/:clinicId/history.csv', 'GET /api/v1/admin/funnel', 'GET /api/v1/admin/clinics.csv', 'GET /api/v1/admin/security', 'GET /api/v1/admin/revenue', 'GET /api/v1/admin/revenue.csv', 'GET /api/v1/admin/jobs/failed', 'POST /api/v1/admin/jobs/failed/:id/retry', 'DELETE /api/v1/admin/jobs/failed/:id', 'GET /api/v1/admin/errors', 'POST /api/v1/admin/clinics/:clinicId/erase', 'DELETE /api/v1/admin/users/:userId']));
    expect(names.length).toBeGreaterThanOrEqual(25);
    task.meta.badInputWithoutInput = survey.withoutInput;
  });

  survey.underTest.forEach((route, index) => {
    it(`should refuse ${REFUSED_PER_ENDPOINT.toLocaleString('en-US')} bad inputs to ${route.name}: 4xx in the error shape, nothing changed`, { timeout: 120_000 }, async ({ task }) => {
      const started = Date.now();
      const { refused, accepted } = casesFor(route, hints, SEED + index * 1_000);
      acceptedInputs.push(...accepted.filter((request) => !(ACTS_BEYOND_THE_WORLD[route.name]?.(request) ?? false)).map((request, turn) => ({ route, request, turn })));

      quietLog();
      const before = await worldRows(world);
      const answers = await inBatches(refused, (request) => send(request, tokenFor(route.policy)));
      const after = await worldRows(world);

      const statuses: Record<string, number> = {};
      const problems: string[] = [];
      answers.forEach((answer, at) => {
        statuses[answer.status] = (statuses[answer.status] ?? 0) + 1;
        const problem = problemWith(answer, true);
        if (problem !== undefined) problems.push(`${problem} — ${described(refused[at])}`);
      });
      const tally: BadInputTally = { endpoint: route.name, refused: refused.length, accepted: accepted.length, statuses, milliseconds: Date.now() - started };
      task.meta.badInput = tally;

      expect(problems, failureText(route, problems, errorLines)).toEqual([]);
      expect(rowChanges(before, after), `seed ${SEED}: refused inputs to ${route.name} changed the world's rows`).toEqual([]);
    });
  });

  it('should never answer 5xx to the inputs the schemas accept', { timeout: 300_000 }, async () => {
    quietLog();
    // Endpoints taken in turn, a few requests at a time: how the API holds under many concurrent
    // writers is not this test's question.
    const inTurn = acceptedInputs.toSorted((a, b) => a.turn - b.turn);
    const answers = await inBatches(inTurn, ({ route, request }) => send(request, tokenFor(route.policy)), ACCEPTED_CONCURRENCY);
    const problems = answers.flatMap((answer, at) => {
      const problem = problemWith(answer, false);
      const input = inTurn[at];
      return problem === undefined || input === undefined ? [] : [`${problem} — ${input.route.name}: ${described(input.request)}`];
    });
    expect(problems, `seed ${SEED}: accepted inputs answered badly:\n${problems.slice(0, 20).join('\n')}\n${errorLines.slice(0, 3).join('\n')}`).toEqual([]);
  });
});

/**
 * At least REFUSED_PER_ENDPOINT distinct inputs the route refuses, and a few it accepts, picked
 * across everything accepted (a mutation the schema lets through is the interesting kind). Fails
 * when the schema accepts nearly anything: then there is no bad input to speak of, and it should
 * say more.
 */
function casesFor(route: InputRoute, hints: Hints, seed: number): { refused: PreparedRequest[]; accepted: PreparedRequest[] } {
  const refused: PreparedRequest[] = [];
  const accepted: PreparedRequest[] = [];
  const seen = new Set<string>();
  const arbitrary = inputCases(route, hints);
  for (let round = 0; refused.length < REFUSED_PER_ENDPOINT && round < 40; round += 1) {
    for (const input of fc.sample(arbitrary, { numRuns: 400, seed: seed + round })) {
      const request = prepared(route, input);
      if (request === undefined) continue;
      const key = fingerprint(request);
      if (seen.has(key)) continue;
      seen.add(key);
      if (request.accepted) accepted.push(request);
      else if (refused.length < REFUSED_PER_ENDPOINT) refused.push(request);
    }
  }
  if (refused.length < REFUSED_PER_ENDPOINT) throw new Error(`seed ${SEED}: only ${refused.length} distinct inputs ${route.name} refuses could be generated`);
  const step = Math.max(1, accepted.length / ACCEPTED_PER_ENDPOINT);
  return { refused, accepted: Array.from({ length: Math.min(ACCEPTED_PER_ENDPOINT, accepted.length) }, (_, at) => accepted[Math.floor(at * step)]).filter((request) => request !== undefined) };
}

/** Two requests alike in this are the same request; huge bodies are told apart by their ends. */
function fingerprint(request: PreparedRequest): string {
  const body = request.body ?? '';
  const shown = body.length > 2_000 ? `${body.length}:${body.slice(0, 500)}:${body.slice(-500)}` : body;
  return `${request.target}\n${request.contentType ?? ''}\n${shown}`;
}

async function inBatches<T>(items: readonly T[], run: (item: T) => Promise<Answer>, concurrency = CONCURRENCY): Promise<Answer[]> {
  const answers: Answer[] = new Array<Answer>(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const at = next;
      next += 1;
      const item = items[at];
      if (item !== undefined) answers[at] = await run(item);
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  return answers;
}

/** What is wrong with an answer: a 5xx; a success for an input the schema refuses; an error not in the one shape. */
function problemWith(answer: Answer, mustRefuse: boolean): string | undefined {
  if (answer.status === 0) return `no answer within ${ANSWER_WITHIN_MS / 1000} s`;
  if (answer.status >= 500) return `answered ${answer.status}`;
  if (mustRefuse && answer.status < 400) return `answered ${answer.status} to an input its schema refuses`;
  if (answer.status < 400) return undefined;
  let json: unknown;
  try {
    json = JSON.parse(answer.text);
  } catch {
    return `answered ${answer.status} with a body that is not JSON: ${answer.text.slice(0, 120)}`;
  }
  const parsed = ErrorResponseSchema.safeParse(json);
  if (!parsed.success) return `answered ${answer.status} outside the error shape: ${answer.text.slice(0, 200)}`;
  const { code } = parsed.data.error;
  if (ERROR_STATUS[code] !== answer.status) return `answered ${answer.status} with the code ${code}, which is ${ERROR_STATUS[code]}`;
  return undefined;
}

function described(request: PreparedRequest | undefined): string {
  if (request === undefined) return '(no request)';
  const body = request.body === undefined ? '' : ` ${request.contentType ?? '(no type)'} ${JSON.stringify(request.body.slice(0, 300))}${request.body.length > 300 ? `… (${request.body.length} characters)` : ''}`;
  return `${request.method} ${request.target.slice(0, 300)}${body}`;
}

function failureText(route: InputRoute, problems: string[], errors: string[]): string {
  return [`seed ${SEED}: ${problems.length} refused inputs to ${route.name} were answered badly:`, ...problems.slice(0, 15), ...errors.slice(0, 3)].join('\n');
}

/**
 * Realistic values the schemas cannot describe: this world's clinic (so clinic routes reach their
 * schemas instead of a 404), real time zones, Mondays already past, push keys of the right length,
 * e-mail addresses nobody else uses. No push endpoint: a saved subscription would send real pushes
 * to the Internet when another test alerts every super admin.
 */
function worldHints(world: World): Hints {
  const firstMonday = Date.parse('2024-01-01T00:00:00Z');
  return {
    clinicId: fc.constant(world.clinicA),
    timezone: fc.constantFrom('Africa/Tunis', 'Europe/Paris'),
    week: fc.integer({ min: 0, max: 100 }).map((weeks) => new Date(firstMonday + weeks * 7 * 86_400_000).toISOString().slice(0, 10)),
    email: fc.uuid().map((id) => `bad-input-${id.slice(0, 13)}-${world.suffix}@test.pulse`),
    p256dh: fc.stringMatching(/^[A-Za-z0-9_-]{87}$/),
    auth: fc.stringMatching(/^[A-Za-z0-9_-]{22}$/),
  };
}
