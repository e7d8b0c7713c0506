// A shop joins the alliance in headless Chromium against the real server, in English and in
// Chinese (copy from the catalogues, axe-core on every page): the public application at /join →
// the coordinator admits it on /admin/merchants and invites its owner on /admin/users → the owner
// opens the one-time link in a browser of their own, sets a password and lands signed in → books
// hub capacity for the day after tomorrow from the calendar.
import { describe, expect, test } from 'vitest'
import { addDays, localDate } from '../../src/calendar/local-date'
import { browserTestsEnabled } from './chromium'
import {
  expectAccessible,
  isPost,
  journeyLocales,
  messagesFor,
  saveFailure,
  saveScreenshot,
  signIn,
  switchLanguage,
} from './people'
import { useChromiumAndServer } from './suite'
import { watchedPage } from './watched-page'

const timeout = 150_000

describe.skipIf(!browserTestsEnabled).each(journeyLocales)(
  'membership journey in %s (Chromium)',
  (locale) => {
    const running = useChromiumAndServer()
    const t = messagesFor(locale)

    test(
      'a shop applies, is admitted and invited, and its owner accepts and books',
      async () => {
        const baseUrl = running.server.baseUrl
        const shopName = locale === 'en' ? 'Sprout Kids' : '新芽童装'
        const owner = `owner-${locale}-${Date.now()}@sprout.example.cn`
        const open = async () => {
          const context = await running.browser.newContext({
            locale,
            viewport: { width: 1280, height: 900 },
          })
          context.setDefaultTimeout(15_000)
          return { context, ...(await watchedPage(context)) }
        }
        const shop = await open()
        const admin = await open()
        try {
          // The public application.
          await shop.page.goto(`${baseUrl}/join`)
          await switchLanguage(shop.page, locale)
          await expectAccessible(shop.page, '/join')
          await shop.page.locator('[name=shopName]').fill(shopName)
          await shop.page.locator('[name=category]').selectOption('CLOTHING')
          await shop.page.locator('[name=region]').fill('浙江 杭州')
          await shop.page.locator('[name=contact]').fill(owner)
          await shop.page.locator('[name=shopUrl]').fill('https://sprout.example.cn')
          const [applied] = await Promise.all([
            shop.page.waitForResponse((r) => isPost(r, '/join')),
            shop.page.getByRole('button', { name: t('join.submit') }).click(),
          ])
          expect(applied.status()).toBe(303)

          // The coordinator admits it from this month and invites its owner.
          await signIn(admin.page, baseUrl, 'coordinator@nestwork.demo', locale)
          await admin.page.goto(`${baseUrl}/admin/merchants`)
          await expectAccessible(admin.page, '/admin/merchants')
          const [admitted] = await Promise.all([
            admin.page.waitForResponse((r) => isPost(r, /\/admit$/)),
            admin.page
              .getByRole('button', { name: t('merchants.admit', { shop: shopName }) })
              .click(),
          ])
          expect(admitted.status()).toBe(303)
          await admin.page.goto(`${baseUrl}/admin/users`)
          await admin.page.locator('[name=email]').fill(owner)
          await admin.page.locator('[name=role]').selectOption('MERCHANT')
          await admin.page.locator('[name=merchantId]').selectOption({ label: shopName })
          await admin.page.getByRole('button', { name: t('users.invite.submit') }).click()
          const link = (await admin.page.locator('.invite-link').textContent())!.trim()
          expect(link).toMatch(/\/invite\/[A-Za-z0-9_-]{43}$/)
          await expectAccessible(admin.page, '/admin/users with the new link')

          // The owner opens the link, sets a password and is signed in.
          await shop.page.goto(link)
          await expectAccessible(shop.page, 'the invitation')
          const password = 'a-fresh-passphrase-77'
          await shop.page.locator('[name=password]').fill(password)
          await shop.page.locator('[name=repeatPassword]').fill(password)
          await Promise.all([
            shop.page.waitForURL(`${baseUrl}/`, { waitUntil: 'load' }),
            shop.page.getByRole('button', { name: t('link.invite.submit') }).click(),
          ])
          await switchLanguage(shop.page, locale)

          // Their first booking, from the calendar cell of the day after tomorrow.
          const date = addDays(localDate(new Date()), 2)
          await shop.page.goto(`${baseUrl}/bookings?hub=hub_1&month=${date.slice(0, 7)}`)
          await shop.page.waitForFunction(() => 'htmx' in window)
          const cell = shop.page.locator(`#day-hub_1-${date}`)
          await cell.locator('summary').click()
          await cell.getByLabel(t('booking.form.units')).fill('5')
          const [booked] = await Promise.all([
            shop.page.waitForResponse((r) => isPost(r, '/bookings')),
            cell.getByRole('button', { name: t('booking.form.submit') }).click(),
          ])
          expect(booked.status()).toBe(200)
          await cell.locator('.day__mine').waitFor()
          await expectAccessible(shop.page, 'the first booking')
          await saveScreenshot(shop.page, 'membership-journey', locale)

          for (const side of [shop, admin]) {
            expect(side.pageErrors).toEqual([])
            expect(side.consoleErrors).toEqual([])
            expect(side.offsite).toEqual([])
          }
        } catch (error) {
          await saveFailure(shop.page, 'membership-journey', locale)
          await saveFailure(admin.page, 'membership-journey-coordinator', locale)
          throw error
        } finally {
          await shop.context.close()
          await admin.context.close()
        }
      },
      timeout,
    )
  },
)
