// A coordinator places a new station by clicking the map under the coordinate fields, in headless
// Chromium against the real server: the click fills latitude and longitude, typing moves the
// pin, and the page stays accessible. Tiles come from outside and are blocked; clicks still land.
import { describe, expect, test } from 'vitest'
import { browserTestsEnabled } from './chromium'
import { expectAccessible, journeyLocales, messagesFor, saveFailure, signIn } from './people'
import { useChromiumAndServer } from './suite'
import { watchedPage } from './watched-page'

const timeout = 120_000

describe.skipIf(!browserTestsEnabled).each(journeyLocales)(
  'placing a station on the map in %s (Chromium)',
  (locale) => {
    const running = useChromiumAndServer()
    const t = messagesFor(locale)

    test(
      'a click on the map fills the coordinates; typed ones move the pin',
      async () => {
        const baseUrl = running.server.baseUrl
        const context = await running.browser.newContext({ viewport: { width: 1366, height: 900 } })
        const { page, pageErrors } = await watchedPage(context)
        try {
          await signIn(page, baseUrl, 'coordinator@nestwork.demo', locale)
          await page.goto(`${baseUrl}/admin/stations/new`)
          await expect.poll(() => page.locator('#point-picker.leaflet-container').count()).toBe(1)
          const lat = page.getByLabel(t('stationForm.lat'))
          const lng = page.getByLabel(t('stationForm.lng'))
          expect(await lat.inputValue()).toBe('')

          await page.locator('#point-picker').click({ position: { x: 120, y: 90 } })
          const picked = {
            lat: Number(await lat.inputValue()),
            lng: Number(await lng.inputValue()),
          }
          // The map opens on the alliance's first hub, so the click lands near it.
          expect(Math.abs(picked.lat - 31.2)).toBeLessThan(1.5)
          expect(Math.abs(picked.lng - 121.4)).toBeLessThan(2)
          expect(await page.locator('#point-picker .marker--station').count()).toBe(1)

          await lat.fill('31.230000')
          await lng.fill('121.470000')
          await lng.dispatchEvent('change')
          const pin = await page.locator('#point-picker .marker--station').boundingBox()
          const map = await page.locator('#point-picker').boundingBox()
          // Panned to the typed point: the pin sits in the middle of the map.
          expect(Math.abs(pin!.x + pin!.width / 2 - (map!.x + map!.width / 2))).toBeLessThan(4)
          await expectAccessible(page, 'station form with its map')
          expect(pageErrors).toEqual([])
        } catch (error) {
          await saveFailure(page, 'station-point-picker', locale)
          throw error
        } finally {
          await context.close()
        }
      },
      timeout,
    )
  },
)
