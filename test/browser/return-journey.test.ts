// A customer return through the real server in headless Chromium, three people in three
// browser contexts, once in English and once in Chinese: a merchant registers the return with
// the form and opens its label (QR code drawn on the server), a station operator on a 360 px
// phone checks the parcel in by typing the code (posted by htmx, swapped in place), and an
// anonymous customer — whose browser speaks the other language until the language switch is
// used — follows it on /track and finds stations on /stations. axe-core checks each main page.
// A second journey feeds Chromium a fake camera that films the label's QR code, so the
// console's scanner (zxing-wasm, self-hosted, under the page's CSP) reads it and checks the
// parcel in without typing.
import { mkdir, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import {
  chromium,
  type Browser,
  type BrowserContext,
  type Page,
  type Response,
} from 'playwright-core'
import { encode } from 'uqr'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { demoStations } from '../../db/seed/demo-data'
import type { Locale } from '../../db/schema'
import type { Translate } from '../../src/i18n'
import { browserTestsEnabled, chromiumPath, launchBrowser } from './chromium'
import {
  expectAccessible,
  expectNoSidewaysScroll,
  expectTouchTarget,
  journeyLocales,
  messagesFor,
  otherLocale,
  phone360,
  saveFailure,
  saveScreenshot,
  signIn,
  switchLanguage,
} from './people'
import { projectRoot, startServer, type RunningServer } from './server'
import { useChromiumAndServer } from './suite'

const timeout = 180_000
const resultsDir = join(projectRoot, 'test-results')
const shot = (name: string) => join(resultsDir, `${name}.png`)

function isPost(response: Response, path: string): boolean {
  return response.request().method() === 'POST' && new URL(response.url()).pathname === path
}

interface Watched {
  context: BrowserContext
  page: Page
  pageErrors: string[]
  consoleErrors: string[]
  offsite: string[]
}

/** A browser context that refuses anything not on loopback and records page errors. */
async function open(browser: Browser, options: Parameters<Browser['newContext']>[0] = {}) {
  const context = await browser.newContext({
    locale: 'zh-CN',
    viewport: { width: 1280, height: 900 },
    ...options,
  })
  context.setDefaultTimeout(15_000)
  context.setDefaultNavigationTimeout(15_000)
  const watched: Watched = {
    context,
    page: undefined as unknown as Page,
    pageErrors: [],
    consoleErrors: [],
    offsite: [],
  }
  await context.route('**/*', (route) => {
    const { hostname, port } = new URL(route.request().url())
    // Map tiles point at 127.0.0.1:9, which refuses connections: that is the test's design.
    if ((hostname === '127.0.0.1' || hostname === 'localhost') && port !== '9') {
      return route.continue()
    }
    if (port !== '9') watched.offsite.push(route.request().url())
    return route.abort('connectionrefused')
  })
  const page = await context.newPage()
  page.on('pageerror', (error) => watched.pageErrors.push(String(error)))
  page.on('console', (message) => {
    if (message.type() !== 'error') return
    // Refused map tiles are expected (and announced on the page).
    if (/ERR_CONNECTION_REFUSED|Failed to load resource/.test(message.text())) return
    watched.consoleErrors.push(message.text())
  })
  watched.page = page
  return watched
}

/** The merchant's part: the form, the detail page, the label. Answers the printed code. */
async function registerReturn(
  page: Page,
  baseUrl: string,
  orderRef: string,
  locale: Locale,
  checkAccessibility = false,
): Promise<string> {
  const t = messagesFor(locale)
  await page.getByRole('link', { name: t('returns.home.register') }).click()
  await page.waitForURL(`${baseUrl}/returns/new`, { waitUntil: 'load' })
  if (checkAccessibility) await expectAccessible(page, '/returns/new')
  await page.getByLabel(t('returns.field.orderRef'), { exact: true }).fill(orderRef)
  await page.getByLabel(t('returns.field.category'), { exact: true }).selectOption('SUPPLIES')
  await page
    .getByLabel(t('returns.field.itemDescription'), { exact: true })
    .fill('好孩子 婴儿推车 GB-2026')
  await page.getByLabel(t('returns.field.orderValue'), { exact: true }).fill('1299.90')
  await page.getByLabel(t('returns.field.largeItem'), { exact: true }).check()
  await page.getByLabel(t('returns.field.reason'), { exact: true }).fill('车轮异响')
  await page.getByLabel(t('returns.field.hubId'), { exact: true }).selectOption('hub_1')
  await page.getByLabel(t('returns.field.customerContact'), { exact: true }).fill('13812345678')
  const [registered] = await Promise.all([
    page.waitForResponse((r) => isPost(r, '/returns')),
    page.getByRole('button', { name: t('returns.new.submit') }).click(),
  ])
  expect(registered.status()).toBe(303)
  await page.waitForURL(/\/returns\/ret_[^/]+\?registered=1$/, { waitUntil: 'load' })
  expect(await page.getByRole('status').first().textContent()).toContain(
    t('returns.detail.registered'),
  )
  expect(await page.locator('main').textContent()).toContain('138****5678')
  expect(await page.locator('main').textContent()).toContain(
    new Intl.NumberFormat(locale, { style: 'currency', currency: 'CNY' }).format(1299.9),
  )
  if (checkAccessibility) await expectAccessible(page, 'a return’s page')

  await page.getByRole('link', { name: t('returns.detail.label') }).click()
  await page.waitForURL(/\/returns\/ret_[^/]+\/label$/, { waitUntil: 'load' })
  const qr = page.locator('.label__qr svg')
  await qr.waitFor({ state: 'visible' })
  const box = await qr.boundingBox()
  expect(box!.width).toBeGreaterThan(150)
  // The Print button needs the page script, which shows it.
  await page.getByRole('button', { name: t('returns.label.print') }).waitFor({ state: 'visible' })
  const printed = (await page.locator('#label-code').textContent())!.trim()
  expect(printed).toMatch(/^[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}$/)
  expect(await page.locator('.label__url').textContent()).toBe(
    `${baseUrl}/track?code=${printed.replace(/-/g, '')}`,
  )
  if (checkAccessibility) await expectAccessible(page, 'the label')
  return printed
}

function expectClean(...watched: Watched[]) {
  for (const w of watched) {
    expect(w.pageErrors).toEqual([])
    expect(w.consoleErrors).toEqual([])
    expect(w.offsite).toEqual([])
  }
}

/** The station operator's part, on a 360 px phone: types the code, reads the result. */
async function checkInAtStation(page: Page, baseUrl: string, code: string, t: Translate) {
  await page.getByRole('link', { name: t('returns.home.console') }).click()
  await page.waitForURL(`${baseUrl}/station`, { waitUntil: 'load' })
  await page.waitForFunction(() => 'htmx' in window)
  const field = page.getByLabel(t('returns.console.code'))
  expect(await page.evaluate(() => document.activeElement?.id)).toBe('check-in-code')
  // The scanner enhanced the field (a secure context with a camera API).
  await page.getByRole('button', { name: t('returns.console.scan') }).waitFor({ state: 'visible' })
  await expectAccessible(page, 'the station console')
  await expectNoSidewaysScroll(page, 'the station console')
  await expectTouchTarget(page, '#check-in button[type=submit]')
  await expectTouchTarget(page, '#check-in-code')
  await page.evaluate(() => ((window as unknown as { mark: string }).mark = 'same'))

  // While the server answers, the form is busy: a spinner on its button, aria-busy on the form.
  let release: () => void = () => undefined
  const held = new Promise<void>((resolve) => (release = resolve))
  await page.route('**/station/check-in', async (route) => {
    await held
    await route.continue()
  })
  // Typed the way people do: lower case, no dashes.
  await field.fill(code.replace(/-/g, '').toLowerCase())
  const checkedInResponse = page.waitForResponse((r) => isPost(r, '/station/check-in'))
  await page.getByRole('button', { name: t('returns.console.submit'), exact: true }).click()
  const form = page.locator('#check-in form')
  await page.waitForFunction(() =>
    document.querySelector('#check-in form')?.classList.contains('htmx-request'),
  )
  expect(await form.getAttribute('aria-busy')).toBe('true')
  expect(
    await page.evaluate(
      () =>
        getComputedStyle(document.querySelector('#check-in button[type=submit]')!, '::after')
          .content,
    ),
  ).not.toBe('none')
  release()
  const checkedIn = await checkedInResponse
  await page.unroute('**/station/check-in')
  expect(checkedIn.status()).toBe(200)
  expect(checkedIn.request().headers()['hx-request']).toBe('true')
  const result = page.locator('#check-in-result')
  await result.waitFor()
  expect(await result.textContent()).toContain(t('returns.console.checkedIn', { code }))
  expect(await result.textContent()).toContain(t('returns.console.earned', { amount: '' }))
  expect(
    await page.evaluate(() => (window as unknown as { mark?: string }).mark),
    'the check-in should be swapped in by htmx, not by a page load',
  ).toBe('same')
  // The result is announced in the page's live region.
  await page.waitForFunction(
    (text) => document.getElementById('live-region')?.textContent?.includes(text),
    t('returns.console.checkedIn', { code }),
  )
  // Ready for the next parcel: an empty, focused field; the lists below were updated.
  expect(await field.inputValue()).toBe('')
  expect(await page.evaluate(() => document.activeElement?.id)).toBe('check-in-code')
  expect(await page.locator('#station-today h2').textContent()).toBe(
    t('returns.console.today', { count: 1 }),
  )
  expect(await page.locator('#station-today .parcel').textContent()).toContain(code)
  expect(await page.locator('#station-month').textContent()).toContain(
    t('returns.console.monthParcels', { count: 1 }),
  )
  await page.getByRole('button', { name: t('returns.console.scan') }).waitFor({ state: 'visible' })

  // A repeat scan changes nothing and says so.
  await field.fill(code)
  await Promise.all([
    page.waitForResponse((r) => isPost(r, '/station/check-in')),
    field.press('Enter'),
  ])
  await page.locator('#check-in-result.result--warn').waitFor()
  expect(await page.locator('#check-in-result').textContent()).toContain(
    t('returns.console.already', { code }),
  )
  expect(await page.locator('#station-today h2').textContent()).toBe(
    t('returns.console.today', { count: 1 }),
  )

  // This browser has no camera: the scanner steps aside and says to type instead.
  await page.getByRole('button', { name: t('returns.console.scan') }).click()
  await page.locator('.scan__status', { hasText: t('returns.console.scanUnavailable') }).waitFor()
  expect(await page.locator('.scan__button').isHidden()).toBe(true)
  expect(await page.evaluate(() => document.activeElement?.id)).toBe('check-in-code')
  await expectAccessible(page, 'the station console after two check-ins')
  await expectNoSidewaysScroll(page, 'the station console after two check-ins')
}

/** The customer's part, signed out on a phone: the return on /track, then stations near. */
async function trackAndFindStation(w: Watched, baseUrl: string, code: string, locale: Locale) {
  const { page, context } = w
  const t = messagesFor(locale)
  await page.goto(`${baseUrl}/track`)
  // The browser speaks the other language; the switch in the header changes it, signed out.
  expect(await page.locator('html').getAttribute('lang')).toBe(otherLocale(locale))
  await switchLanguage(page, locale)
  expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe(t('returns.track.title'))
  await expectAccessible(page, '/track')
  // By keyboard: the first Tab reaches the skip link, which leads straight into the form.
  await page.keyboard.press('Tab')
  expect(await page.evaluate(() => document.activeElement?.textContent)).toBe(t('nav.skip'))
  await page.keyboard.press('Enter')
  await page.keyboard.press('Tab')
  expect(await page.evaluate(() => document.activeElement?.closest('main') !== null)).toBe(true)
  await page.getByLabel(t('returns.track.code')).fill(code)
  await Promise.all([
    page.waitForURL(/\/track\?code=/, { waitUntil: 'load' }),
    page.getByLabel(t('returns.track.code')).press('Enter'),
  ])
  const card = page.locator('.track-result')
  await card.waitFor()
  expect(await card.locator('.track-result__status').textContent()).toContain(
    t('returns.status.AT_STATION'),
  )
  expect(await card.textContent()).toContain(demoStations[1]!.name)
  expect(await card.locator('.timeline__item').count()).toBe(2)
  const text = (await page.locator('main').textContent())!
  for (const secret of ['1,299.90', '1299.90', '138', 'TB-2026-JOURNEY', '车轮异响', '好孩子']) {
    expect(text, secret).not.toContain(secret)
  }
  await expectAccessible(page, 'a tracked return')
  await expectNoSidewaysScroll(page, 'a tracked return')
  await expectTouchTarget(page, 'main form button[type=submit]')

  // … and finds the stations nearest to Nanjing.
  await page.getByRole('link', { name: t('returns.track.findStation') }).click()
  await page.waitForURL(`${baseUrl}/stations`, { waitUntil: 'load' })
  await page.getByLabel(t('returns.finder.city')).fill('南京')
  await Promise.all([
    page.waitForURL(/\/stations\?city=/, { waitUntil: 'load' }),
    page.getByRole('button', { name: t('returns.finder.search') }).click(),
  ])
  const first = page.locator('ol.station-list > li').first()
  expect(await first.getAttribute('data-city')).toBe('南京')
  await page.waitForFunction(() => document.querySelectorAll('#map .marker--station').length === 10)
  expect(await page.locator('#map .marker--you').count()).toBe(1)
  await page.locator('#map-status').waitFor({ state: 'visible' })
  await expectAccessible(page, '/stations')
  await expectNoSidewaysScroll(page, '/stations')

  // "Use my location", from West Lake in Hangzhou.
  await context.setGeolocation({ latitude: 30.2431, longitude: 120.1508 })
  await context.grantPermissions(['geolocation'], { origin: baseUrl })
  await Promise.all([
    page.waitForURL(/\/stations\?lat=30\.243&lng=120\.151$/, { waitUntil: 'load' }),
    page.getByRole('button', { name: t('returns.finder.useLocation') }).click(),
  ])
  expect(await page.locator('#finder-near').textContent()).toBe(t('returns.finder.nearYou'))
  expect(await first.getAttribute('data-city')).toBe('杭州')
  await expectAccessible(page, 'stations near me')
  await expectNoSidewaysScroll(page, 'stations near me')
  await expectTouchTarget(page, '#use-location')
}

describe.skipIf(!browserTestsEnabled).each(journeyLocales)(
  'a customer return, end to end, in %s (Chromium)',
  (locale) => {
    const running = useChromiumAndServer()

    test(
      'registered by the merchant, checked in by typing on a phone, followed by the customer',
      async () => {
        const baseUrl = running.server.baseUrl
        const t = messagesFor(locale)
        const merchant = await open(running.browser, { locale })
        const station = await open(running.browser, { ...phone360, locale })
        const customer = await open(running.browser, { ...phone360, locale: otherLocale(locale) })
        const current = [merchant, station, customer]
        let failing = { page: merchant.page, journey: 'merchant-return' }
        try {
          // 1. The merchant registers the return and opens its label.
          await signIn(merchant.page, baseUrl, 'merchant1@nestwork.demo', locale)
          const code = await registerReturn(merchant.page, baseUrl, 'TB-2026-JOURNEY', locale, true)
          await saveScreenshot(merchant.page, 'merchant-return', locale)

          // 2. A station operator, on a 360 px phone, types the code into the console.
          failing = { page: station.page, journey: 'station-check-in' }
          await signIn(station.page, baseUrl, 'station2@nestwork.demo', locale)
          await checkInAtStation(station.page, baseUrl, code, t)
          await saveScreenshot(station.page, 'station-check-in', locale)

          // 3. The customer, signed out on a phone, follows the return and finds a station.
          failing = { page: customer.page, journey: 'customer-track' }
          await trackAndFindStation(customer, baseUrl, code, locale)
          await saveScreenshot(customer.page, 'customer-track', locale)

          expectClean(...current)
        } catch (error) {
          await saveFailure(failing.page, failing.journey, locale)
          throw error
        } finally {
          for (const w of current) await w.context.close()
        }
      },
      timeout,
    )
  },
)

/**
 * A YUV4MPEG2 video of `text` as a QR code, black on white in the middle of a 640×480 frame:
 * what Chromium's fake camera plays in a loop.
 */
function qrVideo(text: string): Buffer {
  const { data, size } = encode(text, { ecc: 'M', border: 4 })
  const width = 640
  const height = 480
  const module = Math.floor((height * 0.85) / size)
  const left = Math.floor((width - size * module) / 2)
  const top = Math.floor((height - size * module) / 2)
  const luma = Buffer.alloc(width * height, 235)
  for (let y = 0; y < size * module; y++) {
    for (let x = 0; x < size * module; x++) {
      if (data[Math.floor(y / module)]![Math.floor(x / module)]) {
        luma[(top + y) * width + left + x] = 16
      }
    }
  }
  const chroma = Buffer.alloc((width / 2) * (height / 2) * 2, 128)
  const frame = Buffer.concat([Buffer.from('FRAME\n'), luma, chroma])
  const header = Buffer.from(`YUV4MPEG2 W${width} H${height} F10:1 Ip A1:1 C420jpeg\n`)
  return Buffer.concat([header, ...Array.from({ length: 10 }, () => frame)])
}

describe.skipIf(!browserTestsEnabled)('scanning a label with the camera (Chromium)', () => {
  let server: RunningServer | undefined
  let merchantBrowser: Browser | undefined
  const videoPath = join(tmpdir(), `nestwork-qr-${process.pid}.y4m`)

  beforeAll(async () => {
    merchantBrowser = await launchBrowser()
    server = await startServer()
  }, timeout)

  afterAll(async () => {
    await merchantBrowser?.close()
    await server?.stop()
    await rm(videoPath, { force: true })
  }, timeout)

  test(
    'the console reads the label’s QR code from the camera with zxing-wasm and checks it in',
    async () => {
      const baseUrl = server!.baseUrl
      await mkdir(resultsDir, { recursive: true })
      const merchant = await open(merchantBrowser!)
      let code: string
      try {
        await signIn(merchant.page, baseUrl, 'merchant2@nestwork.demo', 'zh-CN')
        code = await registerReturn(merchant.page, baseUrl, 'TB-2026-SCAN', 'zh-CN')
      } finally {
        await merchant.context.close()
      }
      // The camera films the label: its QR code holds the tracking URL.
      await writeFile(videoPath, qrVideo(`${baseUrl}/track?code=${code.replace(/-/g, '')}`))
      const cameraBrowser = await chromium.launch({
        executablePath: chromiumPath,
        headless: true,
        args: [
          '--no-sandbox',
          '--disable-gpu',
          '--no-first-run',
          '--use-fake-ui-for-media-stream',
          '--use-fake-device-for-media-stream',
          `--use-file-for-fake-video-capture=${videoPath}`,
        ],
      })
      const station = await open(cameraBrowser, phone360)
      try {
        await station.context.grantPermissions(['camera'], { origin: baseUrl })
        // Take away any native BarcodeDetector so the WebAssembly reader is what is tested.
        await station.context.addInitScript(() => {
          delete (window as unknown as { BarcodeDetector?: unknown }).BarcodeDetector
        })
        const wasm: string[] = []
        station.page.on('response', (r) => {
          if (r.url().endsWith('.wasm')) wasm.push(`${r.status()} ${new URL(r.url()).pathname}`)
        })
        await signIn(station.page, baseUrl, 'station2@nestwork.demo', 'zh-CN')
        await station.page.goto(`${baseUrl}/station`)
        await station.page.waitForFunction(() => 'htmx' in window)
        const [checkedIn] = await Promise.all([
          station.page.waitForResponse((r) => isPost(r, '/station/check-in'), { timeout: 30_000 }),
          station.page.getByRole('button', { name: '相机扫码' }).click(),
        ])
        expect(checkedIn.status()).toBe(200)
        await station.page.locator('#check-in-result.result--ok').waitFor()
        expect(await station.page.locator('#check-in-result').textContent()).toContain(
          `已签收：${code}`,
        )
        expect(wasm).toEqual(['200 /static/vendor/zxing/zxing_reader.wasm'])
        // The camera is off again and the video gone.
        expect(await station.page.locator('video').count()).toBe(0)
        await station.page.screenshot({ path: shot('station-console-scanned'), fullPage: true })
        expectClean(station)
      } catch (error) {
        await station.page
          .screenshot({ path: shot('station-scan-failure'), fullPage: true })
          .catch(() => undefined)
        throw error
      } finally {
        await station.context.close()
        await cameraBrowser.close()
      }
    },
    timeout,
  )
})
