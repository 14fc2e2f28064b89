import { type Context, Hono } from 'hono';
import { type AppEnv, requestDeps } from '../../app-deps.ts';
import { Refusal } from '../../lib/refusal.ts';
import { type FormState, fieldErrorsFor, parseForm } from '../../web/form.ts';
import { translate } from '../../web/i18n/message-key.ts';
import { renderPage } from '../../web/render.tsx';
import { requirePermission, signedInViewer } from '../auth/guards.tsx';
import { canFollowUpGoals } from '../auth/permissions.ts';
import { savedQuery } from '../register/saved-notice.ts';
import { HistoryPage } from '../register/views/history-page.tsx';
import {
  targetForm,
  targetYears,
  valueCrossFieldErrors,
  valueForm,
  valueYears,
} from './indicator-edits.forms.ts';
import {
  historyLabels,
  type IndicatorEditor,
  loadIndicatorEditor,
  loadIndicatorHistory,
  saveTarget,
  saveValue,
} from './indicator-edits.service.ts';
import { IndicatorTargetForm, IndicatorValueForm } from './views/indicator-edit-form.tsx';

/**
 * The coordinator's edits of a goal indicator (issue 11): /mal/indikatorer/<slug>/malvarde sets a target
 * for a year, …/varde enters a manual indicator's value with its source, …/historik shows every change.
 * The indicator's public page is /mal/indikatorer/<slug>.
 */
export const indicatorEditRoutes = new Hono<AppEnv>();

const indicatorPath = (slug: string) => `/mal/indikatorer/${slug}`;
const targetPath = (slug: string) => `${indicatorPath(slug)}/malvarde`;
const valuePath = (slug: string) => `${indicatorPath(slug)}/varde`;
const historyPath = (slug: string) => `${indicatorPath(slug)}/historik`;

const guard = requirePermission(canFollowUpGoals);

indicatorEditRoutes.get('/mal/indikatorer/:slug/malvarde', guard, async (c) => {
  const editor = await loadIndicatorEditor(requestDeps(c), signedInViewer(c), c.req.param('slug'), 'target');
  const year = chosenYear(c, targetYears(editor.thisYear), editor.thisYear);
  const row = editor.rows.find((value) => value.year === year);
  const form = { values: { year: String(year), target: shown(row?.target) }, errors: {} };
  return renderTarget(c, editor, form, { version: editor.version, notice: notice(c, 'target'), status: 200 });
});

indicatorEditRoutes.post('/mal/indikatorer/:slug/malvarde', guard, async (c) => {
  const viewer = signedInViewer(c);
  const slug = c.req.param('slug');
  const editor = await loadIndicatorEditor(requestDeps(c), viewer, slug, 'target');
  const schema = targetForm(editor.thisYear, editor.definition.unit === 'percent');
  const input = await parseForm(c, schema, { hidden: ['version'] });
  if (!input.ok)
    return renderTarget(c, editor, input.form, { version: Number(input.form.values.version), status: 422 });
  const { version, ...fields } = input.data;
  try {
    const outcome = await saveTarget(requestDeps(c), viewer, slug, fields, version);
    return c.redirect(`${targetPath(slug)}?ar=${fields.year}&sparat=${savedCode(outcome)}`, 303);
  } catch (error) {
    const stale = staleState(c, error, input.values);
    if (stale) return renderTarget(c, editor, stale.form, stale.options);
    return renderTarget(
      c,
      editor,
      { values: input.values, errors: fieldErrorsFor(c, error) },
      { version, status: 422 },
    );
  }
});

indicatorEditRoutes.get('/mal/indikatorer/:slug/varde', guard, async (c) => {
  const editor = await loadIndicatorEditor(requestDeps(c), signedInViewer(c), c.req.param('slug'), 'value');
  const year = chosenYear(c, valueYears(editor.thisYear), editor.thisYear);
  const row = editor.rows.find((value) => value.year === year);
  const form = {
    values: {
      year: String(year),
      value: shown(row?.value),
      source: row?.value ? (row.source ?? '') : '',
      measuredOn: row?.value ? (row.measuredOn ?? '') : '',
    },
    errors: {},
  };
  return renderValue(c, editor, form, { version: editor.version, notice: notice(c, 'value'), status: 200 });
});

indicatorEditRoutes.post('/mal/indikatorer/:slug/varde', guard, async (c) => {
  const viewer = signedInViewer(c);
  const slug = c.req.param('slug');
  const editor = await loadIndicatorEditor(requestDeps(c), viewer, slug, 'value');
  const schema = valueForm(editor.thisYear, editor.definition.unit === 'percent');
  const parsed = await parseForm(c, schema, { hidden: ['version'] });
  const values = parsed.ok ? parsed.values : parsed.form.values;
  // The rules between fields are checked on what was typed, so every message shows at once.
  const cross = Object.fromEntries(
    Object.entries(valueCrossFieldErrors(values, editor.today)).map(([field, key]) => [
      field,
      translate(c.var.t, key),
    ]),
  );
  if (!parsed.ok || Object.keys(cross).length > 0) {
    const errors = { ...cross, ...(parsed.ok ? {} : parsed.form.errors) };
    return renderValue(c, editor, { values, errors }, { version: Number(values.version), status: 422 });
  }
  const { version, ...fields } = parsed.data;
  try {
    const outcome = await saveValue(requestDeps(c), viewer, slug, fields, version);
    return c.redirect(`${valuePath(slug)}?ar=${fields.year}&sparat=${savedCode(outcome)}`, 303);
  } catch (error) {
    const stale = staleState(c, error, values);
    if (stale) return renderValue(c, editor, stale.form, stale.options);
    return renderValue(c, editor, { values, errors: fieldErrorsFor(c, error) }, { version, status: 422 });
  }
});

