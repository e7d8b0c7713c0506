// An insurance claim in headless Chromium against the real server (real clock): a merchant, in
// English, enrols from its insurance page, declares this month's order value (posted by htmx and
// swapped in place) and files a claim with a photo → a coordinator, in Chinese, opens the queue,
// the claim with its photo, approves it in full → the pool dashboard with its charts, the payout
// preview and the confirmation step (in place, not paid) → the merchant sees "Approved".
//
// The pool's history is a fixture: premiums of the five months before this one, posted straight
// into the server's database file through the domain's own ledger postings (a real month cannot
// be settled in the past on the real clock), so the charts have something to draw.
import { mkdir, mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Browser, BrowserContext, Response } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { openLibsql } from '../../db/libsql'
import { localDate, shiftMonth } from '../../src/calendar/local-date'
import type { Db } from '../../src/db'
import { premiumCharged, premiumCollected } from '../../src/insurance/ledger'
import { postTransaction } from '../../src/insurance/service'
import { browserTestsEnabled, launchBrowser } from './chromium'
import { projectRoot, startServer, type RunningServer } from './server'
import { watchedPage } from './watched-page'
import { formatMonth } from '../../views/components/format'

const timeout = 120_000
const resultsDir = join(projectRoot, 'test-results')
const screenshots = {
  merchant: join(resultsDir, 'insurance-merchant.png'),
  claim: join(resultsDir, 'insurance-claim.png'),
  pool: join(resultsDir, 'insurance-pool.png'),
  poolMobile: join(resultsDir, 'insurance-pool-mobile.png'),
  confirm: join(resultsDir, 'insurance-payout-confirm.png'),
  approved: join(resultsDir, 'insurance-claim-approved.png'),
  failure: join(resultsDir, 'insurance-claim-failure.png'),
}

/** A 40×30 PNG: a parcel with a tear. */
const photo = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAACgAAAAeCAIAAADRv8uKAAAAgElEQVR42u3Wqw2AQBAE0KuESqgESVFURDcYDB5HMBx78zkSssmYVU+M2CnbfnySknDCfeF1ma9M43A/sYAwb+MwaSOwxAZh3sZh0qZgxmZh2BbAmK2BAVsGt9pKuMkWw3FbDwdtCxyxXfCrbYTrtheuPG87/LRYesBUxzlv/wSfrTm0z8NsUi0AAAAASUVORK5CYII=',
  'base64',
)

const isPost = (response: Response, path: string) =>
  response.request().method() === 'POST' && new URL(response.url()).pathname === path

/** Premiums charged and collected for the five months before this one, growing month by month. */
async function poolHistory(db: Db, current: string) {
  for (let i = 5; i >= 1; i--) {
    const month = shiftMonth(current, -i)
    const fen = 180_000 + (5 - i) * 45_000
    const at = `${month}-28T02:00:00.000Z`
    const tx = (kind: 'PREMIUM_CHARGED' | 'PREMIUM_COLLECTED', key: string) => ({
      allianceId: 'all_yrd',
      kind,
      month,
      memo: `browser fixture ${month}`,
      idempotencyKey: `${key}:fixture:${month}`,
      at,
    })
    const statements = [
      ...postTransaction(db, tx('PREMIUM_CHARGED', 'charge'), premiumCharged('mer_05', fen)),
      ...postTransaction(db, tx('PREMIUM_COLLECTED', 'collect'), premiumCollected('mer_05', fen)),
    ]
    await db.batch(statements as unknown as Parameters<Db['batch']>[0])
  }
}

