import { randomBytes } from 'node:crypto';
import { mkdir } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { findFreePort } from './free-port.ts';
import { startManagedProcess, type ManagedProcess } from './managed-process.ts';
import { waitForHttp } from './wait-for.ts';

/** MailDev's command line, from the `maildev` npm package (a dev dependency). */
const MAILDEV = fileURLToPath(new URL('../../node_modules/maildev/dist/bin/maildev.js', import.meta.url));

/** The login MailDev asks of SMTP clients; the password is fresh for every start. */
const MAILBOX_USER = 'pulse';

/** A local mail catcher: a real SMTP server that keeps what it receives, read in a browser or over REST. */
export interface RunningMailbox {
  smtpHost: string;
  smtpPort: number;
  /** The one login MailDev accepts: the Worker logs in as a real SMTP relay would make it. */
  smtpUser: string;
  smtpPassword: string;
  /** The inbox in a browser; its REST API is under `/api` (`GET /api/email`). */
  webUrl: string;
  process: ManagedProcess;
}

/**
 * Starts MailDev on free loopback ports (SMTP and web), requiring an SMTP login so that the
 * Worker's authenticated path runs locally too, and waits until its API answers. `mailDir` keeps
 * the messages across restarts; it is also where MailDev writes each message's source, so two
 * MailDevs never share one.
 */
export async function startMailbox(mailDir: string, onLine?: (line: string) => void): Promise<RunningMailbox> {
  await mkdir(mailDir, { recursive: true });
  const [smtpPort, webPort] = [await findFreePort(), await findFreePort()];
  const smtpPassword = randomBytes(18).toString('base64url');
  const maildev = startManagedProcess(
    'maildev',
    process.execPath,
    [
      MAILDEV,
      `--smtp=${smtpPort}`,
      '--ip=127.0.0.1',
      `--web=${webPort}`,
      '--web-ip=127.0.0.1',
      `--mail-directory=${mailDir}`,
    ],
    // Through the environment rather than the command line: `ps` shows arguments to everyone.
    { onLine, env: { ...process.env, MAILDEV_INCOMING_USER: MAILBOX_USER, MAILDEV_INCOMING_PASS: smtpPassword } },
  );
  const webUrl = `http://127.0.0.1:${webPort}`;
  try {
    await waitForHttp(`${webUrl}/api/healthz`, { timeoutMs: 30_000, exited: maildev.exited });
  } catch (error) {
    await maildev.stop();
    throw error;
  }
  return { smtpHost: '127.0.0.1', smtpPort, smtpUser: MAILBOX_USER, smtpPassword, webUrl, process: maildev };
}

/** The Worker variables that send every e-mail over SMTP to `mailbox` (plain text: it is on loopback). */
export function mailboxVars(mailbox: RunningMailbox): Record<string, string> {
  return {
    MAIL_TRANSPORT: 'smtp',
    SMTP_HOST: mailbox.smtpHost,
    SMTP_PORT: String(mailbox.smtpPort),
    SMTP_SECURE: 'off',
    SMTP_USER: mailbox.smtpUser,
    SMTP_PASSWORD: mailbox.smtpPassword,
  };
}
