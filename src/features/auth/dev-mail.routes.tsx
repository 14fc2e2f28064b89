import { timingSafeEqual } from 'node:crypto';
import { type Context, Hono } from 'hono';
import type { AppEnv } from '../../app-deps.ts';
import { type Config, isLoopbackHostname } from '../../config.ts';
import { formatDateTime } from '../../lib/dates.ts';
import { AppError } from '../../lib/errors.ts';
import { renderPage } from '../../web/render.tsx';
import { findRecentMails } from '../mail/mail.queries.ts';

export const devMailRoutes = new Hono<AppEnv>();

/**
 * The page shows everyone's sign-in links, so it exists only on a laptop in development: development
 * mode, no SMTP (no mail leaves the machine, and this page is the way to read a link), listening on
 * loopback and with BASE_URL plain http on loopback. Decision 009.
 */
export function devMailPageEnabled(config: Config): boolean {
  const base = new URL(config.baseUrl);
  return (
    config.env === 'development' &&
    config.smtpUrl === undefined &&
    isLoopbackHostname(config.host) &&
    base.protocol === 'http:' &&
    isLoopbackHostname(base.hostname)
  );
}

/** Where the page is for this process: printed at start, since the key in it is made anew each start. */
export function devMailPageUrl(config: Config, key: string): string {
  return `${config.baseUrl}/utveckling/mejl/${key}`;
}

/** Headers a proxy or tunnel adds: a request that passed one did not come from this machine's browser. */
const FORWARDING_HEADERS = ['forwarded', 'x-forwarded-for', 'x-forwarded-host', 'x-real-ip', 'via'];

/**
 * Besides the deployment shape, the request must name this machine (DNS rebinding), must not have come
 * through a proxy, and must carry this process's random key: something on the machine that forwards to the
 * port (a default nginx site, an ssh tunnel) still cannot guess the address. Anything else: 404.
 */
function mayOpenDevMailPage(c: Context<AppEnv>): boolean {
  const { config, devMailKey } = c.get('deps');
  const key = Buffer.from(c.req.param('key') ?? '');
  return (
    devMailPageEnabled(config) &&
    isLoopbackHostname(new URL(c.req.url).hostname) &&
    FORWARDING_HEADERS.every((name) => c.req.header(name) === undefined) &&
    key.length === devMailKey.length &&
    timingSafeEqual(key, Buffer.from(devMailKey))
  );
}

devMailRoutes.get('/utveckling/mejl/:key', async (c) => {
  const t = c.var.t;
  if (!mayOpenDevMailPage(c)) throw new AppError('NOT_FOUND', 'development mail page is off');
  const mails = await findRecentMails(c.get('deps').db, 50);
  c.header('Cache-Control', 'no-store');
  return renderPage(c, {
    title: t.auth.devMail.title,
    children: (
      <>
        <h1>{t.auth.devMail.title}</h1>
        <p>{t.auth.devMail.intro}</p>
        {mails.length === 0 ? <p>{t.auth.devMail.empty}</p> : null}
        {mails.map((mail) => (
          <article class="dev-mail">
            <h2>{mail.subject}</h2>
            <dl>
              <dt>{t.auth.devMail.to}</dt>
              <dd>{mail.toAddress}</dd>
              <dt>{t.auth.devMail.sentAt}</dt>
              <dd>{formatDateTime(mail.createdAt)}</dd>
            </dl>
            <pre>{linkified(mail.textBody)}</pre>
          </article>
        ))}
      </>
    ),
  });
});

/** Our own links in a mail become clickable; everything else stays text (and is escaped by JSX). */
function linkified(text: string) {
  return text
    .split(/(https?:\/\/\S+)/)
    .map((part, index) => (index % 2 === 1 ? <a href={part}>{part}</a> : part));
}
