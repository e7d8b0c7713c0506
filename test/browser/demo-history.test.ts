// The demo as a newcomer meets it: `npm start`'s server on a fresh database seeds the alliance
// with its history (SEED_DEMO=1), and each role, signed in through the form in headless
// Chromium, finds charts, tables and lists with something in them on its main pages.
import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { browserTestsEnabled, launchBrowser } from './chromium'
import { saveFailure } from './people'
import { startServer, type RunningServer } from './server'

const timeout = 180_000

/** Each role's main pages, and what each must show: a chart (svg), table rows or list items. */
const tour: [email: string, pages: [path: string, shows: 'chart' | 'rows' | 'items'][]][] = [
  [
    'merchant1@nestwork.demo',
    [
      ['/returns', 'rows'],
      ['/desk', 'items'],
      ['/statements', 'rows'],
      ['/service-levels', 'chart'],
      ['/benchmarks', 'chart'],
      ['/insurance', 'rows'],
    ],
  ],
  [
    'station1@nestwork.demo',
    [
      ['/station', 'items'],
      ['/commissions', 'rows'],
    ],
  ],
  [
    'hub1@nestwork.demo',
    [
      ['/hub', 'rows'],
      ['/runs', 'rows'],
    ],
  ],
  [
    'coordinator@nestwork.demo',
    [
      ['/utilisation', 'rows'],
      ['/settlement/history', 'rows'],
      ['/insurance/pool', 'chart'],
      ['/insurance/claims', 'rows'],
      ['/service-levels', 'chart'],
      ['/admin/audit', 'rows'],
    ],
  ],
]

const selectors = { chart: 'main svg', rows: 'main table tbody tr', items: 'main li' }

async function signIn(page: Page, baseUrl: string, email: string) {
  await page.goto(`${baseUrl}/login`)
  await page.getByLabel('邮箱').fill(email)
  await page.getByLabel('密码').fill('nestwork-demo')
  await Promise.all([
    page.waitForURL(`${baseUrl}/`),
    page.getByRole('button', { name: '登录', exact: true }).click(),
  ])
}

describe.skipIf(!browserTestsEnabled)('the demo with its history (Chromium)', () => {
  let browser: Browser | undefined
  let server: RunningServer | undefined
  beforeAll(async () => {
    browser = await launchBrowser()
    server = await startServer({ env: { SEED_DEMO: '1' }, timeoutMs: timeout })
  }, timeout)
  afterAll(async () => {
    await browser?.close()
    await server?.stop()
  }, timeout)

  it.each(tour)(
    'shows %s pages with something in them',
    async (email, pages) => {
      const context = await browser!.newContext({ locale: 'zh-CN' })
      const page = await context.newPage()
      try {
        await signIn(page, server!.baseUrl, email)
        for (const [path, shows] of pages) {
          const res = await page.goto(`${server!.baseUrl}${path}`)
          expect(res?.status(), path).toBe(200)
          const count = await page.locator(selectors[shows]).count()
          expect(count, `${path}: ${selectors[shows]}`).toBeGreaterThan(0)
        }
      } catch (error) {
        await saveFailure(page, `demo-history-${email.split('@')[0]}`, 'zh-CN')
        throw error
      } finally {
        await context.close()
      }
    },
    60_000,
  )
})
