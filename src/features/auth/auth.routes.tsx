import { type Context, Hono } from 'hono';
import { z } from 'zod';
import { type AppEnv, requestDeps } from '../../app-deps.ts';
import { AppError } from '../../lib/errors.ts';
import { parseForm } from '../../web/form.ts';
import { publicPage } from '../../web/public-page.ts';
import { checkRateLimit } from '../../web/rate-limit.ts';
import { renderMessagePage, renderPage } from '../../web/render.tsx';
import { recordAudit } from './audit.ts';
import { linkRequestForm, linkUseForm } from './auth.forms.ts';
import { EMAIL_LINK_ISSUER, signInWithIdentity } from './identities.tsx';
import { safeNextPath } from './next-path.ts';
import { endSessionOfRequest } from './sessions.ts';
import {
  findUsableSignInLink,
  normaliseEmail,
  requestSignInLink,
  spendSignInLink,
} from './sign-in-links.service.ts';
import { SignInPage } from './views/sign-in-page.tsx';

export const authRoutes = new Hono<AppEnv>();

// Not cached: it asks nothing of the database, and every next-path would be a page of its own.
const signInPage = publicPage({
  cache: false,
  query: {
    // Any value that is not one of our own paths means the default.
    nasta: z.string().optional().transform(safeNextPath),
    utloggad: z.enum(['1', 'alla']).optional(),
  },
});

authRoutes.get('/logga-in', signInPage, (c) => {
  const t = c.var.t;
  const { nasta, utloggad } = signInPage.query(c);
  const notice =
    utloggad === 'alla' ? t.auth.signedOutEverywhere : utloggad === '1' ? t.auth.signedOutBody : undefined;
  return renderSignIn(c, { nextPath: nasta, notice });
});

authRoutes.post('/logga-in/lank', async (c) => {
  const input = await parseForm(c, linkRequestForm, { hidden: ['nasta'] });
  if (!input.ok) {
    const { values, errors } = input.form;
    return renderSignIn(
      c,
      { nextPath: safeNextPath(values.nasta), email: values.email ?? '', error: errors.email },
      422,
    );
  }
  const nextPath = safeNextPath(input.data.nasta);
  const deps = c.get('deps');
  if (!(await checkRateLimit(c, deps.rateLimits.signInLink))) return tooManyLinks(c);
  const outcome = await requestSignInLink(requestDeps(c), input.data.email, nextPath);
  if (outcome === 'rate-limited') return tooManyLinks(c);
  return c.redirect('/logga-in/skickad', 303);
});

authRoutes.get('/logga-in/skickad', publicPage(), (c) => {
  const t = c.var.t;
  return renderMessagePage(c, {
    title: t.auth.linkSentTitle,
    body: <p>{t.auth.linkSentBody('adressen')}</p>,
    link: { href: '/logga-in', text: t.auth.requestNewLink },
  });
});

// The link opens a page with a button rather than signing in on GET: mail scanners that follow links
// would otherwise use up the one-time link before the person clicks it.
authRoutes.get('/logga-in/lank', (c) => {
  const t = c.var.t;
  const token = c.req.query('token') ?? '';
  if (token === '' || token.length > 100) return linkDead(c);
  // The page holds a live token: no shared cache or page cache may keep it.
  c.header('Cache-Control', 'no-store');
  return renderPage(c, {
    title: t.auth.confirmTitle,
    children: (
      <>
        <h1>{t.auth.confirmTitle}</h1>
        <p>{t.auth.confirmBody}</p>
        <form method="post" action="/logga-in/lank/anvand">
          <input type="hidden" name="token" value={token} />
          <button type="submit">{t.auth.confirmButton}</button>
        </form>
      </>
    ),
  });
});

authRoutes.post('/logga-in/lank/anvand', async (c) => {
  const input = await parseForm(c, linkUseForm);
  if (!input.ok) throw new AppError('BAD_REQUEST', 'sign-in link use form');
  const { db, clock } = c.get('deps');
  const now = clock.now();
  const { token } = input.data;
  const link = await findUsableSignInLink(db, token, now);
  const address = link ? normaliseEmail(link.email) : '';
  const signedIn = link
    ? await signInWithIdentity(
        c,
        { issuer: EMAIL_LINK_ISSUER, subject: address, email: address, name: null, method: 'e-post' },
        safeNextPath(link.nextPath),
        (tx) => spendSignInLink(tx, token, now),
      )
    : null;
  if (signedIn) return signedIn;
  // Unknown, used, expired, or spent by a second click a moment ago.
  await recordAudit(db, now, {
    action: 'sign_in_refused',
    actorPersonId: null,
    detail: { method: 'e-post', reason: 'dead link' },
  });
  return linkDead(c);
});

authRoutes.post('/logga-ut', async (c) => {
  const { db, clock } = c.get('deps');
  const viewer = c.get('viewer');
  // The session ends and the log says so, or neither.
  await db.transaction(async (tx) => {
    if (viewer)
      await recordAudit(tx, clock.now(), {
        action: 'sign_out',
        actorPersonId: viewer.personId,
        subjectPersonId: viewer.personId,
      });
    await endSessionOfRequest(c, tx);
  });
  c.set('viewer', null);
  return c.redirect('/logga-in?utloggad=1', 303);
});

function renderSignIn(
  c: Context<AppEnv>,
  props: { nextPath: string; email?: string; error?: string | undefined; notice?: string | undefined },
  status: 200 | 422 = 200,
) {
  const t = c.var.t;
  const providers = c.get('deps').config.oidcProviders.map(({ id, name }) => ({ id, name }));
  return renderPage(c, {
    title: t.auth.signInTitle,
    status,
    children: <SignInPage providers={providers} {...props} />,
  });
}

function linkDead(c: Context<AppEnv>) {
  const t = c.var.t;
  return renderMessagePage(c, {
    title: t.auth.linkDeadTitle,
    status: 400,
    body: <p>{t.auth.linkDeadBody}</p>,
    link: { href: '/logga-in', text: t.auth.requestNewLink },
  });
}

function tooManyLinks(c: Context<AppEnv>) {
  const t = c.var.t;
  return renderMessagePage(c, {
    title: t.auth.tooManyLinksTitle,
    status: 429,
    body: <p>{t.auth.tooManyLinksBody}</p>,
  });
}
