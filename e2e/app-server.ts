import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import pino from 'pino';
import { seedDatabase } from '../seeds/apply-seed.ts';
import { createApp } from '../src/app.tsx';
import { loadConfig } from '../src/config.ts';
import { fixedClock } from '../src/lib/clock.ts';
import { createRateLimiter } from '../src/lib/rate-limiter.ts';
import { createTestDatabase, type TestDatabase } from '../tests/database.ts';

export type AppServer = {
  /** e.g. http://127.0.0.1:41234, no trailing slash. */
  baseUrl: string;
  /** The app itself, to walk its routes. */
  app: ReturnType<typeof createApp>;
  database: TestDatabase;
  /** Closes the server and drops the database. */
  stop: () => Promise<void>;
};

/** The date the browser tests live on, so agreement statuses and dates on the pages never drift. */
export const E2E_NOW = '2026-11-27T10:00:00Z';

/**
 * The real app, in this process, on a free loopback port, over a fresh copy of the migrated template
 * with the source facts and the demo data seeded, as `npm start` would serve it.
 */
export async function startAppServer(): Promise<AppServer> {
  const database = await createTestDatabase();
  try {
    await seedDatabase(database.db, { demo: true });
    const config = loadConfig({ NODE_ENV: 'test', LOG_LEVEL: 'silent', DEMO_DATA: 'true', PORT: '0' });
    const app = createApp({
      db: database.db,
      config,
      clock: fixedClock(E2E_NOW),
      logger: pino({ level: 'silent' }),
      // Generous: the journeys answer many times from one address; the limit itself is tested elsewhere.
      feedbackLimiter: createRateLimiter({ limit: 10_000, windowMs: 3_600_000 }),
    });
    const server = await new Promise<ReturnType<typeof serve>>((resolve) => {
      const started = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' }, () => resolve(started));
    });
    const { port } = server.address() as AddressInfo;
    return {
      baseUrl: `http://127.0.0.1:${port}`,
      app,
      database,
      stop: async () => {
        await new Promise<void>((resolve) => {
          server.close(() => resolve());
          // Keep-alive sockets from the browser would otherwise hold close() open.
          if ('closeAllConnections' in server) server.closeAllConnections();
        });
        await database.cleanup();
      },
    };
  } catch (error) {
    await database.cleanup();
    throw error;
  }
}
