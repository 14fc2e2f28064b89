import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import pino from 'pino';
import { seedDatabase } from '../seeds/apply-seed.ts';
import { createApp } from '../src/app.tsx';
import { createAppDeps } from '../src/app-deps.ts';
import { type Config, loadConfig } from '../src/config.ts';
import { fixedClock } from '../src/lib/clock.ts';
import { createTestDatabase, type TestDatabase } from '../tests/database.ts';

export type AppServer = {
  /** e.g. http://127.0.0.1:41234, no trailing slash. */
  baseUrl: string;
  /** The app itself, to walk its routes. */
  app: ReturnType<typeof createApp>;
  config: Config;
  /** The key in this server's development mail page address (`/utveckling/mejl/<key>`). */
  devMailKey: string;
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
export async function startAppServer(options: { env?: Record<string, string> } = {}): Promise<AppServer> {
  const database = await createTestDatabase();
  let server: ReturnType<typeof serve> | undefined;
  try {
    await seedDatabase(database.db, { demo: true });
    // Listening first, so BASE_URL can be the real address: links in mail and the OIDC callback use it.
    let app: ReturnType<typeof createApp> | undefined;
    const listening = await new Promise<ReturnType<typeof serve>>((resolve) => {
      const started = serve(
        { fetch: (request, env) => app!.fetch(request, env), port: 0, hostname: '127.0.0.1' },
        () => resolve(started),
      );
    });
    server = listening;
    const { port } = listening.address() as AddressInfo;
    const baseUrl = `http://127.0.0.1:${port}`;
    const config = loadConfig({
      NODE_ENV: 'test',
      LOG_LEVEL: 'silent',
      DEMO_DATA: 'true',
      PORT: String(port),
      BASE_URL: baseUrl,
      // Generous: the journeys answer many times from one address; the limits themselves are tested elsewhere.
      FEEDBACK_RATE_LIMIT: '10000',
      SIGN_IN_RATE_LIMIT: '10000',
      OIDC_START_RATE_LIMIT: '10000',
      ...options.env,
    });
    const deps = createAppDeps({
      db: database.db,
      config,
      clock: fixedClock(E2E_NOW),
      logger: pino({ level: 'silent' }),
    });
    app = createApp(deps);
    return {
      baseUrl,
      app,
      config,
      devMailKey: deps.devMailKey,
      database,
      stop: async () => {
        await closeServer(listening);
        await database.cleanup();
      },
    };
  } catch (error) {
    if (server) await closeServer(server);
    await database.cleanup();
    throw error;
  }
}

function closeServer(server: ReturnType<typeof serve>): Promise<void> {
  return new Promise<void>((resolve) => {
    server.close(() => resolve());
    // Keep-alive sockets from the browser would otherwise hold close() open.
    if ('closeAllConnections' in server) server.closeAllConnections();
  });
}
