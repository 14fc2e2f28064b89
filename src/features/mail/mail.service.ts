import { and, asc, eq, isNull, lte } from 'drizzle-orm';
import nodemailer, { type SendMailOptions } from 'nodemailer';
import type { Logger } from 'pino';
import type { Config } from '../../config.ts';
import type { Db, DbOrTx } from '../../db/client.ts';
import { CHANNELS, notify } from '../../db/notifications.ts';
import { type Clock, systemClock } from '../../lib/clock.ts';
import { type MailAttachment, mailOutbox } from './mail.table.ts';

/** What the outbox needs from a nodemailer transport (the sender address comes from its defaults). */
export type MailTransport = { sendMail: (message: SendMailOptions) => Promise<unknown> };

export type MailDeliveryDeps = { db: Db; transport: MailTransport; clock: Clock; logger: Logger };

export type MailToQueue = {
  to: string;
  subject: string;
  text: string;
  /** Extra header lines, e.g. List-Unsubscribe and List-Unsubscribe-Post (RFC 8058) for alerts. */
  headers?: Record<string, string>;
  /** Files to send with it: a meeting's call carries its .ics (issue 10). */
  attachments?: MailAttachment[];
};

/** The first retry waits 30 s, each further one twice as long, never more than an hour. */
export const FIRST_RETRY_MS = 30_000;
export const MAX_RETRY_MS = 3_600_000;

/** How long to wait after the given number of failed attempts (1 or more). */
export function retryDelayMs(failedAttempts: number): number {
  return Math.min(FIRST_RETRY_MS * 2 ** Math.max(0, failedAttempts - 1), MAX_RETRY_MS);
}

/**
 * Puts a mail in the outbox, due at once, and tells the mail workers of every process (at commit, when
 * called inside a transaction). Returns its id. Sending is the workers' job.
 */
export async function queueMail(db: DbOrTx, mail: MailToQueue, clock: Clock = systemClock): Promise<string> {
  const [id] = await queueMails(db, [mail], clock);
  if (!id) throw new Error('mail_outbox insert returned no row');
  return id;
}

/** As queueMail, for many mails at once (one insert): alerts to every subscriber of a new brief. */
export async function queueMails(
  db: DbOrTx,
  mails: MailToQueue[],
  clock: Clock = systemClock,
): Promise<string[]> {
  if (mails.length === 0) return [];
  const now = clock.now();
  const rows = await db
    .insert(mailOutbox)
    .values(
      mails.map((mail) => ({
        toAddress: mail.to,
        subject: mail.subject,
        textBody: mail.text,
        headers: mail.headers ?? null,
        attachments: mail.attachments ?? null,
        createdAt: now,
        nextAttemptAt: now,
      })),
    )
    .returning({ id: mailOutbox.id });
  await notify(db, CHANNELS.mailQueued);
  return rows.map((row) => row.id);
}

/**
 * Sends up to `limit` due, unsent mails. The rows are locked with FOR UPDATE SKIP LOCKED for the whole
 * run, so several processes (or overlapping runs) share the work and never send the same mail twice.
 * A failure leaves the mail in the outbox with the error and a later `next_attempt_at`.
 */
export async function deliverDueMail(
  deps: MailDeliveryDeps,
  limit = 20,
): Promise<{ sent: number; failed: number }> {
  const { db, transport, clock, logger } = deps;
  return db.transaction(async (tx) => {
    const due = await tx
      .select()
      .from(mailOutbox)
      .where(and(isNull(mailOutbox.sentAt), lte(mailOutbox.nextAttemptAt, clock.now())))
      .orderBy(asc(mailOutbox.nextAttemptAt), asc(mailOutbox.createdAt))
      .limit(limit)
      .for('update', { skipLocked: true });
    let sent = 0;
    let failed = 0;
    for (const mail of due) {
      try {
        await transport.sendMail({
          to: mail.toAddress,
          subject: mail.subject,
          text: mail.textBody,
          ...(mail.headers ? { headers: mail.headers } : {}),
          ...(mail.attachments
            ? {
                attachments: mail.attachments.map((file) => ({
                  filename: file.filename,
                  contentType: file.contentType,
                  content: Buffer.from(file.contentBase64, 'base64'),
                })),
              }
            : {}),
        });
        await tx
          .update(mailOutbox)
          .set({ sentAt: clock.now(), lastError: null })
          .where(eq(mailOutbox.id, mail.id));
        sent += 1;
      } catch (error) {
        const attempts = mail.attempts + 1;
        const lastError = describeMailError(error);
        const nextAttemptAt = new Date(clock.now().getTime() + retryDelayMs(attempts));
        await tx
          .update(mailOutbox)
          .set({ attempts, lastError, nextAttemptAt })
          .where(eq(mailOutbox.id, mail.id));
        // The id only: the address is personal data and the body may hold a sign-in link.
        logger.warn(
          { mailId: mail.id, attempts, nextAttemptAt, error: lastError },
          'mail not sent; will retry',
        );
        failed += 1;
      }
    }
    return { sent, failed };
  });
}

/** One line, at most 500 characters, with any user:password@ in an address taken out. */
export function describeMailError(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  const code =
    error instanceof Error && 'code' in error && typeof error.code === 'string' ? error.code : undefined;
  const line = message
    .replace(/\/\/[^/\s@]*@/g, '//')
    .replace(/\p{Cc}+/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  const text = code && !line.includes(code) ? `${code}: ${line}` : line;
  return (text || 'unknown error').slice(0, 500);
}

/** An SMTP transport from SMTP_URL, sending as MAIL_FROM, with short timeouts (the worker holds row locks). */
export function createSmtpTransport(
  config: Pick<Config, 'smtpUrl' | 'mailFrom'>,
): MailTransport & { close: () => void } {
  if (!config.smtpUrl) throw new Error('SMTP_URL is not set');
  return nodemailer.createTransport(
    { url: config.smtpUrl, connectionTimeout: 10_000, greetingTimeout: 10_000, socketTimeout: 30_000 },
    { from: config.mailFrom },
  );
}

export type MailWorker = {
  /** Looks at the outbox now (a mail was queued); a run already under way runs once more after it. */
  wake: () => void;
  /** Stops the worker and waits for a run in progress. */
  stop: () => Promise<void>;
};

/**
 * Runs `deliverDueMail` every `intervalMs` and whenever woken (never two runs at once in this process).
 * The timer does not keep the process alive.
 */
export function startMailWorker(deps: MailDeliveryDeps, intervalMs: number, limit = 20): MailWorker {
  let running: Promise<void> | undefined;
  let again = false;
  let stopped = false;
  const tick = () => {
    if (stopped) return;
    if (running) {
      again = true;
      return;
    }
    running = deliverDueMail(deps, limit)
      .then(
        () => undefined,
        (error: unknown) => deps.logger.error({ err: error }, 'mail worker run failed'),
      )
      .finally(() => {
        running = undefined;
        if (again) {
          again = false;
          tick();
        }
      });
  };
  const timer = setInterval(tick, intervalMs);
  timer.unref();
  return {
    wake: tick,
    stop: async () => {
      stopped = true;
      clearInterval(timer);
      while (running) await running;
    },
  };
}
