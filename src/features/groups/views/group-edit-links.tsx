import type { Context } from 'hono';
import type { AppEnv } from '../../../app-deps.ts';
import { useT } from '../../../web/i18n/context.ts';
import { mayEditGroup } from '../group-edits.service.ts';

/**
 * "Ändra" and "Historik" for a group on a public page, for someone signed in who may change the group;
 * nothing, and no query, for anyone else (the page is then the cached one everybody gets). On the
 * council's and the network's pages, whose text has links of its own, they name the group.
 */
export async function groupEditLinks(
  c: Context<AppEnv>,
  group: { id: number; slug: string; organisationId: number | null },
  on: 'group-page' | 'site-role-page',
) {
  const viewer = c.get('viewer');
  if (viewer === null || !(await mayEditGroup(c.get('deps'), viewer, group))) return null;
  return <GroupEditLinks slug={group.slug} on={on} />;
}

function GroupEditLinks({ slug, on }: { slug: string; on: 'group-page' | 'site-role-page' }) {
  const t = useT();
  const named = on === 'site-role-page';
  return (
    <ul class="plain edit-links">
      <li>
        <a href={`/grupper/${slug}/andra`}>{named ? t.groupEdits.publicLinks.edit : t.register.edit}</a>
      </li>
      <li>
        <a href={`/grupper/${slug}/historik`}>
          {named ? t.groupEdits.publicLinks.history : t.register.history}
        </a>
      </li>
    </ul>
  );
}
