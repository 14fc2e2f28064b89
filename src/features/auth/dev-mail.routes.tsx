import { desc } from 'drizzle-orm';
import { Hono } from 'hono';
import type { AppEnv } from '../../app-deps.ts';
import { type Config, isLoopbackHostname } from '../../config.ts';
import { formatDateTime } from '../../lib/dates.ts';
import { AppError } from '../../lib/errors.ts';
import { t } from '../../web/i18n/sv.ts';
import { renderPage } from '../../web/render.tsx';
import { mailOutbox } from '../mail/mail.table.ts';

export const devMailRoutes = new Hono<AppEnv>();

/**
 * The page shows everyone's sign-in links, so it exists only on a laptop in development: development
 * mode, no SMTP (no mail leaves the machine, and this page is the way to read a link), listening on and
 * addressed as this machine only (BASE_URL http on loopback, and the request's own host). Anything else:
 * 404. Decision 009.
 */
export function devMailPageEnabled(config: Config, requestHostname: string): boolean {
  const base = new URL(config.baseUrl);
  return (
    config.env === 'development' &&
    config.smtpUrl === undefined &&
    isLoopbackHostname(config.host) &&
    base.protocol === 'http:' &&
    isLoopbackHostname(base.hostname) &&
    isLoopbackHostname(requestHostname)
  );
}

devMailRoutes.get('/utveckling/mejl', async (c) => {
  const { db, config } = c.get('deps');
  if (!devMailPageEnabled(config, new URL(c.req.url).hostname))
    throw new AppError('NOT_FOUND', 'development mail page is off');
  const mails = await db.select().from(mailOutbox).orderBy(desc(mailOutbox.createdAt)).limit(50);
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
