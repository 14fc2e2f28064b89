import { eq } from 'drizzle-orm';
import pino from 'pino';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../../tests/database.ts';
import { startSmtpServer } from '../../../tests/smtp-server.ts';
import { type Clock, fixedClock } from '../../lib/clock.ts';
import {
  createSmtpTransport,
  deliverDueMail,
  describeMailError,
  type MailDeliveryDeps,
  queueMail,
  retryDelayMs,
  startMailWorker,
} from './mail.service.ts';
import { mailOutbox } from './mail.table.ts';

/** A port nothing listens on: taken from the OS, then released. */
async function closedPort(): Promise<number> {
  const smtp = await startSmtpServer();
  await smtp.close();
  return smtp.port;
}

const logger = pino({ level: 'silent' });
const START = '2026-11-27T12:00:00+01:00';
const at = (iso: string, plusMs = 0) => fixedClock(new Date(new Date(iso).getTime() + plusMs).toISOString());

let database: TestDatabase;
let smtp: Awaited<ReturnType<typeof startSmtpServer>>;
beforeAll(async () => {
  database = await createTestDatabase();
  smtp = await startSmtpServer();
});
afterAll(async () => {
  await smtp?.close();
  await database?.cleanup();
});
beforeEach(async () => {
  await database.db.delete(mailOutbox);
  smtp.received.length = 0;
});

const transports: { close: () => void }[] = [];
afterEach(() => {
  for (const transport of transports.splice(0)) transport.close();
});

function deps(port: number, clock: Clock): MailDeliveryDeps {
  const transport = createSmtpTransport({
    smtpUrl: `smtp://127.0.0.1:${port}`,
    mailFrom: 'Samverkan <noreply@samverkan.test>',
  });
  transports.push(transport);
  return { db: database.db, transport, clock, logger };
}

const storedMail = (id: string) => database.db.select().from(mailOutbox).where(eq(mailOutbox.id, id));

const mail = {
  to: 'forskare@larosate.example',
  subject: 'Din inloggningslänk till Samverkan',
  text: 'Hej!\n\nLogga in: https://samverkan.example/logga-in/abc123\n\nLänken gäller i 15 minuter.',
};

