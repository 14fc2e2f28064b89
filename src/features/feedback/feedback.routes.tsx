import { type Context, Hono } from 'hono';
import type { AppEnv } from '../../app-deps.ts';
import { AppError } from '../../lib/errors.ts';
import { stripControlCharacters } from '../../lib/text.ts';
import { FeedbackSection, type FeedbackState } from '../../web/components/feedback-section.tsx';
import { parseForm } from '../../web/form.ts';
import { enforceRateLimit } from '../../web/rate-limit.ts';
import { renderFragment, renderPage } from '../../web/render.tsx';
import { answerForm, commentForm } from './feedback.forms.ts';
import { addComment, recordAnswer } from './feedback.service.ts';

export const feedbackRoutes = new Hono<AppEnv>();

feedbackRoutes.post('/aterkoppling', async (c) => {
  // The answer form is two buttons and hidden fields: anything wrong in it is not our form.
  const input = await parseForm(c, answerForm);
  if (!input.ok) throw new AppError('BAD_REQUEST', 'feedback answer form');
  if (input.data.webbplats) return respond(c, input.data.page, { step: 'thanks' });
  await guardRate(c);
  // Only pages we serve: made-up paths would otherwise fill the feedback viewer.
  if (!(await c.get('servesFeedbackPage')(input.data.page)))
    throw new AppError('BAD_REQUEST', 'feedback for a page that does not exist');
  const helpful = input.data.answer === 'ja';
  const answerId = await recordAnswer(c.get('deps'), { pagePath: input.data.page, helpful });
  return respond(c, input.data.page, helpful ? { step: 'thanks' } : { step: 'comment', answerId });
});

feedbackRoutes.post('/aterkoppling/:id/kommentar', async (c) => {
  const answerId = c.req.param('id');
  if (!/^[0-9a-f-]{36}$/.test(answerId)) throw new AppError('NOT_FOUND', 'feedback answer id');
  const input = await parseForm(c, commentForm, { hidden: ['page', 'webbplats'] });
  if (!input.ok) {
    const page = commentForm.shape.page.parse(input.form.values.page);
    // Too long: show it again with the text kept and a message next to the field.
    const state: FeedbackState = {
      step: 'comment',
      answerId,
      comment: stripControlCharacters(input.form.values.comment ?? ''),
      error: input.form.errors.comment,
    };
    if (isFetch(c)) return renderFragment(c, <FeedbackSection path={page} state={state} />, 422);
    const t = c.var.t;
    return renderPage(c, {
      title: t.feedback.whatWasMissing,
      status: 422,
      children: (
        <>
          <h1>{t.feedback.whatWasMissing}</h1>
          <p>
            <a href={page}>{t.feedback.backToPage}</a>
          </p>
          <FeedbackSection path={page} state={state} />
        </>
      ),
    });
  }
  if (input.data.webbplats) return respond(c, input.data.page, { step: 'comment-thanks' });
  await guardRate(c);
  const added = await addComment(c.get('deps'), {
    id: answerId,
    pagePath: input.data.page,
    comment: input.data.comment,
  });
  return respond(c, input.data.page, { step: added ? 'comment-thanks' : 'closed' });
});

function guardRate(c: Context<AppEnv>) {
  return enforceRateLimit(c, c.get('deps').rateLimits.feedback);
}

/** Progressive enhancement sends `X-Requested-With: fetch` and swaps in the returned section. */
function isFetch(c: Context<AppEnv>): boolean {
  return c.req.header('x-requested-with') === 'fetch';
}

const queryFor: Record<FeedbackState['step'], string> = {
  ask: '',
  thanks: 'aterkoppling=tack',
  comment: 'aterkoppling=nej',
  'comment-thanks': 'aterkoppling=kommentar-tack',
  closed: 'aterkoppling=stangd',
};

function respond(c: Context<AppEnv>, page: string, state: FeedbackState) {
  if (isFetch(c)) return renderFragment(c, <FeedbackSection path={page} state={state} />);
  const answer = state.step === 'comment' ? `&svar=${state.answerId}` : '';
  return c.redirect(`${page}?${queryFor[state.step]}${answer}#aterkoppling`, 303);
}
