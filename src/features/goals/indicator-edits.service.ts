import type { RequestDeps } from '../../app-deps.ts';
import type { DbOrTx } from '../../db/client.ts';
import { formatDate, stockholmDate } from '../../lib/dates.ts';
import { AppError } from '../../lib/errors.ts';
import { Refusal } from '../../lib/refusal.ts';
import type { Messages } from '../../web/i18n/messages.ts';
import { withPublicChange } from '../../web/page-cache.ts';
import { canFollowUpGoals, type Viewer } from '../auth/permissions.ts';
import { findHistory } from '../register/history.queries.ts';
import { type Described, saveVersioned } from '../register/history.service.ts';
import type { TargetInput, ValueInput } from './indicator-edits.forms.ts';
import {
  bumpIndicatorVersion,
  findIndicatorRecord,
  findIndicatorValueRows,
  type IndicatorValueRow,
  lockIndicator,
  writeIndicatorYear,
} from './indicator-edits.queries.ts';
import { findIndicatorDefinition, type IndicatorDefinition } from './indicators/indicator-catalogue.ts';
import { currentYear } from './indicators/indicator-figures.service.ts';

type Deps = Pick<RequestDeps, 'db' | 'clock' | 'pageCache' | 't'>;

/**
 * The coordinator's edits of a goal indicator (issue 11): a target for a year, and for a manual indicator a
 * value entered with its source and the day it was measured. Each save is a change of the indicator — its
 * version (optimistic locking), its history (record type 'indicator', one field per year: "Målvärde 2027",
 * "Värde 2026") — and of the public /mal pages, whose cache is emptied in the same transaction.
 */

const notAllowed = () => new Refusal('auth.notAllowedBody', { status: 403 });

/** What a save compares and the history keeps: every year's target and entered value. */
type IndicatorYears = {
  targets: Record<string, string>;
  values: Record<string, { value: string; source: string; measuredOn: string }>;
};

/** Numbers as `numeric` returns them ('45.50') and as the form gives them ('45.5') compare equal. */
const canonical = (value: string) => String(Number(value));

function yearsOf(rows: IndicatorValueRow[]): IndicatorYears {
  const sorted = [...rows].sort((a, b) => a.year - b.year);
  const targets: IndicatorYears['targets'] = {};
  const values: IndicatorYears['values'] = {};
  for (const row of sorted) {
    if (row.target !== null) targets[String(row.year)] = canonical(row.target);
    if (row.value !== null)
      values[String(row.year)] = {
        value: canonical(row.value),
        source: row.source ?? '',
        measuredOn: row.measuredOn ?? '',
      };
  }
  return { targets, values };
}

/** A number the Swedish way: decimal comma, and " %" for a percentage. */
function shownNumber(t: Messages, definition: IndicatorDefinition, value: string): string {
  const number = value.replace('.', ',');
  return definition.unit === 'percent' ? `${number}${t.indicatorEdits.percentSuffix}` : number;
}

/** The history's fields are keyed `target:<year>` and `value:<year>`; their names come from historyLabels. */
function describer(t: Messages, definition: IndicatorDefinition) {
  return async (years: IndicatorYears): Promise<Described> => {
    const described: Described = {};
    for (const [year, target] of Object.entries(years.targets))
      described[`target:${year}`] = shownNumber(t, definition, target);
    for (const [year, entered] of Object.entries(years.values))
      described[`value:${year}`] = t.indicatorEdits.describedValue(
        shownNumber(t, definition, entered.value),
        entered.source,
        // "15 oktober 2026", as every page shows a date, not the form's ISO format.
        formatDate(entered.measuredOn),
      );
    return described;
  };
}

/** The names of the fields a history or a saved version shows ("Målvärde 2027"), from their keys. */
export function historyLabels(t: Messages, fields: Iterable<string>): Record<string, string> {
  const labels: Record<string, string> = {};
  for (const field of [...new Set(fields)].sort()) {
    const [kind, year] = field.split(':');
    if (kind === 'target') labels[field] = t.indicatorEdits.targetOf(Number(year));
    if (kind === 'value') labels[field] = t.indicatorEdits.valueOf(Number(year));
  }
  return labels;
}

export type IndicatorEditor = {
  definition: IndicatorDefinition;
  id: number;
  slug: string;
  version: number;
  rows: IndicatorValueRow[];
  thisYear: number;
  today: string;
};

/**
 * An indicator for its forms: only the coordinators open them, and the value form only exists for a
 * manual indicator (a computed one is counted, never typed: 404).
 */
