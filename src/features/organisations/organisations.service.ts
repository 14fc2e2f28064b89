import type { AppDeps } from '../../app-deps.ts';
import { AppError } from '../../lib/errors.ts';
import { listAgreements } from '../agreements/agreements.service.ts';
import { canEditOrganisation, type Viewer } from '../auth/permissions.ts';
import { findOrganisationChain } from './organisation-edits.queries.ts';
import {
  findChildOrganisations,
  findInvolvement,
  findOrganisationById,
  findOrganisationBySlug,
} from './organisations.queries.ts';

/**
 * An organisation with its sub-organisations and everything it or they take part in. Universities are
 * found only under /larosaten, other kinds only under /organisationer.
 */
export async function getOrganisation(
  deps: Pick<AppDeps, 'db' | 'clock'>,
  slug: string,
  expect: 'university' | 'other',
  viewer: Viewer | null = null,
) {
  const organisation = await findOrganisationBySlug(deps.db, slug);
  if (!organisation || (organisation.kind === 'university') !== (expect === 'university')) {
    throw new AppError('NOT_FOUND', `organisation ${slug}`);
  }
  const [children, parent] = await Promise.all([
    findChildOrganisations(deps.db, organisation.id),
    organisation.parentId ? findOrganisationById(deps.db, organisation.parentId) : undefined,
  ]);
  const involvement = await findInvolvement(deps.db, [organisation.id, ...children.map((child) => child.id)]);
  const agreements = await listAgreements(deps, {
    ids: involvement.agreements.map((agreement) => agreement.id),
  });
  // Only a signed-in request asks (and pays for) whether the viewer may edit: public pages stay one query less.
  const mayEdit =
    viewer !== null && canEditOrganisation(viewer, await findOrganisationChain(deps.db, organisation.id));
  return { organisation, parent, children, ...involvement, agreements, mayEdit };
}
