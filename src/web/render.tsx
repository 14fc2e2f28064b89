import type { Context } from 'hono';
import type { Child } from 'hono/jsx';
import type { AppEnv } from '../app-deps.ts';
import { FeedbackSection, feedbackStateFromQuery } from './components/feedback-section.tsx';
import { MessagesContext } from './i18n/context.ts';
import { Layout } from './layout.tsx';

export type Status = 200 | 400 | 401 | 403 | 404 | 409 | 413 | 415 | 421 | 422 | 429 | 500 | 503;

/**
 * Renders a full page in the layout, with the request's CSP nonce and the demo notice. Content pages
 * (`feedback: true`) end with "Var informationen till din hjälp?".
 */
export function renderPage(
  c: Context<AppEnv>,
  props: {
    title: string;
    children: Child;
    status?: Status;
    feedback?: boolean;
    feed?: { href: string; title: string };
  },
) {
  const { config } = c.get('deps');
  return c.html(
    <MessagesContext.Provider value={c.var.t}>
      <Layout
        title={props.title}
        lang={c.var.lang}
        path={c.req.path}
        nonce={c.get('secureHeadersNonce')}
        showDemoNotice={config.demoData}
        accountMenu={c.var.accountMenu(c.get('viewer') ?? null, c.req.path)}
        feed={props.feed}
      >
        {props.children}
        {props.feedback ? (
          <FeedbackSection path={c.req.path} state={feedbackStateFromQuery((name) => c.req.query(name))} />
        ) : null}
      </Layout>
    </MessagesContext.Provider>,
    props.status ?? 200,
  );
}

/** A piece of a page on its own (what the feedback script swaps in), in the request's language. */
export function renderFragment(c: Context<AppEnv>, children: Child, status: Status = 200) {
  return c.html(<MessagesContext.Provider value={c.var.t}>{children}</MessagesContext.Provider>, status);
}

/**
 * A page that only says something: a heading, a sentence or two, and where to go next. Sign-in steps,
 * refusals and errors all use it, so they read alike.
 */
export function renderMessagePage(
  c: Context<AppEnv>,
  props: { title: string; body: Child; status?: Status; link?: { href: string; text: string } },
) {
  return renderPage(c, {
    title: props.title,
    ...(props.status ? { status: props.status } : {}),
    children: (
      <>
        <h1>{props.title}</h1>
        {props.body}
        {props.link ? (
          <p>
            <a href={props.link.href}>{props.link.text}</a>
          </p>
        ) : null}
      </>
    ),
  });
}
