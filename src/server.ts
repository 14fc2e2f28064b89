import { serve } from '@hono/node-server';
import pino from 'pino';
import { seedDatabase } from '../seeds/apply-seed.ts';
import { createApp } from './app.tsx';
import { ConfigError, loadConfig } from './config.ts';
import { openDatabase } from './db/client.ts';
import { migrateDatabase } from './db/migrate.ts';
import { startHousekeeping } from './features/auth/housekeeping.ts';
import { createSmtpTransport, startMailWorker } from './features/mail/mail.service.ts';
import { systemClock } from './lib/clock.ts';
import { createRateLimiter } from './lib/rate-limiter.ts';
import { createPageCache } from './web/page-cache.ts';

/** loadConfig → openDatabase → migrate and seed → serve(createApp(deps)); stops cleanly on SIGINT/SIGTERM. */
async function main() {
  let config: ReturnType<typeof loadConfig>;
  try {
    config = loadConfig();
  } catch (error) {
    if (error instanceof ConfigError) {
      console.error(error.message);
      process.exit(1);
    }
    throw error;
  }
  const logger = pino({ level: config.logLevel });
  const database = await openDatabase(config, logger);
  try {
    await migrateDatabase(database.db);
    await seedDatabase(database.db, { demo: config.demoData });
  } catch (error) {
    // Do not leave the bundled PostgreSQL running behind a start that failed.
    await database.close().catch(() => undefined);
    throw error;
  }

  const app = createApp({
    db: database.db,
    config,
    clock: systemClock,
    logger,
    feedbackLimiter: createRateLimiter({ limit: config.feedbackRateLimitPerHour, windowMs: 3_600_000 }),
    signInLimiter: createRateLimiter({ limit: config.signInRateLimitPerHour, windowMs: 3_600_000 }),
    oidcStartLimiter: createRateLimiter({ limit: config.oidcStartRateLimitPerHour, windowMs: 3_600_000 }),
    pageCache: createPageCache({ ttlMs: config.pageCacheSeconds * 1000, maxBytes: 32 * 1024 * 1024 }),
  });
  const server = serve({ fetch: app.fetch, port: config.port, hostname: config.host }, (info) => {
    logger.info(
      { url: `http://${config.host === '0.0.0.0' ? 'localhost' : config.host}:${info.port}` },
      'Samverkan is listening',
    );
  });

  // The outbox is sent only where SMTP is configured; otherwise mails wait in mail_outbox.
  const mailTransport = config.smtpUrl ? createSmtpTransport(config) : undefined;
  const stopMailWorker = mailTransport
    ? startMailWorker({ db: database.db, transport: mailTransport, clock: systemClock, logger }, 10_000)
    : undefined;

  const stopHousekeeping = startHousekeeping({ db: database.db, clock: systemClock, logger }, 10 * 60_000);

  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, 'shutting down');
    server.close();
    stopHousekeeping();
    await stopMailWorker?.();
    mailTransport?.close();
    await database.close();
    process.exit(0);
  };
  process.on('SIGINT', () => void stop('SIGINT'));
  process.on('SIGTERM', () => void stop('SIGTERM'));
}

main().catch((error: unknown) => {
  console.error(`Samverkan kunde inte starta: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
