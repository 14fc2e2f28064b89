import { useT } from '../../../web/i18n/context.ts';
import { canAdministerAccounts, canOpenFeedbackViewer, type Viewer } from '../permissions.ts';

/**
 * "Logga in" for everyone else; for a signed-in person their name, the pages their roles open and a
 * sign-out button (a form, since signing out changes state and must pass the CSRF check).
 */
export function AccountMenu({ viewer, path }: { viewer: Viewer | null; path: string }) {
  const t = useT();
  if (viewer === null) {
    const isSignInPage = path === '/logga-in' || path.startsWith('/logga-in/');
    return (
      <nav class="account-menu" aria-label={t.auth.accountMenuLabel}>
        <a href="/logga-in" aria-current={isSignInPage ? 'page' : undefined}>
          {t.auth.signIn}
        </a>
      </nav>
    );
  }
  const links: [string, string][] = [
    ['/mina-uppgifter', t.auth.myDetails],
    ['/arbetsyta', t.workspace.title],
  ];
  if (canOpenFeedbackViewer(viewer)) links.push(['/aterkoppling/oversikt', t.auth.feedbackViewer]);
  if (canAdministerAccounts(viewer)) links.push(['/admin', t.auth.administration]);
  return (
    <nav class="account-menu" aria-label={t.auth.accountMenuLabel}>
      <p class="signed-in-as">{t.auth.signedInAs(viewer.name || viewer.email || '')}</p>
      <ul>
        {links.map(([href, label]) => (
          <li>
            <a href={href} aria-current={path === href || path.startsWith(`${href}/`) ? 'page' : undefined}>
              {label}
            </a>
          </li>
        ))}
        <li>
          <form method="post" action="/logga-ut">
            <button type="submit" class="link-button">
              {t.auth.signOut}
            </button>
          </form>
        </li>
      </ul>
    </nav>
  );
}
