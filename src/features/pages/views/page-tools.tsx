import type { Context } from 'hono';
import type { AppEnv } from '../../../app-deps.ts';
import { useT } from '../../../web/i18n/context.ts';
import { canEditPages } from '../../auth/permissions.ts';
import { savedNotice, savedQuery } from '../../register/saved-notice.ts';

/** The query a text page declares in publicPage(): `sparat`, the note after an edit. */
export const textPageQuery = { sparat: savedQuery };

/**
 * What a text page shows a signed-in person under its heading: the note after their edit, and "Ändra" and
 * "Historik" when they may edit the page (the coordinator). Nothing, and no query, for anyone else.
 */
export function textPageTools(c: Context<AppEnv>, slug: string) {
  const viewer = c.get('viewer');
  if (viewer === null) return null;
  const saved = savedQuery.safeParse(c.get('publicQuery')?.sparat);
  const notice = savedNotice(c, saved.success ? saved.data : undefined);
  return <PageTools slug={slug} mayEdit={canEditPages(viewer)} notice={notice} />;
}

function PageTools(props: { slug: string; mayEdit: boolean; notice: string | undefined }) {
  const t = useT();
  return (
    <>
      {props.notice ? (
        <p class="notice" role="status">
          {props.notice}
        </p>
      ) : null}
      {props.mayEdit ? (
        <ul class="plain edit-links">
          <li>
            <a href={`/sidor/${props.slug}/andra`}>{t.register.edit}</a>
          </li>
          <li>
            <a href={`/sidor/${props.slug}/historik`}>{t.register.history}</a>
          </li>
        </ul>
      ) : null}
    </>
  );
}
