import { Hono } from 'hono';
import type { AppEnv } from '../../app-deps.ts';
import { DemoLabel } from '../../web/components/demo-label.tsx';
import { PageBody } from '../../web/components/page-body.tsx';
import { OrganisationName } from '../../web/components/register-links.tsx';
import { Updated } from '../../web/components/updated.tsx';
import { t } from '../../web/i18n/sv.ts';
import { publicPage } from '../../web/public-page.ts';
import { renderPage } from '../../web/render.tsx';
import { findOrganisationBySlug } from '../organisations/organisations.queries.ts';
import { getPageBySlug } from '../pages/pages.queries.ts';
import { findAgreementOfGroup, findMembers, getGroupBySlug } from './groups.queries.ts';
import { InternalMaterialLink } from './views/internal-material-link.tsx';
import { MemberTable } from './views/member-table.tsx';

export const groupRoutes = new Hono<AppEnv>();

groupRoutes.get('/hogskoleradet', publicPage({ feedback: true }), async (c) => {
  const { db } = c.get('deps');
  const [page, council] = await Promise.all([
    getPageBySlug(db, 'hogskoleradet'),
    getGroupBySlug(db, 'hogskoleradet'),
  ]);
  const members = await findMembers(db, council.id);
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
        <h2>{t.council.members}</h2>
        <MemberTable members={members} caption={t.council.membersCaption} />
        <InternalMaterialLink slug={council.slug} />
        <Updated on={page.updatedOn} />
      </>
    ),
  });
});

groupRoutes.get('/flemingsberg-science', publicPage({ feedback: true }), async (c) => {
  const { db } = c.get('deps');
  const [page, foundation, network] = await Promise.all([
    getPageBySlug(db, 'flemingsberg-science'),
    findOrganisationBySlug(db, 'stiftelsen-flemingsberg-science'),
    getGroupBySlug(db, 'flemingsberg-science-parter'),
  ]);
  const parties = await findMembers(db, network.id);
  return renderPage(c, {
    title: page.title,
    feedback: true,
    children: (
      <>
        <h1>{page.title}</h1>
        <PageBody body={page.body} />
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
