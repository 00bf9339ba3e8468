/**
 * A MailDev of the test file's own (the mail catcher `npm start` runs, scripts/lib/maildev.ts),
 * read through its REST API the way a developer reads it in the browser: what the Worker sent over
 * real SMTP, as the server received it.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll } from 'vitest';
import { z } from 'zod';
import { mailboxVars, startMailbox, type RunningMailbox } from '../../scripts/lib/maildev.ts';
import { eventually } from './eventually.ts';

/** A message as MailDev's `GET /api/email` lists it (the fields the tests read). */
const CaughtMailSchema = z.object({
  id: z.string(),
  subject: z.string(),
  from: z.array(z.object({ address: z.string(), name: z.string().optional() })),
  to: z.array(z.object({ address: z.string(), name: z.string().optional() })),
  text: z.string().optional(),
  html: z.string().optional(),
  headers: z.record(z.string(), z.unknown()),
});
export type CaughtMail = z.infer<typeof CaughtMailSchema>;

export interface Mailbox {
  /** The Worker variables that send every e-mail there over SMTP, with MailDev's login: `npm start`'s. */
  vars: Record<string, string>;
  webUrl: string;
  /** Every message MailDev holds for `address` (envelope or header), oldest first. */
  messagesTo(address: string): Promise<CaughtMail[]>;
  /** Waits until `count` messages for `address` have arrived (mail leaves through jobs, so later than the answer). */
  untilMessagesTo(address: string, count: number, timeoutMs?: number): Promise<CaughtMail[]>;
}

/** A MailDev for the test file that calls this at its top, started before its first test, stopped (and its directory removed) after its last. */
export function mailboxForFile(name: string): () => Mailbox {
  let mailDir = '';
  let running: RunningMailbox | undefined;

  beforeAll(async () => {
    mailDir = await mkdtemp(join(tmpdir(), `pulse-mailbox-${name}-`));
    running = await startMailbox(mailDir);
  }, 60_000);

  afterAll(async () => {
    await running?.process.stop();
    if (mailDir !== '') await rm(mailDir, { recursive: true, force: true });
  }, 30_000);

  return () => {
    if (running === undefined) throw new Error('MailDev did not start');
    const { webUrl } = running;
    const messagesTo = async (address: string) => {
      const response = await fetch(`${webUrl}/api/email`);
      if (!response.ok) throw new Error(`MailDev answered ${response.status} to GET /api/email`);
      const wanted = address.toLowerCase();
      return z
        .array(CaughtMailSchema)
        .parse(await response.json())
        .filter((mail) => mail.to.some((recipient) => recipient.address.toLowerCase() === wanted));
    };
    return {
      vars: mailboxVars(running),
      webUrl,
      messagesTo,
      untilMessagesTo: (address, count, timeoutMs = 30_000) => eventually(() => messagesTo(address), (mails) => mails.length >= count, timeoutMs),
    };
  };
}

/** The one-time `/setup#<token>` link of a message, as a person would click it: its token. */
export function setupTokenIn(mail: CaughtMail, publicUrl: string): string {
  const text = `${mail.text ?? ''}\n${mail.html ?? ''}`;
  const escaped = publicUrl.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const token = new RegExp(`${escaped}/setup#([A-Za-z0-9_-]+)`).exec(text)?.[1];
  if (token === undefined) throw new Error(`no ${publicUrl}/setup#… link in "${mail.subject}"`);
  return token;
}
