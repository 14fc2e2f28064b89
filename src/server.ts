import { serve } from '@hono/node-server';
import pino, { type Logger } from 'pino';
import { seedDatabase } from '../seeds/apply-seed.ts';
import { createApp } from './app.tsx';
import { createAppDeps } from './app-deps.ts';
import { type Config, ConfigError, loadConfig } from './config.ts';
import { openDatabase } from './db/client.ts';
import { migrateDatabase } from './db/migrate.ts';
import { CHANNELS, listenForNotifications, notify } from './db/notifications.ts';
import { devMailPageEnabled, devMailPageUrl } from './features/auth/dev-mail.routes.tsx';
import { createSmtpTransport, startMailWorker } from './features/mail/mail.service.ts';
import { startHousekeeping } from './housekeeping.ts';
import { systemClock } from './lib/clock.ts';
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
  warnAboutDeploymentShape(config, logger);
  const database = await openDatabase(config, logger, {
    // The bundled server died and would not start again: exit, so that systemd starts us (and it) afresh.
    onServerLost: (error) => {
      console.error(
        `Den inbyggda PostgreSQL-servern stannade och kunde inte startas igen: ${error.message} Samverkan avslutas så att den kan startas om.`,
      );
      process.exit(1);
    },
  });
  try {
    await migrateDatabase(database.db, logger);
    await seedDatabase(database.db, { demo: config.demoData });
    // Other instances' page caches may hold pages from before new seed facts (an upgrade).
    await notify(database.db, CHANNELS.publicPagesChanged);
  } catch (error) {
    // Do not leave the bundled PostgreSQL running behind a start that failed.
    await database.close().catch(() => undefined);
    throw error;
  }

  const pageCache = createPageCache({ ttlMs: config.pageCacheSeconds * 1000, maxBytes: 32 * 1024 * 1024 });
  const deps = createAppDeps({ db: database.db, config, clock: systemClock, logger, pageCache });
  const app = createApp(deps);
  if (devMailPageEnabled(config)) {
    logger.info(
      `Utvecklingsläge utan SMTP: mejlen (med inloggningslänkar) visas på ${devMailPageUrl(config, deps.devMailKey)}`,
    );
  }
  const server = serve({ fetch: app.fetch, port: config.port, hostname: config.host }, (info) => {
    logger.info(
      {
        url: `http://${config.host === '0.0.0.0' ? 'localhost' : config.host}:${info.port}`,
        mode: config.env,
      },
      'Samverkan is listening',
    );
  });

  // The outbox is sent only where SMTP is configured; otherwise mails wait in mail_outbox.
  const mailTransport = config.smtpUrl ? createSmtpTransport(config) : undefined;
  const mailWorker = mailTransport
    ? startMailWorker({ db: database.db, transport: mailTransport, clock: systemClock, logger }, 10_000)
    : undefined;

  // What other processes on this database tell us: public content changed, a mail was queued.
  const listener = listenForNotifications({
    url: database.url,
    logger,
    handlers: {
      [CHANNELS.publicPagesChanged]: () => pageCache.clear(),
      ...(mailWorker ? { [CHANNELS.mailQueued]: () => mailWorker.wake() } : {}),
    },
    // Notifications sent while we were away are lost: start from the database again.
    onReconnect: () => {
      pageCache.clear();
      mailWorker?.wake();
    },
  });

  const stopHousekeeping = startHousekeeping({ db: database.db, clock: systemClock, logger }, 10 * 60_000);

  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, 'shutting down');
    server.close();
    stopHousekeeping();
    await listener.stop();
    await mailWorker?.stop();
    mailTransport?.close();
    await database.close();
    process.exit(0);
  };
  process.on('SIGINT', () => void stop('SIGINT'));
  process.on('SIGTERM', () => void stop('SIGTERM'));
}

/** Says at start what an operator should hear before users do (decision 009). */
function warnAboutDeploymentShape(config: Config, logger: Logger): void {
  logger.info({ mode: config.env, baseUrl: config.baseUrl }, 'Samverkan startar');
  if (config.env === 'production' && config.smtpUrl === undefined) {
    logger.warn(
      config.oidcProviders.length === 0
        ? 'SMTP_URL är inte satt och ingen identitetsleverantör (OIDC_PROVIDERS) finns: ingen kan logga in. Inloggningslänkar och inbjudningar väntar i utkorgen tills SMTP_URL anges.'
        : 'SMTP_URL är inte satt: inloggningslänkar och inbjudningar via e-post kan inte skickas, de väntar i utkorgen tills SMTP_URL anges. Inloggning via identitetsleverantören fungerar.',
    );
  }
  if (config.env === 'production' && config.baseUrl.startsWith('http:')) {
    logger.warn(
      'BASE_URL börjar med http://: i produktion ska webbplatsen nås över https (se docs/deployment.md).',
    );
  }
}

main().catch((error: unknown) => {
  console.error(`Samverkan kunde inte starta: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
