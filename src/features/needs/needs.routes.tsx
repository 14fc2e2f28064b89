import { type Context, Hono } from 'hono';
import { z } from 'zod';
import { type AppEnv, requestDeps } from '../../app-deps.ts';
import { stockholmDate } from '../../lib/dates.ts';
import { AppError } from '../../lib/errors.ts';
import { ErrorSummary } from '../../web/components/error-summary.tsx';
import { SelectField } from '../../web/components/field.tsx';
import { TextField } from '../../web/components/text-field.tsx';
import { errorList, type FormState, fieldErrorsFor, parseForm } from '../../web/form.ts';
import { publicPage } from '../../web/public-page.ts';
import { checkRateLimit } from '../../web/rate-limit.ts';
import { renderMessagePage, renderPage } from '../../web/render.tsx';
import { canAddBrief } from '../auth/permissions.ts';
import { savedNotice, savedQuery } from '../register/saved-notice.ts';
import { confirm, subscribe, unsubscribe } from './alerts.service.ts';
import { atomXml } from './atom.ts';
import { mayEditBrief } from './brief-edits.service.ts';
import { briefOutcomes } from './brief-responses.service.ts';
import { alertForm, kindQuery, kindSlugs, pageQuery, slugQuery, tokenText } from './needs.forms.ts';
import {
  BRIEFS_PER_PAGE,
  type BriefFilters,
  findBriefPage,
  findFeedBriefs,
  findFilterChoices,
  findPublicBrief,
  findShownFocusArea,
} from './needs.queries.ts';
import { briefKinds } from './needs.table.ts';
import { BriefListView, listHref } from './views/brief-list.tsx';
import { BriefOutcomes } from './views/brief-outcomes.tsx';
import { BriefPageView } from './views/brief-page.tsx';

/**
 * The needs bank's public side (issue 9, item 5): the list with its filters, each brief's page, the Atom
 * feeds, and the e-mail alerts (subscribe, confirm by a button, one-click unsubscribe). No account needed.
 * Registered after brief-edits.routes.tsx (/behovsbanken/ny) and before the brief's page catches
 * /behovsbanken/<anything>: the bank's own addresses come first here.
 */
export const needsRoutes = new Hono<AppEnv>();

/** A filter left at "Alla" sends an empty value: the same as none. */
const blankAsNone = <T extends z.ZodType>(schema: T) =>
  z.preprocess((value) => (value === '' ? undefined : value), schema);

const filterQuery = {
  typ: blankAsNone(kindQuery),
  omrade: blankAsNone(slugQuery),
  mal: blankAsNone(slugQuery),
  larosate: blankAsNone(slugQuery),
};

const listPage = publicPage({ feedback: true, query: { ...filterQuery, sida: pageQuery } });

needsRoutes.get('/behovsbanken', listPage, async (c) => {
  const { db, clock } = c.get('deps');
  const query = listPage.query(c);
  const choices = await findFilterChoices(db);
  // A filter naming something that is not there (deleted, or never was) is no page of ours.
  const bySlug = <T extends { slug: string; id: number }>(
    list: T[],
    slug: string | undefined,
    name: string,
  ) => {
    if (slug === undefined) return undefined;
    const found = list.find((item) => item.slug === slug);
    if (!found) throw new AppError('NOT_FOUND', `needs filter ${name}`);
    return found.id;
  };
  const filters: BriefFilters = {
    kind: query.typ,
    focusAreaId: bySlug(choices.focusAreas, query.omrade, 'omrade'),
    goalId: bySlug(choices.goals, query.mal, 'mal'),
    institutionId: bySlug(choices.institutions, query.larosate, 'larosate'),
  };
  const { rows, total } = await findBriefPage(db, filters, query.sida);
  const pages = Math.max(1, Math.ceil(total / BRIEFS_PER_PAGE));
  if (query.sida > pages) throw new AppError('NOT_FOUND', `needs page ${query.sida}`);
  const chosen = {
    typ: query.typ ? kindSlugs[query.typ] : undefined,
    omrade: query.omrade,
    mal: query.mal,
    larosate: query.larosate,
  };
  const t = c.var.t;
  return renderPage(c, {
    title: t.needs.title,
    feedback: true,
    feed: {
      href: listHref('/behovsbanken/flode.atom', { typ: chosen.typ, omrade: chosen.omrade }),
      title: t.needs.feed.title,
    },
    children: (
      <BriefListView
        briefs={rows}
        total={total}
        page={query.sida}
        pages={pages}
        filters={chosen}
        choices={choices}
        today={stockholmDate(clock.now())}
        mayAdd={canAddBrief(c.get('viewer'))}
      />
    ),
  });
});

