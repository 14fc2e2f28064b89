import { useT } from '../i18n/context.ts';
import type { Messages } from '../i18n/messages.ts';
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

export function StatusTag({ status }: { status: keyof Messages['agreementStatuses'] }) {
  const t = useT();
  return <span class={`status status-${status}`}>{t.agreementStatuses[status]}</span>;
}

type ActivityRow = {
  slug: string;
  title: string;
  kind: keyof Messages['activityKinds'];
  startsOn: string | null;
  endsOn: string | null;
  description: string;
  isDemo: boolean;
};

export function ActivityList({ activities, empty }: { activities: ActivityRow[]; empty: string }) {
  const t = useT();
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
  siteRole: SiteRole | null;
  name: string;
  kind: keyof Messages['groupKinds'];
  description: string;
  isDemo: boolean;
};

export function GroupList({ groups, empty }: { groups: GroupRow[]; empty: string }) {
  const t = useT();
  if (groups.length === 0) return <p>{empty}</p>;
  return (
    <ul>
      {groups.map((group) => (
        <li>
          <a href={groupPath(group)}>{group.name}</a> ({t.groupKinds[group.kind].toLowerCase()}){' '}
          <DemoLabel show={group.isDemo} />
        </li>
      ))}
    </ul>
  );
}

/**
 * The council and the foundation's network have pages of their own, found by the group's site role (never
 * by slug); other groups live under /grupper.
 */
export const SITE_ROLE_PAGES = {
  council: '/hogskoleradet',
  foundation_network: '/flemingsberg-science',
} as const satisfies Record<string, string>;

export type SiteRole = keyof typeof SITE_ROLE_PAGES;

export function groupPath(group: { slug: string; siteRole: SiteRole | null }): string {
  return group.siteRole ? SITE_ROLE_PAGES[group.siteRole] : `/grupper/${group.slug}`;
}
