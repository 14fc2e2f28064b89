import { checkFields } from '../../web/form.ts';
import { translate } from '../../web/i18n/message-key.ts';
import {
  type ActivityInput,
  activityInputFrom,
  crossFieldErrors,
  newActivityForm,
  ORGANISATION_SLOTS,
  organisationSlot,
} from '../activities/activities.forms.ts';
import { findActivityRecord } from '../activities/activity-edits.queries.ts';
import {
  type ActivityValues,
  addActivity,
  changeActivity,
  removeActivity,
  restoreActivityIn,
  valuesFromInput,
} from '../activities/activity-edits.service.ts';
import {
  type Cells,
  type ColumnKey,
  type ColumnPresent,
  cellsWithCurrent,
  changedColumns,
  type Importer,
  wordLookup,
} from './importer.ts';
import { fieldMessages } from './organisation-import.ts';
import { findActivitiesForImport, findLinkTargetsForImport } from './transfer-imports.queries.ts';

/** The activity form's fields by the export's column for them. */
const COLUMN_OF_FIELD: Record<string, ColumnKey> = {
  kind: 'kind',
  title: 'title',
  startsOn: 'startsOn',
  endsOn: 'endsOn',
  agreementId: 'agreement',
  description: 'description',
  outcomes: 'outcomes',
  visibility: 'visibility',
  internalReason: 'internalReason',
  ...Object.fromEntries(
    Array.from({ length: ORGANISATION_SLOTS }, (_, index) => [organisationSlot(index + 1), 'organisations']),
  ),
};

/** The checkbox lists are not in the file: an import leaves an activity's focus areas and goals as they are. */
const NO_CHECKBOXES = { focusAreaIds: [], goalIds: [] };

/**
 * Activities from a file with the export's columns: organisations by their addresses (comma-separated,
 * the first one leads), the agreement by its address, kind and visibility in words, dates as YYYY-MM-DD —
 * every field through the activity form's own checks, and the rules between fields (end before start,
 * an organisation twice, internal without a reason).
 */
