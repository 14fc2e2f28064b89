import type { AppDeps } from '../../app-deps.ts';
import { stockholmDate } from '../../lib/dates.ts';
import { findPrioritisedFocusAreas } from '../agreements/agreements.queries.ts';
import { listAgreements } from '../agreements/agreements.service.ts';
import { findGoalsWithActivityCounts } from '../goals/goals.queries.ts';
import { findGroupBySiteRole, findMembers, findWorkingGroups } from '../groups/groups.queries.ts';
import { findInstitutions } from '../organisations/organisations.queries.ts';
import { getPagesBySlugs } from '../pages/pages.queries.ts';

export const HOME_SECTION_PAGES = [
  'start',
  'larosaten',
  'samarbetsformer',
  'hogskoleradet',
  'flemingsberg-science',
  'mal',
  'ulf',
] as const;

/** Everything the start page tells, gathered from the register in parallel. */
export async function getHomeOverview(deps: Pick<AppDeps, 'db' | 'clock'>) {
  const { db } = deps;
  const [pages, institutions, agreements, focusAreas, workingGroups, goals, council, network] =
    await Promise.all([
      getPagesBySlugs(db, HOME_SECTION_PAGES),
      findInstitutions(db),
      // Only the kinds the start page names: reading all of them (parties, areas) cost a third of a build.
      listAgreements(deps, { kinds: ['collaboration', 'ulf'] }),
      findPrioritisedFocusAreas(db),
      findWorkingGroups(db),
      findGoalsWithActivityCounts(db),
      findGroupBySiteRole(db, 'council'),
      findGroupBySiteRole(db, 'foundation_network'),
    ]);
  // Asked for by role, not by slug: a renamed or removed group leaves its section empty, never a 404.
  // The seats held today: one whose term has ended is no longer shown (see findMembers).
  const today = stockholmDate(deps.clock.now());
  const [councilMembers, foundationParties] = await Promise.all([
    council ? findMembers(db, council.id, today) : [],
    network ? findMembers(db, network.id, today) : [],
  ]);
  return {
    pages,
    institutions,
    collaborationAgreements: agreements.filter((agreement) => agreement.kind === 'collaboration'),
    ulfAgreements: agreements.filter((agreement) => agreement.kind === 'ulf'),
    focusAreas,
    workingGroups,
    goals,
    councilChair: councilMembers.find((member) => member.role === 'chair'),
    studentUnion: councilMembers.find((member) => member.organisation?.kind === 'student_union'),
    foundationParties,
  };
}

export type HomeOverview = Awaited<ReturnType<typeof getHomeOverview>>;
