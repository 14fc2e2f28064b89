import { checkFields } from '../../web/form.ts';
import type { Messages } from '../../web/i18n/messages.ts';
import {
  findOrganisationRecord,
  type OrganisationValues,
} from '../organisations/organisation-edits.queries.ts';
import {
  addOrganisation,
  changeOrganisation,
  removeOrganisation,
  restoreOrganisationIn,
  valuesOf,
} from '../organisations/organisation-edits.service.ts';
import { newOrganisationForm } from '../organisations/organisations.forms.ts';
import {
  type Cells,
  type ColumnKey,
  type ColumnPresent,
  cellsWithCurrent,
  changedColumns,
  type Importer,
  wordLookup,
} from './importer.ts';
import { findOrganisationsForImport } from './transfer-imports.queries.ts';

/** The organisation form's fields by the export's column for them. */
const COLUMN_OF_FIELD: Record<string, ColumnKey> = {
  name: 'name',
  shortName: 'shortName',
  kind: 'kind',
  parentId: 'parentSlug',
  website: 'website',
  description: 'description',
};

/**
 * Organisations from a file with the export's columns: the parent by its address ("Ingår i (adress)"),
 * the kind in words, every other field through the organisation form's own checks.
 */
export const organisationImporter: Importer = {
  required: ['name', 'kind'],

  async prepare(db, t) {
    const organisations = await findOrganisationsForImport(db);
    const bySlug = new Map(organisations.map((organisation) => [organisation.slug, organisation]));
    const slugOf = new Map(organisations.map((organisation) => [organisation.id, organisation.slug]));
    const kindOf = wordLookup(t.organisationKinds);
    const shown = (values: OrganisationValues): Partial<Record<ColumnKey, string>> => ({
      name: values.name,
      shortName: values.shortName ?? '',
      kind: t.organisationKinds[values.kind],
      parentSlug: values.parentId === null ? '' : (slugOf.get(values.parentId) ?? ''),
      website: values.website ?? '',
      description: values.description,
    });

    return (fileCells: Cells, slug: string | null, present: ColumnPresent) => {
      const errors: string[] = [];
      const existing = slug ? bySlug.get(slug) : undefined;
      const cells = cellsWithCurrent(fileCells, present, existing && shown(valuesOf(existing)));
      const kind = kindOf(cells('kind'));
      if (!kind) errors.push(t.transfer.unknownKind);
      const parentSlug = cells('parentSlug');
      const parent = parentSlug ? bySlug.get(parentSlug) : undefined;
      if (parentSlug && (!parent || parent.deletedAt))
        errors.push(t.transfer.unknownParent({ params: { slug: parentSlug } }));
      const checked = checkFields(t, newOrganisationForm, {
        name: cells('name'),
        shortName: cells('shortName'),
        kind: kind ?? 'unit',
        parentId: parent && !parent.deletedAt ? String(parent.id) : '',
        website: cells('website'),
        description: cells('description'),
      });
      if (!checked.ok) errors.push(...fieldMessages(t, checked.form.errors));
      const label = cells('name') || slug || '';
      const known = existing
        ? { version: existing.version, deleted: existing.deletedAt !== null }
        : undefined;
      if (errors.length > 0 || !checked.ok) return { label, errors, ...(known ? { existing: known } : {}) };
      const values: OrganisationValues = { ...checked.data, description: checked.data.description ?? '' };
      return {
        label,
        errors,
        values,
        ...(known && existing
          ? { existing: known, changes: changedColumns(t, shown(valuesOf(existing)), shown(values)) }
          : {}),
      };
    };
  },

  add: (tx, deps, viewer, values, origin) =>
    addOrganisation(tx, deps, viewer, values as OrganisationValues, origin),
  change: (tx, deps, viewer, slug, values, version, origin) =>
    changeOrganisation(tx, deps, viewer, slug, values as OrganisationValues, version, origin),
  async find(tx, slug) {
    const found = await findOrganisationRecord(tx, slug);
    return found ? { id: found.id, version: found.version, name: found.name } : undefined;
  },
  remove: (tx, deps, viewer, slug, version, note) =>
    removeOrganisation(tx, deps, viewer, slug, version, note),
  restore: (tx, deps, viewer, slug, version, note) =>
    restoreOrganisationIn(tx, deps, viewer, slug, version, note),
};

/** A form's messages as the preview lists them: "Namn: Fyll i …", under the export's column names. */
export function fieldMessages(
  t: Messages,
  errors: Partial<Record<string, string>>,
  columnOf: Record<string, ColumnKey> = COLUMN_OF_FIELD,
): string[] {
  return Object.entries(errors)
    .filter((entry): entry is [string, string] => entry[1] !== undefined && columnOf[entry[0]] !== undefined)
    .map(([field, message]) => `${t.transfer.columns[columnOf[field]!]}: ${message}`);
}