indicatorEditRoutes.get('/mal/indikatorer/:slug/historik', guard, async (c) => {
  const deps = requestDeps(c);
  const { editor, entries, labels } = await loadIndicatorHistory(
    deps,
    signedInViewer(c),
    c.req.param('slug'),
  );
  const t = c.var.t;
  const name = t.indicators.definitions[editor.definition.slug as keyof typeof t.indicators.definitions].name;
  return renderPage(c, {
    title: t.indicatorEdits.historyTitle(name),
    children: (
      <HistoryPage
        restorable={false}
        title={t.indicatorEdits.historyTitle(name)}
        backHref={indicatorPath(editor.slug)}
        backText={t.indicatorEdits.backToIndicator}
        entries={entries}
        labels={labels}
      />
    ),
  });
});

/** `?ar=2027` opens the form on that year (after a save, the year saved); otherwise this year. */
function chosenYear(c: Context<AppEnv>, years: number[], thisYear: number): number {
  const asked = Number(c.req.query('ar'));
  return years.includes(asked) ? asked : thisYear;
}

/** A stored number as the form shows it: the Swedish decimal comma. */
function shown(value: string | null | undefined): string {
  return value === null || value === undefined ? '' : String(Number(value)).replace('.', ',');
}

function savedCode(outcome: 'saved' | 'unchanged'): string {
  return outcome === 'saved' ? '1' : 'oforandrat';
}

function notice(c: Context<AppEnv>, form: 'target' | 'value'): string | undefined {
  const saved = savedQuery.safeParse(c.req.query('sparat'));
  if (!saved.success || saved.data === undefined) return undefined;
  const text = c.var.t.indicatorEdits;
  if (saved.data === 'oforandrat') return text.unchanged;
  return form === 'target' ? text.savedTarget : text.savedValue;
}

type RenderOptions = {
  version: number;
  status: 200 | 409 | 422;
  notice?: string | undefined;
  saved?: { described: Record<string, string>; labels: Record<string, string> } | undefined;
};

/** Someone saved the indicator after this form was opened: 409, what was typed kept, the saved version shown. */
function staleState(c: Context<AppEnv>, error: unknown, values: Record<string, string>) {
  if (!(error instanceof Refusal) || error.reason !== 'register.staleVersion') return undefined;
  const described = (error.params?.current ?? {}) as Record<string, string>;
  return {
    form: { values, errors: { _form: c.var.t.register.staleVersion } },
    options: {
      version: Number(error.params?.version),
      status: 409 as const,
      saved: { described, labels: historyLabels(c.var.t, Object.keys(described)) },
    },
  };
}

function common(c: Context<AppEnv>, editor: IndicatorEditor) {
  const t = c.var.t;
  const words = t.indicators.definitions[editor.definition.slug as keyof typeof t.indicators.definitions];
  const links = [
    { href: indicatorPath(editor.slug), text: t.indicatorEdits.backToIndicator },
    { href: targetPath(editor.slug), text: t.indicatorEdits.links.target },
    ...(editor.definition.kind === 'manual'
      ? [{ href: valuePath(editor.slug), text: t.indicatorEdits.links.value }]
      : []),
    { href: historyPath(editor.slug), text: t.indicatorEdits.links.history },
  ];
  return { t, words, links, percent: editor.definition.unit === 'percent', rows: editor.rows };
}

function renderTarget(c: Context<AppEnv>, editor: IndicatorEditor, form: FormState, options: RenderOptions) {
  return renderForm(c, editor, form, options, 'target');
}

function renderValue(c: Context<AppEnv>, editor: IndicatorEditor, form: FormState, options: RenderOptions) {
  return renderForm(c, editor, form, options, 'value');
}

/** Either form, with the links to the indicator's other pages (not to itself). */
function renderForm(
  c: Context<AppEnv>,
  editor: IndicatorEditor,
  form: FormState,
  options: RenderOptions,
  which: 'target' | 'value',
) {
  const { t, words, links, percent, rows } = common(c, editor);
  const target = which === 'target';
  const heading = target ? t.indicatorEdits.targetTitle(words.name) : t.indicatorEdits.valueTitle(words.name);
  const action = target ? targetPath(editor.slug) : valuePath(editor.slug);
  const props = {
    heading,
    lead: target ? words.counts : `${words.counts} ${t.indicatorEdits.manualNote}`,
    action,
    form,
    version: options.version,
    years: target ? targetYears(editor.thisYear) : valueYears(editor.thisYear),
    percent,
    unit: words.unit,
    rows,
    notice: options.notice,
    saved: options.saved,
    links: links.filter((link) => link.href !== action),
  };
  return renderPage(c, {
    title: heading,
    status: options.status,
    children: target ? <IndicatorTargetForm {...props} /> : <IndicatorValueForm {...props} />,
  });
}
