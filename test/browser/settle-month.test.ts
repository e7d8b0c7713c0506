// A coordinator settles last month in headless Chromium against the real server: sign-in →
// /settlement (last month by the real clock, which already holds the recurring costs) → a cost
// typed in yuan, recorded by htmx in place with the totals updated → a merchant's items unfolded
// in the preview → close, confirm, progress → the month shown closed with its statements. Then a
// merchant opens that month's statement and sees the bar chart and the Print button. It runs in
// English and in Chinese (copy from the catalogues), with axe-core on each main page.
import type { BrowserContext } from 'playwright-core'
import { describe, expect, test } from 'vitest'
import { localDate, shiftMonth } from '../../src/calendar/local-date'
import { formatFen } from '../../src/money'
import { browserTestsEnabled } from './chromium'
import {
  expectAccessible,
  isPost,
  journeyLocales,
  messagesFor,
  saveFailure,
  saveScreenshot,
  signIn,
} from './people'
import { watchedPage } from './watched-page'
import { useChromiumAndServer } from './suite'
import { formatMonth } from '../../views/components/format'

const timeout = 180_000

describe.skipIf(!browserTestsEnabled).each(journeyLocales)(
  'settling a month in %s (Chromium)',
  (locale) => {
    const running = useChromiumAndServer()
    const t = messagesFor(locale)
    const yuan = (fen: number) => formatFen(fen, locale)

    test(
      'a coordinator adds a cost, previews and closes last month; a merchant sees its statement',
      async () => {
        const baseUrl = running.server.baseUrl
        const month = shiftMonth(localDate(new Date()).slice(0, 7), -1)
        const label = formatMonth(month, locale)
        const context = await running.browser.newContext({
          locale,
          viewport: { width: 1280, height: 900 },
        })
        context.setDefaultTimeout(15_000)
        context.setDefaultNavigationTimeout(15_000)
        const { page, pageErrors, consoleErrors, offsite } = await watchedPage(context)
        let merchantContext: BrowserContext | undefined

        try {
          await signIn(page, baseUrl, 'coordinator@nestwork.demo', locale)
          await expectAccessible(page, 'the coordinator home')
          await page.getByRole('link', { name: t('settlement.home.settle') }).click()
          await page.waitForURL(`${baseUrl}/settlement`, { waitUntil: 'load' })
          expect(await page.getByRole('heading', { level: 1 }).textContent()).toContain(
            `${t('settlement.title')} · ${label}`,
          )
          await expectAccessible(page, '/settlement')
          await page.waitForFunction(() => 'htmx' in window)
          await page.evaluate(
            () => ((window as unknown as { marker: string }).marker = 'same page'),
          )

          // The recurring costs are already there; add one in yuan.
          const costs = page.locator('#costs')
          expect(await costs.locator('.badge--recurring').count()).toBe(7)
          await costs
            .getByLabel(t('settlement.costs.kind'), { exact: true })
            .selectOption('TRANSPORT')
          await costs.getByLabel(t('settlement.costs.amountYuan'), { exact: true }).fill('999.99')
          await costs
            .getByLabel(t('settlement.costs.note'), { exact: true })
            .fill('浏览器测试：干线运输')
          const [recorded] = await Promise.all([
            page.waitForResponse((r) => isPost(r, '/settlement/costs')),
            costs.getByRole('button', { name: t('settlement.costs.submit') }).click(),
          ])
          expect(recorded.status()).toBe(200)
          await costs
            .getByRole('status')
            .filter({
              hasText: t('settlement.cost.recorded', {
                amount: yuan(99_999),
                kind: t('settlement.costKind.TRANSPORT'),
                where: t('settlement.cost.network'),
              }),
            })
            .waitFor()
          // The button pressed was swapped away: the keyboard's place is the new cost section,
          // and the confirmation is announced.
          await page.waitForFunction(
            () => document.activeElement?.closest('#costs') != null,
            undefined,
            { timeout: 5_000 },
          )
          await page.waitForFunction(
            (text) => document.getElementById('live-region')?.textContent?.includes(text),
            t('settlement.cost.recorded', {
              amount: yuan(99_999),
              kind: t('settlement.costKind.TRANSPORT'),
              where: t('settlement.cost.network'),
            }),
          )
          expect(await costs.locator('.costs__total').textContent()).toContain(yuan(41_499_999))
          // The preview below was swapped too: the reconciliation includes the new cost.
          const preview = page.locator('#preview')
          expect(await preview.locator('#reconciliation').textContent()).toContain(yuan(41_499_999))
          expect(await preview.locator('.reconcile__verdict').textContent()).toContain(
            t('settlement.reconcile.ok'),
          )

          // Drill down into the first merchant's items.
          const first = preview.locator('tbody.merchant').first()
          await first.locator('summary').click()
          const items = first.locator('table.items')
          await items.waitFor()
          expect(await items.textContent()).toContain('浏览器测试：干线运输')
          await expectAccessible(page, '/settlement with a cost added and a merchant unfolded')

          // Close: a confirmation first, then the close with its progress.
          const close = page.locator('#close')
          await close
            .getByRole('button', { name: t('settlement.close.start', { month: label }) })
            .click()
          const confirm = close.getByRole('group', {
            name: t('settlement.close.confirmTitle', { month: label }),
          })
          await confirm.waitFor()
          expect(await confirm.textContent()).toContain(yuan(41_499_999))
          expect(await confirm.textContent()).toContain(
            t('settlement.close.frozen', { month: label }),
          )
          await expectAccessible(page, 'the close confirmation')
          expect(await page.evaluate(() => (window as unknown as { marker?: string }).marker)).toBe(
            'same page',
          )
          const [closing] = await Promise.all([
            page.waitForResponse((r) => isPost(r, '/settlement/close')),
            confirm
              .getByRole('button', { name: t('settlement.close.confirm', { month: label }) })
              .click(),
          ])
          expect(closing.status()).toBe(200)
          await page.locator('.close__progress').waitFor()
          await page.waitForURL(/closed=1/, { waitUntil: 'load', timeout: 30_000 })

          expect(await page.locator('h1 .badge').textContent()).toBe(t('settlement.status.CLOSED'))
          expect(await page.getByRole('status').first().textContent()).toContain(
            t('settlement.close.done', { month: label, total: yuan(41_499_999) }),
          )
          expect(await page.locator('#statements tbody tr').count()).toBeGreaterThanOrEqual(20)
          expect(await page.locator('#costs form').count()).toBe(0)
          await expectAccessible(page, 'the closed month')
          await saveScreenshot(page, 'coordinator-close-month', locale)
          expect(pageErrors).toEqual([])
          expect(consoleErrors).toEqual([])

          // The merchant's side: its statement of the closed month, with the chart.
          merchantContext = await running.browser.newContext({
            locale,
            viewport: { width: 1100, height: 900 },
          })
          merchantContext.setDefaultTimeout(15_000)
          const merchant = await watchedPage(merchantContext)
          await signIn(merchant.page, baseUrl, 'merchant1@nestwork.demo', locale)
          await merchant.page.getByRole('link', { name: t('settlement.home.statements') }).click()
          await merchant.page.waitForURL(`${baseUrl}/statements`)
          await merchant.page.getByRole('link', { name: label, exact: true }).click()
          await merchant.page.waitForURL(`${baseUrl}/statements/${month}`, { waitUntil: 'load' })
          const chart = merchant.page.getByRole('img', { name: t('settlement.chart.title') })
          await chart.waitFor()
          expect(await chart.locator('rect').count()).toBeGreaterThanOrEqual(3)
          const box = await chart.boundingBox()
          expect(box!.width).toBeGreaterThan(400)
          expect(box!.height).toBeGreaterThan(80)
          // The Print button exists only with JavaScript: the page script shows it.
          await merchant.page
            .getByRole('button', { name: t('settlement.statement.print') })
            .waitFor({ state: 'visible' })
          expect(await merchant.page.locator('.statement__group').count()).toBeGreaterThanOrEqual(3)
          await expectAccessible(merchant.page, 'a merchant’s statement')
          await saveScreenshot(merchant.page, 'merchant-statement', locale)

          expect(merchant.pageErrors).toEqual([])
          expect(merchant.consoleErrors).toEqual([])
          expect([...offsite, ...merchant.offsite]).toEqual([])
        } catch (error) {
          await saveFailure(page, 'coordinator-close-month', locale)
          throw error
        } finally {
          await merchantContext?.close()
          await context.close()
        }
      },
      timeout,
    )
  },
)
