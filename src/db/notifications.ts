import { sql } from 'drizzle-orm';
import pg from 'pg';
import type { Logger } from 'pino';
import type { DbOrTx } from './client.ts';

/**
 * What one app process tells the others through PostgreSQL (LISTEN/NOTIFY), so that several processes on
 * one database behave as one: a notification sent inside a transaction is delivered when it commits, to
 * every listening process including the sender.
 */
export const CHANNELS = {
  /** Public content changed: every process empties its page cache. */
  publicPagesChanged: 'samverkan_public_pages_changed',
  /** A mail was queued: the mail workers look at the outbox now rather than at their next tick. */
  mailQueued: 'samverkan_mail_queued',
} as const;

export type Channel = (typeof CHANNELS)[keyof typeof CHANNELS];

/** Sends a notification on the caller's connection: inside a transaction, it goes out at commit. */
export async function notify(db: DbOrTx, channel: Channel): Promise<void> {
  await db.execute(sql`select pg_notify(${channel}, '')`);
}

export type NotificationListener = {
  /** Resolves once the first LISTEN is in place (tests wait for it). */
  ready: Promise<void>;
  stop: () => Promise<void>;
};

/**
 * Holds one connection of its own that LISTENs on the channels and calls their handlers. When the
 * connection is lost (a database restart) it connects again with growing pauses (up to 10 s) and then
 * calls `onReconnect`: notifications sent meanwhile are lost, so what they guard must be refreshed.
 */
export function listenForNotifications(options: {
  url: string;
  logger: Logger;
  handlers: Partial<Record<Channel, () => void>>;
  onReconnect: () => void;
}): NotificationListener {
  const { logger, handlers } = options;
  let client: pg.Client | undefined;
  let stopped = false;
  let retryTimer: NodeJS.Timeout | undefined;
  let failures = 0;
  let resolveReady: () => void = () => undefined;
  const ready = new Promise<void>((resolve) => {
    resolveReady = resolve;
  });

  const connect = async (isReconnect: boolean) => {
    const next = new pg.Client({
      connectionString: options.url,
      application_name: 'samverkan-listener',
      // A connection that died without a word (NAT timeout, failover) is noticed, and then replaced.
      keepAlive: true,
      keepAliveInitialDelayMillis: 10_000,
    });
    // Without an error listener a lost connection would crash the process.
    next.on('error', (error: Error & { code?: string }) => {
      logger.warn({ code: error.code, reason: error.message }, 'notification connection lost');
    });
    next.on('end', () => {
      if (client === next) scheduleReconnect();
    });
    next.on('notification', (message) => {
      // A handler that throws must not take the process down with it (it runs in pg's event emitter).
      try {
        handlers[message.channel as Channel]?.();
      } catch (error) {
        logger.error({ err: error, channel: message.channel }, 'notification handler failed');
      }
    });
    try {
      await next.connect();
      for (const channel of Object.keys(handlers)) await next.query(`listen ${channel}`);
    } catch (error) {
      await next.end().catch(() => undefined);
      if (stopped) return;
      logger.warn({ reason: (error as Error).message }, 'notification listener could not connect');
      scheduleReconnect();
      return;
    }
    if (stopped) {
      await next.end().catch(() => undefined);
      return;
    }
    client = next;
    failures = 0;
    resolveReady();
    if (isReconnect) {
      logger.info('notification listener connected again');
      options.onReconnect();
    }
  };

  const scheduleReconnect = () => {
    client = undefined;
    if (stopped || retryTimer) return;
    failures += 1;
    const delay = Math.min(250 * 2 ** (failures - 1), 10_000);
    retryTimer = setTimeout(() => {
      retryTimer = undefined;
      void connect(true);
    }, delay);
    retryTimer.unref();
  };

  void connect(false);
  return {
    ready,
    stop: async () => {
      stopped = true;
      clearTimeout(retryTimer);
      const current = client;
      client = undefined;
      await current?.end().catch(() => undefined);
    },
  };
}
