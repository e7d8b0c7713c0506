// Every page each kind of person opens, from the README's table of roles and each role's
// navigation (views/components/main-nav.tsx), plus the pages one click further that show one
// thing (a return, a run, a claim, a statement). A page of that second kind is found by following
// the first matching link on the list page before it, so the tour uses the demo's own rows.
import type { Page } from 'playwright-core'

/** A page by its path, or the first link on an earlier page of the tour whose path matches. */
export type Stop = string | { from: string; link: RegExp }

export interface Tour {
  who: string
  /** The demo account signed in; none for a customer. */
  email?: string
  stops: Stop[]
}

/** Pages every signed-in person has, whatever the role. */
const everyone: Stop[] = ['/', '/map', '/notifications', '/notifications/preferences', '/account']

export const tours: Tour[] = [
  {
    who: 'customer',
    stops: ['/', '/track', '/stations', '/login', '/join', '/benchmarks/methodology'],
  },
  {
    who: 'merchant',
    email: 'merchant1@nestwork.demo',
    stops: [
      ...everyone,
      '/bookings',
      '/returns',
      { from: '/returns', link: /^\/returns\/ret_[^/]+$/ },
      '/returns/new',
      '/returns/import',
      '/returns/labels',
      '/desk',
      '/service-levels',
      '/staff',
      '/statements',
      { from: '/statements', link: /^\/statements\/\d{4}-\d{2}$/ },
      '/insurance',
      '/benchmarks',
      '/benchmarks/methodology',
      '/team',
      '/api-tokens',
      '/webhooks',
    ],
  },
  {
    who: 'station operator',
    email: 'station1@nestwork.demo',
    stops: [...everyone, '/station', '/commissions', '/station/details'],
  },
  {
    who: 'hub operator',
    email: 'hub1@nestwork.demo',
    stops: [
      ...everyone,
      '/hub',
      '/returns',
      { from: '/returns', link: /^\/returns\/ret_[^/]+$/ },
      '/runs',
      { from: '/runs', link: /^\/runs\/run_[^/]+$/ },
      '/inspect',
      { from: '/inspect', link: /^\/inspect\/ret_[^/]+$/ },
    ],
  },
  {
    who: 'coordinator',
    email: 'coordinator@nestwork.demo',
    stops: [
      ...everyone,
      '/utilisation',
      '/returns',
      { from: '/returns', link: /^\/returns\/ret_[^/]+$/ },
      '/runs',
      { from: '/runs', link: /^\/runs\/run_[^/]+$/ },
      '/settlement',
      '/settlement/history',
      { from: '/settlement', link: /^\/statements\/\d{4}-\d{2}\?merchant=/ },
      '/service-levels',
      '/insurance/claims',
      { from: '/insurance/claims', link: /^\/insurance\/claims\/clm_[^/]+$/ },
      '/insurance/pool',
      '/benchmarks',
      '/benchmarks/publish',
      '/admin/stations',
      '/admin/stations/new',
      { from: '/admin/stations', link: /^\/admin\/stations\/sta_[^/]+$/ },
      '/admin/merchants',
      '/admin/users',
      '/admin/staff',
      '/admin/audit',
      '/api-tokens',
      '/webhooks',
    ],
  },
]

/** The first link in main whose path and query match, on the page as it is now. */
export async function firstLink(page: Page, link: RegExp): Promise<string | undefined> {
  const hrefs = await page
    .locator('main a[href]')
    .evaluateAll((links) => links.map((a) => a.getAttribute('href') ?? ''))
  return hrefs.find((href) => link.test(href))
}
