import { Hono } from 'hono';
import type { AppEnv } from '../../app-deps.ts';
import { stockholmDate } from '../../lib/dates.ts';
import { DemoLabel } from '../../web/components/demo-label.tsx';
import { PageBody } from '../../web/components/page-body.tsx';
import { OrganisationName } from '../../web/components/register-links.tsx';
import { Updated } from '../../web/components/updated.tsx';
import { publicPage } from '../../web/public-page.ts';
import { renderPage } from '../../web/render.tsx';
import { groupMeetingsOverview } from '../meetings/meeting-pages.service.ts';
import { GroupMeetings } from '../meetings/views/public-group-meetings.tsx';
import { findOrganisationById } from '../organisations/organisations.queries.ts';
import { getPageBySlug } from '../pages/pages.queries.ts';
import { textPageQuery, textPageTools } from '../pages/views/page-tools.tsx';
import { savedNotice, savedQuery } from '../register/saved-notice.ts';
import { findAgreementOfGroup, findGroupBySiteRole, findMembers, getGroupBySlug } from './groups.queries.ts';
import { groupEditLinks } from './views/group-edit-links.tsx';
import { InternalMaterialLink } from './views/internal-material-link.tsx';
import { MemberTable } from './views/member-table.tsx';

export const groupRoutes = new Hono<AppEnv>();

groupRoutes.get('/hogskoleradet', publicPage({ feedback: true, query: textPageQuery }), async (c) => {
  const t = c.var.t;
  const { db } = c.get('deps');
  const [page, council] = await Promise.all([
    getPageBySlug(db, 'hogskoleradet'),
    findGroupBySiteRole(db, 'council'),
  ]);
  // The council is whichever group holds the role; without one the page is its text alone.
  const [members, editLinks, meetingsOverview] = council
    ? await Promise.all([
        findMembers(db, council.id, stockholmDate(c.get('deps').clock.now())),
        groupEditLinks(c, council, 'site-role-page'),
        groupMeetingsOverview(db, council.id, c.get('deps').clock.now()),
      ])
    : [[], null, null];
  const chair = members.find((member) => member.role === 'chair');
  return renderPage(c, {
    title: page.title,
    feedback: true,
    children: (
      <>
        <h1>{page.title}</h1>
        {textPageTools(c, 'hogskoleradet')}
        <PageBody body={page.body} />
        {chair ? (
          <dl class="facts">
            <dt>{t.home.councilChair}</dt>
            <dd>{chair.personName ?? chair.seatDescription}</dd>
          </dl>
        ) : null}
        {council ? (
          <>
            <h2>{t.council.members}</h2>
            {editLinks}
            <MemberTable members={members} caption={t.council.membersCaption} />
            {meetingsOverview ? <GroupMeetings overview={meetingsOverview} groupSlug={council.slug} /> : null}
            <InternalMaterialLink slug={council.slug} />
          </>
        ) : null}
        <Updated on={page.updatedOn} />
      </>
    ),
  });
});

groupRoutes.get('/flemingsberg-science', publicPage({ feedback: true, query: textPageQuery }), async (c) => {
  const t = c.var.t;
  const { db } = c.get('deps');
  const [page, network] = await Promise.all([
    getPageBySlug(db, 'flemingsberg-science'),
    findGroupBySiteRole(db, 'foundation_network'),
  ]);
  // The network is whichever group holds the role, and the foundation is the organisation it belongs to.
  const [parties, foundation, editLinks] = await Promise.all([
    network ? findMembers(db, network.id, stockholmDate(c.get('deps').clock.now())) : [],
    network?.organisationId ? findOrganisationById(db, network.organisationId) : undefined,
    network ? groupEditLinks(c, network, 'site-role-page') : null,
  ]);
  return renderPage(c, {
    title: page.title,
    feedback: true,
    children: (
      <>
        <h1>{page.title}</h1>
        {textPageTools(c, 'flemingsberg-science')}
        <PageBody body={page.body} />
        {network ? (
          <>
            <h2>{t.foundation.parties}</h2>
            {editLinks}
            <ul>
              {parties.map((party) =>
                party.organisation ? (
                  <li>
                    <OrganisationName organisation={party.organisation} /> <DemoLabel show={party.isDemo} />
                  </li>
                ) : null,
              )}
            </ul>
            <InternalMaterialLink slug={network.slug} />
          </>
        ) : null}
        {foundation?.website ? (
          <p>
            <a href={foundation.website} rel="external">
              {t.foundation.website}
            </a>{' '}
            {t.foundation.externalLink}
          </p>
        ) : null}
        <Updated on={page.updatedOn} />
      </>
    ),
  });
});

/** A group's page; `sparat` is the note after an edit (shown to the signed-in editor only). */
const groupPage = publicPage({ feedback: true, query: { sparat: savedQuery } });

groupRoutes.get('/grupper/:slug', groupPage, async (c) => {
  const t = c.var.t;
  const { db } = c.get('deps');
  const group = await getGroupBySlug(db, c.req.param('slug'));
  const [members, agreement, editLinks, meetingsOverview] = await Promise.all([
    findMembers(db, group.id, stockholmDate(c.get('deps').clock.now())),
    group.agreementId ? findAgreementOfGroup(db, group.agreementId) : undefined,
    groupEditLinks(c, group, 'group-page'),
    groupMeetingsOverview(db, group.id, c.get('deps').clock.now()),
  ]);
  const notice = savedNotice(c, groupPage.query(c).sparat);
  return renderPage(c, {
    title: group.name,
    feedback: true,
    children: (
      <>
        {notice ? (
          <p class="notice" role="status">
            {notice}
          </p>
        ) : null}
        <h1>
          {group.name} <DemoLabel show={group.isDemo} />
        </h1>
        {editLinks}
        <p class="meta">{t.groupKinds[group.kind]}</p>
        {group.description ? <p class="lead">{group.description}</p> : null}
        {agreement ? (
          <p>
            {t.agreements.title}: <a href={`/avtal/${agreement.slug}`}>{agreement.title}</a>
          </p>
        ) : null}
        <h2>{t.groups.members}</h2>
        <MemberTable members={members} caption={t.groups.membersCaption(group.name)} />
        <GroupMeetings overview={meetingsOverview} groupSlug={group.slug} />
        <InternalMaterialLink slug={group.slug} />
      </>
    ),
  });
});
