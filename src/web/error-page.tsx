import type { Context } from 'hono';
import type { AppEnv } from '../app-deps.ts';
import { t } from './i18n/sv.ts';
import { renderMessagePage } from './render.tsx';

const pages = {
  400: [t.errors.badRequestTitle, t.errors.badRequestBody],
  403: [t.errors.forbiddenTitle, t.errors.forbiddenBody],
  404: [t.errors.notFoundTitle, t.errors.notFoundBody],
  413: [t.errors.tooLargeTitle, t.errors.tooLargeBody],
  415: [t.errors.unsupportedTitle, t.errors.unsupportedBody],
  421: [t.errors.misdirectedTitle, t.errors.misdirectedBody],
  429: [t.errors.rateLimitedTitle, t.errors.rateLimitedBody],
  500: [t.errors.serverTitle, t.errors.serverBody],
  503: [t.errors.unavailableTitle, t.errors.unavailableBody],
} as const;

export type ErrorPageStatus = keyof typeof pages;

/** A Swedish error page with the request id, never details of the error itself. */
export function renderErrorPage(c: Context<AppEnv>, status: ErrorPageStatus) {
  const [title, body] = pages[status];
  if (status === 503) c.header('Retry-After', '5');
  return renderMessagePage(c, {
    title,
    status,
    body: (
      <>
        <p>{body}</p>
        {status >= 500 ? (
          <p>
            {t.errors.requestId} <code>{c.get('requestId')}</code>
          </p>
        ) : null}
      </>
    ),
    link: { href: '/', text: t.errors.backHome },
  });
}

export function errorMessageFor(status: ErrorPageStatus): string {
  return pages[status][0];
}
