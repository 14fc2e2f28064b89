import { formatDate } from '../../../lib/dates.ts';
import { DemoLabel } from '../../../web/components/demo-label.tsx';
import { Period } from '../../../web/components/period.tsx';
import {
  ActivityList,
  GroupList,
  OrganisationName,
  StatusTag,
} from '../../../web/components/register-links.tsx';
import { useT } from '../../../web/i18n/context.ts';
import { PublicDocumentList } from '../../documents/views/document-lists.tsx';
import type { getAgreement } from '../agreements.service.ts';

type Props = { agreement: Awaited<ReturnType<typeof getAgreement>>; notice?: string | undefined };

export function AgreementDetailView({ agreement, notice }: Props) {
  const t = useT();
  return (
    <>
      <nav aria-label={t.common.breadcrumbsLabel} class="breadcrumbs">
        <a href="/avtal">{t.nav.agreements}</a>
      </nav>
      {notice ? (
        <p class="notice" role="status">
          {notice}
        </p>
      ) : null}
      <h1>
        {agreement.title} <DemoLabel show={agreement.isDemo} />
      </h1>
      {agreement.mayEdit ? <EditLinks slug={agreement.slug} /> : null}
      {agreement.description ? <p class="lead">{agreement.description}</p> : null}
      <dl class="facts">
        <dt>{t.common.status}</dt>
        <dd>
          <StatusTag status={agreement.status} />
        </dd>
        <dt>{t.agreements.kind}</dt>
        <dd>{t.agreementKinds[agreement.kind]}</dd>
        <dt>{t.common.parties}</dt>
        <dd>
          <ul class="plain">
            {agreement.parties.map((party) => (
              <li>
                <OrganisationName organisation={party} />
              </li>
            ))}
          </ul>
        </dd>
        {agreement.contacts.length > 0 ? (
          <>
            <dt>{t.agreements.contacts}</dt>
            <dd>
              <ul class="plain">
                {agreement.contacts.map((contact) => (
                  <li>
                    {contact.name}
                    {contact.organisationName ? `, ${contact.organisationName}` : ''}
                  </li>
                ))}
              </ul>
            </dd>
          </>
        ) : null}
        <dt>{t.agreements.diarienummer}</dt>
        <dd>{agreement.diarienummer ?? t.common.notGiven}</dd>
        <dt>{t.agreements.signedOn}</dt>
        <dd>
          {agreement.signedOn ? (
            <time datetime={agreement.signedOn}>{formatDate(agreement.signedOn)}</time>
          ) : (
            t.common.notGiven
          )}
        </dd>
        <dt>{t.agreements.validity}</dt>
        <dd>
          {agreement.validFrom || agreement.validTo ? (
            <Period from={agreement.validFrom} to={agreement.validTo} />
          ) : (
            t.agreements.validityUnknown
          )}
        </dd>
      </dl>
      <PublicDocumentList documents={agreement.documents} />
      <h2>{t.agreements.focusAreas}</h2>
      {agreement.focusAreas.length > 0 ? (
        <ul>
          {agreement.focusAreas.map((area) => (
            <li>{area.name}</li>
          ))}
        </ul>
      ) : (
        <p>{t.agreements.noFocusAreas}</p>
      )}
      <h2>{t.agreements.workingGroups}</h2>
      <GroupList groups={agreement.groups} empty={t.agreements.noGroups} />
      <h2>{t.agreements.activities}</h2>
      <ActivityList activities={agreement.activities} empty={t.agreements.noActivities} />
    </>
  );
}

/** "Ändra" and "Historik" for someone who may edit the agreement (signed-in pages only). */
function EditLinks({ slug }: { slug: string }) {
  const t = useT();
  return (
    <ul class="plain edit-links">
      <li>
        <a href={`/avtal/${slug}/andra`}>{t.register.edit}</a>
      </li>
      <li>
        <a href={`/avtal/${slug}/historik`}>{t.register.history}</a>
      </li>
    </ul>
  );
}
