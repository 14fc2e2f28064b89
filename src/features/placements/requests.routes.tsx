import { type Context, Hono } from 'hono';
import { z } from 'zod';
import { type AppEnv, requestDeps } from '../../app-deps.ts';
import { AppError } from '../../lib/errors.ts';
import { type FormState, fieldErrorsFor, parseForm } from '../../web/form.ts';
import { translate } from '../../web/i18n/message-key.ts';
import { renderPage, type Status } from '../../web/render.tsx';
import { requirePermission, requireSignIn, signedInViewer } from '../auth/guards.tsx';
import {
  canAllocateTerm,
  canAnswerNeeds,
  canListPlacementRequests,
  canRequestPlaces,
} from '../auth/permissions.ts';
import { versionField } from '../register/register.forms.ts';
import {
  allocationForm,
  answerForm,
  listQuery,
  moveForm,
  needCrossErrors,
  needForm,
  needsQuery,
  requestForm,
  TERM_RE,
} from './requests.forms.ts';
import {
  answerNeed,
  confirmTermProposal,
  listNeeds,
  listRequests,
  loadNeed,
  loadNeedChoices,
  loadRequest,
  loadRequestForm,
  loadTermProposal,
  moveRequest,
  needClosed,
  ownInstitution,
  setNeedClosed,
  submitNeed,
  submitRequest,
} from './requests.service.ts';
import { AllocationPage } from './views/allocation-page.tsx';
import { AnswerForm, NeedForm, NeedList, NeedPage } from './views/need-pages.tsx';
import { RequestForm } from './views/request-form.tsx';
import { RequestList } from './views/request-list.tsx';
import { type MoveForm, RequestPage, requestPagePath } from './views/request-page.tsx';

/**
 * Placement requests, needs lists and the term proposal (issue 9, items 2–4). Signed in only (never in the
 * page cache). The guards say who may open a page at all; the services decide per request (which side the
 * person acts for), since that needs the register's tree.
 */
export const placementRequestRoutes = new Hono<AppEnv>();

/** A number in the path; anything else is no record of ours. */
function idParam(c: Context<AppEnv>, what: string): number {
  const id = c.req.param('id') ?? '';
  if (!/^[1-9][0-9]{0,9}$/.test(id) || Number(id) > 2_147_483_647) throw new AppError('NOT_FOUND', what);
  return Number(id);
}

// ------------------------------------------------------------------------------------- request for places

placementRequestRoutes.get('/praktik/platser/:id/begar', requirePermission(canRequestPlaces), async (c) => {
  const viewer = signedInViewer(c);
  const data = await loadRequestForm(c.get('deps'), viewer, idParam(c, 'offer'));
  const own = ownInstitution(data.institutions, viewer);
  return renderRequestForm(c, data, { values: { universityId: own }, errors: {} }, 200);
});

placementRequestRoutes.post('/praktik/platser/:id/begar', requirePermission(canRequestPlaces), async (c) => {
  const offerId = idParam(c, 'offer');
  const viewer = signedInViewer(c);
  const input = await parseForm(c, requestForm);
  if (!input.ok)
    return renderRequestForm(c, await loadRequestForm(c.get('deps'), viewer, offerId), input.form, 422);
  try {
    const id = await submitRequest(requestDeps(c), viewer, offerId, input.data);
    return c.redirect(`${requestPagePath(id)}?klart=skickad`, 303);
  } catch (error) {
    const errors = fieldErrorsFor(c, error);
    const data = await loadRequestForm(c.get('deps'), viewer, offerId);
    return renderRequestForm(c, data, { values: input.values, errors }, 422);
  }
});

function renderRequestForm(
  c: Context<AppEnv>,
  data: Awaited<ReturnType<typeof loadRequestForm>>,
  form: FormState,
  status: Status,
) {
  return renderPage(c, {
    title: c.var.t.placementRequests.request.title(data.unitName),
    status,
    children: <RequestForm data={data} form={form} />,
  });
}

// ------------------------------------------------------------------------------------ list and one request

placementRequestRoutes.get(
  '/praktik/forfragningar',
  requirePermission(canListPlacementRequests),
  async (c) => {
    const query = listQuery.parse({
      termin: c.req.query('termin')?.trim().toUpperCase(),
      status: c.req.query('status'),
    });
    const viewer = signedInViewer(c);
    const rows = await listRequests(c.get('deps'), viewer, { term: query.termin, status: query.status });
    return renderPage(c, {
      title: c.var.t.placementRequests.list.title,
      children: (
        <RequestList
          rows={rows}
          term={query.termin}
          status={query.status}
          mayAllocate={canAllocateTerm(viewer)}
        />
      ),
    });
  },
);

