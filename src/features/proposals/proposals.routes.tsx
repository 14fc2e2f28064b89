import { type Context, Hono } from 'hono';
import { z } from 'zod';
import { type AppEnv, requestDeps } from '../../app-deps.ts';
import { AppError } from '../../lib/errors.ts';
import { type FormState, fieldErrorsFor, parseForm } from '../../web/form.ts';
import { translate } from '../../web/i18n/message-key.ts';
import { renderPage, type Status } from '../../web/render.tsx';
import { requirePermission, requireSignIn, signedInViewer } from '../auth/guards.tsx';
import { canPropose, canReviewProposals } from '../auth/permissions.ts';
import { acceptForm, crossFieldErrors, declineForm, mergeForm, proposalForm } from './proposals.forms.ts';
import {
  acceptProposal,
  alreadyDecided,
  declineProposal,
  initialValues,
  loadProposal,
  loadProposalChoices,
  type Match,
  mergeProposal,
  type ProposalChoices,
  submitProposal,
} from './proposals.service.ts';
import { ProposalForm, REGISTER_PATH } from './views/proposal-form.tsx';
import { type DecisionForm, ProposalPage, proposalPath } from './views/proposal-page.tsx';

/**
 * Registrera ett samarbete and the review of proposals (issue 8, item 4). Signed in only, so never in
 * the page cache (signed-in requests skip it and are answered no-store). Anyone signed in proposes and
 * sees their own proposals; the decisions are the coordinators' (permissions.ts).
 */
export const proposalRoutes = new Hono<AppEnv>();

proposalRoutes.get(REGISTER_PATH, requirePermission(canPropose), async (c) => {
  const choices = await loadProposalChoices(c.get('deps'));
  const values = initialValues(signedInViewer(c), choices);
  return renderForm(c, { values, errors: {} }, choices, undefined, 200);
});

proposalRoutes.post(REGISTER_PATH, requirePermission(canPropose), async (c) => {
  const input = await readProposalForm(c);
  const choices = await loadProposalChoices(c.get('deps'));
  if (!input.ok) return renderForm(c, input.form, choices, undefined, 422);
  try {
    const outcome = await submitProposal(requestDeps(c), signedInViewer(c), input.data);
    if (outcome.outcome === 'saved') return c.redirect(`${proposalPath(outcome.id)}?klart=skickat`, 303);
    // Likely duplicates: the same form with them and the choice (a message by it if it was left out).
    const errors = outcome.unanswered ? { match: c.var.t.proposals.matchMissing } : {};
    const values = { ...input.values, match: '' };
    return renderForm(c, { values, errors }, choices, outcome.matches, outcome.unanswered ? 422 : 200);
  } catch (error) {
    const errors = fieldErrorsFor(c, error);
    return renderForm(c, { values: input.values, errors }, choices, undefined, 422);
  }
});

/** The notices after a redirect to a proposal's page, by `klart`. */
const doneQuery = z.enum(['skickat', 'antagen', 'sammanslagen', 'avbojd']).optional().catch(undefined);

proposalRoutes.get('/forslag/:id', requireSignIn(), async (c) => {
  const id = proposalId(c);
  const loaded = await loadProposal(c.get('deps'), signedInViewer(c), id);
  const done = doneQuery.parse(c.req.query('klart'));
  const page = c.var.t.proposals.page;
  const notice =
    done === 'skickat'
      ? page.submitted
      : done === 'antagen'
        ? page.accepted
        : done === 'sammanslagen'
          ? page.merged
          : done === 'avbojd'
            ? page.declined
            : undefined;
  return renderProposal(c, loaded, notice, undefined, 200);
});

