import type { Context } from 'hono';
import type { AppEnv } from '../app-deps.ts';
import type { Refusal } from '../lib/refusal.ts';
import { translate } from './i18n/message-key.ts';
import type { Messages } from './i18n/messages.ts';
import { renderMessagePage } from './render.tsx';

/** Each status's title and text: keys into `errors` of the dictionary. */
const pages = {
  400: ['badRequestTitle', 'badRequestBody'],
  403: ['forbiddenTitle', 'forbiddenBody'],
  404: ['notFoundTitle', 'notFoundBody'],
  413: ['tooLargeTitle', 'tooLargeBody'],
  415: ['unsupportedTitle', 'unsupportedBody'],
  421: ['misdirectedTitle', 'misdirectedBody'],
  429: ['rateLimitedTitle', 'rateLimitedBody'],
  500: ['serverTitle', 'serverBody'],
  503: ['unavailableTitle', 'unavailableBody'],
} as const satisfies Record<number, [keyof Messages['errors'], keyof Messages['errors']]>;

export type ErrorPageStatus = keyof typeof pages;

/** An error page in the request's language with the request id, never details of the error itself. */
export function renderErrorPage(c: Context<AppEnv>, status: ErrorPageStatus) {
  const t = c.var.t;
  const [title, body] = pages[status].map((key) => t.errors[key]) as [string, string];
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

/** A refusal by the rules that no form showed next to a field: a page with the reason, in the request's language. */
export function renderRefusal(c: Context<AppEnv>, refusal: Refusal) {
  const t = c.var.t;
  const title = refusal.title
    ? translate(t, refusal.title)
    : refusal.status === 403
      ? t.errors.forbiddenTitle
      : refusal.status === 409
        ? t.errors.conflictTitle
        : t.errors.refusedTitle;
  return renderMessagePage(c, {
    title,
    status: refusal.status,
    body: <p>{translate(t, refusal.reason, { params: refusal.params })}</p>,
    link: refusal.link
      ? { href: refusal.link.href, text: translate(t, refusal.link.text) }
      : { href: '/', text: t.errors.backHome },
  });
}