export async function loadIndicatorEditor(
  deps: Pick<Deps, 'db' | 'clock'>,
  viewer: Viewer,
  slug: string,
  form: 'target' | 'value' | 'history',
): Promise<IndicatorEditor> {
  if (!canFollowUpGoals(viewer)) throw notAllowed();
  const definition = findIndicatorDefinition(slug);
  const row = definition ? await findIndicatorRecord(deps.db, slug) : undefined;
  if (!definition || !row) throw new AppError('NOT_FOUND', `indicator ${slug}`);
  if (form === 'value' && definition.kind !== 'manual')
    throw new AppError('NOT_FOUND', `a value form for computed indicator ${slug}`);
  return {
    definition,
    id: row.id,
    slug: row.slug,
    version: row.version,
    rows: await findIndicatorValueRows(deps.db, row.id),
    thisYear: currentYear(deps),
    today: stockholmDate(deps.clock.now()),
  };
}

/** Sets, changes or (with no target) removes the target for one year. */
export async function saveTarget(
  deps: Deps,
  viewer: Viewer,
  slug: string,
  input: TargetInput,
  expectedVersion: number,
): Promise<'saved' | 'unchanged'> {
  return saveYear(deps, viewer, slug, expectedVersion, 'target', input.year, { target: input.target });
}

/** Enters, changes or (with no value) removes a manual indicator's value for one year. */
export async function saveValue(
  deps: Deps,
  viewer: Viewer,
  slug: string,
  input: ValueInput,
  expectedVersion: number,
): Promise<'saved' | 'unchanged'> {
  const fields =
    input.value === null
      ? { value: null, source: null, measuredOn: null }
      : { value: input.value, source: input.source, measuredOn: input.measuredOn };
  return saveYear(deps, viewer, slug, expectedVersion, 'value', input.year, fields);
}

async function saveYear(
  deps: Deps,
  viewer: Viewer,
  slug: string,
  expectedVersion: number,
  form: 'target' | 'value',
  year: number,
  fields: Partial<Pick<IndicatorValueRow, 'target' | 'value' | 'source' | 'measuredOn'>>,
): Promise<'saved' | 'unchanged'> {
  if (!canFollowUpGoals(viewer)) throw notAllowed();
  const definition = findIndicatorDefinition(slug);
  if (!definition || (form === 'value' && definition.kind !== 'manual'))
    throw new AppError('NOT_FOUND', `indicator ${slug}`);
  const now = deps.clock.now();
  return withPublicChange(deps, async (tx) => {
    const current = await lockLive(tx, slug);
    const rows = await findIndicatorValueRows(tx, current.id);
    const existing = rows.find((row) => row.year === year);
    // A coordinator's save makes the year real: a demo target or value in it is dropped, so that nothing
    // they did not enter stays there unlabelled, and nothing they entered is labelled Exempeldata.
    const kept = existing?.isDemo ? undefined : existing;
    const changed: IndicatorValueRow = {
      year,
      target: null,
      value: null,
      source: null,
      measuredOn: null,
      ...kept,
      ...fields,
      isDemo: false,
    };
    const next = yearsOf([...rows.filter((row) => row.year !== year), changed]);
    return saveVersioned(tx, {
      type: 'indicator',
      id: current.id,
      actorPersonId: viewer.personId,
      at: now,
      expectedVersion,
      currentVersion: current.version,
      current: yearsOf(rows),
      next,
      describe: describer(deps.t, definition),
      write: async (expected) => {
        const version = await bumpIndicatorVersion(tx, current.id, expected, now);
        if (version !== undefined) {
          const { target, value, source, measuredOn } = changed;
          await writeIndicatorYear(
            tx,
            current.id,
            year,
            { target, value, source, measuredOn, isDemo: false },
            now,
          );
        }
        return version;
      },
    });
  });
}

async function lockLive(tx: DbOrTx, slug: string) {
  const found = await findIndicatorRecord(tx, slug);
  const current = found ? await lockIndicator(tx, found.id) : undefined;
  if (!current) throw new AppError('NOT_FOUND', `indicator ${slug}`);
  return current;
}

/** The indicator's history, newest first, with the names of the fields it shows. */
export async function loadIndicatorHistory(
  deps: Pick<Deps, 'db' | 'clock' | 't'>,
  viewer: Viewer,
  slug: string,
) {
  const editor = await loadIndicatorEditor(deps, viewer, slug, 'history');
  const entries = await findHistory(deps.db, 'indicator', editor.id);
  const labels = historyLabels(
    deps.t,
    entries.flatMap((entry) => Object.keys(entry.changes as Record<string, unknown>)),
  );
  return { editor, entries, labels };
}
