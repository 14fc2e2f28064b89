import { t } from '../../../web/i18n/sv.ts';

const links = [
  ['/admin', t.admin.nav.people],
  ['/admin/bjud-in', t.admin.nav.invite],
  ['/admin/logg', t.admin.nav.log],
] as const;

/** The administration's own menu, on each of its pages. */
export function AdminNav({ current }: { current: (typeof links)[number][0] | null }) {
  return (
    <nav class="admin-nav" aria-label={t.admin.nav.label}>
      <ul>
        {links.map(([href, label]) => (
          <li>
            <a href={href} aria-current={href === current ? 'page' : undefined}>
              {label}
            </a>
          </li>
        ))}
      </ul>
    </nav>
  );
}