/** The feed: all briefs, or of one kind (`typ`) and/or one focus area (`omrade`). */
const feedPage = publicPage({ query: { typ: filterQuery.typ, omrade: filterQuery.omrade } });

needsRoutes.get('/behovsbanken/flode.atom', feedPage, async (c) => {
  const { db, config } = c.get('deps');
  const query = feedPage.query(c);
  const area = query.omrade === undefined ? undefined : await findShownFocusArea(db, query.omrade);
  if (query.omrade !== undefined && !area) throw new AppError('NOT_FOUND', 'feed focus area');
  const entries = await findFeedBriefs(db, { kind: query.typ, focusAreaId: area?.id });
  const t = c.var.t;
  const chosen = { typ: query.typ ? kindSlugs[query.typ] : undefined, omrade: query.omrade };
  const what = [query.typ ? t.needs.kindsPlural[query.typ] : null, area?.name ?? null]
    .filter(Boolean)
    .join(', ');
  const host = new URL(config.baseUrl).hostname;
  const xml = atomXml({
    id: `tag:${host},2026:behovsbanken${chosen.typ ? `:typ=${chosen.typ}` : ''}${chosen.omrade ? `:omrade=${chosen.omrade}` : ''}`,
    title: what ? t.needs.feed.titleFor(what) : t.needs.feed.title,
    subtitle: t.needs.feed.subtitle,
    // The latest change of an entry; a feed with none is as old as the bank.
    updated: new Date(Math.max(Date.UTC(2026, 0, 1), ...entries.map((entry) => entry.updatedAt.getTime()))),
    author: t.site.owner,
    self: `${config.baseUrl}${listHref('/behovsbanken/flode.atom', chosen)}`,
    alternate: `${config.baseUrl}${listHref('/behovsbanken', chosen)}`,
    entries: entries.map((entry) => ({
      id: `tag:${host},2026:behov-${entry.id}`,
      title: entry.title,
      updated: entry.updatedAt,
      published: entry.publishedAt ?? entry.updatedAt,
      link: `${config.baseUrl}/behovsbanken/${entry.slug}`,
      category: t.needs.kinds[entry.kind],
      summary: [
        `${t.needs.kinds[entry.kind]}${entry.organisation ? `, ${entry.organisation}` : ''}.`,
        entry.question,
        entry.deadline ? t.needs.feed.deadline(entry.deadline) : '',
      ]
        .filter(Boolean)
        .join(' '),
    })),
  });
  return c.body(xml, 200, { 'Content-Type': 'application/atom+xml; charset=utf-8' });
});

// ---- E-mail alerts -------------------------------------------------------------------------------------

const alertPage = publicPage({ query: { skickat: z.enum(['1']).optional() } });

needsRoutes.get('/behovsbanken/bevaka', alertPage, async (c) => {
  if (alertPage.query(c).skickat) {
    const t = c.var.t;
    return renderMessagePage(c, {
      title: t.needs.alerts.sentTitle,
      body: <p>{t.needs.alerts.sentBody}</p>,
      link: { href: '/behovsbanken', text: t.needs.alerts.back },
    });
  }
  return renderAlertForm(c, { values: {}, errors: {} }, 200);
});