export const activityImporter: Importer = {
  required: ['title', 'kind', 'organisations'],

  async prepare(db, t) {
    const [rows, [organisationRows, agreementRows]] = await Promise.all([
      findActivitiesForImport(db),
      findLinkTargetsForImport(db),
    ]);
    const bySlug = new Map(rows.map((row) => [row.slug, row]));
    const organisationBySlug = new Map(organisationRows.map((row) => [row.slug, row]));
    const agreementBySlug = new Map(agreementRows.map((row) => [row.slug, row]));
    // Links to deleted records are not in the export (transfer.queries.ts), so they are neither shown nor
    // compared here, and a row of an activity keeps them (as its form does).
    const liveOrganisation = new Map(
      organisationRows.filter((row) => row.deletedAt === null).map((row) => [row.id, row.slug]),
    );
    const liveAgreement = new Map(
      agreementRows.filter((row) => row.deletedAt === null).map((row) => [row.id, row.slug]),
    );
    const kindOf = wordLookup(t.activityKinds);
    const visibilityOf = wordLookup(t.transfer.visibilities);
    const shown = (values: ActivityValues): Partial<Record<ColumnKey, string>> => ({
      title: values.title,
      kind: t.activityKinds[values.kind],
      startsOn: values.startsOn ?? '',
      endsOn: values.endsOn ?? '',
      organisations: values.organisationIds
        .flatMap((id) => liveOrganisation.get(id) ?? [])
        .sort()
        .join(', '),
      agreement: values.agreementId === null ? '' : (liveAgreement.get(values.agreementId) ?? ''),
      visibility: t.transfer.visibilities[values.visibility],
      internalReason: values.internalReason ?? '',
      description: values.description,
      outcomes: values.outcomes,
    });

    return (fileCells: Cells, slug: string | null, present: ColumnPresent) => {
      const errors: string[] = [];
      const existing = slug ? bySlug.get(slug) : undefined;
      const current = existing ? valuesFromInput(existing) : undefined;
      const cells = cellsWithCurrent(fileCells, present, current && shown(current));
      const column = (key: ColumnKey, message: string) => `${t.transfer.columns[key]}: ${message}`;
      const kind = kindOf(cells('kind'));
      if (!kind) errors.push(t.transfer.unknownActivityKind);
      const visibilityWord = cells('visibility');
      const visibility = visibilityWord === '' ? 'public' : visibilityOf(visibilityWord);
      if (!visibility) errors.push(t.transfer.unknownVisibility);

      const organisationSlugs = cells('organisations')
        .split(',')
        .map((part) => part.trim())
        .filter(Boolean);
      const organisationIds: string[] = [];
      for (const wanted of organisationSlugs) {
        const found = organisationBySlug.get(wanted);
        if (!found || found.deletedAt)
          errors.push(t.transfer.unknownOrganisation({ params: { slug: wanted } }));
        else organisationIds.push(String(found.id));
      }
      if (organisationSlugs.length > ORGANISATION_SLOTS)
        errors.push(
          column('organisations', t.transfer.tooManyOrganisations({ params: { max: ORGANISATION_SLOTS } })),
        );
      const agreementWanted = cells('agreement');
      const agreement = agreementWanted ? agreementBySlug.get(agreementWanted) : undefined;
      if (agreementWanted && (!agreement || agreement.deletedAt))
        errors.push(column('agreement', t.transfer.unknownAgreement({ params: { slug: agreementWanted } })));

      const fields: Record<string, string> = {
        kind: kind ?? 'event',
        title: cells('title'),
        startsOn: cells('startsOn'),
        endsOn: cells('endsOn'),
        agreementId: agreement && !agreement.deletedAt ? String(agreement.id) : '',
        description: cells('description'),
        outcomes: cells('outcomes'),
        visibility: visibility ?? 'public',
        internalReason: cells('internalReason'),
        ...Object.fromEntries(
          organisationIds.slice(0, ORGANISATION_SLOTS).map((id, index) => [organisationSlot(index + 1), id]),
        ),
      };
      const checked = checkFields(t, newActivityForm(NO_CHECKBOXES), fields);
      const between = Object.fromEntries(
        Object.entries(crossFieldErrors(fields)).map(([field, key]) => [field, translate(t, key)]),
      );
      const messages = { ...(checked.ok ? {} : checked.form.errors), ...between };
      // "Organisationer: the same one twice" once, not once per slot.
      errors.push(...new Set(fieldMessages(t, messages, COLUMN_OF_FIELD)));

      const label = cells('title') || slug || '';
      const known = existing
        ? { version: existing.version, deleted: existing.deletedAt !== null }
        : undefined;
      if (errors.length > 0 || !checked.ok) return { label, errors, ...(known ? { existing: known } : {}) };
      const input: ActivityInput = activityInputFrom(checked.data, NO_CHECKBOXES);
      const values = valuesFromInput(
        current
          ? {
              ...input,
              // What the file cannot say stays: focus areas, goals, links to deleted records.
              organisationIds: [
                ...input.organisationIds,
                ...current.organisationIds.filter((id) => !liveOrganisation.has(id)),
              ],
              agreementId:
                input.agreementId ??
                (current.agreementId !== null && !liveAgreement.has(current.agreementId)
                  ? current.agreementId
                  : null),
              focusAreaIds: current.focusAreaIds,
              goalIds: current.goalIds,
              // The file has no column for it that is read (the export's is for reading): it stays.
              outcomesUsedOn: current.outcomesUsedOn,
            }
          : input,
      );
      return {
        label,
        errors,
        values,
        ...(known && current
          ? { existing: known, changes: changedColumns(t, shown(current), shown(values)) }
          : {}),
      };
    };
  },

  add: (tx, deps, viewer, values, origin) => addActivity(tx, deps, viewer, values as ActivityValues, origin),
  change: (tx, deps, viewer, slug, values, version, origin) =>
    changeActivity(tx, deps, viewer, slug, values as ActivityValues, version, origin),
  async find(tx, slug) {
    const found = await findActivityRecord(tx, slug);
    return found ? { id: found.id, version: found.version, name: found.title } : undefined;
  },
  remove: (tx, deps, viewer, slug, version, note) => removeActivity(tx, deps, viewer, slug, version, note),
  restore: (tx, deps, viewer, slug, version, note) =>
    restoreActivityIn(tx, deps, viewer, slug, version, note),
};
