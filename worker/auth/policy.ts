import type { ClinicRole } from '../domain/vocabulary.ts';

/**
 * Who may call a route. Every route declares exactly one (see `authorize`), so access is read
 * from the route table, not scattered through handlers.
 */
export type Policy =
  /** Anyone, signed in or not (health, login, setup links). */
  | { access: 'public' }
  /** Any signed-in person (their own account, their clinic list). */
  | { access: 'signed_in' }
  /** The SaaS owner only: every `/api/v1/admin/*` route; 404 to anyone else signed in. */
  | { access: 'super_admin' }
  /**
   * Members of the route's `:clinicId` with one of `roles`, and the super admin. A clinic the
   * caller is not a member of answers 404, exactly like one that does not exist.
   */
  | { access: 'clinic'; roles: readonly ClinicRole[] }
  /**
   * A report of one clinic or of the whole service. With `?clinicId=`, that clinic's members with
   * one of `roles` (others among its members are told `refusal`) and the super admin; a clinic the
   * caller is not a member of answers 404, exactly like one that does not exist. Without it, the
   * service's report: the super admin's alone, 404 to anyone else.
   */
  | { access: 'report'; roles: readonly ClinicRole[]; refusal: string }
  /** The queue app of the clinic its API key belongs to: ingestion only. */
  | { access: 'clinic_api_key' }
  /** Prometheus, presenting `METRICS_TOKEN` as its bearer token: `GET /metrics` only. */
  | { access: 'metrics_token' };

export const PUBLIC: Policy = { access: 'public' };
export const SIGNED_IN: Policy = { access: 'signed_in' };
export const SUPER_ADMIN: Policy = { access: 'super_admin' };
export const CLINIC_MEMBERS: Policy = { access: 'clinic', roles: ['clinic_owner', 'staff'] };
export const CLINIC_OWNERS: Policy = { access: 'clinic', roles: ['clinic_owner'] };
/** The Monday digest: a clinic's is its owners', the service's the super admin's. */
export const DIGEST_READERS: Policy = { access: 'report', roles: ['clinic_owner'], refusal: "The digest is the clinic owners'" };
export const QUEUE_APP: Policy = { access: 'clinic_api_key' };
export const PROMETHEUS: Policy = { access: 'metrics_token' };
