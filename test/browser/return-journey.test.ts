// A customer return through the real server in headless Chromium, three people in three
// browser contexts: a merchant registers the return with the form and opens its label (QR
// code drawn on the server), a station operator on a phone checks the parcel in by typing the
// code (posted by htmx, swapped in place), and an anonymous customer follows it on /track and
// finds stations on /stations. A second journey feeds Chromium a fake camera that films the
// label's QR code, so the console's scanner (zxing-wasm, self-hosted, under the page's CSP)
// reads it and checks the parcel in without typing.
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
import { browserTestsEnabled, chromiumPath, launchBrowser } from './chromium'
import { projectRoot, startServer, type RunningServer } from './server'

const timeout = 120_000
const resultsDir = join(projectRoot, 'test-results')
const shot = (name: string) => join(resultsDir, `${name}.png`)

function isPost(response: Response, path: string): boolean {
  return response.request().method() === 'POST' && new URL(response.url()).pathname === path
}

const phone = { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true }

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

async function signIn(page: Page, baseUrl: string, email: string) {
  await page.goto(`${baseUrl}/login`)
  await page.getByLabel('邮箱').fill(email)
  await page.getByLabel('密码').fill('nestwork-demo')
  const [signedIn] = await Promise.all([
    page.waitForResponse((r) => isPost(r, '/login')),
    page.getByRole('button', { name: '登录', exact: true }).click(),
  ])
  expect(signedIn.status()).toBe(303)
  await page.waitForURL(`${baseUrl}/`, { waitUntil: 'load' })
}

/** The merchant's part: the form, the detail page, the label. Answers the printed code. */
async function registerReturn(page: Page, baseUrl: string, orderRef: string): Promise<string> {
  await page.getByRole('link', { name: '登记顾客退货并打印标签' }).click()
  await page.waitForURL(`${baseUrl}/returns/new`, { waitUntil: 'load' })
  await page.getByLabel('订单号').fill(orderRef)
  await page.getByLabel('类目').selectOption('SUPPLIES')
  await page.getByLabel('退回商品').fill('好孩子 婴儿推车 GB-2026')
  await page.getByLabel('订单金额（元）').fill('1299.90')
  await page.getByLabel('大件（推车、婴儿床、安全座椅）').check()
  await page.getByLabel('退货原因').fill('车轮异响')
  await page.getByLabel('目的售后中心').selectOption('hub_1')
  await page.getByLabel('顾客手机号或邮箱（选填）').fill('13812345678')
  const [registered] = await Promise.all([
    page.waitForResponse((r) => isPost(r, '/returns')),
    page.getByRole('button', { name: '登记退货' }).click(),
  ])
  expect(registered.status()).toBe(303)
  await page.waitForURL(/\/returns\/ret_[^/]+\?registered=1$/, { waitUntil: 'load' })
  expect(await page.getByRole('status').first().textContent()).toContain('退货已登记')
  expect(await page.locator('main').textContent()).toContain('138****5678')
  expect(await page.locator('main').textContent()).toContain('¥1,299.90')

  await page.getByRole('link', { name: '打印标签' }).click()
  await page.waitForURL(/\/returns\/ret_[^/]+\/label$/, { waitUntil: 'load' })
  const qr = page.locator('.label__qr svg')
  await qr.waitFor({ state: 'visible' })
  const box = await qr.boundingBox()
  expect(box!.width).toBeGreaterThan(150)
  // The Print button needs the page script, which shows it.
  await page.getByRole('button', { name: '打印标签' }).waitFor({ state: 'visible' })
  const printed = (await page.locator('#label-code').textContent())!.trim()
  expect(printed).toMatch(/^[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}$/)
  expect(await page.locator('.label__url').textContent()).toBe(
    `${baseUrl}/track?code=${printed.replace(/-/g, '')}`,
  )
  return printed
}