needsRoutes.post('/behovsbanken/bevaka', async (c) => {
  const input = await parseForm(c, alertForm);
  if (!input.ok) return renderAlertForm(c, input.form, 422);
  if (!(await checkRateLimit(c, c.get('deps').rateLimits.briefAlerts)))
    return renderAlertForm(c, { values: input.values, errors: { email: c.var.t.needs.alerts.tooMany } }, 429);
  try {
    await subscribe(requestDeps(c), input.data);
  } catch (error) {
    return renderAlertForm(c, { values: input.values, errors: fieldErrorsFor(c, error) }, 422);
  }
  return c.redirect('/behovsbanken/bevaka?skickat=1', 303);
});

// The mailed link opens a page with a button: a mail scanner following the link confirms nothing.
needsRoutes.get('/behovsbanken/bevaka/bekrafta', (c) => {
  const t = c.var.t;
  const token = tokenText.safeParse(c.req.query('token'));
  if (!token.success) return deadLink(c);
  // The page holds a live token: no cache may keep it.
  c.header('Cache-Control', 'no-store');
  return renderPage(c, {
    title: t.needs.alerts.confirmTitle,
    children: (
      <>
        <h1>{t.needs.alerts.confirmTitle}</h1>
        <p>{t.needs.alerts.confirmBody}</p>
        <form method="post" action="/behovsbanken/bevaka/bekrafta">
          <input type="hidden" name="token" value={token.data} />
          <button type="submit">{t.needs.alerts.confirmButton}</button>
        </form>
      </>
    ),
  });
});

needsRoutes.post('/behovsbanken/bevaka/bekrafta', async (c) => {
  const input = await parseForm(c, z.strictObject({ token: z.string() }));
  if (!input.ok) throw new AppError('BAD_REQUEST', 'confirm form');
  const token = tokenText.safeParse(input.data.token);
  if (!token.success || !(await confirm(c.get('deps'), token.data))) return deadLink(c);
  const t = c.var.t;
  return renderMessagePage(c, {
    title: t.needs.alerts.confirmedTitle,
    body: <p>{t.needs.alerts.confirmedBody}</p>,
    link: { href: '/behovsbanken', text: t.needs.alerts.back },
  });
});

/**
 * Unsubscribing: the link in every mail opens a page with a button; the button, and a mail program's
 * one-click POST (RFC 8058: `List-Unsubscribe=One-Click` to the same address, without our Origin, so
 * this address is left out of the CSRF check — the token is the credential), remove the subscription.
 */
needsRoutes.get('/behovsbanken/avregistrera', (c) => {
  const t = c.var.t;
  const token = tokenText.safeParse(c.req.query('token'));
  if (!token.success) return deadLink(c);
  c.header('Cache-Control', 'no-store');
  return renderPage(c, {
    title: t.needs.alerts.unsubscribeTitle,
    children: (
      <>
        <h1>{t.needs.alerts.unsubscribeTitle}</h1>
        <p>{t.needs.alerts.unsubscribeBody}</p>
        <form method="post" action={`/behovsbanken/avregistrera?token=${token.data}`}>
          <input type="hidden" name="List-Unsubscribe" value="One-Click" />
          <button type="submit">{t.needs.alerts.unsubscribeButton}</button>
        </form>
      </>
    ),
  });
});

needsRoutes.post('/behovsbanken/avregistrera', async (c) => {
  const input = await parseForm(c, z.strictObject({ 'List-Unsubscribe': z.literal('One-Click') }));
  if (!input.ok) throw new AppError('BAD_REQUEST', 'unsubscribe form');
  const token = tokenText.safeParse(c.req.query('token'));
  if (!token.success) return deadLink(c);
  // A second click (or the mail program and the person both) finds nothing to remove: the same answer.
  await unsubscribe(c.get('deps'), token.data);
  c.header('Cache-Control', 'no-store');
  const t = c.var.t;
  return renderMessagePage(c, {
    title: t.needs.alerts.unsubscribedTitle,
    body: <p>{t.needs.alerts.unsubscribedBody}</p>,
    link: { href: '/behovsbanken', text: t.needs.alerts.back },
  });
});

