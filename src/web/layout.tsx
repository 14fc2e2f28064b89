import { raw } from 'hono/html';
import type { Child } from 'hono/jsx';
import { useT } from './i18n/context.ts';
import type { Language } from './i18n/messages.ts';

export type LayoutProps = {
  title: string;
  /** The path of the page, to mark the current menu item. */
  path: string;
  lang: Language;
  nonce?: string | undefined;
  showDemoNotice?: boolean;
  /** "Logga in", or the signed-in person's menu (the auth feature makes it). */
  accountMenu: Child;
  /** An Atom feed of the page (the needs bank's list), as <link rel="alternate">. */
  feed?: { href: string; title: string } | undefined;
  children: Child;
};

/** The main menu: address and the key of its label. */
const mainNav = [
  ['/', 'start'],
  ['/larosaten', 'institutions'],
  ['/avtal', 'agreements'],
  ['/hogskoleradet', 'council'],
  ['/flemingsberg-science', 'foundation'],
  ['/mal', 'goals'],
  ['/ulf', 'ulf'],
  ['/behovsbanken', 'needs'],
] as const;

function isCurrentSection(href: string, path: string): boolean {
  return href === '/' ? path === '/' : path === href || path.startsWith(`${href}/`);
}

export function Layout({
  title,
  lang,
  path,
  nonce,
  showDemoNotice,
  accountMenu,
  feed,
  children,
}: LayoutProps) {
  const t = useT();
  const fullTitle =
    path === '/' ? `${t.site.name} – ${t.site.owner}` : `${title} – ${t.site.name} – ${t.site.owner}`;
  return (
    <>
      {raw('<!DOCTYPE html>')}
      <html lang={lang}>
        <head>
          <meta charset="utf-8" />
          <meta name="viewport" content="width=device-width, initial-scale=1" />
          <title>{fullTitle}</title>
          <link rel="stylesheet" href="/static/styles.css" />
          {feed ? (
            <link rel="alternate" type="application/atom+xml" title={feed.title} href={feed.href} />
          ) : null}
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
              {accountMenu}
            </div>
            <nav aria-label={t.site.mainNavLabel} class="main-nav">
              <ul class="wrap">
                {mainNav.map(([href, label]) => (
                  <li>
                    <a href={href} aria-current={isCurrentSection(href, path) ? 'page' : undefined}>
                      {t.nav[label]}
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
                <li>
                  <a href="/oppna-data">{t.openDataPages.footerLink}</a>
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
