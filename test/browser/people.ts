// What every journey checks for the people using it: the page speaks their language (the copy
// asserted is looked up in the same catalogues the views use), axe-core finds no serious or
// critical accessibility issue, a phone page does not scroll sideways, and the last page of each
// journey is kept as a screenshot in test-results/screenshots/<journey>-<locale>.png.
import { readFileSync } from 'node:fs'
import { mkdir } from 'node:fs/promises'
import { createRequire } from 'node:module'
import { join } from 'node:path'
import type { Page, Response } from 'playwright-core'
import { expect } from 'vitest'
import type { Locale } from '../../db/schema'
import { translator, type Translate } from '../../src/i18n'
import { projectRoot } from './server'

/** Every journey runs once in each language. */
export const journeyLocales: Locale[] = ['en', 'zh-CN']

/** The catalogue lookup of a locale, as the views use it. */
export const messagesFor = (locale: Locale): Translate => translator(locale)

/** The other language: what a browser starts in before the journey switches. */
export const otherLocale = (locale: Locale): Locale => (locale === 'en' ? 'zh-CN' : 'en')

export const phone360 = {
  viewport: { width: 360, height: 740 },
  isMobile: true,
  hasTouch: true,
}

const resultsDir = join(projectRoot, 'test-results')
const screenshotsDir = join(resultsDir, 'screenshots')

/** Keeps the journey's last page: test-results/screenshots/<journey>-<locale>.png. */
export async function saveScreenshot(page: Page, journey: string, locale: Locale) {
  await mkdir(screenshotsDir, { recursive: true })
  await page.screenshot({ path: join(screenshotsDir, `${journey}-${locale}.png`), fullPage: true })
}

/** A screenshot of the page a journey failed on, beside the others. */
export async function saveFailure(page: Page, journey: string, locale: Locale) {
  await mkdir(screenshotsDir, { recursive: true })
  await page
    .screenshot({ path: join(screenshotsDir, `${journey}-${locale}-failure.png`), fullPage: true })
    .catch(() => undefined)
}

export function isPost(response: Response, path: string | RegExp): boolean {
  if (response.request().method() !== 'POST') return false
  const pathname = new URL(response.url()).pathname
  return typeof path === 'string' ? pathname === path : path.test(pathname)
}

/**
 * Switches the page's language with the switch in the header (signed in, this also becomes the
 * account's language) and checks the page came back in it.
 */
export async function switchLanguage(page: Page, locale: Locale) {
  const current = await page.locator('html').getAttribute('lang')
  if (current === locale) return
  await page.locator('#locale-select').selectOption(locale)
  await Promise.all([
    page.waitForResponse((r) => isPost(r, '/locale')),
    page.getByRole('button', { name: messagesFor(current as Locale)('lang.switch') }).click(),
  ])
  await page.waitForLoadState('load')
  expect(await page.locator('html').getAttribute('lang')).toBe(locale)
}

/**
 * Signs in through the form (in the browser's language) and lands on the role's home in
 * `locale`, switching with the language switch when the account speaks the other one.
 */
export async function signIn(page: Page, baseUrl: string, email: string, locale: Locale) {
  await page.goto(`${baseUrl}/login`)
  const before = ((await page.locator('html').getAttribute('lang')) ?? 'zh-CN') as Locale
  const t = messagesFor(before)
  await page.getByLabel(t('signIn.email')).fill(email)
  await page.getByLabel(t('signIn.password')).fill('nestwork-demo')
  const [signedIn] = await Promise.all([
    page.waitForResponse((r) => isPost(r, '/login')),
    page.getByRole('button', { name: t('signIn.submit'), exact: true }).click(),
  ])
  expect(signedIn.status()).toBe(303)
  await page.waitForURL(`${baseUrl}/`, { waitUntil: 'load' })
  await switchLanguage(page, locale)
}

const axeSource = readFileSync(
  createRequire(import.meta.url).resolve('axe-core/axe.min.js'),
  'utf8',
)

interface AxeViolation {
  id: string
  impact: string | null
  help: string
  nodes: { target: unknown[]; failureSummary?: string }[]
}

/**
 * Runs axe-core (WCAG 2 A/AA and best-practice rules) on the page as it is now and answers each
 * serious or critical violation in words, with up to five of the elements it found.
 */
export async function seriousViolations(page: Page): Promise<string[]> {
  if (!(await page.evaluate(() => 'axe' in window))) {
    // Evaluated through the DevTools protocol: the pages' CSP (script-src 'self') refuses an
    // inline <script> (addScriptTag), and the test must not loosen the CSP it runs under.
    await page.evaluate(axeSource)
  }
  const violations = await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run: (...args: unknown[]) => Promise<any> } }).axe
    const results = await axe.run(document, {
      runOnly: {
        type: 'tag',
        values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'],
      },
      resultTypes: ['violations'],
    })
    return results.violations as AxeViolation[]
  })
  return violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map(
      (v) =>
        `${v.id} (${v.impact}): ${v.help}\n` +
        v.nodes
          .slice(0, 5)
          .map((n) => `    ${n.target.join(' ')} — ${n.failureSummary ?? ''}`)
          .join('\n'),
    )
}

/** Asserts axe-core finds no serious or critical violation; the message lists each one. */
export async function expectAccessible(page: Page, where: string) {
  expect(await seriousViolations(page), `axe on ${where}`).toEqual([])
}

/** The page does not scroll sideways at its viewport's width. */
export async function expectNoSidewaysScroll(page: Page, where: string) {
  const { scrollWidth, width } = await page.evaluate(() => ({
    scrollWidth: document.documentElement.scrollWidth,
    width: window.innerWidth,
  }))
  expect(
    scrollWidth,
    `${where} is ${scrollWidth}px wide in a ${width}px viewport`,
  ).toBeLessThanOrEqual(width)
}

/** Main actions are at least 44×44 CSS pixels, big enough for a thumb. */
export async function expectTouchTarget(page: Page, selector: string) {
  const box = await page.locator(selector).first().boundingBox()
  expect(box, selector).not.toBeNull()
  expect(box!.height, `${selector} height`).toBeGreaterThanOrEqual(44)
  expect(box!.width, `${selector} width`).toBeGreaterThanOrEqual(44)
}
