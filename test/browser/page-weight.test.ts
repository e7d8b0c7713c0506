// How much JavaScript and CSS each role's home page (and the map pages) makes a browser fetch,
// measured in headless Chromium against the real server with an empty cache: the bytes
// transferred (the Node server sends static files uncompressed) and what they come to gzipped
// (what a compressing proxy or Cloudflare sends). Leaflet must load on the map pages only.
// Prints a table and writes it to test-results/page-weight.md; the README quotes it.
import { mkdir, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { gzipSync } from 'node:zlib'
import type { BrowserContext, Page } from 'playwright-core'
import { describe, expect, test } from 'vitest'
import { browserTestsEnabled } from './chromium'
import { signIn } from './people'
import { projectRoot } from './server'
import { useChromiumAndServer } from './suite'

interface Measured {
  page: string
  files: { path: string; kind: 'js' | 'css'; bytes: number; gzip: number }[]
}

const pages: { label: string; email?: string; path: string; map?: boolean }[] = [
  { label: 'Visitor home', path: '/' },
  { label: 'Track a return (public)', path: '/track' },
  { label: 'Find a station (public, map)', path: '/stations', map: true },
  { label: 'Merchant home', email: 'merchant1@nestwork.demo', path: '/' },
  { label: 'Station operator home', email: 'station1@nestwork.demo', path: '/' },
  { label: 'Station console', email: 'station1@nestwork.demo', path: '/station' },
  { label: 'Hub operator home', email: 'hub1@nestwork.demo', path: '/' },
  { label: 'Coordinator home', email: 'coordinator@nestwork.demo', path: '/' },
  { label: 'Network map (map)', email: 'coordinator@nestwork.demo', path: '/map', map: true },
]

/** Loads `path` and answers every script and stylesheet it fetched, with its size. */
async function measure(page: Page, baseUrl: string, path: string): Promise<Measured['files']> {
  const pending: Promise<Measured['files'][number] | undefined>[] = []
  page.on('response', (response) => {
    const type = response.request().resourceType()
    if (type !== 'script' && type !== 'stylesheet') return
    pending.push(
      (async () => {
        const body = await response.body()
        const sizes = await response.request().sizes()
        return {
          path: new URL(response.url()).pathname,
          kind: type === 'script' ? 'js' : 'css',
          bytes: sizes.responseBodySize,
          gzip: gzipSync(body).length,
        }
      })(),
    )
  })
  await page.goto(`${baseUrl}${path}`, { waitUntil: 'networkidle' })
  return (await Promise.all(pending)).filter((f) => f !== undefined)
}

const kb = (bytes: number) => (bytes / 1024).toFixed(1)

function table(rows: Measured[]): string {
  const lines = [
    '| Page | JS (KiB) | JS gzip (KiB) | CSS (KiB) | CSS gzip (KiB) | Leaflet |',
    '| --- | ---: | ---: | ---: | ---: | --- |',
  ]
  for (const row of rows) {
    const sum = (kind: 'js' | 'css', key: 'bytes' | 'gzip') =>
      row.files.filter((f) => f.kind === kind).reduce((total, f) => total + f[key], 0)
    const leaflet = row.files.some((f) => f.path.includes('leaflet')) ? 'yes' : 'no'
    lines.push(
      `| ${row.page} | ${kb(sum('js', 'bytes'))} | ${kb(sum('js', 'gzip'))} | ` +
        `${kb(sum('css', 'bytes'))} | ${kb(sum('css', 'gzip'))} | ${leaflet} |`,
    )
  }
  return lines.join('\n')
}

describe.skipIf(!browserTestsEnabled)('page weight (Chromium)', () => {
  const running = useChromiumAndServer()

  test('measures the JS and CSS of each role’s home and the map pages; only map pages load Leaflet', async () => {
    const baseUrl = running.server.baseUrl
    const rows: Measured[] = []
    for (const { label, email, path, map } of pages) {
      // A fresh context each time: an empty cache, so everything the page needs is fetched.
      const context = await running.browser.newContext({ locale: 'en' })
      context.setDefaultTimeout(20_000)
      try {
        const page = await context.newPage()
        if (email) await signIn(page, baseUrl, email, 'en')
        // Signing in fetched the home page's files already: measure in a second, cold page.
        const cold = email ? await freshPageWithSession(context) : page
        const files = await measure(cold, baseUrl, path)
        expect(
          files.some((f) => f.path === '/static/app.css'),
          label,
        ).toBe(true)
        expect(
          files.some((f) => f.path.includes('leaflet')),
          `${label} ${map ? 'should' : 'should not'} load Leaflet`,
        ).toBe(map === true)
        rows.push({ page: `${label} (\`${path}\`)`, files })
      } finally {
        await context.close()
      }
    }
    const text = table(rows)
    console.log(`\nPage weight (JS and CSS each page fetches, empty cache)\n${text}\n`)
    await mkdir(join(projectRoot, 'test-results'), { recursive: true })
    await writeFile(join(projectRoot, 'test-results', 'page-weight.md'), `${text}\n`)
  }, 240_000)
})

/** A new page in the same context with the browser cache dropped, keeping the session cookie. */
async function freshPageWithSession(context: BrowserContext) {
  const page = await context.newPage()
  const cdp = await context.newCDPSession(page)
  await cdp.send('Network.clearBrowserCache')
  await cdp.detach()
  return page
}
