import { sql } from 'drizzle-orm';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../tests/database.ts';
import { CHANNELS, listenForNotifications, notify } from './notifications.ts';

let database: TestDatabase;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(() => database.cleanup());

const logger = pino({ level: 'silent' });

describe('notifications between app processes', () => {
  it('delivers at commit, never from a transaction that rolled back', async () => {
    const heard: string[] = [];
    const listener = listenForNotifications({
      url: database.url,
      logger,
      handlers: { [CHANNELS.publicPagesChanged]: () => heard.push('changed') },
      onReconnect: () => undefined,
    });
    try {
      await listener.ready;
      await database.db
        .transaction(async (tx) => {
          await notify(tx, CHANNELS.publicPagesChanged);
          throw new Error('rolled back');
        })
        .catch(() => undefined);
      await database.db.transaction(async (tx) => {
        await notify(tx, CHANNELS.publicPagesChanged);
        await new Promise((resolve) => setTimeout(resolve, 100));
        // Not yet: the transaction has not committed.
        expect(heard).toEqual([]);
      });
      await expect.poll(() => heard, { timeout: 2_000 }).toEqual(['changed']);
    } finally {
      await listener.stop();
    }
  });

  it('connects again when its connection is cut, says so, and hears later notifications', async () => {
    const heard: string[] = [];
    let reconnects = 0;
    const listener = listenForNotifications({
      url: database.url,
      logger,
      handlers: { [CHANNELS.mailQueued]: () => heard.push('mail') },
      onReconnect: () => {
        reconnects += 1;
      },
    });
    try {
      await listener.ready;
      // As a database restart would: the server ends the listener's session.
      await database.db.execute(
        sql`select pg_terminate_backend(pid) from pg_stat_activity
             where application_name = 'samverkan-listener' and datname = current_database()`,
      );
      await expect.poll(() => reconnects, { timeout: 5_000 }).toBe(1);
      await notify(database.db, CHANNELS.mailQueued);
      await expect.poll(() => heard, { timeout: 2_000 }).toEqual(['mail']);
    } finally {
      await listener.stop();
    }
  });
});
