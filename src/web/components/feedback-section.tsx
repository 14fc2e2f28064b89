import { z } from 'zod';
import { useT } from '../i18n/context.ts';
import { ErrorSummary } from './error-summary.tsx';

export type FeedbackState =
  | { step: 'ask' }
  | { step: 'thanks' }
  | { step: 'comment'; answerId: string; comment?: string; error?: string }
  | { step: 'comment-thanks' }
  | { step: 'closed' };

/** The query parameters of the feedback steps, as every page with feedback declares them (publicPage). */
export const feedbackQueryShape = {
  aterkoppling: z.enum(['tack', 'nej', 'kommentar-tack', 'stangd']).optional(),
  svar: z.uuid().optional(),
};

/** Reads the step from the query string that the POST redirected to (no cookie, no session). */
export function feedbackStateFromQuery(query: (name: string) => string | undefined): FeedbackState {
  const step = query('aterkoppling');
  const answerId = query('svar');
  if (step === 'tack') return { step: 'thanks' };
  if (step === 'kommentar-tack') return { step: 'comment-thanks' };
  if (step === 'stangd') return { step: 'closed' };
  if (step === 'nej' && answerId && /^[0-9a-f-]{36}$/.test(answerId)) return { step: 'comment', answerId };
  return { step: 'ask' };
}

/** "Var informationen till din hjälp?" — a plain form that works without JavaScript. */
export function FeedbackSection({ path, state }: { path: string; state: FeedbackState }) {
  const t = useT();
  return (
    <section class="feedback" id="aterkoppling" aria-labelledby="feedback-heading" data-feedback>
      <h2 id="feedback-heading">{t.feedback.question}</h2>
      {state.step === 'ask' ? <AnswerForm path={path} /> : null}
      {state.step === 'thanks' ? (
        <p role="status" class="feedback-thanks">
          {t.feedback.thanks}
        </p>
      ) : null}
      {state.step === 'comment' ? <CommentForm path={path} state={state} /> : null}
      {state.step === 'closed' ? (
        <p role="status" class="feedback-thanks">
          {t.feedback.expired}
        </p>
      ) : null}
      {state.step === 'comment-thanks' ? (
        <p role="status" class="feedback-thanks">
          {t.feedback.commentThanks}
        </p>
      ) : null}
    </section>
  );
}

function AnswerForm({ path }: { path: string }) {
  const t = useT();
  return (
    <form method="post" action="/aterkoppling" class="feedback-answer">
      <input type="hidden" name="page" value={path} />
      <Honeypot />
      <button type="submit" name="answer" value="ja">
        {t.feedback.yes}
      </button>
      <button type="submit" name="answer" value="nej">
        {t.feedback.no}
      </button>
    </form>
  );
}

function CommentForm({ path, state }: { path: string; state: Extract<FeedbackState, { step: 'comment' }> }) {
  const t = useT();
  const hasError = Boolean(state.error);
  return (
    <>
      <p role="status" class="feedback-thanks">
        {t.feedback.thanks}
      </p>
      {hasError ? (
        <ErrorSummary
          title={t.feedback.errorSummary}
          errors={[{ field: 'feedback-comment', message: state.error! }]}
        />
      ) : null}
      <form
        method="post"
        action={`/aterkoppling/${state.answerId}/kommentar`}
        class="feedback-comment"
        novalidate
      >
        <input type="hidden" name="page" value={path} />
        <Honeypot />
        <div class={hasError ? 'field field-error' : 'field'}>
          <label for="feedback-comment">{t.feedback.whatWasMissing}</label>
          <p id="feedback-comment-hint" class="hint">
            {t.feedback.commentHint}
          </p>
          {hasError ? (
            <p id="feedback-comment-error" class="error-message">
              {state.error}
            </p>
          ) : null}
          <textarea
            id="feedback-comment"
            name="comment"
            rows={5}
            aria-describedby={
              hasError ? 'feedback-comment-hint feedback-comment-error' : 'feedback-comment-hint'
            }
            aria-invalid={hasError ? 'true' : undefined}
          >
            {state.comment ?? ''}
          </textarea>
        </div>
        <button type="submit">{t.feedback.send}</button>
      </form>
    </>
  );
}

/** Hidden from people and assistive technology; bots that fill every field give themselves away. */
function Honeypot() {
  const t = useT();
  return (
    <div class="hp" aria-hidden="true">
      <label for="feedback-website">{t.feedback.honeypotLabel}</label>
      <input id="feedback-website" name="webbplats" type="text" tabindex={-1} autocomplete="off" />
    </div>
  );
}
