import type { Child } from 'hono/jsx'
import { CsrfField } from './components/csrf-field'
import { MainNav } from './components/main-nav'
import { NotificationBell } from './notifications/bell'
import { usePage } from './context'

interface LayoutProps {
  title?: string
  head?: Child
  children?: Child
}

/** The page frame: header with navigation, language switch and sign-out; main content. */
export function Layout({ title, head, children }: LayoutProps) {
  const { t, locale, actor, csrfToken, path } = usePage()
  const pageTitle = title ? `${title} · ${t('app.name')}` : t('app.name')
  return (
    <html lang={locale}>
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>{pageTitle}</title>
        <link rel="icon" href="/static/favicon.svg" type="image/svg+xml" />
        <link rel="stylesheet" href="/static/app.css" />
        <script src="/static/vendor/htmx.min.js" defer></script>
        <script src="/static/people.js" defer></script>
        {head}
      </head>
      <body hx-headers:inherited={JSON.stringify({ 'x-csrf-token': csrfToken })}>
        <a class="skip" href="#main">
          {t('nav.skip')}
        </a>
        <header class="topbar">
          <a class="brand" href="/">
            {t('app.name')}
          </a>
          <MainNav />
          <form class="lang" method="post" action="/locale">
            <CsrfField />
            <input type="hidden" name="next" value={path} />
            <label for="locale-select">{t('lang.label')}</label>
            <select id="locale-select" name="locale">
              <option value="zh-CN" selected={locale === 'zh-CN'}>
                简体中文
              </option>
              <option value="en" selected={locale === 'en'}>
                English
              </option>
            </select>
            <button type="submit">{t('lang.switch')}</button>
          </form>
          {actor ? <NotificationBell /> : null}
          {actor ? (
            <form class="signout" method="post" action="/logout">
              <CsrfField />
              <a class="who" href="/account" title={t('nav.account')}>
                {actor.displayName} · {t(`role.${actor.role}`)}
              </a>
              <button type="submit">{t('nav.signOut')}</button>
            </form>
          ) : (
            <a class="signin" href="/login">
              {t('nav.signIn')}
            </a>
          )}
        </header>
        <main id="main">{children}</main>
        <div id="live-region" class="visually-hidden" aria-live="polite"></div>
      </body>
    </html>
  )
}