describe('the mail outbox', () => {
  it('delivers a queued mail once, marks it sent, and sends nothing on the next run', async () => {
    const clock = fixedClock(START);
    const id = await queueMail(database.db, mail, clock);
    const [queued] = await storedMail(id);
    expect(queued).toMatchObject({ attempts: 0, sentAt: null, nextAttemptAt: clock.now() });

    const later = at(START, 1_000);
    expect(await deliverDueMail(deps(smtp.port, later))).toEqual({ sent: 1, failed: 0 });

    expect(smtp.received).toEqual([
      expect.objectContaining({
        envelopeTo: ['forskare@larosate.example'],
        from: 'Samverkan <noreply@samverkan.test>',
        to: 'forskare@larosate.example',
        subject: 'Din inloggningslänk till Samverkan',
        text: mail.text,
        attachments: [],
      }),
    ]);
    expect(await storedMail(id)).toEqual([
      expect.objectContaining({ sentAt: later.now(), attempts: 0, lastError: null }),
    ]);

    expect(await deliverDueMail(deps(smtp.port, at(START, 3_600_000)))).toEqual({ sent: 0, failed: 0 });
    expect(smtp.received).toHaveLength(1);
  });

  it('can queue inside the caller’s transaction: a rolled-back transaction leaves no mail', async () => {
    await database.db
      .transaction(async (tx) => {
        await queueMail(tx, mail, fixedClock(START));
        throw new Error('the sign-in request failed');
      })
      .catch(() => undefined);
    expect(await database.db.select().from(mailOutbox)).toEqual([]);
  });

  it('does not send a mail before its next_attempt_at', async () => {
    await queueMail(database.db, mail, at(START, 60_000));
    expect(await deliverDueMail(deps(smtp.port, fixedClock(START)))).toEqual({ sent: 0, failed: 0 });
    expect(smtp.received).toEqual([]);
  });

  it('keeps the mail while the SMTP server is down and delivers it once the server is back', async () => {
    const id = await queueMail(database.db, mail, fixedClock(START));
    const port = await closedPort();

    const firstTry = fixedClock(START);
    expect(await deliverDueMail(deps(port, firstTry))).toEqual({ sent: 0, failed: 1 });
    const [failed] = await storedMail(id);
    expect(failed).toMatchObject({
      sentAt: null,
      attempts: 1,
      nextAttemptAt: new Date(firstTry.now().getTime() + 30_000),
    });
    expect(failed?.lastError).toMatch(/ECONNREFUSED/);
    expect(failed?.lastError).not.toMatch(/\n/);

    // Not due yet: nothing is tried, even though a server now listens.
    const backUp = await startSmtpServer(port);
    try {
      expect(await deliverDueMail(deps(port, at(START, 29_000)))).toEqual({ sent: 0, failed: 0 });
      expect(backUp.received).toEqual([]);

      const due = at(START, 30_000);
      expect(await deliverDueMail(deps(port, due))).toEqual({ sent: 1, failed: 0 });
      expect(backUp.received).toEqual([expect.objectContaining({ to: mail.to, subject: mail.subject })]);
      expect(await storedMail(id)).toEqual([
        expect.objectContaining({ sentAt: due.now(), attempts: 1, lastError: null }),
      ]);
    } finally {
      await backUp.close();
    }
  });

  it('waits twice as long after each failure, never more than an hour', async () => {
    expect([1, 2, 3, 4, 5, 6, 7, 8, 20].map(retryDelayMs)).toEqual([
      30_000, 60_000, 120_000, 240_000, 480_000, 960_000, 1_920_000, 3_600_000, 3_600_000,
    ]);

    const id = await queueMail(database.db, mail, fixedClock(START));
    const port = await closedPort();
    let now = new Date(START).getTime();
    for (const expectedWait of [30_000, 60_000, 120_000]) {
      await deliverDueMail(deps(port, fixedClock(new Date(now).toISOString())));
      const [row] = await storedMail(id);
      expect(row?.nextAttemptAt.getTime()).toBe(now + expectedWait);
      now += expectedWait;
    }
    expect((await storedMail(id))[0]).toMatchObject({ attempts: 3, sentAt: null });
  });

  /** Ten mails, Mail 0 … Mail 9, queued a millisecond apart so that they are picked in that order. */
  async function queueTen(): Promise<void> {
    for (let n = 0; n < 10; n += 1) {
      const mailN = { ...mail, to: `person${n}@example.org`, subject: `Mail ${n}` };
      await queueMail(database.db, mailN, at(START, n));
    }
  }
  const allTen = [...Array(10).keys()].map((n) => `Mail ${n}`).sort();
  const receivedSubjects = () => smtp.received.map((received) => received.subject).sort();

  it('never sends the same mail twice when several deliveries run at once', async () => {
    await queueTen();
    const clock = at(START, 60_000);
    // A slow server keeps the delivering transactions open long enough to overlap.
    smtp.state.gate = () => new Promise((resolve) => setTimeout(resolve, 20));
    const results = await Promise.all(
      [1, 2, 3, 4].map(() => deliverDueMail(deps(smtp.port, clock), 4)),
    ).finally(() => {
      smtp.state.gate = undefined;
    });
    // Each run took only what the others had neither locked nor sent: at most its batch of four, ten in
    // all. How the ten fall between the runs depends on timing ([0, 2, 4, 4] or [1, 1, 4, 4] …), so that
    // is not what is checked; that each mail arrived once is (below).
    const sent = results.map((result) => result.sent);
    expect(sent.every((count) => count <= 4)).toBe(true);
    expect(sent.reduce((total, count) => total + count, 0)).toBe(10);
    expect(receivedSubjects()).toEqual(allTen);
    const rows = await database.db.select().from(mailOutbox);
    expect(rows.every((row) => row.sentAt !== null)).toBe(true);
  });

  it('does not wait for mail another delivery is still sending: it skips the locked rows (SKIP LOCKED)', async () => {
    await queueTen();
    const clock = at(START, 60_000);
    let releaseFirst = () => {};
    let firstReached = () => {};
    const reached = new Promise<void>((resolve) => {
      firstReached = resolve;
    });
    smtp.state.gate = (subject) =>
      subject === 'Mail 0'
        ? new Promise<void>((resolve) => {
            releaseFirst = resolve;
            firstReached();
          })
        : Promise.resolve();
    try {
      // The first run locks Mail 0–3 and hangs on Mail 0 at the server.
      const first = deliverDueMail(deps(smtp.port, clock), 4);
      await reached;
      // A second run meanwhile takes Mail 4–7 and finishes; with a plain FOR UPDATE it would wait here.
      const second = await Promise.race([
        deliverDueMail(deps(smtp.port, clock), 4),
        new Promise<'waited'>((resolve) => setTimeout(() => resolve('waited'), 3_000)),
      ]);
      expect(second).toEqual({ sent: 4, failed: 0 });
      expect(receivedSubjects()).toEqual(['Mail 4', 'Mail 5', 'Mail 6', 'Mail 7']);
      releaseFirst();
      expect(await first).toEqual({ sent: 4, failed: 0 });
    } finally {
      releaseFirst();
      smtp.state.gate = undefined;
    }
    expect(await deliverDueMail(deps(smtp.port, clock), 4)).toEqual({ sent: 2, failed: 0 });
    expect(receivedSubjects()).toEqual(allTen);
  });

  it('the worker delivers on its interval and stops when told', async () => {
    await queueMail(database.db, mail, fixedClock(START));
    const worker = startMailWorker(deps(smtp.port, fixedClock(START)), 20);
    try {
      await expect.poll(() => smtp.received.length, { timeout: 5_000 }).toBe(1);
    } finally {
      await worker.stop();
    }
    await queueMail(database.db, mail, fixedClock(START));
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(smtp.received).toHaveLength(1);
  });

  it('delivers at once when woken, long before its next tick', async () => {
    const worker = startMailWorker(deps(smtp.port, fixedClock(START)), 3_600_000);
    try {
      await queueMail(database.db, { ...mail, subject: 'Väckt' }, fixedClock(START));
      worker.wake();
      await expect
        .poll(() => smtp.received.some((message) => message.subject === 'Väckt'), { timeout: 5_000 })
        .toBe(true);
    } finally {
      await worker.stop();
    }
  });
});

describe('describeMailError', () => {
  it('keeps one line and no credentials', () => {
    const error = Object.assign(
      new Error('Invalid login\r\n535 failed for smtp://mailer:hemligt@smtp.example:587'),
      {
        code: 'EAUTH',
      },
    );
    const line = describeMailError(error);
    expect(line).toBe('EAUTH: Invalid login 535 failed for smtp://smtp.example:587');
    expect(line).not.toContain('hemligt');
  });
});
