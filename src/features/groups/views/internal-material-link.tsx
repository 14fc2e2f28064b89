import { useT } from '../../../web/i18n/context.ts';

/** The small link on a group's public page; the page behind it asks members to sign in. */
export function InternalMaterialLink({ slug }: { slug: string }) {
  const t = useT();
  return (
    <p class="internal-link">
      <a href={`/grupper/${slug}/internt`}>{t.admin.groupInternals.link}</a>
    </p>
  );
}