const doneQuery = z.enum(['skickad', 'andrad']).optional().catch(undefined);

placementRequestRoutes.get('/praktik/forfragningar/:id', requireSignIn(), async (c) => {
  const loaded = await loadRequest(c.get('deps'), signedInViewer(c), idParam(c, 'request'));
  const done = doneQuery.parse(c.req.query('klart'));
  const page = c.var.t.placementRequests.page;
  const notice = done === 'skickad' ? page.sent : done === 'andrad' ? page.moved : undefined;
  return renderRequest(c, loaded, notice, undefined, 200);
});

placementRequestRoutes.post('/praktik/forfragningar/:id/status', requireSignIn(), async (c) => {
  const id = idParam(c, 'request');
  const viewer = signedInViewer(c);
  const input = await parseForm(c, moveForm, { hidden: ['move', 'version'] });
  if (!input.ok) {
    const move = moveForm.shape.move.safeParse(input.form.values.move);
    if (!move.success) throw new AppError('BAD_REQUEST', 'no move');
    const loaded = await loadRequest(c.get('deps'), viewer, id);
    return renderRequest(c, loaded, undefined, { move: move.data, form: input.form }, 422);
  }
  try {
    await moveRequest(requestDeps(c), viewer, id, input.data);
  } catch (error) {
    const errors = fieldErrorsFor(c, error);
    const loaded = await loadRequest(c.get('deps'), viewer, id);
    return renderRequest(
      c,
      loaded,
      undefined,
      { move: input.data.move, form: { values: input.values, errors } },
      422,
    );
  }
  return c.redirect(`${requestPagePath(id)}?klart=andrad`, 303);
});

function renderRequest(
  c: Context<AppEnv>,
  loaded: Awaited<ReturnType<typeof loadRequest>>,
  notice: string | undefined,
  move: MoveForm | undefined,
  status: Status,
) {
  return renderPage(c, {
    title: c.var.t.placementRequests.page.title(loaded.request.id),
    status,
    children: <RequestPage loaded={loaded} notice={notice} move={move} />,
  });
}

// --------------------------------------------------------------------------------------------------- needs

placementRequestRoutes.get('/praktik/behov', requirePermission(canListPlacementRequests), async (c) => {
  const query = needsQuery.parse({ termin: c.req.query('termin')?.trim().toUpperCase() });
  const viewer = signedInViewer(c);
  const rows = await listNeeds(c.get('deps'), viewer, query.termin);
  return renderPage(c, {
    title: c.var.t.placementRequests.needs.title,
    children: <NeedList rows={rows} term={query.termin} mayAdd={canRequestPlaces(viewer)} />,
  });
});

placementRequestRoutes.get('/praktik/behov/ny', requirePermission(canRequestPlaces), async (c) => {
  const viewer = signedInViewer(c);
  const institutions = await loadNeedChoices(c.get('deps'), viewer);
  const own = ownInstitution(institutions, viewer);
  return renderNeedForm(c, institutions, { values: { universityId: own }, errors: {} }, 200);
});

placementRequestRoutes.post('/praktik/behov/ny', requirePermission(canRequestPlaces), async (c) => {
  const viewer = signedInViewer(c);
  const parsed = await parseForm(c, needForm);
  const values = parsed.ok ? parsed.values : parsed.form.values;
  const cross = needCrossErrors(values);
  const institutions = await loadNeedChoices(c.get('deps'), viewer);
  if (!parsed.ok || Object.keys(cross).length > 0) {
    const errors: Record<string, string> = Object.fromEntries(
      Object.entries(cross).map(([field, key]) => [field, translate(c.var.t, key)]),
    );
    Object.assign(errors, parsed.ok ? {} : parsed.form.errors);
    return renderNeedForm(c, institutions, { values, errors }, 422);
  }
  try {
    const id = await submitNeed(requestDeps(c), viewer, parsed.data);
    return c.redirect(`/praktik/behov/${id}?klart=utlagt`, 303);
  } catch (error) {
    return renderNeedForm(c, institutions, { values, errors: fieldErrorsFor(c, error) }, 422);
  }
});

function renderNeedForm(
  c: Context<AppEnv>,
  institutions: Awaited<ReturnType<typeof loadNeedChoices>>,
  form: FormState,
  status: Status,
) {
  return renderPage(c, {
    title: c.var.t.placementRequests.needs.newTitle,
    status,
    children: <NeedForm institutions={institutions} form={form} />,
  });
}

const needDone = z.enum(['utlagt', 'besvarat', 'stangt', 'oppnat']).optional().catch(undefined);

