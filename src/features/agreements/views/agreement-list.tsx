import { DemoLabel } from '../../../web/components/demo-label.tsx';
import { PageBody } from '../../../web/components/page-body.tsx';
import { Pagination } from '../../../web/components/pagination.tsx';
import { Period } from '../../../web/components/period.tsx';
import { GroupList, OrganisationNames, StatusTag } from '../../../web/components/register-links.tsx';
import { Updated } from '../../../web/components/updated.tsx';
import { useT } from '../../../web/i18n/context.ts';
import type { ShownPage } from '../../pages/pages.queries.ts';
import type { ListedAgreement } from '../agreements.service.ts';

type Props = {
  page: ShownPage;
  agreements: { agreements: ListedAgreement[]; page: number; pages: number };
  focusAreas: { slug: string; name: string; isDemo: boolean }[];
  workingGroups: Parameters<typeof GroupList>[0]['groups'];
};

export function AgreementListView({ page, agreements, focusAreas, workingGroups }: Props) {
  const t = useT();
  return (
    <>
      <h1>{page.title}</h1>
      <PageBody body={page.body} />
      <h2>{t.agreements.listHeading}</h2>
      <AgreementTable agreements={agreements.agreements} />
      <Pagination
        label={t.agreements.pagination}
        page={agreements.page}
        pages={agreements.pages}
        href={(to) => (to === 1 ? '/avtal' : `/avtal?sida=${to}`)}
      />
      <h2>{t.home.focusAreasHeading}</h2>
      <ul>
        {focusAreas.map((area) => (
          // The open data links each focus area here (focusAreaUrl in open-data/resources).
          <li id={`omrade-${area.slug}`}>
            {area.name} <DemoLabel show={area.isDemo} />
          </li>
        ))}
      </ul>
      <h2>{t.home.workingGroupsHeading}</h2>
      <GroupList groups={workingGroups} empty={t.agreements.noGroups} />
      <Updated on={page.updatedOn} />
    </>
  );
}

export function AgreementTable({ agreements }: { agreements: ListedAgreement[] }) {
  const t = useT();
  return (
    <div class="table-scroll table-stack">
      <table>
        <caption class="visually-hidden">{t.agreements.tableCaption}</caption>
        <thead>
          <tr>
            <th scope="col">{t.agreements.title}</th>
            <th scope="col">{t.common.parties}</th>
            <th scope="col">{t.agreements.validity}</th>
            <th scope="col">{t.common.status}</th>
          </tr>
        </thead>
        <tbody>
          {agreements.map((agreement) => (
            <tr>
              <th scope="row">
                <a href={`/avtal/${agreement.slug}`}>{agreement.title}</a>
                <span class="meta block">{t.agreementKinds[agreement.kind]}</span>
                <DemoLabel show={agreement.isDemo} />
              </th>
              <td>
                <OrganisationNames organisations={agreement.parties} />
              </td>
              <td>
                <Period from={agreement.validFrom} to={agreement.validTo} />
              </td>
              <td>
                <StatusTag status={agreement.status} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
