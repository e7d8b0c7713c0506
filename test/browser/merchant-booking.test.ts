// A merchant books hub capacity in headless Chromium against the real server, in English and in
// Chinese (the copy checked comes from the catalogues; axe-core checks the pages): sign-in → home →
// booking calendar → the cell form of a bookable day, floating without growing its week's row,
// posted by htmx and swapped in place (no page navigation) → the bookings list below updated out
// of band → cancelling from that list, which swaps the row and the day cell back. The server runs on the real clock, so the day
// booked is the day after tomorrow in Shanghai, which is always open.
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
} from './people'
import { watchedPage } from './watched-page'
import { useChromiumAndServer } from './suite'

const timeout = 120_000

/** `剩余 1,380 / 1,500` or `1,380 / 1,500 left` → 1380 */
function remaining(text: string | null): number {
  const match = /([\d,]+)\s*\/\s*([\d,]+)/.exec(text ?? '')
  if (!match) throw new Error(`no remaining units in ${JSON.stringify(text)}`)
  return Number(match[1]!.replace(/,/g, ''))
}

describe.skipIf(!browserTestsEnabled).each(journeyLocales)(
  'merchant booking journey in %s (Chromium)',
  (locale) => {
    const running = useChromiumAndServer()
    const t = messagesFor(locale)

    test(
      'a merchant books units from a calendar cell and sees the cell update in place',
      async () => {
        const baseUrl = running.server.baseUrl
        const context = await running.browser.newContext({
          locale,
          viewport: { width: 1280, height: 900 },
        })
        context.setDefaultTimeout(15_000)
        context.setDefaultNavigationTimeout(15_000)
        const { page, pageErrors, consoleErrors, offsite } = await watchedPage(context)

        // Always open: its cutoff is 18:00 tomorrow, and it is well within 60 days.
        const date = addDays(localDate(new Date()), 2)
        const month = date.slice(0, 7)

        try {
          await signIn(page, baseUrl, 'merchant1@nestwork.demo', locale)
          await expectAccessible(page, 'the merchant home')

          // From the merchant home to the booking calendar.
          await page.getByRole('link', { name: t('home.merchant.book') }).click()
          await page.waitForURL(`${baseUrl}/bookings`, { waitUntil: 'load' })
          expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe(
            t('booking.title'),
          )
          if (month !== localDate(new Date()).slice(0, 7)) {
            await page.getByRole('link', { name: t('month.next') }).click()
            await page.waitForURL(/month=/, { waitUntil: 'load' })
          }
          await page.waitForFunction(() => 'htmx' in window)
          await expectAccessible(page, '/bookings')

          const cell = page.locator(`#day-hub_1-${date}`)
          await cell.waitFor()
          const before = remaining(await cell.locator('.day__remaining').textContent())

          // Anything on `window` survives an htmx swap but not a page load.
          await page.evaluate(
            () => ((window as unknown as { marker: string }).marker = 'same page'),
          )

          // The form floats over the calendar: opening it leaves the week's row as tall as it was.
          const week = cell.locator('xpath=ancestor::tr[1]')
          const rowBefore = (await week.boundingBox())!.height
          await cell.locator('summary').click()
          const units = cell.getByLabel(t('booking.form.units'))
          await units.waitFor({ state: 'visible' })
          expect((await week.boundingBox())!.height).toBe(rowBefore)
          const panel = (await cell.locator('form').boundingBox())!
          expect(panel.x).toBeGreaterThanOrEqual(0)
          expect(panel.x + panel.width).toBeLessThanOrEqual(1280)
          await units.fill('120')
          const [booked] = await Promise.all([
            page.waitForResponse((r) => isPost(r, '/bookings')),
            cell
              .locator('form')
              .getByRole('button', { name: t('booking.form.submit') })
              .click(),
          ])
          expect(booked.status()).toBe(200)
          expect(booked.request().headers()['hx-request']).toBe('true')

          // The same cell, swapped in place: fewer units left, the confirmation, my units.
          const status = cell.getByRole('status')
          await status.waitFor()
          expect(await status.textContent()).toContain(t('booking.status.CONFIRMED'))
          expect(remaining(await cell.locator('.day__remaining').textContent())).toBe(before - 120)
          expect(await cell.locator('.day__mine').textContent()).toContain('120')
          expect(
            await page.evaluate(() => (window as unknown as { marker?: string }).marker),
            'the booking should be swapped in by htmx, not by a page load',
          ).toBe('same page')
          expect(new URL(page.url()).pathname).toBe('/bookings')

          // The bookings list below was swapped out of band and can cancel the new booking.
          const list = page.locator('#my-bookings')
          expect(await list.locator('tbody tr').count()).toBe(1)
          expect(await list.locator('tbody tr').textContent()).toContain(
            t('booking.status.CONFIRMED'),
          )
          expect(await list.getByRole('button', { name: t('booking.cancel') }).count()).toBe(1)

          // The focus stays on the (new) submit button of the cell, not lost to the page.
          expect(await page.evaluate(() => document.activeElement?.id)).toBe(
            `day-hub_1-${date}-submit`,
          )

          await expectAccessible(page, '/bookings after booking')

          // Cancelling swaps the row (a `<tr>` fragment) and, out of band, the day's cell.
          const [cancelled] = await Promise.all([
            page.waitForResponse(
              (r) => r.request().method() === 'POST' && /\/cancel$/.test(r.url()),
            ),
            list.getByRole('button', { name: t('booking.cancel') }).click(),
          ])
          expect(cancelled.status()).toBe(200)
          await list.locator('tbody tr', { hasText: t('booking.status.CANCELLED') }).waitFor()
          await cell.locator('.day__mine').waitFor({ state: 'detached' })
          expect(remaining(await cell.locator('.day__remaining').textContent())).toBe(before)
          expect(await page.evaluate(() => (window as unknown as { marker?: string }).marker)).toBe(
            'same page',
          )

          // On a phone the calendar is a list of days; keep a picture of that too.
          await page.setViewportSize({ width: 390, height: 844 })
          await cell.scrollIntoViewIfNeeded()
          await expectAccessible(page, '/bookings on a phone')
          await saveScreenshot(page, 'merchant-booking', locale)

          expect(pageErrors).toEqual([])
          expect(consoleErrors).toEqual([])
          expect(offsite).toEqual([])
        } catch (error) {
          await saveFailure(page, 'merchant-booking', locale)
          throw error
        } finally {
          await context.close()
        }
      },
      timeout,
    )
  },
)
