// A coordinator publishes last month's benchmarks and a merchant reads its score card, in
// headless Chromium against the real server, in Chinese and then in English (switched with the
// page's language select).
//
// The server runs on the real clock, and only a finished month can be published, so the month is
// last month. Its data is made through the real API (six merchants register a return, answer it
// and record their after-sales staff); the only thing the API cannot do is date a return in the
// past, so the test then moves each return's registration and first response into last month,
// directly in the server's SQLite file (merchant n answers after n × 40 minutes, so merchants 1–3
// are on time). Everything after that is real: the coordinator publishes through the page (the
// real `publishBenchmarks` computes and freezes the figures) and the merchant reads them.
import { mkdir, mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { createClient } from '@libsql/client'
import type { Browser, BrowserContext, Page, Response } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { localDate, localInstant, shiftMonth } from '../../src/calendar/local-date'
import { browserTestsEnabled, launchBrowser } from './chromium'
import { projectRoot, startServer, type RunningServer } from './server'
import { formatMonth } from '../../views/components/format'
import { MIN_SAMPLE } from '../../src/benchmarks/methodology'

const timeout = 150_000
const resultsDir = join(projectRoot, 'test-results')
const shot = (name: string) => join(resultsDir, `benchmark-${name}.png`)

const month = shiftMonth(localDate(new Date()).slice(0, 7), -1)
/** Certified out of all after-sales staff, per merchant: merchant 2 ends up with 4 stars. */
const teams: [certified: number, total: number][] = [
  [2, 2],
  [3, 5],
  [1, 2],
  [1, 2],
  [0, 2],
  [0, 2],
]

const isPost = (response: Response, path: string) =>
  response.request().method() === 'POST' && new URL(response.url()).pathname === path

async function graphql(baseUrl: string, query: string, variables = {}, token?: string) {
  const res = await fetch(`${baseUrl}/graphql`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      ...(token ? { authorization: `Bearer ${token}` } : {}),
    },
    body: JSON.stringify({ query, variables }),
  })
  const body = (await res.json()) as { data?: any; errors?: unknown[] }
  if (body.errors) throw new Error(JSON.stringify(body.errors))
  return body.data
}

/** Six merchants' returns, answers and staff through the API; then their dates into `month`. */
async function makeLastMonth(baseUrl: string, databaseFile: string) {
  const moved: { id: string; n: number }[] = []
  const { login: coordinator } = await graphql(
    baseUrl,
    'mutation { login(email: "coordinator@nestwork.demo", password: "nestwork-demo") { token } }',
    {},
  )
  for (let n = 1; n <= 6; n++) {
    const { login } = await graphql(
      baseUrl,
      'mutation ($e: String!) { login(email: $e, password: "nestwork-demo") { token } }',
      { e: `merchant${n}@nestwork.demo` },
    )
    // A minimum sample each, so every merchant's timeliness is scored.
    for (let r = 0; r < MIN_SAMPLE.TIMELINESS; r++) {
      const { registerReturn } = await graphql(
        baseUrl,
        'mutation ($input: RegisterReturnInput!) { registerReturn(input: $input) { id } }',
        {
          input: {
            orderRef: `TB-${n}-${r}`,
            category: 'FOOD',
            itemDescription: '奶粉 800g',
            orderValueFen: 25_800,
            reason: '包装破损',
            hubId: 'hub_1',
          },
        },
        login.token,
      )
      await graphql(
        baseUrl,
        'mutation ($id: ID!) { respondToReturn(id: $id, message: "收到") { id } }',
        { id: registerReturn.id },
        login.token,
      )
      moved.push({ id: registerReturn.id, n })
    }
    const [certified, total] = teams[n - 1]!
    for (let i = 0; i < total; i++) {
      const { addStaff } = await graphql(
        baseUrl,
        'mutation ($name: String!, $c: Boolean) { addStaff(name: $name, certified: $c) { id } }',
        { name: `售后${n}-${i}`, c: i < certified },
        login.token,
      )
      if (i >= certified) continue
      // Only a certificate the alliance has verified counts toward the figure.
      await graphql(
        baseUrl,
        'mutation ($id: ID!, $date: String!) { submitCertification(staffId: $id, input: { number: "NW-1", date: $date }) { id } }',
        { id: addStaff.id, date: `${month}-01` },
        login.token,
      )
      await graphql(
        baseUrl,
        'mutation ($id: ID!) { verifyCertification(staffId: $id, verified: true) { id } }',
        { id: addStaff.id },
        coordinator.token,
      )
    }
  }
  const db = createClient({ url: `file:${databaseFile}` })
  try {
    const registered = localInstant(`${month}-10`, 10).getTime()
    for (const { id, n } of moved) {
      await db.batch(
        [
          {
            sql: 'update returns set created_at = ? where id = ?',
            args: [new Date(registered).toISOString(), id],
          },
          {
            sql: 'update return_responses set at = ? where return_id = ?',
            args: [new Date(registered + n * 40 * 60_000).toISOString(), id],
          },
        ],
        'write',
      )
    }
  } finally {
    db.close()
  }
}