function deadLink(c: Context<AppEnv>) {
  const t = c.var.t;
  return renderMessagePage(c, {
    title: t.needs.alerts.deadTitle,
    body: <p>{t.needs.alerts.deadBody}</p>,
    status: 400,
    link: { href: '/behovsbanken/bevaka', text: t.needs.alerts.title },
  });
}

const ALERT_FIELDS = ['email', 'kind', 'focusAreaId'] as const;

async function renderAlertForm(c: Context<AppEnv>, form: FormState, status: 200 | 422 | 429) {
  const t = c.var.t;
  const text = t.needs.alerts;
  const { focusAreas } = await findFilterChoices(c.get('deps').db);
  const { values, errors } = form;
  const ids: Record<string, string> = {
    email: 'bevaka-epost',
    kind: 'bevaka-typ',
    focusAreaId: 'bevaka-omrade',
  };
  const summary = errorList(errors, ALERT_FIELDS).map((error) => ({
    field: ids[error.field] ?? error.field,
    message: error.message,
  }));
  return renderPage(c, {
    title: text.title,
    status,
    children: (
      <>
        <h1>{text.title}</h1>
        <ErrorSummary title={text.errorSummary} errors={summary} />
        <p>{text.intro}</p>
        <form method="post" action="/behovsbanken/bevaka" novalidate>
          <TextField
            id="bevaka-epost"
            name="email"
            type="email"
            autocomplete="email"
            label={text.email}
            value={values.email}
            error={errors.email}
            maxlength={254}
            required
          />
          <SelectField id="bevaka-typ" name="kind" label={text.kind} error={errors.kind}>
            <option value="">{text.all}</option>
            {briefKinds.map((kind) => (
              <option value={kind} selected={values.kind === kind}>
                {t.needs.kindsPlural[kind]}
              </option>
            ))}
          </SelectField>
          <SelectField
            id="bevaka-omrade"
            name="focusAreaId"
            label={text.focusArea}
            error={errors.focusAreaId}
          >
            <option value="">{text.all}</option>
            {focusAreas.map((area) => (
              <option value={String(area.id)} selected={values.focusAreaId === String(area.id)}>
                {area.name}
              </option>
            ))}
          </SelectField>
          <p class="hint">{text.privacy}</p>
          <div class="button-row">
            <button type="submit">{text.submit}</button>
          </div>
        </form>
      </>
    ),
  });
}

// ---- A brief's page (last: /behovsbanken/<address>) ----------------------------------------------------

/** The note after a save: a new brief says it is out in the bank (drafts and internal ones open their form). */
function briefNotice(c: Context<AppEnv>, saved: z.infer<typeof savedQuery>) {
  const notice = savedNotice(c, saved);
  return notice !== undefined && saved === 'ny' ? c.var.t.needs.edit.createdPublished : notice;
}

/** A brief's page; `sparat` is the note after an edit (shown to the signed-in editor only). */
const briefPage = publicPage({ feedback: true, query: { sparat: savedQuery } });

needsRoutes.get('/behovsbanken/:slug', briefPage, async (c) => {
  const deps = c.get('deps');
  const viewer = c.get('viewer');
  const brief = await findPublicBrief(deps.db, c.req.param('slug'));
  if (!brief) throw new AppError('NOT_FOUND', `brief ${c.req.param('slug')}`);
  // Only a signed-in request asks (and pays for) whether the viewer may edit.
  const mayEdit = viewer !== null && (await mayEditBrief(deps, viewer, brief));
  const outcomes = await briefOutcomes(deps, brief.id);
  return renderPage(c, {
    title: brief.title,
    feedback: true,
    children: (
      <BriefPageView
        brief={brief}
        today={stockholmDate(deps.clock.now())}
        notice={briefNotice(c, briefPage.query(c).sparat)}
        mayEdit={mayEdit}
        // "Det här blev": the public activities its accepted answers became (brief-responses.service.ts).
        outcomes={<BriefOutcomes activities={outcomes} />}
      />
    ),
  });
});
