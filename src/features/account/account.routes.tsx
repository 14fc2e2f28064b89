import { type Context, Hono } from 'hono';
import { type AppEnv, requestDeps } from '../../app-deps.ts';
import { stockholmDate } from '../../lib/dates.ts';
import { AppError } from '../../lib/errors.ts';
import { fieldErrorsFor, parseForm } from '../../web/form.ts';
import { renderPage } from '../../web/render.tsx';
import { recordAudit } from '../auth/audit.ts';
import { requireSignIn, signedInViewer } from '../auth/guards.tsx';
import { clearSessionCookie, endAllSessions } from '../auth/sessions.ts';
import { detailsForm, erasureForm } from './account.forms.ts';
import { findAgreementContacts } from './account.queries.ts';
import { exportAccount, loadAccount, requestErasure, saveDetails } from './account.service.ts';
import { AccountPage, type DetailsFormState, formStateFor } from './views/account-page.tsx';
import { ErasureDonePage, ErasurePage } from './views/erasure-page.tsx';

/**
 * Mina uppgifter. Every route acts on the signed-in person only: no person id is ever read from the
 * request, so there is nothing to tamper with.
 */
export const accountRoutes = new Hono<AppEnv>();

accountRoutes.get('/mina-uppgifter', requireSignIn(), async (c) => {
  const t = c.var.t;
  const account = await loadAccount(requestDeps(c), signedInViewer(c).personId);
  const saved = c.req.query('sparat');
  const notice = saved === '1' ? t.account.saved : saved === 'oforandrat' ? t.account.unchanged : undefined;
  return renderPage(c, {
    title: t.account.title,
    children: <AccountPage account={account} form={formStateFor(account)} notice={notice} />,
  });
});

accountRoutes.post('/mina-uppgifter', requireSignIn(), async (c) => {
  const personId = signedInViewer(c).personId;
  const input = await parseForm(c, detailsForm);
  if (!input.ok) {
    const { values, errors } = input.form;
    const form: DetailsFormState = {
      values: {
        name: values.name ?? '',
        email: values.email ?? '',
        keywords: values.keywords ?? '',
        language: values.language ?? '',
      },
      errors,
    };
    const account = await loadAccount(requestDeps(c), personId);
    return renderPage(c, {
      title: c.var.t.account.title,
      status: 422,
      children: <AccountPage account={account} form={form} />,
    });
  }
  const changed = await saveDetails(requestDeps(c), personId, input.data);
  return c.redirect(`/mina-uppgifter?sparat=${changed.length > 0 ? '1' : 'oforandrat'}`, 303);
});

accountRoutes.get('/mina-uppgifter/export', requireSignIn(), async (c) => {
  const deps = c.get('deps');
  const data = await exportAccount(requestDeps(c), signedInViewer(c).personId);
  const filename = `mina-uppgifter-${stockholmDate(deps.clock.now())}.json`;
  c.header('Content-Disposition', `attachment; filename="${filename}"`);
  c.header('Cache-Control', 'no-store');
  return c.body(JSON.stringify(data, null, 2), 200, { 'Content-Type': 'application/json; charset=utf-8' });
});

accountRoutes.post('/mina-uppgifter/logga-ut-overallt', requireSignIn(), async (c) => {
  const { db, clock } = c.get('deps');
  const personId = signedInViewer(c).personId;
  await db.transaction(async (tx) => {
    const ended = await endAllSessions(tx, personId);
    await recordAudit(tx, clock.now(), {
      action: 'sign_out_everywhere',
      actorPersonId: personId,
      subjectPersonId: personId,
      detail: { sessionsEnded: ended },
    });
  });
  signOutThisBrowser(c);
  return c.redirect('/logga-in?utloggad=alla', 303);
});

accountRoutes.get('/mina-uppgifter/radera', requireSignIn(), async (c) => {
  const agreements = await findAgreementContacts(c.get('deps').db, signedInViewer(c).personId);
  return renderPage(c, {
    title: c.var.t.account.erasure.title,
    children: <ErasurePage agreements={agreements} />,
  });
});

accountRoutes.post('/mina-uppgifter/radera', requireSignIn(), async (c) => {
  const t = c.var.t;
  const personId = signedInViewer(c).personId;
  const input = await parseForm(c, erasureForm);
  if (!input.ok) throw new AppError('BAD_REQUEST', 'erasure form');
  const refuse = async (error: string | undefined) => {
    const agreements = await findAgreementContacts(c.get('deps').db, personId);
    return renderPage(c, {
      title: t.account.erasure.title,
      status: 422,
      children: <ErasurePage agreements={agreements} error={error} />,
    });
  };
  if (input.data.bekrafta !== 'ja') return refuse(t.account.erasure.confirmMissing);
  let outcome: Awaited<ReturnType<typeof requestErasure>>;
  try {
    outcome = await requestErasure(requestDeps(c), personId);
  } catch (error) {
    return refuse(fieldErrorsFor(c, error).bekrafta);
  }
  signOutThisBrowser(c);
  // Rendered here rather than redirected: the person is signed out now, and only this answer can still
  // say which agreements keep their name. Reloading it asks to sign in again; nothing happens twice.
  return renderPage(c, {
    title: outcome.keptForPublicRecord ? t.account.erasure.keptTitle : t.account.erasure.doneTitle,
    children: <ErasureDonePage outcome={outcome} />,
  });
});

/** The sessions are already gone on the server; this makes the browser forget its cookie too. */
function signOutThisBrowser(c: Context<AppEnv>) {
  clearSessionCookie(c);
  c.set('viewer', null);
}
