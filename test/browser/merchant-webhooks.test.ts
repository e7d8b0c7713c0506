// A merchant connects a shop system in headless Chromium against the real server, in English and
// in Chinese: adds a webhook endpoint from the navigation, copies its secret (shown once), sends
// a test event and sees it in the delivery log, then deletes the endpoint after confirming.
// axe-core runs on every page on the way. Scheduled jobs are off, so nothing is actually sent.
import { describe, expect, test } from 'vitest'
import { browserTestsEnabled } from './chromium'
import {
  expectAccessible,
  journeyLocales,
  messagesFor,
  saveFailure,
  saveScreenshot,
  signIn,
} from './people'
import { useChromiumAndServer } from './suite'
import { watchedPage } from './watched-page'

const timeout = 120_000

describe.skipIf(!browserTestsEnabled).each(journeyLocales)(
  'a merchant manages webhooks in %s (Chromium)',
  (locale) => {
    const running = useChromiumAndServer()
    const t = messagesFor(locale)

    test(
      'add an endpoint, keep its secret, send a test event, delete it',
      async () => {
        const baseUrl = running.server.baseUrl
        const context = await running.browser.newContext({ locale: 'zh-CN' })
        const { page, pageErrors, offsite } = await watchedPage(context)
        try {
          await signIn(page, baseUrl, 'merchant1@nestwork.demo', locale)
          await page.getByRole('link', { name: t('nav.webhooks'), exact: true }).click()
          await page.waitForURL(`${baseUrl}/webhooks`)
          await expect.poll(() => page.getByText(t('webhooks.none')).count()).toBe(1)
          await expectAccessible(page, `webhooks list (${locale})`)

          await page
            .getByRole('textbox', { name: t('webhooks.url') })
            .fill('https://shop.example.com/hooks')
          await page.getByLabel('return.received').check()
          await page.getByLabel('return.resolved').check()
          await page.getByRole('button', { name: t('webhooks.create') }).click()
          const secret = page.getByLabel(t('webhooks.created.label'))
          expect(await secret.inputValue()).toMatch(/^whsec_/)
          expect(page.url()).toBe(`${baseUrl}/webhooks`)
          await expectAccessible(page, `endpoint added (${locale})`)
          await saveScreenshot(page, 'merchant-webhooks', locale)

          await page.getByRole('link', { name: t('webhooks.deliveries'), exact: true }).click()
          await page.getByRole('button', { name: t('webhooks.log.test') }).click()
          await expect.poll(() => page.getByText(t('webhooks.status.PENDING')).count()).toBe(1)
          expect(await page.locator('code', { hasText: 'webhook.test' }).count()).toBe(1)
          await expectAccessible(page, `delivery log (${locale})`)

          await page.getByRole('link', { name: t('webhooks.edit'), exact: true }).click()
          await expectAccessible(page, `endpoint form (${locale})`)
          await page.getByRole('button', { name: t('webhooks.delete'), exact: true }).click()
          await expectAccessible(page, `delete confirmation (${locale})`)
          await page.getByRole('button', { name: t('webhooks.confirm.submit') }).click()
          await page.waitForURL(`${baseUrl}/webhooks?deleted=1`)
          expect(await page.getByText(t('webhooks.deleted')).count()).toBe(1)
          expect(await page.getByText(t('webhooks.none')).count()).toBe(1)
          expect(pageErrors).toEqual([])
          expect(offsite).toEqual([])
        } catch (error) {
          await saveFailure(page, 'merchant-webhooks', locale)
          throw error
        } finally {
          await context.close()
        }
      },
      timeout,
    )
  },
)
