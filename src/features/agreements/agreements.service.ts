import type { AppDeps } from '../../app-deps.ts';
import { stockholmDate } from '../../lib/dates.ts';
import { AppError } from '../../lib/errors.ts';
import { canEditAgreement, isCoordinator, type Viewer } from '../auth/permissions.ts';
import { listPublicDocuments } from '../documents/documents.service.ts';
import { findPartyChains } from './agreement-edits.queries.ts';
import { agreementStatus } from './agreement-status.ts';
import {
  type AgreementFilter,
  countAgreements,
  findActivitiesOfAgreement,
  findAgreementBySlug,
  findAgreements,
  findContactsOfAgreement,
  findFocusAreasOf,
  findGroupsOfAgreement,
  findPartiesOf,
} from './agreements.queries.ts';

type Deps = Pick<AppDeps, 'db' | 'clock'>;

/** Agreements with their parties, focus areas and today's status, for lists. */
export async function listAgreements(deps: Deps, where?: AgreementFilter) {
  const rows = await findAgreements(deps.db, where);
  const ids = rows.map((row) => row.id);
  const [parties, areas] = await Promise.all([findPartiesOf(deps.db, ids), findFocusAreasOf(deps.db, ids)]);
  const today = stockholmDate(deps.clock.now());
  return rows.map((agreement) => ({
    ...agreement,
    status: agreementStatus(agreement, today),
    parties: parties.get(agreement.id) ?? [],
    focusAreas: areas.get(agreement.id) ?? [],
  }));
}

export type ListedAgreement = Awaited<ReturnType<typeof listAgreements>>[number];

export const AGREEMENTS_PER_PAGE = 50;

/** One page of the register's agreements; a page past the last one does not exist. */
export async function listAgreementPage(deps: Deps, page: number) {
  const total = await countAgreements(deps.db);
  const pages = Math.max(1, Math.ceil(total / AGREEMENTS_PER_PAGE));
  if (page > pages) throw new AppError('NOT_FOUND', `agreement page ${page}`);
  const agreements = await listAgreements(deps, {
    limit: AGREEMENTS_PER_PAGE,
    offset: (page - 1) * AGREEMENTS_PER_PAGE,
  });
  return { agreements, page, pages };
}

/**
 * An agreement anyone may read (internal and deleted ones are 404 here, for everyone), with whether the
 * signed-in viewer may edit it; only a signed-in request asks (and pays for) that.
 */
export async function getAgreement(deps: Deps, slug: string, viewer: Viewer | null = null) {
  const agreement = await findAgreementBySlug(deps.db, slug);
  if (!agreement) throw new AppError('NOT_FOUND', `agreement ${slug}`);
  const mayEdit =
    viewer !== null &&
    (isCoordinator(viewer) || canEditAgreement(viewer, await findPartyChains(deps.db, agreement.id)));
  const [parties, areas, groups, activities, contacts, documents] = await Promise.all([
    findPartiesOf(deps.db, [agreement.id]),
    findFocusAreasOf(deps.db, [agreement.id]),
    findGroupsOfAgreement(deps.db, agreement.id),
    findActivitiesOfAgreement(deps.db, agreement.id),
    findContactsOfAgreement(deps.db, agreement.id),
    listPublicDocuments(deps, agreement.id),
  ]);
  return {
    ...agreement,
    status: agreementStatus(agreement, stockholmDate(deps.clock.now())),
    parties: parties.get(agreement.id) ?? [],
    focusAreas: areas.get(agreement.id) ?? [],
    groups,
    activities,
    contacts,
    documents,
    mayEdit,
  };
}
