import { type Context, Hono } from 'hono';
import { z } from 'zod';
import { type AppEnv, requestDeps } from '../../app-deps.ts';
import { AppError } from '../../lib/errors.ts';
import { type FormState, fieldErrorsFor, parseForm } from '../../web/form.ts';
import { renderPage } from '../../web/render.tsx';
import { requireSignIn, signedInViewer } from '../auth/guards.tsx';
import { isIdText } from '../register/register.forms.ts';
import { approveMinutes, loadApproval, sendBackMinutes } from './adjustment.service.ts';
import { loadCorrection, saveCorrection } from './corrections.service.ts';
import { correctionForm, minutesForm, sendBackForm } from './minutes.forms.ts';
import {
  adjusterChoices,
  approvalPath,
  correctionPath,
  type LoadedMinutes,
  loadMinutes,
  loadMinutesForWriting,
  minutesPath,
  saveMinutes,
} from './minutes.service.ts';
import { ApprovalPage } from './views/minutes-approval.tsx';
import { CorrectionPage } from './views/minutes-correction.tsx';
import { MinutesPage } from './views/minutes-form.tsx';

/**
 * Minutes (protokoll), their approval (justering) and corrections (rättelser) of a meeting (issue 10,
 * item 3). Signed in only, so never cached; the rights are the services' (meeting-access.ts).
 */
export const minutesRoutes = new Hono<AppEnv>();

const doneQuery = z
  .enum(['utkast', 'justering', 'justerat', 'publicerat', 'tillbaka', 'rattelse'])
  .optional()
  .catch(undefined);

function meetingId(c: Context<AppEnv>): number {
  const id = c.req.param('id') ?? '';
  if (!isIdText(id)) throw new AppError('NOT_FOUND', 'meeting id in path');
  return Number(id);
}

function notice(c: Context<AppEnv>): string | undefined {
  const text = c.var.t.minutes;
  const done = doneQuery.parse(c.req.query('klart'));
  if (done === 'utkast') return text.form.saved;
  if (done === 'justering') return text.form.sent;
  if (done === 'justerat') return text.approval.approved;
  if (done === 'publicerat') return text.approval.allApproved;
  if (done === 'tillbaka') return text.approval.sentBack;
  if (done === 'rattelse') return text.correction.saved;
  return undefined;
}

minutesRoutes.get('/moten/:id/protokoll', requireSignIn(), async (c) => {
  const loaded = await loadMinutes(c.get('deps'), signedInViewer(c), meetingId(c));
  return renderMinutes(c, loaded, { values: loaded.values, errors: {} }, 200);
});

minutesRoutes.post('/moten/:id/protokoll', requireSignIn(), async (c) => {
  const id = meetingId(c);
  const loaded = await loadMinutesForWriting(c.get('deps'), signedInViewer(c), id);
  const schema = minutesForm({
    itemIds: loaded.items.map((item) => item.id),
    participantIds: loaded.participants.map((participant) => participant.id),
    adjusterChoices: adjusterChoices(loaded.participants),
  });
  const input = await parseForm(c, schema, { hidden: ['version', 'action'] });
  if (!input.ok) return renderMinutes(c, loaded, input.form, 422);
  try {
    const state = await saveMinutes(
      requestDeps(c),
      signedInViewer(c),
      id,
      input.data as Record<string, string | number>,
    );
    return c.redirect(`${minutesPath(id)}?klart=${state === 'ready' ? 'justering' : 'utkast'}`, 303);
  } catch (error) {
    return renderMinutes(c, loaded, { values: input.values, errors: fieldErrorsFor(c, error) }, 422);
  }
});

minutesRoutes.get('/moten/:id/justera', requireSignIn(), async (c) => {
  const loaded = await loadApproval(c.get('deps'), signedInViewer(c), meetingId(c));
  return renderPage(c, {
    title: c.var.t.minutes.approval.title(loaded.record.meeting.title),
    children: <ApprovalPage loaded={loaded} sendBack={{ values: {}, errors: {} }} notice={notice(c)} />,
  });
});

minutesRoutes.post('/moten/:id/justera', requireSignIn(), async (c) => {
  const id = meetingId(c);
  await parseForm(c, z.strictObject({}));
  const result = await approveMinutes(requestDeps(c), signedInViewer(c), id);
  return c.redirect(`${approvalPath(id)}?klart=${result === 'published' ? 'publicerat' : 'justerat'}`, 303);
});

minutesRoutes.post('/moten/:id/justera/tillbaka', requireSignIn(), async (c) => {
  const id = meetingId(c);
  const input = await parseForm(c, sendBackForm);
  if (!input.ok) {
    const loaded = await loadApproval(c.get('deps'), signedInViewer(c), id);
    return renderPage(c, {
      title: c.var.t.minutes.approval.title(loaded.record.meeting.title),
      status: 422,
      children: <ApprovalPage loaded={loaded} sendBack={input.form} />,
    });
  }
  await sendBackMinutes(requestDeps(c), signedInViewer(c), id, input.data.reason);
  return c.redirect(`${approvalPath(id)}?klart=tillbaka`, 303);
});

minutesRoutes.get('/moten/:id/rattelse', requireSignIn(), async (c) => {
  const item = c.req.query('arende') ?? '';
  const itemId = isIdText(item) ? Number(item) : null;
  const loaded = await loadCorrection(c.get('deps'), signedInViewer(c), meetingId(c), itemId);
  return renderCorrection(c, loaded, { values: loaded.values, errors: {} }, 200, notice(c));
});

minutesRoutes.post('/moten/:id/rattelse', requireSignIn(), async (c) => {
  const id = meetingId(c);
  const loaded = await loadCorrection(c.get('deps'), signedInViewer(c), id, null);
  const input = await parseForm(c, correctionForm, { hidden: ['version'] });
  if (!input.ok) return renderCorrection(c, loaded, input.form, 422);
  try {
    await saveCorrection(requestDeps(c), signedInViewer(c), id, input.data);
  } catch (error) {
    return renderCorrection(c, loaded, { values: input.values, errors: fieldErrorsFor(c, error) }, 422);
  }
  return c.redirect(`${correctionPath(id)}?klart=rattelse`, 303);
});

function renderMinutes(c: Context<AppEnv>, loaded: LoadedMinutes, form: FormState, status: 200 | 422) {
  return renderPage(c, {
    title: c.var.t.minutes.form.title(loaded.access.meeting.title),
    status,
    children: <MinutesPage loaded={loaded} form={form} notice={status === 200 ? notice(c) : undefined} />,
  });
}

function renderCorrection(
  c: Context<AppEnv>,
  loaded: Awaited<ReturnType<typeof loadCorrection>>,
  form: FormState,
  status: 200 | 422,
  message?: string,
) {
  return renderPage(c, {
    title: c.var.t.minutes.correction.title(loaded.access.meeting.title),
    status,
    children: <CorrectionPage loaded={loaded} form={form} notice={message} />,
  });
}