placementRequestRoutes.get('/praktik/behov/:id', requirePermission(canListPlacementRequests), async (c) => {
  const loaded = await loadNeed(c.get('deps'), signedInViewer(c), idParam(c, 'need'));
  const done = needDone.parse(c.req.query('klart'));
  const text = c.var.t.placementRequests.needs;
  const notices = {
    utlagt: text.saved,
    besvarat: text.answeredNotice,
    stangt: text.closedNotice,
    oppnat: text.reopenedNotice,
  };
  const notice = done === undefined ? undefined : notices[done];
  return renderPage(c, {
    title: text.pageTitle(loaded.need.students, loaded.need.programme),
    children: <NeedPage loaded={loaded} notice={notice} />,
  });
});

const closeForm = z.strictObject({ version: versionField });

/** Closing and reopening a list of needs: the institution's side (the service checks whose it is). */
for (const [suffix, closed, done] of [
  ['stang', true, 'stangt'],
  ['oppna', false, 'oppnat'],
] as const)
  placementRequestRoutes.post(
    `/praktik/behov/:id/${suffix}`,
    requirePermission(canRequestPlaces),
    async (c) => {
      const id = idParam(c, 'need');
      const input = await parseForm(c, closeForm, { hidden: ['version'] });
      if (!input.ok) throw new AppError('BAD_REQUEST', 'need close form');
      await setNeedClosed(requestDeps(c), signedInViewer(c), id, closed, input.data.version);
      return c.redirect(`/praktik/behov/${id}?klart=${done}`, 303);
    },
  );

placementRequestRoutes.get('/praktik/behov/:id/svara', requirePermission(canAnswerNeeds), async (c) => {
  const loaded = await loadNeed(c.get('deps'), signedInViewer(c), idParam(c, 'need'));
  if (loaded.closed) throw needClosed();
  const only = loaded.ownOffers.length === 1 ? String(loaded.ownOffers[0]!.id) : '';
  return renderAnswerForm(c, loaded, { values: { offerId: only }, errors: {} }, 200);
});

placementRequestRoutes.post('/praktik/behov/:id/svara', requirePermission(canAnswerNeeds), async (c) => {
  const needId = idParam(c, 'need');
  const viewer = signedInViewer(c);
  const input = await parseForm(c, answerForm);
  if (!input.ok) return renderAnswerForm(c, await loadNeed(c.get('deps'), viewer, needId), input.form, 422);
  try {
    const id = await answerNeed(requestDeps(c), viewer, needId, input.data);
    return c.redirect(`${requestPagePath(id)}?klart=skickad`, 303);
  } catch (error) {
    const errors = fieldErrorsFor(c, error);
    return renderAnswerForm(
      c,
      await loadNeed(c.get('deps'), viewer, needId),
      { values: input.values, errors },
      422,
    );
  }
});

function renderAnswerForm(
  c: Context<AppEnv>,
  loaded: Awaited<ReturnType<typeof loadNeed>>,
  form: FormState,
  status: Status,
) {
  return renderPage(c, {
    title: c.var.t.placementRequests.needs.answerTitle,
    status,
    children: <AnswerForm loaded={loaded} form={form} />,
  });
}

// ------------------------------------------------------------------------------------------- term proposal

placementRequestRoutes.get('/praktik/fordelning', requirePermission(canAllocateTerm), async (c) => {
  const typed = c.req.query('termin')?.trim().toUpperCase();
  const term = typed && TERM_RE.test(typed) ? typed : undefined;
  const proposal = term ? await loadTermProposal(c.get('deps'), signedInViewer(c), term) : undefined;
  const confirmed = z.coerce
    .number()
    .int()
    .min(0)
    .max(100000)
    .optional()
    .catch(undefined)
    .parse(c.req.query('bekraftade'));
  const notice =
    confirmed === undefined ? undefined : c.var.t.placementRequests.allocation.confirmed(confirmed);
  return renderPage(c, {
    title: c.var.t.placementRequests.allocation.title,
    children: (
      <AllocationPage term={typed ? (term ?? typed) : undefined} proposal={proposal} notice={notice} />
    ),
  });
});

placementRequestRoutes.post('/praktik/fordelning', requirePermission(canAllocateTerm), async (c) => {
  const input = await parseForm(c, allocationForm, { hidden: ['term', 'hash'] });
  if (!input.ok) throw new AppError('BAD_REQUEST', 'allocation form');
  const count = await confirmTermProposal(
    requestDeps(c),
    signedInViewer(c),
    input.data.term,
    input.data.hash,
  );
  return c.redirect(`/praktik/fordelning?termin=${input.data.term}&bekraftade=${count}`, 303);
});
