import { DemoLabel } from '../../../web/components/demo-label.tsx';
import { ActivityList, GroupList, OrganisationName } from '../../../web/components/register-links.tsx';
import { useT } from '../../../web/i18n/context.ts';
import { AgreementTable } from '../../agreements/views/agreement-list.tsx';
import type { getOrganisation } from '../organisations.service.ts';
import { institutionLabel } from './institution-list.tsx';

type Props = { details: Awaited<ReturnType<typeof getOrganisation>>; notice?: string | undefined };

/** One organisation: what it is, where it sits in the tree, and what it takes part in. */
export function OrganisationDetailView({ details, notice }: Props) {
  const t = useT();
  const { organisation, parent, children, agreements, groups, activities } = details;
  const isInstitution = organisation.kind === 'university';
  return (
    <>
      {isInstitution ? (
        <nav aria-label={t.common.breadcrumbsLabel} class="breadcrumbs">
          <a href="/larosaten">{t.nav.institutions}</a>
        </nav>
      ) : null}
      {notice ? (
        <p class="notice" role="status">
          {notice}
        </p>
      ) : null}
      <h1>
        {institutionLabel(organisation)} <DemoLabel show={organisation.isDemo} />
      </h1>
      {details.mayEdit ? <EditLinks slug={organisation.slug} /> : null}
      <p class="meta">
        {t.organisationKinds[organisation.kind]}
        {parent ? (
          <>
            {' · '}
            {t.organisation.partOf} <OrganisationName organisation={parent} />
          </>
        ) : null}
      </p>
      {organisation.description ? <p class="lead">{organisation.description}</p> : null}
      {organisation.website ? (
        <p>
          <a href={organisation.website} rel="external">
            {t.organisation.website}
          </a>{' '}
          {t.foundation.externalLink}
        </p>
      ) : null}
      {children.length > 0 ? (
        <>
          <h2>{isInstitution ? t.institutions.departments : t.organisation.children}</h2>
          <ul>
            {children.map((child) => (
              <li>
                <OrganisationName organisation={child} /> <DemoLabel show={child.isDemo} />
              </li>
            ))}
          </ul>
        </>
      ) : null}
      <h2>{t.institutions.agreements}</h2>
      {agreements.length > 0 ? (
        <AgreementTable agreements={agreements} />
      ) : (
        <p>{t.institutions.noAgreements}</p>
      )}
      <h2>{t.institutions.groups}</h2>
      <GroupList groups={groups} empty={t.institutions.noGroups} />
      <h2>{t.institutions.activities}</h2>
      <ActivityList activities={activities} empty={t.institutions.noActivities} />
    </>
  );
}

/** "Ändra" and "Historik" for someone who may edit the organisation (signed-in pages only). */
function EditLinks({ slug }: { slug: string }) {
  const t = useT();
  return (
    <ul class="plain edit-links">
      <li>
        <a href={`/organisationer/${slug}/andra`}>{t.register.edit}</a>
      </li>
      <li>
        <a href={`/organisationer/${slug}/historik`}>{t.register.history}</a>
      </li>
    </ul>
  );
}
