// A merchant imports returns from a shop export in headless Chromium, in English and in Chinese:
// a file with a wrong order value shows that row and column's error; the fixed file checks
// clean and is confirmed (htmx, with its progress note); the result links the import's labels,
// whose HTML sheet shows every code, and whose PDF link answers a PDF.
import { describe, expect, test } from 'vitest'
import { browserTestsEnabled } from './chromium'
import { isPost, journeyLocales, messagesFor, saveFailure, signIn } from './people'
import { useChromiumAndServer } from './suite'
import { watchedPage } from './watched-page'

const timeout = 120_000

const file = (value: string, run: string) =>
  Buffer.from(
    `订单号,类目,商品名称,订单金额,退货原因,售后中心\n` +
      `${run}-1,FOOD,米粉,${value},破损,hub_1\n${run}-2,TOYS,积木,99.00,缺件,hub_1\n`,
  )

describe.skipIf(!browserTestsEnabled).each(journeyLocales)(
  'merchant import journey in %s (Chromium)',
  (locale) => {
    const running = useChromiumAndServer()
    const t = messagesFor(locale)

    test(
      'uploads a file with an error, fixes it, confirms and opens the labels',
      async () => {
        const baseUrl = running.server.baseUrl
        const context = await running.browser.newContext({ locale })
        context.setDefaultTimeout(15_000)
        const { page, pageErrors } = await watchedPage(context)
        const run = `JRN${locale === 'en' ? 'E' : 'Z'}${Date.now() % 100000}`
        try {
          await signIn(page, baseUrl, 'merchant1@nestwork.demo', locale)
          await page.goto(`${baseUrl}/returns/import`)
          const upload = async (value: string) => {
            await page.getByLabel(t('returns.import.file')).setInputFiles({
              name: 'returns.csv',
              mimeType: 'text/csv',
              buffer: file(value, run),
            })
            await Promise.all([
              page.waitForResponse((r) => isPost(r, '/returns/import')),
              page.getByRole('button', { name: t('returns.import.preview') }).click(),
            ])
            await page.waitForLoadState('load')
          }

          await upload('12.345')
          const error = page.locator('#import-preview table tbody tr').first()
          await expect.poll(() => error.locator('td').first().textContent()).toBe('2')
          expect(await error.locator('td').nth(1).textContent()).toBe('订单金额')

          await upload('58.00')
          expect(await page.locator('#import-preview table').count()).toBe(0)
          await Promise.all([
            page.waitForURL(/\/returns\/import\/imp_\w+$/, { waitUntil: 'load' }),
            page.locator('#import-confirm').click(),
          ])
          await page.getByRole('link', { name: t('returns.import.labels') }).click()
          await page.waitForURL(/\/returns\/labels\?import=/, { waitUntil: 'load' })
          expect(await page.locator('article.blabel').count()).toBe(2)
          const codes = await page
            .locator('[data-code128]')
            .evaluateAll((els) => els.map((e) => e.getAttribute('data-code128')))
          expect(codes.every((c) => /^[0-9A-Z]{12}$/.test(c ?? ''))).toBe(true)
          const pdfHref = await page.locator('a[href^="/returns/labels.pdf"]').getAttribute('href')
          const pdf = await page.request.get(`${baseUrl}${pdfHref}`)
          expect(pdf.status()).toBe(200)
          expect(pdf.headers()['content-type']).toContain('application/pdf')
          expect(pageErrors).toEqual([])
        } catch (error) {
          await saveFailure(page, 'import-labels', locale)
          throw error
        } finally {
          await context.close()
        }
      },
      timeout,
    )
  },
)
