import { organisationTree } from '../../../web/components/organisation-options.tsx';
import { useT } from '../../../web/i18n/context.ts';
import { WorkspaceBriefs } from '../../needs/views/workspace-briefs.tsx';
import { WorkspacePlacementOffers } from '../../placements/views/workspace-placement-offers.tsx';
import { WorkspacePlacementRequests } from '../../placements/views/workspace-placement-requests.tsx';
import type { loadWorkspace } from '../workspace.service.ts';
import { WorkspaceActivities } from './workspace-activities.tsx';
import { WorkspaceAgreements } from './workspace-agreements.tsx';
import { WorkspaceBriefResponses } from './workspace-brief-responses.tsx';
import { WorkspaceGroups } from './workspace-groups.tsx';
import { WorkspacePages } from './workspace-pages.tsx';
import { WorkspaceProposals } from './workspace-proposals.tsx';
import { WorkspaceReview } from './workspace-review.tsx';

type Props = { workspace: Awaited<ReturnType<typeof loadWorkspace>>; notice?: string | undefined };

/** The register workspace's start page: what the person may keep up to date, and what waits for them. */
export function WorkspacePage({ workspace, notice }: Props) {
  const t = useT();
  const text = t.workspace;
  // Someone who edits no part of the register is not shown the register's sections, nor told they cannot.
  const editsRegister = workspace.coordinator || workspace.editor;
  const bySlug = new Map(workspace.organisations.map((organisation) => [organisation.id, organisation]));
  return (
    <>
      <h1>{text.title}</h1>
      {notice ? (
        <p class="notice" role="status">
          {notice}
        </p>
      ) : null}
      <WorkspaceIntro workspace={workspace} />
      <WorkspaceReview review={workspace.proposals.review} />
      <WorkspaceProposals mine={workspace.proposals.mine} />
      <WorkspaceBriefResponses responses={workspace.briefResponses} />
      <WorkspacePlacementRequests requests={workspace.placementRequests} />
      {editsRegister ? (
        <section aria-labelledby="arbetsyta-organisationer">
          <h2 id="arbetsyta-organisationer">{text.organisationsHeading}</h2>
          {workspace.organisations.length === 0 ? (
            <p>{text.nothingToEdit}</p>
          ) : (
            <ul class="tree">
              {organisationTree(workspace.organisations).map((entry) => {
                const organisation = bySlug.get(entry.id);
                return organisation ? (
                  <li class={`depth-${Math.min(entry.depth, 6)}`}>
                    <a href={`/organisationer/${organisation.slug}/andra`}>{organisation.name}</a>
                  </li>
                ) : null;
              })}
            </ul>
          )}
          {workspace.coordinator ? (
            <p>
              <a href="/organisationer/ny">{t.register.organisation.createTitle}</a>
            </p>
          ) : null}
        </section>
      ) : null}
      <WorkspaceAgreements agreements={workspace.agreements} />
      <WorkspaceGroups groups={workspace.groups} />
      <WorkspacePlacementOffers placements={workspace.placementOffers} />
      <WorkspaceActivities activities={workspace.activities} />
      <WorkspaceBriefs briefs={workspace.briefs} />
      <WorkspacePages pages={workspace.pages} />
      {workspace.coordinator ? (
        <p>
          <a href="/arbetsyta/export">{t.transfer.title}</a>
        </p>
      ) : null}
      {workspace.coordinator && workspace.deletedOrganisations.length > 0 ? (
        <section aria-labelledby="arbetsyta-borttagna">
          <h2 id="arbetsyta-borttagna">{text.deletedHeading}</h2>
          <ul>
            {workspace.deletedOrganisations.map((organisation) => (
              <li>
                <a href={`/organisationer/${organisation.slug}/historik`}>{organisation.name}</a>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
    </>
  );
}

/**
 * What the workspace is for this person: keeping the register up to date (the coordinator, an editor), or
 * else following their own answers and proposals, with what they can do from here.
 */
function WorkspaceIntro({ workspace }: Pick<Props, 'workspace'>) {
  const t = useT();
  const text = t.workspace;
  if (workspace.coordinator || workspace.editor)
    return (
      <>
        <p>{workspace.coordinator ? text.introCoordinator : text.introEditor}</p>
        <p>
          <a href="/registrera">{t.proposals.register}</a>
        </p>
      </>
    );
  return (
    <>
      <p>{workspace.mayRequestPlaces ? text.introPlacementCoordinator : text.introMember}</p>
      <p>{text.canDo}</p>
      <ul>
        <li>
          <a href="/behovsbanken">{text.answerBriefs}</a>
        </li>
        <li>
          <a href="/registrera">{text.registerCollaboration}</a>
        </li>
        {workspace.mayRequestPlaces ? (
          <li>
            <a href="/praktik/platser">{text.requestPlaces}</a>
          </li>
        ) : null}
      </ul>
    </>
  );
}
