import type { MessageKey } from '../web/i18n/message-key.ts';

/** How a refusal is answered: 403 not allowed, 409 in conflict with the record as it is now, 422 not valid. */
export type RefusalStatus = 400 | 403 | 409 | 413 | 422;

/**
 * The rules say no. The one way a service refuses: thrown (inside its transaction, so nothing of the
 * change is kept), and turned into an answer in one place — next to a form field when the route shows
 * the form again (`fieldErrorsFor` in web/form.ts), else a page with the reason (`app.onError`).
 * The reason is a message key: the text is looked up in the request's language.
 */
export class Refusal extends Error {
  readonly status: RefusalStatus;
  /** The form control the message belongs next to, if any. */
  readonly field: string | undefined;
  /** Values the message names (see IssueContext.params). */
  readonly params: Record<string, unknown> | undefined;
  /** A page of its own: its heading, and where to go from it (default: the start page). */
  readonly title: MessageKey | undefined;
  readonly link: { href: string; text: MessageKey } | undefined;

  constructor(
    readonly reason: MessageKey,
    options: {
      status?: RefusalStatus;
      field?: string;
      params?: Record<string, unknown>;
      title?: MessageKey;
      link?: { href: string; text: MessageKey };
    } = {},
  ) {
    super(reason);
    this.name = 'Refusal';
    this.status = options.status ?? 422;
    this.field = options.field;
    this.params = options.params;
    this.title = options.title;
    this.link = options.link;
  }
}

/** "You may not do this" (403), the same page for every rule in permissions.ts that says no. */
export function forbidden(): Refusal {
  return new Refusal('auth.notAllowedBody', { status: 403 });
}
