import { eq } from 'drizzle-orm';
import { setupTokens } from '../../db/schema/index.ts';
import { smtpMessagesTo } from './smtp-inbox.ts';
import { api, testDatabase, type World } from './world.ts';

/** The one-time setup link an e-mail's text carries, if any. */
export const setupLinkIn = (text: string | undefined): string | undefined => /https?:\/\/\S+\/setup#[\w-]{43}/.exec(text ?? '')?.[0];

/** The one-time link of the latest invitation e-mail to `email`. */
export async function linkMailedTo(email: string): Promise<string> {
  const mails = await smtpMessagesTo(email);
  const link = setupLinkIn(mails.at(-1)?.text);
  if (link === undefined) throw new Error(`no setup link mailed to ${email}: ${JSON.stringify(mails.map((mail) => mail.subject))}`);
  return link;
}

/** The token a setup link carries in its fragment (never in its path: servers log paths). */
export const tokenOf = (setupUrl: string) => new URL(setupUrl).hash.slice(1);

/** Asks whom a setup link is for, as the setup screen does before asking for a password. */
export const readLink = (world: World, token: string) => api(world, '/auth/setup/read', { method: 'POST', json: { token } });

/**
 * Lets a person's setup links run out now, as 7 days would. Time travel is a test's alone, so
 * this update stays here rather than in db/queries.
 */
export async function expireSetupLinksOf(userId: string): Promise<void> {
  await testDatabase().update(setupTokens).set({ expiresAt: Date.now() - 1 }).where(eq(setupTokens.userId, userId));
}