describe.skipIf(!browserTestsEnabled)('an insurance claim (Chromium)', () => {
  let browser: Browser | undefined
  let server: RunningServer | undefined
  let dir: string | undefined

  beforeAll(async () => {
    browser = await launchBrowser()
    dir = await mkdtemp(join(tmpdir(), 'nestwork-insurance-'))
    const url = `file:${join(dir, 'nestwork.db')}`
    server = await startServer({ env: { DATABASE_URL: url } })
    const { db, client } = await openLibsql(url)
    try {
      await poolHistory(db, localDate(new Date()).slice(0, 7))
    } finally {
      client.close()
    }
  }, timeout)

  afterAll(async () => {
    await browser?.close()
    await server?.stop()
    if (dir) await rm(dir, { recursive: true, force: true })
  }, timeout)

  test(
    'a merchant files a claim, a coordinator approves it, the merchant sees it approved',
    async () => {
      const baseUrl = server!.baseUrl
      const today = localDate(new Date())
      const month = today.slice(0, 7)
      const contexts: BrowserContext[] = []
      const newContext = async (locale: string) => {
        const context = await browser!.newContext({
          locale,
          viewport: { width: 1200, height: 900 },
        })
        context.setDefaultTimeout(15_000)
        context.setDefaultNavigationTimeout(15_000)
        contexts.push(context)
        return watchedPage(context)
      }
      const merchant = await newContext('en-US')
      let current = merchant.page
      const watched = [merchant]

      try {
        // The merchant chooses English before signing in (the account's language is Chinese).
        const m = merchant.page
        await m.goto(`${baseUrl}/login`)
        await m.getByLabel('Language').selectOption('en')
        await Promise.all([
          m.waitForResponse((r) => isPost(r, '/locale')),
          m.getByRole('button', { name: 'Switch' }).click(),
        ])
        await m.waitForLoadState('load')
        await m.getByLabel('Email').fill('merchant1@nestwork.demo')
        await m.getByLabel('Password').fill('nestwork-demo')
        await m.getByRole('button', { name: 'Sign in', exact: true }).click()
        await m.waitForURL(`${baseUrl}/`, { waitUntil: 'load' })

        await m.getByRole('link', { name: /Liability insurance/ }).click()
        await m.waitForURL(`${baseUrl}/insurance`, { waitUntil: 'load' })
        await m.getByRole('button', { name: 'Enrol in the pool' }).click()
        await m.waitForURL(/enrolled=1/, { waitUntil: 'load' })
        expect(await m.getByRole('status').first().textContent()).toContain(
          `Your cover starts in ${formatMonth(month, 'en')}.`,
        )

        // This month's order value, posted by htmx and swapped into the same box.
        await m.waitForFunction(() => 'htmx' in window)
        await m.evaluate(() => ((window as unknown as { marker: string }).marker = 'same page'))
        const row = m.locator(`#declaration-${month}`)
        await row.getByLabel(`Order value for ${formatMonth(month, 'en')} (yuan)`).fill('86,420.50')
        const [declared] = await Promise.all([
          m.waitForResponse((r) => isPost(r, '/insurance/declarations')),
          row.getByRole('button', { name: /Declare/ }).click(),
        ])
        expect(declared.status()).toBe(200)
        // 8,642,050 fen × 0.5% = 43,210.25 fen → ¥432.10
        await m
          .locator(`#declaration-${month}`)
          .getByRole('status')
          .filter({ hasText: 'the premium is CN¥432.10' })
          .waitFor()
        expect(await m.locator('#premiums').textContent()).toContain('CN¥432.10')
        expect(await m.evaluate(() => (window as unknown as { marker?: string }).marker)).toBe(
          'same page',
        )

        // The claim, with a photo of the damage.
        const form = m.locator('#new-claim')
        await form.getByLabel('Amount claimed (yuan)').fill('1200.50')
        await form.getByLabel('Date of the loss').fill(today)
        await form
          .getByLabel('What happened')
          .fill('Pram frame bent in transit; customer refunded.')
        await form.getByLabel('Photos or documents (optional)').setInputFiles({
          name: 'pram-damage.png',
          mimeType: 'image/png',
          buffer: photo,
        })
        await mkdir(resultsDir, { recursive: true })
        await m.screenshot({ path: screenshots.merchant, fullPage: true })
        await form.getByRole('button', { name: 'File claim' }).click()
        await m.waitForURL(/\/insurance\/claims\/clm_\w+\?filed=1$/, { waitUntil: 'load' })
        const claimUrl = m.url().replace(/\?filed=1$/, '')
        expect(await m.locator('.claim-status').textContent()).toBe('Submitted')
        const thumb = m.getByRole('img', { name: 'pram-damage.png' })
        await thumb.waitFor()
        expect(await thumb.evaluate((img: HTMLImageElement) => img.naturalWidth)).toBe(40)

        // The coordinator, in Chinese: queue → claim → approve in full.
        const coordinator = await newContext('zh-CN')
        watched.push(coordinator)
        const c = coordinator.page
        current = c
        await c.goto(`${baseUrl}/login`)
        await c.getByLabel('邮箱').fill('coordinator@nestwork.demo')
        await c.getByLabel('密码').fill('nestwork-demo')
        await c.getByRole('button', { name: '登录', exact: true }).click()
        await c.waitForURL(`${baseUrl}/`, { waitUntil: 'load' })
        await c
          .getByRole('navigation', { name: '主导航' })
          .getByRole('link', { name: '理赔' })
          .click()
        await c.waitForURL(`${baseUrl}/insurance/claims`, { waitUntil: 'load' })
        const queued = c.locator('tbody tr').filter({ hasText: '禾苗奶粉专营店' })
        expect(await queued.locator('.claim-status').textContent()).toBe('已提交')
        expect(await queued.textContent()).toContain('¥1,200.50')
        await queued.getByRole('link', { name: /审核/ }).click()
        await c.waitForURL(claimUrl, { waitUntil: 'load' })
        await c.getByRole('img', { name: 'pram-damage.png' }).waitFor()
        await c.getByRole('button', { name: '开始审核' }).click()
        await c.waitForURL(/reviewing=1/, { waitUntil: 'load' })
        expect(await c.locator('.claim-status').textContent()).toBe('审核中')
        await c.getByLabel('全额批准').check()
        expect(await c.getByLabel('批准金额（元）').inputValue()).toBe('1200.50')
        await c.getByLabel('理由（商家可见）').fill('照片与退货记录一致，全额赔付。')
        await c.getByRole('button', { name: '提交决定' }).click()
        await c.waitForURL(/decided=1/, { waitUntil: 'load' })
        expect(await c.locator('.claim-status').textContent()).toBe('已批准')
        expect(await c.getByRole('status').first().textContent()).toContain('决定已记录。')
        expect(await c.locator('#decide').count()).toBe(0)
        await c.screenshot({ path: screenshots.claim, fullPage: true })

        // The pool: the history charts and the approved claim in the payout preview.
        await c.goto(`${baseUrl}/insurance/pool`)
        const cash = c.getByRole('img', { name: /各月月末资金池现金/ })
        await cash.waitFor()
        expect(await cash.locator('circle').count()).toBe(6)
        const box = await cash.boundingBox()
        expect(box!.width).toBeGreaterThan(300)
        expect(box!.height).toBeGreaterThan(120)
        const flows = c.getByRole('img', { name: /每月收取的保费与赔付/ })
        expect(await flows.locator('rect').count()).toBe(5)
        const payout = c.locator('#payout')
        expect(await payout.locator('tbody tr').count()).toBe(1)
        expect(await payout.textContent()).toContain('¥1,200.50')
        await c.screenshot({ path: screenshots.pool, fullPage: true })
        await c.setViewportSize({ width: 390, height: 844 })
        await c.screenshot({ path: screenshots.poolMobile, fullPage: true })
        await c.setViewportSize({ width: 1200, height: 900 })

        // The confirmation step swaps in place; it is left unconfirmed.
        await c.waitForFunction(() => 'htmx' in window)
        await c.getByRole('button', { name: '执行赔付…' }).click()
        const confirm = c.getByRole('group', { name: '确认赔付' })
        await confirm.waitFor()
        expect(await confirm.textContent()).toContain('现在按上表向 1 笔理赔支付 ¥1,200.50？')
        expect(c.url()).toBe(`${baseUrl}/insurance/pool`)
        await c.locator('#payout').screenshot({ path: screenshots.confirm })

        // The merchant sees the decision.
        current = m
        await m.goto(claimUrl)
        expect(await m.locator('.claim-status').textContent()).toBe('Approved')
        expect(await m.locator('.claim-head').textContent()).toContain(
          'CN¥1,200.50 approved, to be paid in the next payout run.',
        )
        expect(await m.locator('.claim-head').textContent()).toContain('照片与退货记录一致')
        await m.screenshot({ path: screenshots.approved, fullPage: true })

        for (const w of watched) {
          expect(w.pageErrors).toEqual([])
          expect(w.consoleErrors).toEqual([])
          expect(w.offsite).toEqual([])
        }
      } catch (error) {
        await mkdir(resultsDir, { recursive: true })
        await current.screenshot({ path: screenshots.failure, fullPage: true }).catch(() => {})
        throw error
      } finally {
        for (const context of contexts) await context.close()
      }
    },
    timeout,
  )
})
