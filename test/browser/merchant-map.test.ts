// One merchant journey through the real server in headless Chromium: landing page → language
// switch → sign-in → merchant home → map with Leaflet markers, the tile-failure notice (tiles
// point at a refused address) and the station list.
import { mkdir } from 'node:fs/promises'
import { join } from 'node:path'
import type { Browser, Response } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { browserTestsEnabled, launchBrowser } from './chromium'
import { projectRoot, startServer, type RunningServer } from './server'

const timeout = 90_000
const screenshotPath = join(projectRoot, 'test-results', 'merchant-map.png')
const failureScreenshotPath = join(projectRoot, 'test-results', 'merchant-map-failure.png')

function isPost(response: Response, path: string): boolean {
  return response.request().method() === 'POST' && new URL(response.url()).pathname === path
}

/** A failed form POST is usually the CSRF check; say what the browser sent. */
function rejectedForm(path: string): string {
  return (
    `POST ${path} from Chromium should redirect with 303. A 403 means the CSRF check ` +
    `rejected a real browser's form: under "Referrer-Policy: no-referrer" Chromium sends ` +
    `"Origin: null" on same-origin form posts`
  )
}

describe.skipIf(!browserTestsEnabled)('merchant map journey (Chromium)', () => {
  let browser: Browser | undefined
  let server: RunningServer | undefined

  beforeAll(async () => {
    // Chromium first: on CI without it, this fails with the install hint before anything else.
    browser = await launchBrowser()
    server = await startServer()
  }, timeout)

  afterAll(async () => {
    await browser?.close()
    await server?.stop()
  }, timeout)

  test(
    'a merchant switches to English, signs in and sees the map with every station',
    async () => {
      const baseUrl = server!.baseUrl
      const context = await browser!.newContext({
        locale: 'zh-CN',
        viewport: { width: 1280, height: 900 },
      })
      context.setDefaultTimeout(15_000)
      context.setDefaultNavigationTimeout(15_000)
      // Nothing may leave the machine: anything not addressed to loopback is aborted and noted.
      const offsite: string[] = []
      await context.route('**/*', (route) => {
        const { hostname } = new URL(route.request().url())
        if (hostname === '127.0.0.1' || hostname === 'localhost') return route.continue()
        offsite.push(route.request().url())
        return route.abort('blockedbyclient')
      })
      const page = await context.newPage()
      const pageErrors: string[] = []
      page.on('pageerror', (error) => pageErrors.push(String(error)))

      try {
        // The landing page, in Chinese by default.
        await page.goto(`${baseUrl}/`)
        expect(await page.locator('html').getAttribute('lang')).toBe('zh-CN')

        // The language switch: choose English and submit; the page comes back in English.
        await page.locator('#locale-select').selectOption('en')
        // The form posts to /locale and is redirected back to `/`, so wait on the POST itself.
        const [switched] = await Promise.all([
          page.waitForResponse((r) => isPost(r, '/locale')),
          page.locator('form.lang').getByRole('button').click(),
        ])
        expect(switched.status(), rejectedForm('/locale')).toBe(303)
        await page.locator('html[lang="en"]').waitFor({ state: 'attached' })
        await page.waitForLoadState('load')

        // Follow the landing page's call to action to the sign-in form.
        await page.getByRole('main').getByRole('link', { name: 'Sign in' }).click()
        await page.waitForURL(`${baseUrl}/login`)
        await page.getByLabel('Email').fill('merchant1@nestwork.demo')
        await page.getByLabel('Password').fill('nestwork-demo')
        const [signedIn] = await Promise.all([
          page.waitForResponse((r) => isPost(r, '/login')),
          page.getByRole('button', { name: 'Sign in', exact: true }).click(),
        ])
        expect(signedIn.status(), rejectedForm('/login')).toBe(303)
        await page.waitForURL(`${baseUrl}/`, { waitUntil: 'load' })

        // The merchant home page greets the merchant.
        const heading = page.getByRole('heading', { level: 1 })
        expect(
          await heading.textContent(),
          'the English chosen before signing in should still apply after signing in',
        ).toContain('Hello')

        // The map: Leaflet draws hub and station markers even though no tile can load.
        await page.getByRole('navigation').getByRole('link', { name: 'Map', exact: true }).click()
        await page.waitForURL(`${baseUrl}/map`)
        await page.waitForFunction(
          () => document.querySelectorAll('#map .marker--station').length >= 40,
          undefined,
          { timeout: 15_000 },
        )
        expect(await page.locator('#map .marker--station').count()).toBeGreaterThanOrEqual(40)
        expect(await page.locator('#map .marker--hub').count()).toBe(3)

        // Every tile request is refused, so the page says so once.
        const status = page.locator('#map-status')
        await status.waitFor({ state: 'visible', timeout: 15_000 })
        expect((await status.textContent())?.trim()).not.toBe('')

        // The station list below the map still lists all 48 stations.
        const stations = page.locator('section.card', {
          has: page.getByRole('heading', { level: 2, name: /stations/i }),
        })
        expect(await stations.locator('tbody tr').count()).toBe(48)

        await mkdir(join(projectRoot, 'test-results'), { recursive: true })
        await page.screenshot({ path: screenshotPath, fullPage: true })

        expect(pageErrors).toEqual([])
        expect(offsite).toEqual([])
      } catch (error) {
        // Keep what the browser showed when the journey broke, next to the map screenshot.
        await mkdir(join(projectRoot, 'test-results'), { recursive: true })
        await page
          .screenshot({ path: failureScreenshotPath, fullPage: true })
          .catch(() => undefined)
        throw error
      } finally {
        await context.close()
      }
    },
    timeout,
  )
})
