import type { Child } from 'hono/jsx';
import { DemoLabel } from '../../../web/components/demo-label.tsx';
import { PageBody } from '../../../web/components/page-body.tsx';
import { Period } from '../../../web/components/period.tsx';
import { GroupList, OrganisationName, StatusTag } from '../../../web/components/register-links.tsx';
import { Updated } from '../../../web/components/updated.tsx';
import { useT } from '../../../web/i18n/context.ts';
import { GoalList } from '../../goals/views/goal-list.tsx';
import { InstitutionList } from '../../organisations/views/institution-list.tsx';
import type { HomeOverview } from '../home.service.ts';

/** The source page "Samverkan med akademierna", section by section, built from the register. */
export function HomeView({ overview, tools }: { overview: HomeOverview; tools?: Child }) {
  const t = useT();
  const { pages } = overview;
  return (
    <>
      <h1>{pages.start.title}</h1>
      {tools}
      <div class="lead">
        <PageBody body={pages.start.body} />
      </div>

      <Section id="larosaten" heading={pages.larosaten.title}>
        <PageBody body={pages.larosaten.body} />
        <InstitutionList institutions={overview.institutions} />
        <p>
          <a href="/larosaten">{t.home.allInstitutions}</a>
        </p>
      </Section>

      <Section id="samarbetsformer" heading={pages.samarbetsformer.title}>
        <PageBody body={pages.samarbetsformer.body} />
        <ul class="cards">
          {overview.collaborationAgreements.map((agreement) => (
            <li class="card">
              <h3>
                <a href={`/avtal/${agreement.slug}`}>{agreement.title}</a>{' '}
                <DemoLabel show={agreement.isDemo} />
              </h3>
              <p class="meta">
                {t.agreementKinds[agreement.kind]} · <StatusTag status={agreement.status} />
              </p>
              <p>
                {t.agreements.focusAreas}:{' '}
                {agreement.focusAreas.map((area) => area.name).join(', ') || t.common.notGiven}
              </p>
            </li>
          ))}
        </ul>
        <h3>{t.home.focusAreasHeading}</h3>
        <ul>
          {overview.focusAreas.map((area) => (
            <li>
              {area.name} <DemoLabel show={area.isDemo} />
            </li>
          ))}
        </ul>
        <h3>{t.home.workingGroupsHeading}</h3>
        <GroupList groups={overview.workingGroups} empty={t.agreements.noGroups} />
        <p>
          <a href="/avtal">{t.home.allAgreements}</a>
        </p>
      </Section>

      <Section id="hogskoleradet" heading={pages.hogskoleradet.title}>
        <PageBody body={pages.hogskoleradet.body} />
        <dl class="facts">
          {overview.councilChair ? (
            <>
              <dt>{t.home.councilChair}</dt>
              <dd>{overview.councilChair.personName ?? overview.councilChair.seatDescription}</dd>
            </>
          ) : null}
          {overview.studentUnion?.organisation ? (
            <>
              <dt>{t.memberRoles.member}</dt>
              <dd>{overview.studentUnion.organisation.name}</dd>
            </>
          ) : null}
        </dl>
        <p>
          <a href="/hogskoleradet">{t.home.aboutCouncil}</a>
        </p>
      </Section>

      <Section id="flemingsberg-science" heading={pages['flemingsberg-science'].title}>
        <PageBody body={pages['flemingsberg-science'].body} />
        <ul>
          {overview.foundationParties.map((party) =>
            party.organisation ? (
              <li>
                <OrganisationName organisation={party.organisation} />
              </li>
            ) : null,
          )}
        </ul>
        <p>
          <a href="/flemingsberg-science">{t.home.aboutFoundation}</a>
        </p>
      </Section>

      <Section id="mal" heading={pages.mal.title}>
        <PageBody body={pages.mal.body} />
        <GoalList goals={overview.goals} />
        <p>
          <a href="/mal">{t.home.aboutGoals}</a>
        </p>
      </Section>

      <Section id="ulf" heading={pages.ulf.title}>
        <PageBody body={pages.ulf.body} />
        {overview.ulfAgreements.map((agreement) => (
          <p>
            <a href={`/avtal/${agreement.slug}`}>{agreement.title}</a>:{' '}
            <Period from={agreement.validFrom} to={agreement.validTo} />{' '}
            <StatusTag status={agreement.status} />
          </p>
        ))}
        <p>
          <a href="/ulf">{t.home.aboutUlf}</a>
        </p>
      </Section>

      <Section id="behovsbanken" heading={t.needs.title}>
        <p>{t.needs.homeIntro}</p>
        <p>
          <a href="/behovsbanken">{t.needs.homeLink}</a>
        </p>
      </Section>

      <Section id="praktik" heading={t.placementOverview.homeHeading}>
        <p>{t.placementOverview.homeIntro}</p>
        <p>
          <a href="/praktik/oversikt">{t.placementOverview.homeLink}</a>
        </p>
      </Section>

      <Updated on={pages.start.updatedOn} />
    </>
  );
}

function Section({ id, heading, children }: { id: string; heading: string; children: unknown }) {
  return (
    <section aria-labelledby={`${id}-rubrik`} class="home-section">
      <h2 id={`${id}-rubrik`}>{heading}</h2>
      {children}
    </section>
  );
}
