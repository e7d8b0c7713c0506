import { raw } from 'hono/html'
import type { HtmlEscapedString } from 'hono/utils/html'
import type { Locale, Role } from '../../db/schema'
import type { MessageKey, Translate } from '../../src/i18n'
import { page } from './template'

type Link = [href: string, key: MessageKey]

/** What each role reaches from every page: its daily work first. */
const linksByRole: Record<Role | 'VISITOR', Link[]> = {
  VISITOR: [
    ['/track', 'nav.track'],
    ['/stations', 'nav.findStation'],
    ['/join', 'join.title'],
  ],
  MERCHANT: [
    ['/bookings', 'nav.bookings'],
    ['/returns', 'nav.returns'],
    ['/desk', 'nav.desk'],
    ['/statements', 'nav.statements'],
    ['/insurance', 'nav.insurance'],
    ['/benchmarks', 'nav.benchmarks'],
    ['/map', 'nav.map'],
    ['/team', 'nav.team'],
    ['/api-tokens', 'nav.apiTokens'],
    ['/webhooks', 'nav.webhooks'],
  ],
  STATION_OPERATOR: [
    ['/station', 'nav.console'],
    ['/commissions', 'nav.commissions'],
    ['/station/details', 'nav.stationDetails'],
  ],
  HUB_OPERATOR: [
    ['/hub', 'nav.hubLoad'],
    ['/returns', 'nav.returns'],
    ['/runs', 'nav.runs'],
    ['/inspect', 'nav.inspect'],
    ['/map', 'nav.map'],
  ],
  COORDINATOR: [
    ['/utilisation', 'nav.utilisation'],
    ['/returns', 'nav.returns'],
    ['/runs', 'nav.runs'],
    ['/settlement', 'nav.settlement'],
    ['/service-levels', 'nav.serviceLevels'],
    ['/insurance/claims', 'nav.claims'],
    ['/benchmarks', 'nav.benchmarks'],
    ['/admin/stations', 'nav.stations'],
    ['/admin/merchants', 'nav.merchants'],
    ['/admin/users', 'nav.users'],
    ['/admin/audit', 'nav.audit'],
    ['/api-tokens', 'nav.apiTokens'],
    ['/webhooks', 'nav.webhooks'],
    ['/map', 'nav.map'],
  ],
}

/** The current link: the longest that matches, so /station/details does not also mark /station. */
function currentOf(links: Link[], path: string) {
  return links
    .map(([href]) => href)
    .filter((href) => (href === '/' ? path === '/' : path === href || path.startsWith(`${href}/`)))
    .sort((a, b) => b.length - a.length)[0]
}

// One entry per language, role and current link: a few hundred at most.
const rendered = new Map<string, HtmlEscapedString>()

/** The header's links for the signed-in role (or a visitor), the current one marked. */
export function mainNav(t: Translate, locale: Locale, role: Role | undefined, path: string) {
  const links: Link[] = [['/', 'nav.home'], ...linksByRole[role ?? 'VISITOR']]
  const current = currentOf(links, path)
  const key = `${locale} ${role ?? ''} ${current ?? ''}`
  let nav = rendered.get(key)
  if (!nav) {
    const items = links.map(
      ([href, label]) =>
        page`<a href="${href}"${href === current ? raw(' aria-current="page"') : ''}>${t(label)}</a>`,
    )
    nav = page`<nav aria-label="${t('nav.label')}">${items}</nav>` as HtmlEscapedString
    rendered.set(key, nav)
  }
  return nav
}
