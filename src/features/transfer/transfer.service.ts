import type { RequestDeps } from '../../app-deps.ts';
import { stockholmDate } from '../../lib/dates.ts';
import { forbidden } from '../../lib/refusal.ts';
import { canTransferRegister, type Viewer } from '../auth/permissions.ts';
import type { Sheet } from './sheets.ts';
import {
  findActivitiesForExport,
  findAgreementsForExport,
  findGroupsForExport,
  findOrganisationsForExport,
} from './transfer.queries.ts';

type Deps = Pick<RequestDeps, 'db' | 't'>;

export const exportKinds = ['organisationer', 'avtal', 'grupper', 'aktiviteter'] as const;
export type ExportKind = (typeof exportKinds)[number];

const day = (value: Date | string | null) =>
  value === null ? '' : typeof value === 'string' ? value : stockholmDate(value);

/** The organisation columns, in the order an import reads them back (transfer.import.ts). */
export const ORGANISATION_COLUMNS = [
  'slug',
  'name',
  'shortName',
  'kind',
  'parentSlug',
  'parentName',
  'website',
  'description',
  'updatedAt',
] as const;

/** The kinds of record the coordinator can export, named for the transfer page. */
export function transferKinds(deps: Pick<Deps, 't'>, viewer: Viewer) {
  if (!canTransferRegister(viewer)) throw forbidden();
  const names: Record<ExportKind, string> = {
    organisationer: deps.t.transfer.sheets.organisations,
    avtal: deps.t.transfer.sheets.agreements,
    grupper: deps.t.transfer.sheets.groups,
    aktiviteter: deps.t.transfer.sheets.activities,
  };
  return exportKinds.map((kind) => ({ kind, name: names[kind] }));
}

/**
 * One kind of register record as a sheet, for the coordinator (who has the right to the internal ones
 * too): kinds and visibility in words, dates as YYYY-MM-DD, organisations of activities by address.
 */
export async function exportSheet(deps: Deps, viewer: Viewer, kind: ExportKind): Promise<Sheet> {
  if (!canTransferRegister(viewer)) throw forbidden();
  const { t, db } = deps;
  const text = t.transfer;
  const columns = (keys: readonly (keyof typeof text.columns)[]) => keys.map((key) => text.columns[key]);
  const visibility = (value: 'public' | 'internal') => text.visibilities[value];
  switch (kind) {
    case 'organisationer':
      return {
        name: text.sheets.organisations,
        columns: columns(ORGANISATION_COLUMNS),
        rows: (await findOrganisationsForExport(db)).map((row) => [
          row.slug,
          row.name,
          row.shortName ?? '',
          t.organisationKinds[row.kind],
          row.parentSlug ?? '',
          row.parentName ?? '',
          row.website ?? '',
          row.description,
          day(row.updatedAt),
        ]),
      };
    case 'avtal':
      return {
        name: text.sheets.agreements,
        columns: columns([
          'slug',
          'title',
          'kind',
          'diarienummer',
          'signedOn',
          'validFrom',
          'validTo',
          'parties',
          'focusAreas',
          'visibility',
          'internalReason',
          'description',
          'updatedAt',
        ]),
        rows: (await findAgreementsForExport(db)).map((row) => [
          row.slug,
          row.title,
          t.agreementKinds[row.kind],
          row.diarienummer ?? '',
          day(row.signedOn),
          day(row.validFrom),
          day(row.validTo),
          row.parties,
          row.focusAreas,
          visibility(row.visibility),
          row.internalReason ?? '',
          row.description,
          day(row.updatedAt),
        ]),
      };
    case 'grupper':
      return {
        name: text.sheets.groups,
        columns: columns([
          'slug',
          'name',
          'kind',
          'agreement',
          'organisation',
          'seats',
          'visibility',
          'internalReason',
          'description',
          'updatedAt',
        ]),
        rows: (await findGroupsForExport(db)).map((row) => [
          row.slug,
          row.name,
          t.groupKinds[row.kind],
          row.agreement ?? '',
          row.organisation ?? '',
          String(row.seats),
          visibility(row.visibility),
          row.internalReason ?? '',
          row.description,
          day(row.updatedAt),
        ]),
      };
    case 'aktiviteter':
      return {
        name: text.sheets.activities,
        columns: columns([
          'slug',
          'title',
          'kind',
          'startsOn',
          'endsOn',
          'organisations',
          'agreement',
          'visibility',
          'internalReason',
          'description',
          'outcomes',
          'outcomesUsedOn',
          'updatedAt',
        ]),
        rows: (await findActivitiesForExport(db)).map((row) => [
          row.slug,
          row.title,
          t.activityKinds[row.kind],
          day(row.startsOn),
          day(row.endsOn),
          row.organisations,
          row.agreement ?? '',
          visibility(row.visibility),
          row.internalReason ?? '',
          row.description,
          row.outcomes,
          day(row.outcomesUsedOn),
          day(row.updatedAt),
        ]),
      };
  }
}
