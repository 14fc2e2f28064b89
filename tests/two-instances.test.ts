import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findFreePort } from '../src/db/postgres-process.ts';
import { queueMail } from '../src/features/mail/mail.service.ts';
import { mailOutbox } from '../src/features/mail/mail.table.ts';
import { withPublicChange } from '../src/web/page-cache.ts';
import { type AppProcess, startApp, waitUntilServing } from './app-process.ts';
import { createTestDatabase, type TestDatabase } from './database.ts';
import { startSmtpServer } from './smtp-server.ts';

/**
 * Two app processes on one PostgreSQL, as behind a load balancer: whichever instance a request reaches,
 * the answer is the one a single instance would give (QUALITY.md, "Faults").
 */
describe('two app instances on one database', () => {
  let database: TestDatabase;
  let smtp: Awaited<ReturnType<typeof startSmtpServer>>;
  const instances: { app: AppProcess; url: string }[] = [];
  let publicOrigin: string;

  beforeAll(async () => {
    [database, smtp] = await Promise.all([createTestDatabase(), startSmtpServer()]);
    const ports = [await findFreePort(), await findFreePort()];
    publicOrigin = `http://127.0.0.1:${ports[0]}`;
    const env = {
      DATABASE_URL: database.url,
      NODE_ENV: 'production',
      // The address people use; both instances answer to its host name, as behind a proxy.
      BASE_URL: publicOrigin,
      SMTP_URL: `smtp://127.0.0.1:${smtp.port}`,
      FEEDBACK_RATE_LIMIT: '4',
      PAGE_CACHE_SECONDS: '300',
    };
    // Started at the same moment: both migrate and seed the same empty database.
    for (const port of ports) {
      instances.push({ app: startApp({ ...env, PORT: String(port) }), url: `http://127.0.0.1:${port}` });
    }
    await Promise.all(instances.map(({ app }, i) => waitUntilServing(app, ports[i]!)));
  }, 120_000);

  afterAll(async () => {
    await Promise.all(
      instances.map(async ({ app }) => {
        if (app.child.exitCode === null && app.child.signalCode === null) {
          app.child.kill('SIGTERM');
          await app.exited;
        }
      }),
    );
    await smtp?.close();
    await database?.cleanup();
  });

  const [a, b] = [0, 1].map(
    (i) =>
      (path: string, init: RequestInit = {}) =>
        fetch(`${instances[i]!.url}${path}`, { redirect: 'manual', ...init }),
  ) as [
    (path: string, init?: RequestInit) => Promise<Response>,
    (path: string, init?: RequestInit) => Promise<Response>,
  ];

  const form = (fields: Record<string, string>, cookie?: string): RequestInit => ({
    method: 'POST',
    headers: {
      'content-type': 'application/x-www-form-urlencoded',
      origin: publicOrigin,
      ...(cookie ? { cookie } : {}),
    },
    body: new URLSearchParams(fields),
  });

  it('both started on one empty database at once: one migrated and seeded, the other found it done', async () => {
    const seeded = await database.db.execute<{ n: number }>(
      sql`select count(*)::int as n from organisations where slug = 'sodertorns-hogskola'`,
    );
    expect(seeded.rows[0]?.n).toBe(1);
    for (const { app } of instances) expect(app.output()).not.toMatch(/kunde inte starta|error/i);
  });

  it('a link asked for at one instance signs in at the other, once, and the session holds on both', async () => {
    expect((await a('/logga-in/lank', form({ email: 'tva.instanser@example.se' }))).status).toBe(303);
    // Mailed at once (the instance that queued it wakes every worker), by exactly one of them.
    await expect
      .poll(
        () => smtp.received.filter((mail) => mail.envelopeTo.includes('tva.instanser@example.se')).length,
        {
          // Well inside the workers' 10 s tick: only the NOTIFY from the queueing instance can be this quick.
          timeout: 3_000,
        },
      )
      .toBe(1);
    const mail = smtp.received.find((m) => m.envelopeTo.includes('tva.instanser@example.se'))!;
    const token = /logga-in\/lank\?token=([\w-]+)/.exec(mail.text)?.[1] ?? '';
    expect(mail.text).toContain(`${publicOrigin}/logga-in/lank?token=`);

    const signedIn = await b('/logga-in/lank/anvand', form({ token }));
    expect(signedIn.status).toBe(303);
    const cookie = /(__Host-samverkan=[^;]+)/.exec(signedIn.headers.get('set-cookie') ?? '')?.[1] ?? '';
    expect(cookie).not.toBe('');
    expect((await a('/logga-in/lank/anvand', form({ token }))).status).toBe(400);

    const account = await a('/mina-uppgifter', { headers: { cookie } });
    expect(account.status).toBe(200);
    expect(await account.text()).toContain('tva.instanser@example.se');

    expect((await b('/logga-ut', form({}, cookie))).status).toBe(303);
    const afterSignOut = await a('/mina-uppgifter', { headers: { cookie } });
    expect(afterSignOut.status).toBe(303);
    expect(afterSignOut.headers.get('location')).toMatch(/^\/logga-in/);
  });

  it('counts one client’s page feedback against one limit, whichever instance takes it', async () => {
    const answers = [];
    for (const send of [a, b, a, b, b])
      answers.push(await send('/aterkoppling', form({ page: '/avtal', answer: 'ja' })));
    expect(answers.map((response) => response.status)).toEqual([303, 303, 303, 303, 429]);
    expect(Number(answers[4]?.headers.get('retry-after'))).toBeGreaterThan(0);
    expect((await a('/aterkoppling', form({ page: '/avtal', answer: 'ja' }))).status).toBe(429);
  });

  it('sends every queued mail exactly once, both workers sharing the outbox', async () => {
    const subjects = Array.from({ length: 40 }, (_, i) => `Utkorgstest ${i}`);
    await database.db.transaction(async (tx) => {
      for (const subject of subjects) await queueMail(tx, { to: 'utkorg@example.se', subject, text: 'Hej' });
    });
    const received = () => smtp.received.filter((mail) => mail.subject.startsWith('Utkorgstest ')).length;
    await expect.poll(received, { timeout: 20_000 }).toBe(40);
    // Time for a second delivery, if either worker were to send one.
    await new Promise((resolve) => setTimeout(resolve, 1_500));
    const counts = new Map<string, number>();
    for (const mail of smtp.received) counts.set(mail.subject, (counts.get(mail.subject) ?? 0) + 1);
    expect(subjects.filter((subject) => counts.get(subject) !== 1)).toEqual([]);
    const unsent = await database.db.execute<{ n: number }>(
      sql`select count(*)::int as n from ${mailOutbox} where sent_at is null`,
    );
    expect(unsent.rows[0]?.n).toBe(0);
  });

  it('empties both page caches when public content changes, wherever the change was made', async () => {
    for (const send of [a, b]) {
      await send('/larosaten');
      expect((await send('/larosaten')).headers.get('x-cache')).toBe('hit');
    }
    // A third process (this test) changes the register, as an editor on another instance would.
    await withPublicChange({ db: database.db }, (tx) =>
      tx.execute(
        sql`update organisations set description = 'Syns på båda' where slug = 'sodertorns-hogskola'`,
      ),
    );
    for (const send of [a, b]) {
      await expect
        .poll(async () => (await (await send('/larosaten')).text()).includes('Syns på båda'), {
          timeout: 2_000,
        })
        .toBe(true);
    }
  });
});
