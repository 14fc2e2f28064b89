import { Hono } from 'hono';
import type { AppEnv } from '../../app-deps.ts';
import { DemoLabel } from '../../web/components/demo-label.tsx';
import { PageBody } from '../../web/components/page-body.tsx';
import { OrganisationName } from '../../web/components/register-links.tsx';
import { Updated } from '../../web/components/updated.tsx';
import { publicPage } from '../../web/public-page.ts';
import { renderPage } from '../../web/render.tsx';
import { findOrganisationById } from '../organisations/organisations.queries.ts';
import { getPageBySlug } from '../pages/pages.queries.ts';
import { findAgreementOfGroup, findGroupBySiteRole, findMembers, getGroupBySlug } from './groups.queries.ts';
import { InternalMaterialLink } from './views/internal-material-link.tsx';
import { MemberTable } from './views/member-table.tsx';

export const groupRoutes = new Hono<AppEnv>();

groupRoutes.get('/hogskoleradet', publicPage({ feedback: true }), async (c) => {
  const t = c.var.t;
  const { db } = c.get('deps');
  const [page, council] = await Promise.all([
    getPageBySlug(db, 'hogskoleradet'),
    findGroupBySiteRole(db, 'council'),
  ]);
  // The council is whichever group holds the role; without one the page is its text alone.
  const members = council ? await findMembers(db, council.id) : [];
  const chair = members.find((member) => member.role === 'chair');
  return renderPage(c, {
    title: page.title,
    feedback: true,
    children: (
      <>
        <h1>{page.title}</h1>
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
            <MemberTable members={members} caption={t.council.membersCaption} />
            <InternalMaterialLink slug={council.slug} />
          </>
        ) : null}
        <Updated on={page.updatedOn} />
      </>
    ),
  });
});

groupRoutes.get('/flemingsberg-science', publicPage({ feedback: true }), async (c) => {
  const t = c.var.t;
  const { db } = c.get('deps');
  const [page, network] = await Promise.all([
    getPageBySlug(db, 'flemingsberg-science'),
    findGroupBySiteRole(db, 'foundation_network'),
  ]);
  // The network is whichever group holds the role, and the foundation is the organisation it belongs to.
  const [parties, foundation] = await Promise.all([
    network ? findMembers(db, network.id) : [],
    network?.organisationId ? findOrganisationById(db, network.organisationId) : undefined,
  ]);
  return renderPage(c, {
    title: page.title,
    feedback: true,
    children: (
      <>
        <h1>{page.title}</h1>
        <PageBody body={page.body} />
        {network ? (
          <>
            <h2>{t.foundation.parties}</h2>
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

groupRoutes.get('/grupper/:slug', publicPage({ feedback: true }), async (c) => {
  const t = c.var.t;
  const { db } = c.get('deps');
  const group = await getGroupBySlug(db, c.req.param('slug'));
  const [members, agreement] = await Promise.all([
    findMembers(db, group.id),
    group.agreementId ? findAgreementOfGroup(db, group.agreementId) : undefined,
  ]);
  return renderPage(c, {
    title: group.name,
    feedback: true,
    children: (
      <>
        <h1>
          {group.name} <DemoLabel show={group.isDemo} />
        </h1>
        <p class="meta">{t.groupKinds[group.kind]}</p>
        {group.description ? <p class="lead">{group.description}</p> : null}
        {agreement ? (
          <p>
            {t.agreements.title}: <a href={`/avtal/${agreement.slug}`}>{agreement.title}</a>
          </p>
        ) : null}
        <h2>{t.groups.members}</h2>
        <MemberTable members={members} caption={t.groups.membersCaption(group.name)} />
        <InternalMaterialLink slug={group.slug} />
      </>
    ),
  });
});
