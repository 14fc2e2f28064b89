import { t } from '../i18n/sv.ts';
import { DemoLabel } from './demo-label.tsx';
import { Period } from './period.tsx';

type OrganisationRef = { slug: string; name: string; kind: string; isDemo?: boolean };

/** Universities are listed under /larosaten, every other organisation under /organisationer. */
export function organisationPath(organisation: { slug: string; kind: string }): string {
  return organisation.kind === 'university'
    ? `/larosaten/${organisation.slug}`
    : `/organisationer/${organisation.slug}`;
}

export function OrganisationName({ organisation }: { organisation: OrganisationRef }) {
  return <a href={organisationPath(organisation)}>{organisation.name}</a>;
}

export function OrganisationNames({ organisations }: { organisations: OrganisationRef[] }) {
  return (
    <>
      {organisations.map((organisation, index) => (
        <>
          {index > 0 ? ', ' : ''}
          <OrganisationName organisation={organisation} />
        </>
      ))}
    </>
  );
}

export function StatusTag({ status }: { status: keyof typeof t.agreementStatuses }) {
  return <span class={`status status-${status}`}>{t.agreementStatuses[status]}</span>;
}

type ActivityRow = {
  slug: string;
  title: string;
  kind: keyof typeof t.activityKinds;
  startsOn: string | null;
  endsOn: string | null;
  description: string;
  isDemo: boolean;
};

export function ActivityList({ activities, empty }: { activities: ActivityRow[]; empty: string }) {
  if (activities.length === 0) return <p>{empty}</p>;
  return (
    <ul class="cards">
      {activities.map((activity) => (
        <li class="card">
          <h3>
            <a href={`/aktiviteter/${activity.slug}`}>{activity.title}</a>{' '}
            <DemoLabel show={activity.isDemo} />
          </h3>
          <p class="meta">
            {t.activityKinds[activity.kind]} · <Period from={activity.startsOn} to={activity.endsOn} />
          </p>
          {activity.description ? <p>{activity.description}</p> : null}
        </li>
      ))}
    </ul>
  );
}

type GroupRow = {
  slug: string;
  name: string;
  kind: keyof typeof t.groupKinds;
  description: string;
  isDemo: boolean;
};

export function GroupList({ groups, empty }: { groups: GroupRow[]; empty: string }) {
  if (groups.length === 0) return <p>{empty}</p>;
  return (
    <ul>
      {groups.map((group) => (
        <li>
          <a href={groupPath(group.slug)}>{group.name}</a> ({t.groupKinds[group.kind].toLowerCase()}){' '}
          <DemoLabel show={group.isDemo} />
        </li>
      ))}
    </ul>
  );
}

/** The council and the foundation's network have their own pages; other groups live under /grupper. */
export const GROUPS_WITH_OWN_PAGE: Readonly<Record<string, string>> = {
  hogskoleradet: '/hogskoleradet',
  'flemingsberg-science-parter': '/flemingsberg-science',
};

export function groupPath(slug: string): string {
  return GROUPS_WITH_OWN_PAGE[slug] ?? `/grupper/${slug}`;
}
