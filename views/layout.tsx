import { raw } from 'hono/html'
import type { Child } from 'hono/jsx'
import { CsrfField } from './components/csrf-field'
import { mainNav } from './components/main-nav'
import { selectOptions } from './components/options'
import { page } from './components/template'
import { NotificationBell } from './notifications/bell'
import { usePage } from './context'

interface LayoutProps {
  title?: string
  head?: Child
  children?: Child
}

// Each language in its own words, whatever the page's language.
const languages = [
  ['zh-CN', '简体中文'],
  ['en', 'English'],
] as const

// The same on every page.
const fixedHead = raw(
  '<meta charset="utf-8"/>' +
    '<meta name="viewport" content="width=device-width, initial-scale=1"/>' +
    '<link rel="icon" href="/static/favicon.svg" type="image/svg+xml"/>' +
    '<link rel="stylesheet" href="/static/app.css"/>' +
    '<script src="/static/vendor/htmx.min.js" defer=""></script>' +
    '<script src="/static/people.js" defer=""></script>',
)

/**
 * The page frame: header with navigation, language switch and sign-out; main content. Every
 * page is rendered into it, so it is one template with each value escaped (views/components/
 * template.ts) rather than a tree of JSX elements walked on each request; the page itself stays JSX.
 */
export function Layout({ title, head, children }: LayoutProps) {
  const { t, locale, actor, csrfToken, path } = usePage()
  const pageTitle = title ? `${title} · ${t('app.name')}` : t('app.name')
  const csrfField = CsrfField()
  const account = actor
    ? page`
        ${(<NotificationBell />)}
        <form class="signout" method="post" action="/logout">
          ${csrfField}
          <a class="who" href="/account" title="${t('nav.account')}">${actor.displayName} · ${t(`role.${actor.role}`)}</a>
          <button type="submit">${t('nav.signOut')}</button>
        </form>`
    : page`<a class="signin" href="/login">${t('nav.signIn')}</a>`
  return page`
    <html lang="${locale}">
      <head>${fixedHead}<title>${pageTitle}</title>${head}</head>
      <body hx-headers:inherited="${JSON.stringify({ 'x-csrf-token': csrfToken })}">
        <a class="skip" href="#main">${t('nav.skip')}</a>
        <header class="topbar">
          <a class="brand" href="/">${t('app.name')}</a>
          ${mainNav(t, locale, actor?.role, path)}
          <form class="lang" method="post" action="/locale">
            ${csrfField}
            <input type="hidden" name="next" value="${path}"/>
            <label for="locale-select">${t('lang.label')}</label>
            <select id="locale-select" name="locale">
              ${selectOptions(languages, locale)}
            </select>
            <button type="submit">${t('lang.switch')}</button>
          </form>
          ${account}
        </header>
        <main id="main">${children}</main>
        <div id="live-region" class="visually-hidden" aria-live="polite"></div>
      </body>
    </html>`
}
