// A hub operator receives a pickup run in headless Chromium against the real server: parcels are
// registered and checked in through GraphQL, then the operator signs in, creates a run for the
// station from /runs, scans codes into the receive field (answered by htmx in place, no page
// load), closes the run and reads the reconciliation: one parcel missing, one unexpected. It runs
// in English and in Chinese (copy from the catalogues), with axe-core on each main page; the
// inspection of a received parcel is the next part of the hub's day (inspect-resolve.test.ts).
import { describe, expect, test } from 'vitest'
import { demoStations } from '../../db/seed/demo-data'
import { formatCode } from '../../src/returns/code'
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
import { graphqlClient } from './graphql-client'
import { watchedPage } from './watched-page'
import { useChromiumAndServer } from './suite'

const timeout = 150_000

describe.skipIf(!browserTestsEnabled).each(journeyLocales)(
  'hub receiving journey in %s (Chromium)',
  (locale) => {
    const running = useChromiumAndServer()
    const t = messagesFor(locale)

    const { graphql, login } = graphqlClient(() => running.server.baseUrl)

    async function register(merchant: string, hubId = 'hub_1'): Promise<string> {
      const input = {
        orderRef: 'TB-2026-000777',
        category: 'FOOD',
        itemDescription: '飞鹤星飞帆 3段 奶粉 800g',
        orderValueFen: 25_800,
        reason: '包装破损',
        hubId,
      }
      const data = await graphql(
        'mutation ($input: RegisterReturnInput!) { registerReturn(input: $input) { code } }',
        { input },
        merchant,
      )
      return data.registerReturn.code
    }

    const checkIn = (code: string, station: string) =>
      graphql(
        'mutation ($code: String!) { checkInParcel(code: $code) { alreadyCheckedIn } }',
        { code },
        station,
      )

    test(
      'a hub operator creates a run, receives parcels by scan in place and reconciles on close',
      async () => {
        const baseUrl = running.server.baseUrl
        const merchant = await login('merchant1@nestwork.demo')
        const station = await login('station1@nestwork.demo')
        const [received, missing, late] = [
          await register(merchant),
          await register(merchant),
          await register(merchant),
        ]
        await checkIn(received, station)
        await checkIn(missing, station)

        const context = await running.browser.newContext({
          locale,
          viewport: { width: 1280, height: 900 },
        })
        context.setDefaultTimeout(15_000)
        context.setDefaultNavigationTimeout(15_000)
        const { page, pageErrors, consoleErrors, offsite } = await watchedPage(context)

        try {
          await signIn(page, baseUrl, 'hub1@nestwork.demo', locale)
          await expectAccessible(page, 'the hub home')

          // From the hub home to the runs page (the link in the page, not the navigation's).
          await page
            .locator('main')
            .getByRole('link', { name: t('runs.title') })
            .click()
          await page.waitForURL(`${baseUrl}/runs`, { waitUntil: 'load' })
          expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe(t('runs.title'))
          await expectAccessible(page, '/runs')
          const row = page.locator('table.waiting tbody tr', { hasText: demoStations[0]!.name })
          expect(await row.locator('td.num').textContent()).toBe('2')

          await Promise.all([
            page.waitForURL(/\/runs\/run_/, { waitUntil: 'load' }),
            row.getByRole('button', { name: t('runs.waiting.create') }).click(),
          ])
          const runPath = new URL(page.url()).pathname
          expect(await page.getByRole('heading', { level: 1 }).textContent()).toContain(
            demoStations[0]!.name,
          )
          // Handed in at the station after the run was created: not on its manifest.
          await checkIn(late, station)
          await page.waitForFunction(() => 'htmx' in window)
          await expectAccessible(page, 'an open run')
          await page.evaluate(
            () => ((window as unknown as { marker: string }).marker = 'same page'),
          )

          const field = page.locator('#receive-code')
          expect(await page.evaluate(() => document.activeElement?.id)).toBe('receive-code')
          const result = page.locator('#receive-result')

          // Typed as people do: lower case, with dashes, then Enter.
          await field.fill(formatCode(received).toLowerCase())
          const [first] = await Promise.all([
            page.waitForResponse((r) => isPost(r, /\/receive$/)),
            field.press('Enter'),
          ])
          expect(first.status()).toBe(200)
          expect(first.request().headers()['hx-request']).toBe('true')
          await result.locator('.scan-result--ok').waitFor()
          expect(await result.textContent()).toContain(
            t('runs.result.received', { code: formatCode(received), category: t('category.FOOD') }),
          )
          // The lane it goes to, big, with today's count in that lane.
          expect(await result.locator('.lane-callout__code').textContent()).toMatch(/^A\d+$/)
          expect(await result.locator('.lane-callout__count').textContent()).toBe(
            t('runs.lane.countToday', { count: 1 }),
          )
          await page.locator(`tr.manifest__row--received[data-code="${received}"]`).waitFor()
          expect(await page.locator('[data-count="received"]').textContent()).toBe('1')
          // The field is empty and focused for the next parcel.
          expect(await page.locator('#receive-code').inputValue()).toBe('')
          expect(await page.evaluate(() => document.activeElement?.id)).toBe('receive-code')

          await page.locator('#receive-code').fill(late)
          await Promise.all([
            page.waitForResponse((r) => isPost(r, /\/receive$/)),
            page.getByRole('button', { name: t('runs.receive.submit'), exact: true }).click(),
          ])
          await result.locator('.scan-result--warn').waitFor()
          expect(await result.textContent()).toContain(
            t('runs.result.unexpected', { code: formatCode(late), category: t('category.FOOD') }),
          )
          await page.locator('#run-unexpected').waitFor()
          expect(await page.locator('[data-count="unexpected"]').textContent()).toBe('1')

          expect(
            await page.evaluate(() => (window as unknown as { marker?: string }).marker),
            'receiving should be swapped in by htmx, not by a page load',
          ).toBe('same page')
          expect(new URL(page.url()).pathname).toBe(runPath)
          await expectAccessible(page, 'an open run after two scans')

          // Closing asks once more, then the page shows the reconciliation.
          await page.getByText(t('runs.close.open')).click()
          expect(await page.locator('.close-run').textContent()).toContain(
            t('runs.close.warning', { count: 1 }),
          )
          await Promise.all([
            page.waitForURL(`${baseUrl}${runPath}`, { waitUntil: 'load' }),
            page.getByRole('button', { name: t('runs.close.confirm') }).click(),
          ])
          const reconciliation = page.locator('section.reconciliation')
          await reconciliation.waitFor()
          expect(await reconciliation.textContent()).toContain(
            t('runs.reconciliation.missing', { count: 1 }),
          )
          expect(await page.locator('#run-missing').textContent()).toContain(formatCode(missing))
          expect(await page.locator('#run-unexpected').textContent()).toContain(formatCode(late))
          expect(await reconciliation.textContent()).toContain(t('runs.receive.closed'))
          expect(await page.locator('#receive-code').count()).toBe(0)

          await expectAccessible(page, 'a closed run')
          await saveScreenshot(page, 'hub-receiving', locale)
          expect(pageErrors).toEqual([])
          expect(consoleErrors).toEqual([])
          expect(offsite).toEqual([])
        } catch (error) {
          await saveFailure(page, 'hub-receiving', locale)
          throw error
        } finally {
          await context.close()
        }
      },
      timeout,
    )

    test(
      'on a phone, the console shows the lane big with a sound, and a parcel for another hub its transfer lane',
      async () => {
        const baseUrl = running.server.baseUrl
        const merchant = await login('merchant1@nestwork.demo')
        const station = await login('station1@nestwork.demo')
        const own = await register(merchant)
        const elsewhere = await register(merchant, 'hub_2')
        await checkIn(own, station)
        await checkIn(elsewhere, station)

        const context = await running.browser.newContext({
          locale,
          viewport: { width: 390, height: 844 },
          isMobile: true,
          hasTouch: true,
        })
        context.setDefaultTimeout(15_000)
        context.setDefaultNavigationTimeout(15_000)
        const { page, pageErrors, consoleErrors, offsite } = await watchedPage(context)
        try {
          await signIn(page, baseUrl, 'hub1@nestwork.demo', locale)
          await page.goto(`${baseUrl}/runs`, { waitUntil: 'load' })
          const row = page.locator('table.waiting tbody tr', { hasText: demoStations[0]!.name })
          await Promise.all([
            page.waitForURL(/\/runs\/run_/, { waitUntil: 'load' }),
            row.getByRole('button', { name: t('runs.waiting.create') }).click(),
          ])
          await page.waitForFunction(() => 'htmx' in window)
          const result = page.locator('#receive-result')
          const scan = async (code: string) => {
            await page.locator('#receive-code').fill(code)
            await Promise.all([
              page.waitForResponse((r) => isPost(r, /\/receive$/)),
              page.locator('#receive-code').press('Enter'),
            ])
          }

          await scan(own)
          const callout = result.locator('.lane-callout--merchant')
          await callout.waitFor()
          await page.waitForFunction(
            () => document.getElementById('receive-result')?.dataset.sound === 'merchant',
          )
          // Big enough to read at arm's length, white on a dark ground.
          const code = result.locator('.lane-callout__code')
          const style = await code.evaluate((el) => {
            const s = getComputedStyle(el)
            return { size: parseFloat(s.fontSize), color: s.color }
          })
          expect(style.size).toBeGreaterThanOrEqual(60)
          expect(style.color).toBe('rgb(255, 255, 255)')
          const box = (await code.boundingBox())!
          expect(box.x + box.width).toBeLessThanOrEqual(390)
          await expectAccessible(page, 'the lane on a phone')

          await scan(elsewhere)
          await result.locator('.lane-callout--transfer').waitFor()
          expect(await result.textContent()).toContain(t('runs.lane.kind.TRANSFER'))
          await page.waitForFunction(
            () => document.getElementById('receive-result')?.dataset.sound === 'transfer',
          )
          await expectAccessible(page, 'a transfer lane on a phone')
          await saveScreenshot(page, 'hub-receiving-phone', locale)
          expect(pageErrors).toEqual([])
          expect(consoleErrors).toEqual([])
          expect(offsite).toEqual([])
        } catch (error) {
          await saveFailure(page, 'hub-receiving-phone', locale)
          throw error
        } finally {
          await context.close()
        }
      },
      timeout,
    )
  },
)
