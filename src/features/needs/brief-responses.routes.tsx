import { type Context, Hono } from 'hono';
import { z } from 'zod';
import { type AppEnv, requestDeps } from '../../app-deps.ts';
import { AppError } from '../../lib/errors.ts';
import { forbidden } from '../../lib/refusal.ts';
import { type FormState, fieldErrorsFor, parseForm } from '../../web/form.ts';
import { translate } from '../../web/i18n/message-key.ts';
import { renderPage, type Status } from '../../web/render.tsx';
import { requirePermission, requireSignIn, signedInViewer } from '../auth/guards.tsx';
import { canAnswerBriefs } from '../auth/permissions.ts';
import { isIdText } from '../register/register.forms.ts';
import { answerCrossFieldErrors, answerForm, moveForm, signUpForm } from './brief-responses.forms.ts';
import type { BriefRow } from './brief-responses.queries.ts';
import {
  type AnswerChoices,
  answerPath,
  isSignUp,
  type LoadedAnswer,
  loadAnswer,
  loadAnswerForm,
  loadAnswerFormAgain,
  moveAnswer,
  submitAnswer,
} from './brief-responses.service.ts';
import { AnswerForm } from './views/brief-response-form.tsx';
import { AnswerPage, type MoveFormState } from './views/brief-response-page.tsx';

/**
 * Answers to the needs bank's briefs (issue 9, item 6). Signed in only, so never in the page cache. The
 * brief's public page and everything else under /behovsbanken are the briefs' own (briefs.*).
 */
export const briefResponseRoutes = new Hono<AppEnv>();

const ANSWER = '/behovsbanken/:slug/svara';

briefResponseRoutes.get(ANSWER, requirePermission(canAnswerBriefs), async (c) => {
  const loaded = await loadAnswerForm(c.get('deps'), signedInViewer(c), c.req.param('slug'));
  const { brief, choices, mailTo, values } = loaded;
  return renderForm(c, brief, choices, mailTo, { values, errors: {} }, 200);
});

briefResponseRoutes.post(ANSWER, requirePermission(canAnswerBriefs), async (c) => {
  const slug = c.req.param('slug');
  const deps = c.get('deps');
  const { brief, choices, mailTo } = await loadAnswerFormAgain(deps, signedInViewer(c), slug);
  const signUp = isSignUp(brief);
  const input = signUp ? await parseForm(c, signUpForm) : await readAnswerForm(c);
  if (!input.ok) return renderForm(c, brief, choices, mailTo, input.form, 422);
  try {
    const submission = signUp
      ? { kind: 'signUp' as const, data: input.data as z.output<typeof signUpForm> }
      : { kind: 'answer' as const, data: input.data as z.output<typeof answerForm> };
    const id = await submitAnswer(requestDeps(c), signedInViewer(c), slug, submission);
    return c.redirect(`${answerPath(id)}?klart=skickat`, 303);
  } catch (error) {
    const errors = fieldErrorsFor(c, error);
    return renderForm(c, brief, choices, mailTo, { values: input.values, errors }, 422);
  }
});

/** The notices after a redirect to an answer's page, by `klart`. */
const doneQuery = z.enum(['skickat', 'flyttat']).optional().catch(undefined);

briefResponseRoutes.get('/behovsbanken/svar/:id', requireSignIn(), async (c) => {
  const loaded = await loadAnswer(c.get('deps'), signedInViewer(c), answerId(c));
  const done = doneQuery.parse(c.req.query('klart'));
  const text = c.var.t.briefResponses;
  const notice =
    done === 'skickat'
      ? text.page.sent
      : done === 'flyttat'
        ? text.page.moved(loaded.response.status)
        : undefined;
  return renderAnswer(c, loaded, notice, undefined, 200);
});

briefResponseRoutes.post('/behovsbanken/svar/:id/status', requireSignIn(), async (c) => {
  const id = answerId(c);
  const input = await parseForm(c, moveForm, { hidden: ['version'] });
  if (!input.ok) return renderMoveError(c, id, input.form);
  try {
    await moveAnswer(requestDeps(c), signedInViewer(c), id, input.data);
  } catch (error) {
    return renderMoveError(c, id, { values: input.values, errors: fieldErrorsFor(c, error) });
  }
  return c.redirect(`${answerPath(id)}?klart=flyttat`, 303);
});

/** The answer form with the rules between its fields, every message at once. */
async function readAnswerForm(c: Context<AppEnv>) {
  const input = await parseForm(c, answerForm);
  const values = input.ok ? input.values : input.form.values;
  const cross = answerCrossFieldErrors(values);
  if (input.ok && Object.keys(cross).length === 0) return input;
  const errors: Record<string, string> = Object.fromEntries(
    Object.entries(cross).map(([field, key]) => [field, translate(c.var.t, key)]),
  );
  // A field's own message comes first (a date that is no date says so, not that it is out of order).
  Object.assign(errors, input.ok ? {} : input.form.errors);
  return { ok: false as const, form: { values, errors } };
}

/** The answer's number from the path; anything else is no answer of ours. */
function answerId(c: Context<AppEnv>): number {
  const id = c.req.param('id') ?? '';
  if (!isIdText(id)) throw new AppError('NOT_FOUND', 'brief response id in path');
  return Number(id);
}

function renderForm(
  c: Context<AppEnv>,
  brief: BriefRow,
  choices: AnswerChoices,
  mailTo: string | null,
  form: FormState,
  status: 200 | 422,
) {
  const text = c.var.t.briefResponses;
  return renderPage(c, {
    title: isSignUp(brief) ? text.signUpTitle(brief.title) : text.answerTitle(brief.title),
    status,
    children: <AnswerForm brief={brief} choices={choices} mailTo={mailTo} form={form} />,
  });
}

function renderAnswer(
  c: Context<AppEnv>,
  loaded: LoadedAnswer,
  notice: string | undefined,
  move: MoveFormState | undefined,
  status: Status,
) {
  const text = c.var.t.briefResponses.page;
  return renderPage(c, {
    title: isSignUp(loaded.brief) ? text.signUpTitle(loaded.brief.title) : text.title(loaded.brief.title),
    status,
    children: <AnswerPage loaded={loaded} notice={notice} move={move} />,
  });
}

/** The move form with its message: the answer's page again, 422 (a refusal without a field goes to onError). */
async function renderMoveError(c: Context<AppEnv>, id: number, form: FormState) {
  const loaded = await loadAnswer(c.get('deps'), signedInViewer(c), id);
  // Only the owner side has the form: anyone else is refused as a valid form would be.
  if (!loaded.mayReview) throw forbidden();
  return renderAnswer(c, loaded, undefined, form, 422);
}
