import { useT } from '../../../web/i18n/context.ts';

/** Address and the key of its label. */
const links = [
  ['/admin', 'people'],
  ['/admin/bjud-in', 'invite'],
  ['/admin/logg', 'log'],
] as const;

/** The administration's own menu, on each of its pages. */
export function AdminNav({ current }: { current: (typeof links)[number][0] | null }) {
  const t = useT();
  return (
    <nav class="admin-nav" aria-label={t.admin.nav.label}>
      <ul>
        {links.map(([href, label]) => (
          <li>
            <a href={href} aria-current={href === current ? 'page' : undefined}>
              {t.admin.nav[label]}
            </a>
          </li>
        ))}
      </ul>
    </nav>
  );
}
