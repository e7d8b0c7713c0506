// People are told what happened, in headless Chromium against the real server with its outbox
// drain running: a merchant's return is checked in at a station (through GraphQL), the drain
// turns the event into notifications, and both the merchant and the station operator see the
// unread count on their bell, read the notice in their language and mark it read. It runs in
// English and in Chinese (copy from the catalogues), with axe-core on the notification centre.
import type { Browser } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { browserTestsEnabled, launchBrowser } from './chromium'
import { expectAccessible, journeyLocales, messagesFor, saveFailure, signIn } from './people'
import { startServer, type RunningServer } from './server'
import { graphqlClient } from './graphql-client'
import { watchedPage } from './watched-page'

const timeout = 150_000

describe.skipIf(!browserTestsEnabled).each(journeyLocales)(
  'notifications journey in %s (Chromium)',
  (locale) => {
    const t = messagesFor(locale)
    let browser: Browser | undefined
    let server: RunningServer | undefined
    beforeAll(async () => {
      browser = await launchBrowser()
      // The drain runs on the scheduled clock; journeys elsewhere keep it off.
      server = await startServer({ env: { SCHEDULED_JOBS: '1' } })
    }, 90_000)
    afterAll(async () => {
      await browser?.close()
      await server?.stop()
    }, 90_000)

    const { graphql, login } = graphqlClient(() => server!.baseUrl)

    const unread = async (token: string) =>
      (await graphql('{ notifications(unreadOnly: true) { unreadCount } }', {}, token))
        .notifications.unreadCount as number

    /** The count once the drain has told the person of at least one thing (it runs every 5 s). */
    async function toldOnce(token: string): Promise<number> {
      const deadline = Date.now() + 30_000
      for (;;) {
        const count = await unread(token)
        if (count > 0 || Date.now() > deadline) return count
        await new Promise((r) => setTimeout(r, 500))
      }
    }

    test(
      'the merchant and the station operator see the check-in on their bell and mark it read',
      async () => {
        const merchant = await login('merchant1@nestwork.demo')
        const station = await login('station1@nestwork.demo')
        const { registerReturn } = await graphql(
          'mutation ($input: RegisterReturnInput!) { registerReturn(input: $input) { code } }',
          {
            input: {
              orderRef: `TB-NOTE-${locale}`,
              category: 'FOOD',
              itemDescription: '飞鹤星飞帆 3段 奶粉 800g',
              orderValueFen: 25_800,
              reason: '包装破损',
              hubId: 'hub_1',
            },
          },
          merchant,
        )
        await graphql(
          'mutation ($code: String!) { checkInParcel(code: $code) { alreadyCheckedIn } }',
          { code: registerReturn.code },
          station,
        )

        for (const [email, token] of [
          ['merchant1@nestwork.demo', merchant],
          ['station1@nestwork.demo', station],
        ] as const) {
          const count = await toldOnce(token)
          expect(count, `${email} is told of the check-in`).toBeGreaterThan(0)
          const context = await browser!.newContext({
            locale,
            viewport: { width: 1280, height: 900 },
          })
          context.setDefaultTimeout(15_000)
          const { page, pageErrors, consoleErrors } = await watchedPage(context)
          try {
            await signIn(page, server!.baseUrl, email, locale)
            const bell = page.locator('#notification-bell')
            expect(await bell.getAttribute('aria-label')).toBe(
              t('notifications.bell', { count: String(count) }),
            )
            expect(await bell.locator('.bell__count').textContent()).toBe(String(count))

            await Promise.all([page.waitForURL(/\/notifications$/), bell.click()])
            expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe(
              t('notifications.title'),
            )
            const items = page.locator('#notification-list li')
            await expect
              .poll(() =>
                items.filter({ hasText: t('notifications.kind.PARCEL_AT_STATION') }).count(),
              )
              .toBeGreaterThan(0)
            await expectAccessible(page, '/notifications')

            await Promise.all([
              page.waitForURL(/\/notifications/),
              page.getByRole('button', { name: t('notifications.markAllRead') }).click(),
            ])
            expect(await page.locator('#notification-bell .bell__count').count()).toBe(0)
            expect(await unread(token)).toBe(0)
            expect(pageErrors).toEqual([])
            expect(consoleErrors).toEqual([])
          } catch (error) {
            await saveFailure(page, `notifications-${email.split('@')[0]}`, locale)
            throw error
          } finally {
            await context.close()
          }
        }
      },
      timeout,
    )
  },
)
