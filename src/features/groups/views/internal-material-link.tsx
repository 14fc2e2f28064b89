import { t } from '../../../web/i18n/sv.ts';

/** The small link on a group's public page; the page behind it asks members to sign in. */
export function InternalMaterialLink({ slug }: { slug: string }) {
  return (
    <p class="internal-link">
      <a href={`/grupper/${slug}/internt`}>{t.admin.groupInternals.link}</a>
    </p>
  );
}
