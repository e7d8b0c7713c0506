import type { Role } from '../../db/schema'
import type { MessageKey } from '../../src/i18n'
import { usePage } from '../context'

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

export function MainNav() {
  const { t, actor, path } = usePage()
  const links: Link[] = [['/', 'nav.home'], ...linksByRole[actor?.role ?? 'VISITOR']]
  // The longest matching link is the current one, so /station/details does not also mark /station.
  const current = links
    .map(([href]) => href)
    .filter((href) => (href === '/' ? path === '/' : path === href || path.startsWith(`${href}/`)))
    .sort((a, b) => b.length - a.length)[0]
  return (
    <nav aria-label={t('nav.label')}>
      {links.map(([href, key]) => (
        <a href={href} aria-current={href === current ? 'page' : undefined}>
          {t(key)}
        </a>
      ))}
    </nav>
  )
}
