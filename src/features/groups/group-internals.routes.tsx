import { Hono } from 'hono';
import type { AppEnv } from '../../app-deps.ts';
import { AppError } from '../../lib/errors.ts';
import { DemoLabel } from '../../web/components/demo-label.tsx';
import { groupPath, OrganisationNames } from '../../web/components/register-links.tsx';
import { renderPage } from '../../web/render.tsx';
import { requirePermission, signedInViewer } from '../auth/guards.tsx';
import { canViewGroupInternals } from '../auth/permissions.ts';
import { loadGroupActions } from '../meetings/actions.service.ts';
import { loadGroupMeetings } from '../meetings/meetings.service.ts';
import { GroupActionsSection } from '../meetings/views/action-group-section.tsx';
import { GroupMeetings } from '../meetings/views/meeting-workspace.tsx';
import {
  findGroupIdBySlug,
  findMembersWithAccounts,
  getGroupForInternals,
} from './group-internals.queries.ts';

/** A group's internal page: for its members and the coordinators. */
export const groupInternalsRoutes = new Hono<AppEnv>();

groupInternalsRoutes.get(
  '/grupper/:slug/internt',
  // The right depends on the group, so the guard looks it up; the guard answers a signed-out request
  // before this runs, so only a signed-in person learns that a slug does not exist (404).
  requirePermission(async (viewer, c) => {
    const groupId = await findGroupIdBySlug(c.get('deps').db, c.req.param('slug') ?? '');
    if (groupId === undefined) throw new AppError('NOT_FOUND', 'group for internal page');
    return canViewGroupInternals(viewer, groupId);
  }),
  async (c) => {
    const t = c.var.t;
    const text = t.admin.groupInternals;
    const { db } = c.get('deps');
    const group = await getGroupForInternals(db, c.req.param('slug'));
    const members = await findMembersWithAccounts(db, group.id);
    const meetings = await loadGroupMeetings(c.get('deps'), signedInViewer(c), group);
    const actions = await loadGroupActions(c.get('deps'), signedInViewer(c), group.id);
    return renderPage(c, {
      title: `${group.name}: ${text.lead}`,
      children: (
        <>
          <h1>
            {group.name} <DemoLabel show={group.isDemo} />
          </h1>
          <p class="lead">{text.lead}</p>
          {/* An internal group has no public page (it is a 404 there). */}
          {group.visibility === 'public' ? (
            <p>
              <a href={groupPath(group)}>{text.publicPage}</a>
            </p>
          ) : null}
          <h2>{text.members}</h2>
          {members.length === 0 ? (
            <p>{text.noMembers}</p>
          ) : (
            <div class="table-scroll table-stack">
              <table>
                <caption>{text.membersCaption(group.name)}</caption>
                <thead>
                  <tr>
                    <th scope="col">{text.name}</th>
                    <th scope="col">{text.organisation}</th>
                  </tr>
                </thead>
                <tbody>
                  {members.map((member) => (
                    <tr>
                      <th scope="row">{member.name || member.email || t.admin.unnamed}</th>
                      <td>
                        {member.organisations.length > 0 ? (
                          <OrganisationNames organisations={member.organisations} />
                        ) : (
                          '–'
                        )}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
          <GroupMeetings
            upcoming={meetings.upcoming}
            past={meetings.past}
            addHref={meetings.mayAdd ? `/grupper/${group.slug}/moten/nytt` : null}
          />
          <GroupActionsSection {...actions} />
        </>
      ),
    });
  },
);
