import { env } from 'cloudflare:test';
import { listOutboxMail } from '../../db/queries/mail-outbox.ts';
import type { Invitation } from '../../worker/domain/invitation-wire.ts';
import { createApp } from '../../worker/app.ts';
import { apiJson, callOwnApp, jsonOf, testDatabase, type ApiInit, type JsonAnswer, type World } from './world.ts';

export type { Invitation };

/** Invites `email` to clinic A as its staff, as `token` (an owner of A, or the super admin). */
export function inviteStaff(world: World, token: string, email: string, locale?: 'fr' | 'en'): Promise<JsonAnswer<Invitation>> {
  return apiJson<Invitation>(world, `/clinics/${world.clinicA}/staff`, { method: 'POST', token, json: { email, ...(locale === undefined ? {} : { locale }) } });
}

/** A clinic's invitations as `token` sees them. */
export async function invitationsOf(world: World, clinicId: string, token: string): Promise<JsonAnswer<{ invitations: Invitation[] }>> {
  return apiJson<{ invitations: Invitation[] }>(world, `/clinics/${clinicId}/invitations`, { token });
}

/** One invitation of the list, found by the invited address. */
export async function invitationTo(world: World, clinicId: string, token: string, email: string): Promise<Invitation | undefined> {
  return (await invitationsOf(world, clinicId, token)).body.invitations.find((invitation) => invitation.email === email);
}

/** The Worker as a deployment without mail runs it: everything e-mailed lands in the outbox table. */
export async function callWithOutbox<T>(path: string, init: ApiInit): Promise<JsonAnswer<T>> {
  return jsonOf<T>(await callOwnApp(createApp(), { ...env, MAIL_TRANSPORT: 'outbox' }, path, init));
}

/** The text of the latest outbox mail to `email`. */
export async function outboxTextTo(email: string): Promise<string | undefined> {
  return (await listOutboxMail(testDatabase(), 500)).find((row) => row.toAddresses === email)?.text;
}