interface Watched {
  page: Page
  errors: string[]
  offsite: string[]
}

async function watchedPage(context: BrowserContext): Promise<Watched> {
  const offsite: string[] = []
  await context.route('**/*', (route) => {
    const { hostname } = new URL(route.request().url())
    if (hostname === '127.0.0.1' || hostname === 'localhost') return route.continue()
    offsite.push(route.request().url())
    return route.abort('blockedbyclient')
  })
  const page = await context.newPage()
  const errors: string[] = []
  page.on('pageerror', (error) => errors.push(String(error)))
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(message.text())
  })
  return { page, errors, offsite }
}

async function signIn(page: Page, baseUrl: string, email: string) {
  await page.goto(`${baseUrl}/login`)
  await page.getByLabel('邮箱').fill(email)
  await page.getByLabel('密码').fill('nestwork-demo')
  const [signedIn] = await Promise.all([
    page.waitForResponse((r) => isPost(r, '/login')),
    page.getByRole('button', { name: '登录', exact: true }).click(),
  ])
  expect(signedIn.status()).toBe(303)
  await page.waitForURL(`${baseUrl}/`, { waitUntil: 'load' })
}

describe.skipIf(!browserTestsEnabled)('benchmark score card (Chromium)', () => {
  let browser: Browser | undefined
  let server: RunningServer | undefined
  let dir: string | undefined

  beforeAll(async () => {
    browser = await launchBrowser()
    dir = await mkdtemp(join(tmpdir(), 'nestwork-benchmarks-'))
    const databaseFile = join(dir, 'nestwork.db')
    server = await startServer({ env: { DATABASE_URL: `file:${databaseFile}` } })
    await makeLastMonth(server.baseUrl, databaseFile)
  }, timeout)

  afterAll(async () => {
    await browser?.close()
    await server?.stop()
    if (dir) await rm(dir, { recursive: true, force: true })
  }, timeout)

  test(
    'a coordinator publishes last month; a merchant reads its score card in Chinese and English',
    async () => {
      const baseUrl = server!.baseUrl
      await mkdir(resultsDir, { recursive: true })
      const zhMonth = formatMonth(month, 'zh-CN')
      const enMonth = formatMonth(month, 'en')

      // The coordinator publishes through the page: list → confirmation → publish.
      const coordinator = await browser!.newContext({
        locale: 'zh-CN',
        viewport: { width: 1280, height: 900 },
      })
      coordinator.setDefaultTimeout(15_000)
      const c = await watchedPage(coordinator)
      try {
        await signIn(c.page, baseUrl, 'coordinator@nestwork.demo')
        await c.page.goto(`${baseUrl}/benchmarks/publish`)
        await c.page.getByRole('link', { name: `发布… ${zhMonth}` }).click()
        await c.page.waitForURL(/\/benchmarks\/publish\?month=/, { waitUntil: 'load' })
        expect(await c.page.getByRole('heading', { level: 2 }).first().textContent()).toBe(
          `确定发布${zhMonth}吗？`,
        )
        await c.page.screenshot({ path: shot('publish-confirm'), fullPage: true })
        const [published] = await Promise.all([
          c.page.waitForResponse((r) => isPost(r, '/benchmarks/publish')),
          c.page.getByRole('button', { name: `确定发布${zhMonth}` }).click(),
        ])
        expect(published.status()).toBe(303)
        await c.page.waitForURL(/published=1/, { waitUntil: 'load' })
        expect(await c.page.getByRole('status').textContent()).toContain(`${zhMonth}已发布`)
        const alliance = c.page.locator('section[aria-labelledby="cohort-ALL"]')
        const timeliness = alliance.getByRole('row', { name: /响应及时性/ })
        expect(await timeliness.locator('td.num').allTextContents()).toEqual([
          '6',
          '0',
          '50',
          '100',
        ])
        await c.page.screenshot({ path: shot('alliance-zh'), fullPage: true })
        expect(c.errors).toEqual([])
        expect(c.offsite).toEqual([])
      } catch (error) {
        await c.page.screenshot({ path: shot('failure-coordinator'), fullPage: true })
        throw error
      } finally {
        await coordinator.close()
      }

      // The merchant: from its home page to the score card, in Chinese.
      const merchant = await browser!.newContext({
        locale: 'zh-CN',
        viewport: { width: 1280, height: 900 },
      })
      merchant.setDefaultTimeout(15_000)
      const m = await watchedPage(merchant)
      const page = m.page
      try {
        await signIn(page, baseUrl, 'merchant2@nestwork.demo')
        await page.getByRole('link', { name: '我的对标成绩单：售后服务与同行相比如何' }).click()
        await page.waitForURL(`${baseUrl}/benchmarks`, { waitUntil: 'load' })
        expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('对标分析')
        const card = page.locator('#scorecard')
        expect(await card.getByRole('heading', { level: 2 }).textContent()).toBe(
          `我的成绩单 · ${zhMonth}`,
        )
        expect(await card.locator('.stars__text').textContent()).toBe('4 星（满分 5 星）')
        expect(await card.locator('.scorecard__score').textContent()).toMatch(/^8\d(\.\d)?/)
        // One chart per dimension, each a labelled image; the member's mark on the published ones.
        const charts = page.locator('.dimensions svg[role="img"]')
        expect(await charts.count()).toBe(4)
        expect(await page.locator('.dimensions .band-chart__mark').count()).toBe(2)
        expect(await page.getByRole('img', { name: '专业度：您的得分与同组对比' }).count()).toBe(1)
        expect(await page.locator('.dimensions').textContent()).toContain(
          '处于前四分之一：高于同组的上四分位数。',
        )
        expect(await page.locator('.dimensions').textContent()).toContain(
          '不予公布：有数据的商户少于 5 家。',
        )
        expect(await page.locator('#trend svg').count()).toBe(1)
        await page.screenshot({ path: shot('scorecard-zh'), fullPage: true })

        // htmx opts in to the return-credit signal in place.
        await page.waitForFunction(() => 'htmx' in window)
        const [optedIn] = await Promise.all([
          page.waitForResponse((r) => isPost(r, '/benchmarks/return-credit')),
          page.getByRole('button', { name: '参加退货信用提示' }).click(),
        ])
        expect(optedIn.status()).toBe(200)
        await page.getByText('您已参加：自').waitFor()
        expect(new URL(page.url()).pathname).toBe('/benchmarks')

        // Switch to English with the language select.
        await page.getByLabel('语言').selectOption('en')
        await Promise.all([
          page.waitForURL(`${baseUrl}/benchmarks`, { waitUntil: 'load' }),
          page.getByRole('button', { name: '切换' }).click(),
        ])
        expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('Benchmarks')
        expect(await card.getByRole('heading', { level: 2 }).textContent()).toBe(
          `Your score card · ${enMonth}`,
        )
        expect(await card.locator('.stars__text').textContent()).toBe('4 of 5 stars')
        expect(
          await page
            .getByRole('img', { name: 'Professionalism: your score against the cohort' })
            .count(),
        ).toBe(1)
        expect(await page.locator('.dimensions').textContent()).toContain(
          'In the top quarter: above the cohort’s upper quartile.',
        )
        expect(await page.locator('#return-credit').textContent()).toContain('You take part')
        await page.screenshot({ path: shot('scorecard-en'), fullPage: true })

        // A category with too few merchants: the reason in words, and no numbers.
        await page.getByRole('link', { name: /Food merchants/ }).click()
        await page.waitForURL(/cohort=FOOD/, { waitUntil: 'load' })
        expect(await card.textContent()).toContain('Withheld: too few merchants')
        expect(await page.locator('.dimensions svg').count()).toBe(0)
        await page.screenshot({ path: shot('withheld-en') })

        // On a phone.
        await page.goto(`${baseUrl}/benchmarks`)
        await page.setViewportSize({ width: 390, height: 844 })
        await page.screenshot({ path: shot('scorecard-mobile') })
        await page.locator('#dim-professionalism').scrollIntoViewIfNeeded()
        await page.screenshot({ path: shot('dimension-mobile') })
        await page.locator('#trend').screenshot({ path: shot('trend-mobile') })

        expect(m.errors).toEqual([])
        expect(m.offsite).toEqual([])
      } catch (error) {
        await page.screenshot({ path: shot('failure-merchant'), fullPage: true })
        throw error
      } finally {
        await merchant.close()
      }
    },
    timeout,
  )
})
