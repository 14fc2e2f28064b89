import { type Context, Hono } from 'hono';
import { z } from 'zod';
import { type AppEnv, requestDeps } from '../../app-deps.ts';
import { AppError } from '../../lib/errors.ts';
import { checkFields, type FormState, fieldErrorsFor, parseForm } from '../../web/form.ts';
import { renderPage } from '../../web/render.tsx';
import { requirePermission, requireSignIn, signedInViewer } from '../auth/guards.tsx';
import { canSeeAllOverdueActions } from '../auth/permissions.ts';
import { isIdText } from '../register/register.forms.ts';
import { actionStatusForm, newActionForm, overdueFilter } from './actions.forms.ts';
import {
  actionPath,
  createAction,
  followUpAction,
  type LoadedAction,
  type LoadedNewAction,
  loadAction,
  loadNewAction,
  loadOverdue,
  OVERDUE_PATH,
} from './actions.service.ts';
import { NewActionPage } from './views/action-form.tsx';
import { OverduePage } from './views/action-overdue.tsx';
import { ActionPage } from './views/action-page.tsx';

/**
 * Actions (uppdrag) from decisions (issue 10, item 4): a new one from an item's decision, an action's page
 * with its follow-up, and every group's overdue actions for the coordinators. Signed in only.
 */
export const actionRoutes = new Hono<AppEnv>();

function idParam(c: Context<AppEnv>, name: string): number {
  const id = c.req.param(name) ?? '';
  if (!isIdText(id)) throw new AppError('NOT_FOUND', `${name} in path`);
  return Number(id);
}

const doneQuery = z.enum(['sparat', 'uppfoljt']).optional().catch(undefined);

actionRoutes.get(OVERDUE_PATH, requirePermission(canSeeAllOverdueActions), async (c) => {
  const filter = checkFields(c.var.t, overdueFilter, { grupp: c.req.query('grupp') ?? '' });
  if (!filter.ok) throw new AppError('BAD_REQUEST', 'overdue filter');
  const groupId = filter.data.grupp;
  const loaded = await loadOverdue(c.get('deps'), groupId);
  return renderPage(c, {
    title: c.var.t.minutes.actions.overdueTitle,
    children: <OverduePage loaded={loaded} groupId={groupId} />,
  });
});

actionRoutes.get('/arenden/:id/uppdrag/nytt', requireSignIn(), async (c) => {
  const loaded = await loadNewAction(c.get('deps'), signedInViewer(c), idParam(c, 'id'));
  return renderNew(c, loaded, { values: { visibility: loaded.item.visibility }, errors: {} }, 200);
});

actionRoutes.post('/arenden/:id/uppdrag/nytt', requireSignIn(), async (c) => {
  const itemId = idParam(c, 'id');
  const loaded = await loadNewAction(c.get('deps'), signedInViewer(c), itemId);
  const input = await parseForm(c, newActionForm);
  if (!input.ok) return renderNew(c, loaded, input.form, 422);
  try {
    const id = await createAction(requestDeps(c), signedInViewer(c), itemId, input.data);
    return c.redirect(`${actionPath(id)}?klart=sparat`, 303);
  } catch (error) {
    return renderNew(c, loaded, { values: input.values, errors: fieldErrorsFor(c, error) }, 422);
  }
});

actionRoutes.get('/uppdrag/:id', requireSignIn(), async (c) => {
  const loaded = await loadAction(c.get('deps'), signedInViewer(c), idParam(c, 'id'));
  const done = doneQuery.parse(c.req.query('klart'));
  const text = c.var.t.minutes.actions;
  const notice = done === 'sparat' ? text.created : done === 'uppfoljt' ? text.statusSaved : undefined;
  return renderAction(c, loaded, { values: {}, errors: {} }, 200, notice);
});

actionRoutes.post('/uppdrag/:id/status', requireSignIn(), async (c) => {
  const id = idParam(c, 'id');
  const input = await parseForm(c, actionStatusForm, { hidden: ['version'] });
  if (!input.ok)
    return renderAction(c, await loadAction(c.get('deps'), signedInViewer(c), id), input.form, 422);
  try {
    await followUpAction(requestDeps(c), signedInViewer(c), id, input.data);
  } catch (error) {
    const errors = fieldErrorsFor(c, error);
    const loaded = await loadAction(c.get('deps'), signedInViewer(c), id);
    return renderAction(c, loaded, { values: input.values, errors }, 422);
  }
  return c.redirect(`${actionPath(id)}?klart=uppfoljt`, 303);
});

function renderNew(c: Context<AppEnv>, loaded: LoadedNewAction, form: FormState, status: 200 | 422) {
  return renderPage(c, {
    title: c.var.t.minutes.actions.newTitle(loaded.item.title),
    status,
    children: <NewActionPage loaded={loaded} form={form} />,
  });
}

function renderAction(
  c: Context<AppEnv>,
  loaded: LoadedAction,
  form: FormState,
  status: 200 | 422,
  notice?: string,
) {
  return renderPage(c, {
    title: c.var.t.minutes.actions.page(loaded.action.title),
    status,
    children: <ActionPage loaded={loaded} form={form} notice={notice} />,
  });
}
