import { raw } from 'hono/html';
import type { Child } from 'hono/jsx';
import type { Viewer } from '../features/auth/permissions.ts';
import { AccountMenu } from './components/account-menu.tsx';
import { t } from './i18n/sv.ts';

export type LayoutProps = {
  title: string;
  /** The path of the page, to mark the current menu item. */
  path: string;
  nonce?: string;
  showDemoNotice?: boolean;
  /** The signed-in person; null on public pages, which are the same for everyone. */
  viewer?: Viewer | null;
  children: Child;
};

const mainNav = [
  ['/', t.nav.start],
  ['/larosaten', t.nav.institutions],
  ['/avtal', t.nav.agreements],
  ['/hogskoleradet', t.nav.council],
  ['/flemingsberg-science', t.nav.foundation],
  ['/mal', t.nav.goals],
  ['/ulf', t.nav.ulf],
] as const;

function isCurrentSection(href: string, path: string): boolean {
  return href === '/' ? path === '/' : path === href || path.startsWith(`${href}/`);
}

export function Layout({ title, path, nonce, showDemoNotice, viewer = null, children }: LayoutProps) {
  const fullTitle =
    path === '/' ? `${t.site.name} – ${t.site.owner}` : `${title} – ${t.site.name} – ${t.site.owner}`;
  return (
    <>
      {raw('<!DOCTYPE html>')}
      <html lang="sv">
        <head>
          <meta charset="utf-8" />
          <meta name="viewport" content="width=device-width, initial-scale=1" />
          <title>{fullTitle}</title>
          <link rel="stylesheet" href="/static/styles.css" />
          <script src="/static/feedback.js" defer nonce={nonce}></script>
        </head>
        <body>
          <a class="skip-link" href="#main">
            {t.site.skipLink}
          </a>
          <header class="site-header">
            <div class="wrap header-row">
              <a class="site-name" href="/">
                <span class="site-owner">{t.site.owner}</span>
                <span>{t.site.name}</span>
              </a>
              <search class="site-search">
                <form action="/sok" method="get">
                  <label for="site-search-q">{t.search.label}</label>
                  <input id="site-search-q" name="q" type="search" maxlength={200} autocomplete="off" />
                  <button type="submit">{t.search.button}</button>
                </form>
              </search>
              <AccountMenu viewer={viewer} path={path} />
            </div>
            <nav aria-label={t.site.mainNavLabel} class="main-nav">
              <ul class="wrap">
                {mainNav.map(([href, label]) => (
                  <li>
                    <a href={href} aria-current={isCurrentSection(href, path) ? 'page' : undefined}>
                      {label}
                    </a>
                  </li>
                ))}
              </ul>
            </nav>
          </header>
          <main id="main" class="wrap" tabindex={-1}>
            {showDemoNotice ? <p class="demo-notice">{t.site.demoNotice}</p> : null}
            {children}
          </main>
          <footer class="site-footer">
            <nav aria-label={t.site.footerNavLabel} class="wrap">
              <ul>
                <li>
                  <a href="/tillganglighet">{t.nav.accessibility}</a>
                </li>
                <li>
                  <a href="/personuppgifter">{t.nav.privacy}</a>
                </li>
              </ul>
              <p>{t.site.owner}</p>
            </nav>
          </footer>
        </body>
      </html>
    </>
  );
}