proposalRoutes.post('/forslag/:id/anta', requirePermission(canReviewProposals), async (c) => {
  const id = proposalId(c);
  const input = await parseForm(c, acceptForm);
  if (!input.ok) return renderDecisionError(c, id, { decision: 'accept', form: input.form });
  try {
    await acceptProposal(requestDeps(c), signedInViewer(c), id, input.data);
  } catch (error) {
    const form = { values: input.values, errors: fieldErrorsFor(c, error) };
    return renderDecisionError(c, id, { decision: 'accept', form });
  }
  return c.redirect(`${proposalPath(id)}?klart=antagen`, 303);
});

proposalRoutes.post('/forslag/:id/sla-ihop', requirePermission(canReviewProposals), async (c) => {
  const id = proposalId(c);
  const input = await parseForm(c, mergeForm);
  if (!input.ok) return renderDecisionError(c, id, { decision: 'merge', form: input.form });
  try {
    await mergeProposal(requestDeps(c), signedInViewer(c), id, input.data);
  } catch (error) {
    const form = { values: input.values, errors: fieldErrorsFor(c, error) };
    return renderDecisionError(c, id, { decision: 'merge', form });
  }
  return c.redirect(`${proposalPath(id)}?klart=sammanslagen`, 303);
});

proposalRoutes.post('/forslag/:id/avboj', requirePermission(canReviewProposals), async (c) => {
  const id = proposalId(c);
  const input = await parseForm(c, declineForm);
  if (!input.ok) return renderDecisionError(c, id, { decision: 'decline', form: input.form });
  await declineProposal(requestDeps(c), signedInViewer(c), id, input.data.reason);
  return c.redirect(`${proposalPath(id)}?klart=avbojd`, 303);
});

/** The form with the rules between its fields, every message at once (proposals.forms.ts). */
async function readProposalForm(c: Context<AppEnv>) {
  const input = await parseForm(c, proposalForm, { hidden: ['checked'] });
  const values = input.ok ? input.values : input.form.values;
  const cross = crossFieldErrors(values);
  if (input.ok && Object.keys(cross).length === 0) return input;
  const errors: Record<string, string> = Object.fromEntries(
    Object.entries(cross).map(([field, key]) => [field, translate(c.var.t, key)]),
  );
  // A field's own message comes first (a date that is no date says so, not that it is out of order).
  Object.assign(errors, input.ok ? {} : input.form.errors);
  return { ok: false as const, form: { values, errors } };
}

/** The proposal's number from the path; anything else is no proposal of ours. */
function proposalId(c: Context<AppEnv>): number {
  const id = c.req.param('id') ?? '';
  if (!/^[1-9][0-9]{0,9}$/.test(id) || Number(id) > 2_147_483_647)
    throw new AppError('NOT_FOUND', 'proposal id in path');
  return Number(id);
}

function renderForm(
  c: Context<AppEnv>,
  form: FormState,
  choices: ProposalChoices,
  matches: Match[] | undefined,
  status: 200 | 422,
) {
  return renderPage(c, {
    title: c.var.t.proposals.register,
    status,
    children: <ProposalForm form={form} choices={choices} matches={matches} />,
  });
}

function renderProposal(
  c: Context<AppEnv>,
  loaded: Awaited<ReturnType<typeof loadProposal>>,
  notice: string | undefined,
  decision: DecisionForm | undefined,
  status: Status,
) {
  return renderPage(c, {
    title: c.var.t.proposals.page.title(loaded.proposal.title),
    status,
    children: <ProposalPage loaded={loaded} notice={notice} decision={decision} />,
  });
}

/** A decision form with messages by its fields: the proposal's page again, 422. */
async function renderDecisionError(c: Context<AppEnv>, id: number, decision: DecisionForm) {
  const loaded = await loadProposal(c.get('deps'), signedInViewer(c), id);
  // Decided meanwhile: the decision typed is moot, and the page says what the proposal became.
  if (loaded.proposal.status !== 'submitted') throw alreadyDecided(c.var.t, id, loaded.proposal.status);
  return renderProposal(c, loaded, undefined, decision, 422);
}
