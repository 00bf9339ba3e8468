/**
 * The API's contract as the PWA types it: the Worker's routes, and the words of the product the
 * PWA would otherwise copy (error codes, entry actions, who is signed in), all derived from them.
 * Types only: `ApiRoutes` is generated from worker/app.ts by `npm run types:api` (see
 * pwa/contract/), so no Worker code reaches the bundle and the PWA's program never compiles the
 * Worker's sources.
 */
import type { ClientResponse, hc, InferRequestType } from 'hono/client';
import type { ResponseFormat } from 'hono/types';
import type { SuccessStatusCode } from 'hono/utils/http-status';
import type { apiErrorCode, apiRoutes } from '../../generated/pwa/contract/api-routes';

export type ApiRoutes = typeof apiRoutes;

type Api = ReturnType<typeof hc<ApiRoutes>>['api']['v1'];

/**
 * What a route answers when it succeeds: the JSON of its 2xx responses, null for 204 No Content;
 * unknown for an answer whose status is not typed (a plain Response).
 */
export type SuccessBody<Answer> =
  Answer extends ClientResponse<infer Body, infer Status, ResponseFormat>
    ? number extends Status
      ? unknown
      : Status extends 204
        ? null
        : Status extends SuccessStatusCode
          ? Body
          : never
    : never;

/** The success answer of one call of the typed client, e.g. `AnswerOf<Api['me']['$get']>`. */
type AnswerOf<Call> = Call extends (...args: never[]) => Promise<infer Answer> ? SuccessBody<Answer> : never;

/** The codes of Pulse's one error shape (PRODUCT.md, "Error shape"), from worker/errors.ts. */
export type ApiErrorCode = typeof apiErrorCode;

/** `GET /me`: who is signed in and which clinics they may open. */
export type Account = AnswerOf<Api['me']['$get']>;
export type User = Account['user'];
export type ClinicAccess = Account['clinics'][number];

/** An entry's next step, as the API's path names it. */
export type EntryAction = InferRequestType<Api['clinics'][':clinicId']['queue']['entries'][':entryId'][':action']['$post']>['param']['action'];

/** The audit log as `GET /admin/audit` answers it. */
export type AuditAnswer = AnswerOf<Api['admin']['audit']['$get']>;

/** `POST /admin/clinics/{id}/owners`: the owner invited. */
export type OwnerInvitationAnswer = AnswerOf<Api['admin']['clinics'][':clinicId']['owners']['$post']>;

export type MySettingsAnswer = AnswerOf<Api['me']['settings']['$get']>;
export type AlertSettingsAnswer = AnswerOf<Api['clinics'][':clinicId']['alert-settings']['$get']>;
export type ServiceTargetAnswer = AnswerOf<Api['clinics'][':clinicId']['service-target']['$get']>;
export type SmsBudgetAnswer = AnswerOf<Api['clinics'][':clinicId']['sms-budget']['$get']>;
/** `GET …/stats/today`'s `sms`: the month's SMS against the budget. */
export type SmsMonthAnswer = AnswerOf<Api['clinics'][':clinicId']['stats']['today']['$get']>['sms'];
export type PushTestAnswer = AnswerOf<Api['push']['test']['$post']>;
export type HealthAnswer = AnswerOf<Api['health']['$get']>;
