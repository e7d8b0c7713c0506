// A customer in Pudong finds a station on a 360 px phone in headless Chromium against the real
// server: types "浦东" in the finder, keeps only the stations open now (by the real clock, in
// Asia/Shanghai), and starts navigation in AMap from a result. In English and in Chinese, with
// axe-core on the results; the navigation link leaves the machine, so the request it makes is
// blocked and checked instead of followed.
import { describe, expect, test } from 'vitest'
import { demoStations } from '../../db/seed/demo-data'
import { openState } from '../../src/stations/opening-hours'
import { browserTestsEnabled } from './chromium'
import {
  expectAccessible,
  expectNoSidewaysScroll,
  expectTouchTarget,
  journeyLocales,
  messagesFor,
  phone360,
  saveFailure,
  saveScreenshot,
  switchLanguage,
} from './people'
import { useChromiumAndServer } from './suite'
import { watchedPage } from './watched-page'

const timeout = 120_000
const pudong = demoStations.filter((s) => s.address.startsWith('浦东新区'))

describe.skipIf(!browserTestsEnabled).each(journeyLocales)(
  'finding a station on a phone in %s (Chromium)',
  (locale) => {
    const running = useChromiumAndServer()
    const t = messagesFor(locale)

    test(
      'search 浦东, keep those open now, start navigation in AMap',
      async () => {
        const baseUrl = running.server.baseUrl
        const context = await running.browser.newContext({ ...phone360, locale: 'zh-CN' })
        const { page, pageErrors, offsite } = await watchedPage(context)
        try {
          await page.goto(`${baseUrl}/stations`)
          await switchLanguage(page, locale)
          await page.getByLabel(t('finder.query')).fill('浦东')
          await Promise.all([
            page.waitForURL(/\/stations\?city=/, { waitUntil: 'load' }),
            page.getByRole('button', { name: t('returns.finder.search') }).click(),
          ])
          const results = page.locator('ol.station-list > li')
          expect(await results.count()).toBe(pudong.length)
          expect(await page.locator('#map .marker--numbered').count()).toBe(pudong.length)

          // Open now, by the same rule the server uses at this moment.
          const openNow = pudong.filter(
            (s) => openState(s.openingHours, s.closedDays, new Date()).openNow,
          )
          await page.getByLabel(t('finder.openNow')).check()
          await Promise.all([
            page.waitForURL(/open=1/, { waitUntil: 'load' }),
            page.getByRole('button', { name: t('returns.finder.search') }).click(),
          ])
          expect(await results.count()).toBe(openNow.length)
          await expectAccessible(page, '/stations?city=浦东&open=1')
          await expectNoSidewaysScroll(page, '/stations?city=浦东&open=1')
          if (openNow.length === 0) {
            // Night in Shanghai: the page says so; all of Pudong's are one untick away.
            await page.getByText(t('finder.noneFiltered')).waitFor()
            await page.getByLabel(t('finder.openNow')).uncheck()
            await Promise.all([
              page.waitForURL((url) => !url.search.includes('open=1'), { waitUntil: 'load' }),
              page.getByRole('button', { name: t('returns.finder.search') }).click(),
            ])
          } else {
            await expect.poll(() => results.first().locator('.station__open--yes').count()).toBe(1)
          }

          const amap = results.first().getByRole('link', { name: t('finder.amap') })
          expect(await amap.getAttribute('href')).toMatch(
            /^https:\/\/uri\.amap\.com\/navigation\?to=121\.\d+%2C31\.\d+%2C/,
          )
          await expectTouchTarget(page, 'ol.station-list > li:first-child a[data-app="amap"]')
          await saveScreenshot(page, 'station-search', locale)
          await amap.click()
          await expect
            .poll(() => offsite.some((u) => u.startsWith('https://uri.amap.com/')))
            .toBe(true)
          expect(pageErrors).toEqual([])
        } catch (error) {
          await saveFailure(page, 'station-search', locale)
          throw error
        } finally {
          await context.close()
        }
      },
      timeout,
    )
  },
)
