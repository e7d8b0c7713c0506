// A coordinator settles last month in headless Chromium against the real server: sign-in →
// /settlement (last month by the real clock, which already holds the recurring costs) → a cost
// typed in yuan, recorded by htmx in place with the totals updated → a merchant's items unfolded
// in the preview → close, confirm, progress → the month shown closed with its statements. Then a
// merchant opens that month's statement and sees the bar chart and the Print button.
import { mkdir } from 'node:fs/promises'
import { join } from 'node:path'
import type { BrowserContext, Page, Response } from 'playwright-core'
import { describe, expect, test } from 'vitest'
import { localDate } from '../../src/calendar/local-date'
import { formatMonth, shiftMonth } from '../../views/booking/format'
import { browserTestsEnabled } from './chromium'
import { projectRoot } from './server'
import { watchedPage } from './watched-page'
import { useChromiumAndServer } from './suite'

const timeout = 120_000
const resultsDir = join(projectRoot, 'test-results')
const closedScreenshot = join(resultsDir, 'settle-month-closed.png')
const statementScreenshot = join(resultsDir, 'settle-month-statement.png')
const openScreenshot = join(resultsDir, 'settle-month-open.png')
const confirmScreenshot = join(resultsDir, 'settle-month-confirm.png')
const failureScreenshot = join(resultsDir, 'settle-month-failure.png')

const isPost = (response: Response, path: string) =>
  response.request().method() === 'POST' && new URL(response.url()).pathname === path

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

describe.skipIf(!browserTestsEnabled)('settling a month (Chromium)', () => {
  const running = useChromiumAndServer()

  test(
    'a coordinator adds a cost, previews and closes last month; a merchant sees its statement',
    async () => {
      const baseUrl = running.server.baseUrl
      const month = shiftMonth(localDate(new Date()).slice(0, 7), -1)
      const label = formatMonth(month, 'zh-CN')
      const context = await running.browser.newContext({
        locale: 'zh-CN',
        viewport: { width: 1280, height: 900 },
      })
      context.setDefaultTimeout(15_000)
      context.setDefaultNavigationTimeout(15_000)
      const { page, pageErrors, consoleErrors, offsite } = await watchedPage(context)
      let merchantContext: BrowserContext | undefined

      try {
        await signIn(page, baseUrl, 'coordinator@nestwork.demo')
        await page.getByRole('link', { name: '月度结算：录入费用、预览与结账' }).click()
        await page.waitForURL(`${baseUrl}/settlement`, { waitUntil: 'load' })
        expect(await page.getByRole('heading', { level: 1 }).textContent()).toContain(
          `月度结算 · ${label}`,
        )
        await page.waitForFunction(() => 'htmx' in window)
        await page.evaluate(() => ((window as unknown as { marker: string }).marker = 'same page'))

        // The recurring costs are already there; add one in yuan.
        const costs = page.locator('#costs')
        expect(await costs.locator('.badge--recurring').count()).toBe(7)
        await costs.getByLabel('类别').selectOption('TRANSPORT')
        await costs.getByLabel('金额（元）').fill('999.99')
        await costs.getByLabel('备注').fill('浏览器测试：干线运输')
        const [recorded] = await Promise.all([
          page.waitForResponse((r) => isPost(r, '/settlement/costs')),
          costs.getByRole('button', { name: '添加费用' }).click(),
        ])
        expect(recorded.status()).toBe(200)
        await costs.getByRole('status').filter({ hasText: '已录入全网的运输 ¥999.99' }).waitFor()
        expect(await costs.locator('.costs__total').textContent()).toContain('¥414,999.99')
        // The preview below was swapped too: the reconciliation includes the new cost.
        const preview = page.locator('#preview')
        expect(await preview.locator('#reconciliation').textContent()).toContain('¥414,999.99')
        expect(await preview.locator('.reconcile__verdict').textContent()).toContain('核对无误')

        // Drill down into the first merchant's items.
        const first = preview.locator('tbody.merchant').first()
        await first.locator('summary').click()
        const items = first.locator('table.items')
        await items.waitFor()
        expect(await items.textContent()).toContain('浏览器测试：干线运输')
        await mkdir(resultsDir, { recursive: true })
        await page.screenshot({ path: openScreenshot, fullPage: true })

        // Close: a confirmation first, then the close with its progress.
        const close = page.locator('#close')
        await close.getByRole('button', { name: `为${label}结账…` }).click()
        const confirm = close.getByRole('group', { name: `确定为${label}结账吗？` })
        await confirm.waitFor()
        expect(await confirm.textContent()).toContain('¥414,999.99')
        expect(await confirm.textContent()).toContain('将被冻结')
        await close.screenshot({ path: confirmScreenshot })
        expect(await page.evaluate(() => (window as unknown as { marker?: string }).marker)).toBe(
          'same page',
        )
        const [closing] = await Promise.all([
          page.waitForResponse((r) => isPost(r, '/settlement/close')),
          confirm.getByRole('button', { name: `确定结账并冻结${label}` }).click(),
        ])
        expect(closing.status()).toBe(200)
        await page.locator('.close__progress').waitFor()
        await page.waitForURL(/closed=1/, { waitUntil: 'load', timeout: 30_000 })

        expect(await page.locator('h1 .badge').textContent()).toBe('已结账')
        expect(await page.getByRole('status').first().textContent()).toContain(
          `${label}已结账，合计 ¥414,999.99`,
        )
        expect(await page.locator('#statements tbody tr').count()).toBeGreaterThanOrEqual(20)
        expect(await page.locator('#costs form').count()).toBe(0)
        await page.screenshot({ path: closedScreenshot, fullPage: true })
        expect(pageErrors).toEqual([])
        expect(consoleErrors).toEqual([])

        // The merchant's side: its statement of the closed month, with the chart.
        merchantContext = await running.browser.newContext({
          locale: 'zh-CN',
          viewport: { width: 1100, height: 900 },
        })
        merchantContext.setDefaultTimeout(15_000)
        const merchant = await watchedPage(merchantContext)
        await signIn(merchant.page, baseUrl, 'merchant1@nestwork.demo')
        await merchant.page.getByRole('link', { name: '查看每月对账单' }).click()
        await merchant.page.waitForURL(`${baseUrl}/statements`)
        await merchant.page.getByRole('link', { name: label, exact: true }).click()
        await merchant.page.waitForURL(`${baseUrl}/statements/${month}`, { waitUntil: 'load' })
        const chart = merchant.page.getByRole('img', { name: '费用去向' })
        await chart.waitFor()
        expect(await chart.locator('rect').count()).toBeGreaterThanOrEqual(3)
        const box = await chart.boundingBox()
        expect(box!.width).toBeGreaterThan(400)
        expect(box!.height).toBeGreaterThan(80)
        // The Print button exists only with JavaScript: the page script shows it.
        await merchant.page.getByRole('button', { name: '打印' }).waitFor({ state: 'visible' })
        expect(await merchant.page.locator('.statement__group').count()).toBeGreaterThanOrEqual(3)
        await merchant.page.screenshot({ path: statementScreenshot, fullPage: true })

        expect(merchant.pageErrors).toEqual([])
        expect(merchant.consoleErrors).toEqual([])
        expect([...offsite, ...merchant.offsite]).toEqual([])
      } catch (error) {
        await mkdir(resultsDir, { recursive: true })
        await page.screenshot({ path: failureScreenshot, fullPage: true }).catch(() => undefined)
        throw error
      } finally {
        await merchantContext?.close()
        await context.close()
      }
    },
    timeout,
  )
})
