// Every page of every role on a 390 × 844 phone, in Chinese and in English, against the demo with
// its history (SEED_DEMO=1), so lists and tables are as full as on a real day: each page answers
// 200, fits the phone (test/browser/phone-fit.ts: no sideways scroll, no control cut off, main
// actions at least 44 px tall, no column squeezed a character per line, a compact header, maps
// that leave room for their list) and axe-core finds no serious or critical issue. One browser
// for the file, one context per role and language, the pages in sequence; each failing page is
// listed with everything wrong on it.
import type { Browser } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import type { Locale } from '../../db/schema'
import { browserTestsEnabled, launchBrowser } from './chromium'
import { firstLink, tours, type Stop } from './every-page'
import { journeyLocales, saveFailure, seriousViolations, signIn, switchLanguage } from './people'
import { phone390, phoneProblems } from './phone-fit'
import { startServer, type RunningServer } from './server'

const timeout = 150_000

const runs = tours.flatMap((tour) => journeyLocales.map((locale) => [tour, locale] as const))

describe.skipIf(!browserTestsEnabled)('every page of every role on a phone (Chromium)', () => {
  let browser: Browser | undefined
  let server: RunningServer | undefined
  const checked: string[] = []
  beforeAll(async () => {
    browser = await launchBrowser()
    server = await startServer({ env: { SEED_DEMO: '1' }, timeoutMs: timeout })
  }, timeout)
  afterAll(async () => {
    console.info(`phone pass: ${checked.length} pages checked at 390 × 844`)
    await browser?.close()
    await server?.stop()
  }, timeout)

  test.each(runs)(
    'every page of the %s fits a phone in %s',
    async (tour, locale: Locale) => {
      const baseUrl = server!.baseUrl
      const context = await browser!.newContext({ ...phone390, locale })
      context.setDefaultTimeout(15_000)
      context.setDefaultNavigationTimeout(15_000)
      const page = await context.newPage()
      const failures: string[] = []
      // Pages one click further, by the path of the link that leads to them.
      const links = new Map<Stop, string | undefined>()
      try {
        if (tour.email) {
          await signIn(page, baseUrl, tour.email, locale)
        } else {
          await page.goto(`${baseUrl}/`)
          await switchLanguage(page, locale)
        }
        for (const stop of tour.stops) {
          const path = typeof stop === 'string' ? stop : links.get(stop)
          if (!path) {
            failures.push(`no link matching ${String((stop as { link: RegExp }).link)}`)
            continue
          }
          const response = await page.goto(`${baseUrl}${path}`, { waitUntil: 'load' })
          for (const later of tour.stops) {
            if (typeof later !== 'string' && later.from === path && !links.has(later)) {
              links.set(later, await firstLink(page, later.link))
            }
          }
          const problems = [
            ...(response?.status() === 200 ? [] : [`answered ${response?.status()}`]),
            ...(await phoneProblems(page)),
            ...(await seriousViolations(page)),
          ]
          checked.push(`${tour.who} ${locale} ${path}`)
          if (problems.length > 0) {
            failures.push(`${path}\n  ${problems.join('\n  ')}`)
            await saveFailure(
              page,
              `phone-${tour.who.replace(/ /g, '-')}${path.replace(/\W+/g, '-')}`,
              locale,
            )
          }
        }
        expect(failures, `${tour.who} in ${locale} at 390 × 844`).toEqual([])
      } finally {
        await context.close()
      }
    },
    timeout,
  )
})