function expectClean(...watched: Watched[]) {
  for (const w of watched) {
    expect(w.pageErrors).toEqual([])
    expect(w.consoleErrors).toEqual([])
    expect(w.offsite).toEqual([])
  }
}

describe.skipIf(!browserTestsEnabled)('a customer return, end to end (Chromium)', () => {
  let browser: Browser | undefined
  let server: RunningServer | undefined

  beforeAll(async () => {
    browser = await launchBrowser()
    server = await startServer()
  }, timeout)

  afterAll(async () => {
    await browser?.close()
    await server?.stop()
  }, timeout)

  test(
    'registered by the merchant, checked in by typing at a station, followed by the customer',
    async () => {
      const baseUrl = server!.baseUrl
      await mkdir(resultsDir, { recursive: true })
      const merchant = await open(browser!)
      const station = await open(browser!, phone)
      const customer = await open(browser!, phone)
      const current = [merchant, station, customer]
      let failing: Page = merchant.page
      try {
        // 1. The merchant registers the return and opens its label.
        await signIn(merchant.page, baseUrl, 'merchant1@nestwork.demo')
        const code = await registerReturn(merchant.page, baseUrl, 'TB-2026-JOURNEY')
        await merchant.page.screenshot({ path: shot('return-label'), fullPage: true })

        // 2. A station operator, on a phone, types the code into the console.
        failing = station.page
        await signIn(station.page, baseUrl, 'station1@nestwork.demo')
        await station.page.getByRole('link', { name: '打开驿站工作台签收包裹' }).click()
        await station.page.waitForURL(`${baseUrl}/station`, { waitUntil: 'load' })
        await station.page.waitForFunction(() => 'htmx' in window)
        const field = station.page.getByLabel('退货码')
        expect(await station.page.evaluate(() => document.activeElement?.id)).toBe('check-in-code')
        // The scanner enhanced the field (a secure context with a camera API).
        await station.page.getByRole('button', { name: '相机扫码' }).waitFor({ state: 'visible' })
        await station.page.evaluate(() => ((window as unknown as { mark: string }).mark = 'same'))

        // Typed the way people do: lower case, no dashes.
        await field.fill(code.replace(/-/g, '').toLowerCase())
        const [checkedIn] = await Promise.all([
          station.page.waitForResponse((r) => isPost(r, '/station/check-in')),
          station.page.getByRole('button', { name: '签收', exact: true }).click(),
        ])
        expect(checkedIn.status()).toBe(200)
        expect(checkedIn.request().headers()['hx-request']).toBe('true')
        const result = station.page.locator('#check-in-result')
        await result.waitFor()
        expect(await result.textContent()).toContain(`已签收：${code}`)
        expect(await result.textContent()).toContain('获得佣金：¥')
        expect(
          await station.page.evaluate(() => (window as unknown as { mark?: string }).mark),
          'the check-in should be swapped in by htmx, not by a page load',
        ).toBe('same')
        // Ready for the next parcel: an empty, focused field; the lists below were updated.
        expect(await field.inputValue()).toBe('')
        expect(await station.page.evaluate(() => document.activeElement?.id)).toBe('check-in-code')
        expect(await station.page.locator('#station-today h2').textContent()).toBe('今日签收（1）')
        expect(await station.page.locator('#station-today .parcel').textContent()).toContain(code)
        expect(await station.page.locator('#station-month').textContent()).toContain(
          '本月已签收 1 件',
        )
        await station.page.getByRole('button', { name: '相机扫码' }).waitFor({ state: 'visible' })
        await station.page.screenshot({ path: shot('station-console'), fullPage: true })

        // A repeat scan changes nothing and says so.
        await field.fill(code)
        await Promise.all([
          station.page.waitForResponse((r) => isPost(r, '/station/check-in')),
          field.press('Enter'),
        ])
        await station.page.locator('#check-in-result.result--warn').waitFor()
        expect(await station.page.locator('#check-in-result').textContent()).toContain(
          '本驿站已签收过',
        )
        expect(await station.page.locator('#station-today h2').textContent()).toBe('今日签收（1）')

        // This browser has no camera: the scanner steps aside and says to type instead.
        await station.page.getByRole('button', { name: '相机扫码' }).click()
        await station.page.locator('.scan__status', { hasText: '请手动输入退货码' }).waitFor()
        expect(await station.page.locator('.scan__button').isHidden()).toBe(true)
        expect(await station.page.evaluate(() => document.activeElement?.id)).toBe('check-in-code')

        // 3. The customer, signed out on a phone, follows the return.
        failing = customer.page
        await customer.page.goto(`${baseUrl}/track`)
        expect(await customer.page.locator('html').getAttribute('lang')).toBe('zh-CN')
        await customer.page.getByLabel('退货码').fill(code)
        await Promise.all([
          customer.page.waitForURL(/\/track\?code=/, { waitUntil: 'load' }),
          customer.page.getByRole('button', { name: '查询' }).click(),
        ])
        const card = customer.page.locator('.track-result')
        await card.waitFor()
        expect(await card.locator('.track-result__status').textContent()).toContain('已送达驿站')
        expect(await card.textContent()).toContain('静安寺站')
        expect(await card.locator('.timeline__item').count()).toBe(2)
        const text = (await customer.page.locator('main').textContent())!
        for (const secret of [
          '1,299.90',
          '1299.90',
          '138',
          'TB-2026-JOURNEY',
          '车轮异响',
          '好孩子',
        ]) {
          expect(text, secret).not.toContain(secret)
        }
        await customer.page.screenshot({ path: shot('track'), fullPage: true })

        // … and finds the stations nearest to Nanjing.
        await customer.page.getByRole('link', { name: '查找附近的退货驿站' }).click()
        await customer.page.waitForURL(`${baseUrl}/stations`, { waitUntil: 'load' })
        await customer.page.getByLabel('城市').fill('南京')
        await Promise.all([
          customer.page.waitForURL(/\/stations\?city=/, { waitUntil: 'load' }),
          customer.page.getByRole('button', { name: '搜索' }).click(),
        ])
        const first = customer.page.locator('ol.station-list > li').first()
        expect(await first.getAttribute('data-city')).toBe('南京')
        await customer.page.waitForFunction(
          () => document.querySelectorAll('#map .marker--station').length === 10,
        )
        expect(await customer.page.locator('#map .marker--you').count()).toBe(1)
        await customer.page.locator('#map-status').waitFor({ state: 'visible' })
        await customer.page.screenshot({ path: shot('stations'), fullPage: true })

        // "Use my location", from West Lake in Hangzhou.
        await customer.context.setGeolocation({ latitude: 30.2431, longitude: 120.1508 })
        await customer.context.grantPermissions(['geolocation'], { origin: baseUrl })
        await Promise.all([
          customer.page.waitForURL(/\/stations\?lat=30\.243&lng=120\.151$/, { waitUntil: 'load' }),
          customer.page.getByRole('button', { name: '使用我的位置' }).click(),
        ])
        expect(await customer.page.locator('#finder-near').textContent()).toBe('离您最近的驿站')
        expect(await first.getAttribute('data-city')).toBe('杭州')

        expectClean(...current)
      } catch (error) {
        await failing
          .screenshot({ path: shot('return-journey-failure'), fullPage: true })
          .catch(() => undefined)
        throw error
      } finally {
        for (const w of current) await w.context.close()
      }
    },
    timeout,
  )
})

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
        await signIn(merchant.page, baseUrl, 'merchant2@nestwork.demo')
        code = await registerReturn(merchant.page, baseUrl, 'TB-2026-SCAN')
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
      const station = await open(cameraBrowser, phone)
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
        await signIn(station.page, baseUrl, 'station2@nestwork.demo')
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
