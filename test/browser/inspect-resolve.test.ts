// Closing the loop in headless Chromium against the real server: a return is set up through
// GraphQL (merchant registers it, the station checks it in, the hub collects and receives it),
// then the hub operator inspects it on /inspect — the checklist answered with the big buttons,
// the grades narrowed by htmx as the answers come in, DAMAGED chosen — the merchant answers
// and resolves it with a refund on /desk, where every action swaps its item in place and the
// countdowns tick in the page without a reload, and finally an anonymous customer sees it
// resolved on /track. The server runs on the real clock. It runs in English and in Chinese
// (copy and countdowns from the catalogues), with axe-core on each main page.
import type { BrowserContext, Page } from 'playwright-core'
import { describe, expect, test } from 'vitest'
import { addDays, localDate } from '../../src/calendar/local-date'
import type { MessageKey, Translate } from '../../src/i18n'
import { formatFen } from '../../src/money'
import { browserTestsEnabled } from './chromium'
import {
  expectAccessible,
  isPost,
  journeyLocales,
  messagesFor,
  saveFailure,
  saveScreenshot,
  signIn as signInAs,
} from './people'
import { useChromiumAndServer } from './suite'

const timeout = 180_000

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')

/**
 * A countdown as the page writes it (`due in 1 h 5x min`, `还剩 23 小时`…): `times` are the
 * durations allowed, each a list of [unit, number pattern].
 */
function clock(
  t: Translate,
  key: 'inspection.clock.dueIn' | 'inspection.clock.overdueBy',
  times: [unit: 'days' | 'hours' | 'minutes', n: string][][],
  wholeText = true,
): RegExp {
  const durations = times.map((parts) =>
    parts
      .map(([unit, n]) =>
        escape(t(`inspection.clock.${unit}` as MessageKey, { n: '\u0001' })).replace('\u0001', n),
      )
      .join(' '),
  )
  const [before, after] = t(key, { time: '\u0000' }).split('\u0000') as [string, string]
  return new RegExp(
    `^${escape(before)}(${durations.join('|')})${wholeText ? `${escape(after)}$` : ''}`,
  )
}

/** Posts a GraphQL operation to the running server; throws on errors. */
async function graphql<T = any>(
  baseUrl: string,
  query: string,
  variables: Record<string, unknown> = {},
  token?: string,
): Promise<T> {
  const res = await fetch(`${baseUrl}/graphql`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      ...(token ? { authorization: `Bearer ${token}` } : {}),
    },
    body: JSON.stringify({ query, variables }),
  })
  const body = (await res.json()) as { data?: T; errors?: unknown[] }
  if (!body.data || body.errors) throw new Error(`GraphQL failed: ${JSON.stringify(body.errors)}`)
  return body.data
}

async function login(baseUrl: string, email: string): Promise<string> {
  const data = await graphql<{ login: { token: string } }>(
    baseUrl,
    'mutation ($e: String!, $p: String!) { login(email: $e, password: $p) { token } }',
    { e: email, p: 'nestwork-demo' },
  )
  return data.login.token
}

/** A FOOD return registered by merchant1, checked in at sta_01 and received at hub_1. */
async function returnAtHub(baseUrl: string): Promise<{ id: string; code: string }> {
  const merchant = await login(baseUrl, 'merchant1@nestwork.demo')
  const { registerReturn } = await graphql<{ registerReturn: { id: string; code: string } }>(
    baseUrl,
    'mutation ($input: RegisterReturnInput!) { registerReturn(input: $input) { id code } }',
    {
      input: {
        orderRef: 'TB-20261125-8841',
        category: 'FOOD',
        itemDescription: '婴儿配方奶粉 3 段 800g',
        orderValueFen: 25_800,
        reason: '罐体运输中凹陷',
        hubId: 'hub_1',
      },
    },
    merchant,
  )
  const station = await login(baseUrl, 'station1@nestwork.demo')
  await graphql(
    baseUrl,
    'mutation ($code: String!) { checkInParcel(code: $code) { alreadyCheckedIn } }',
    { code: registerReturn.code },
    station,
  )
  const hub = await login(baseUrl, 'hub1@nestwork.demo')
  const run = await graphql<{ createPickupRun: { id: string } }>(
    baseUrl,
    'mutation { createPickupRun(stationId: "sta_01") { id } }',
    {},
    hub,
  )
  const received = await graphql<{ receiveParcel: { return: { status: string } } }>(
    baseUrl,
    'mutation ($run: ID!, $code: String!) { receiveParcel(runId: $run, code: $code) { return { status } } }',
    { run: run.createPickupRun.id, code: registerReturn.code },
    hub,
  )
  expect(received.receiveParcel.return.status).toBe('AT_HUB')
  return registerReturn
}

const formatted = (code: string) => code.match(/.{4}/g)!.join('-')

describe.skipIf(!browserTestsEnabled).each(journeyLocales)(
  'inspect and resolve journey in %s (Chromium)',
  (locale) => {
    const running = useChromiumAndServer()
    const t = messagesFor(locale)

    test(
      'a hub operator inspects a parcel, the merchant refunds it, the customer sees it resolved',
      async () => {
        const baseUrl = running.server.baseUrl
        const parcel = await returnAtHub(baseUrl)
        const offsite: string[] = []
        const pageErrors: string[] = []
        const consoleErrors: string[] = []
        const contexts: BrowserContext[] = []

        async function newPage(): Promise<Page> {
          const context = await running.browser.newContext({
            locale,
            viewport: { width: 1280, height: 900 },
          })
          contexts.push(context)
          context.setDefaultTimeout(15_000)
          context.setDefaultNavigationTimeout(15_000)
          await context.route('**/*', (route) => {
            const { hostname } = new URL(route.request().url())
            if (hostname === '127.0.0.1' || hostname === 'localhost') return route.continue()
            offsite.push(route.request().url())
            return route.abort('blockedbyclient')
          })
          const page = await context.newPage()
          page.on('pageerror', (error) => pageErrors.push(String(error)))
          page.on('console', (message) => {
            if (message.type() === 'error') consoleErrors.push(message.text())
          })
          return page
        }

        const signIn = (page: Page, email: string) => signInAs(page, baseUrl, email, locale)

        let current: Page | undefined
        let journey = 'hub-inspect'
        try {
          // ---- The hub operator: queue → parcel → checklist → grade ----
          const hub = (current = await newPage())
          await signIn(hub, 'hub1@nestwork.demo')
          await hub.getByRole('link', { name: t('inspection.home.inspect') }).click()
          await hub.waitForURL(`${baseUrl}/inspect`, { waitUntil: 'load' })
          const row = hub.locator('table.queue tbody tr', { hasText: formatted(parcel.code) })
          await row.waitFor()
          expect(await row.locator('.clock__left').textContent()).toMatch(
            clock(t, 'inspection.clock.dueIn', [[['hours', '23']], [['days', '1']]], false),
          )
          await expectAccessible(hub, '/inspect')

          // Typing the code (as a scanner would) opens the parcel's screen.
          await hub.getByLabel(t('inspection.queue.scan.label')).fill(parcel.code.toLowerCase())
          await hub
            .getByRole('button', { name: t('inspection.queue.scan.submit'), exact: true })
            .click()
          await hub.waitForURL(`${baseUrl}/inspect/${parcel.id}`, { waitUntil: 'load' })
          await hub.waitForFunction(() => 'htmx' in window)
          expect(await hub.getByRole('heading', { level: 1 }).textContent()).toContain(
            formatted(parcel.code),
          )
          expect(await hub.locator('#grades-fit').textContent()).toContain(
            t('inspection.sheet.answerFirst'),
          )
          await expectAccessible(hub, 'the inspection sheet')

          const seal = hub.getByRole('group', { name: t('inspection.item.sealIntact') })
          const storage = hub.getByRole('group', { name: t('inspection.item.storageDamage') })
          const [graded] = await Promise.all([
            hub.waitForResponse((r) => isPost(r, `/inspect/${parcel.id}/grades`)),
            seal.getByText(t('inspection.no'), { exact: true }).click(),
          ])
          expect(graded.status()).toBe(200)
          expect(await seal.getByRole('radio', { name: t('inspection.no') }).isChecked()).toBe(true)
          // Each answer posts the form; wait for the date's answer before the next one, so that
          // the last response swapped in is the one with every answer.
          await Promise.all([
            hub.waitForResponse((r) => isPost(r, `/inspect/${parcel.id}/grades`)),
            hub
              .getByLabel(t('inspection.item.expiryDate'))
              .fill(addDays(localDate(new Date()), 365)),
          ])
          await Promise.all([
            hub.waitForResponse((r) => isPost(r, `/inspect/${parcel.id}/grades`)),
            storage.getByText(t('inspection.no'), { exact: true }).click(),
          ])
          // The answers are complete: the broken seal rules "resellable" out, in words.
          await hub.locator('#grades-fit', { hasText: t('inspection.reason.sealBroken') }).waitFor()
          const grades = hub.getByRole('group', { name: t('inspection.sheet.grade'), exact: true })
          expect(
            await grades
              .getByRole('radio', { name: t('inspection.grade.RESELLABLE') })
              .isDisabled(),
          ).toBe(true)
          expect(
            await grades.getByRole('radio', { name: t('inspection.grade.DAMAGED') }).isDisabled(),
          ).toBe(false)
          await grades.getByText(t('inspection.grade.DAMAGED'), { exact: true }).click()
          expect(
            await grades.getByRole('radio', { name: t('inspection.grade.DAMAGED') }).isChecked(),
          ).toBe(true)
          await hub.getByLabel(t('inspection.sheet.notes')).fill('罐体凹陷，封口膜破裂')
          await expectAccessible(hub, 'the answered inspection sheet')

          const [inspected] = await Promise.all([
            hub.waitForResponse((r) => isPost(r, `/inspect/${parcel.id}`)),
            hub.getByRole('button', { name: t('inspection.sheet.submit') }).click(),
          ])
          expect(inspected.status()).toBe(303)
          await hub.waitForURL(/\/inspect\?inspected=/, { waitUntil: 'load' })
          expect(await hub.getByRole('status').first().textContent()).toContain(
            t('inspection.queue.done', {
              code: formatted(parcel.code),
              grade: t('inspection.grade.DAMAGED'),
            }),
          )
          await expectAccessible(hub, '/inspect after an inspection')
          await saveScreenshot(hub, 'hub-inspect', locale)

          // ---- The merchant: the desk, first response, refund ----
          journey = 'merchant-desk'
          const desk = (current = await newPage())
          await desk.context().clock.install({ time: new Date() })
          await signIn(desk, 'merchant1@nestwork.demo')
          await desk.getByRole('link', { name: t('inspection.home.desk') }).click()
          await desk.waitForURL(`${baseUrl}/desk`, { waitUntil: 'load' })
          await desk.waitForFunction(() => 'htmx' in window)
          const item = desk.locator(`#desk-${parcel.id}`)
          await item.waitFor()
          const firstResponse = item.locator('.clock', {
            hasText: t('inspection.clock.firstResponse'),
          })
          expect(await firstResponse.locator('.clock__left').textContent()).toMatch(
            clock(t, 'inspection.clock.dueIn', [
              [
                ['hours', '1'],
                ['minutes', '5\\d'],
              ],
              [['hours', '2']],
            ]),
          )
          expect(
            await item.locator('.clock', { hasText: t('inspection.clock.resolution') }).count(),
          ).toBe(1)
          expect(
            await item
              .getByRole('button', { name: t('inspection.resolution.RESTOCK') })
              .isDisabled(),
          ).toBe(true)
          expect(await item.textContent()).toContain(
            t('inspection.desk.resolve.onlyResellable', { grade: t('inspection.grade.DAMAGED') }),
          )
          await expectAccessible(desk, '/desk')

          // The countdown runs in the page: two hours later it is overdue, without a reload.
          await desk.evaluate(
            () => ((window as unknown as { marker: string }).marker = 'same page'),
          )
          await desk.clock.fastForward('02:01:00')
          await firstResponse.locator('.clock__flag').waitFor()
          expect(await firstResponse.locator('.clock__left').textContent()).toMatch(
            clock(t, 'inspection.clock.overdueBy', [[['minutes', '\\d+']]]),
          )
          expect(await item.getAttribute('class')).toContain('is-overdue')
          expect(await desk.locator('[data-overdue-summary]').textContent()).toBe(
            t('inspection.desk.overdueCount', { n: 1 }),
          )

          const [responded] = await Promise.all([
            desk.waitForResponse((r) => isPost(r, `/desk/${parcel.id}/respond`)),
            item.getByRole('button', { name: t('inspection.desk.respond.submit') }).click(),
          ])
          expect(responded.status()).toBe(200)
          expect(responded.request().headers()['hx-request']).toBe('true')
          await item
            .getByRole('status')
            .filter({
              hasText: t('inspection.desk.respond.done', { code: formatted(parcel.code) }),
            })
            .waitFor()
          expect(
            await item.locator('.clock', { hasText: t('inspection.clock.firstResponse') }).count(),
          ).toBe(0)
          // Answered: nothing on the desk is late any more, and the summary says so at once.
          await desk
            .locator('[data-overdue-summary]', { hasText: t('inspection.desk.noneOverdue') })
            .waitFor()

          expect(await item.getByLabel(t('inspection.desk.resolve.amount')).inputValue()).toBe(
            '258.00',
          )
          await item.getByLabel(t('inspection.desk.resolve.amount')).fill('258.00')
          const [asked] = await Promise.all([
            desk.waitForResponse((r) => isPost(r, `/desk/${parcel.id}/resolve`)),
            item
              .getByRole('button', { name: t('inspection.resolution.REFUND'), exact: true })
              .click(),
          ])
          expect(asked.status()).toBe(200)
          // A resolution is final, so the refund is said back in yuan before it is recorded.
          await item.getByText(formatFen(25_800, locale)).first().waitFor()
          const confirmLabel = t('inspection.desk.resolve.confirm', {
            resolution: t('inspection.resolution.REFUND'),
          })
          const [resolved] = await Promise.all([
            desk.waitForResponse((r) => isPost(r, `/desk/${parcel.id}/resolve`)),
            item.getByRole('button', { name: confirmLabel }).click(),
          ])
          expect(resolved.status()).toBe(200)
          await item
            .getByRole('status')
            .filter({
              hasText: t('inspection.desk.resolve.refunded', {
                code: formatted(parcel.code),
                amount: formatFen(25_800, locale),
              }),
            })
            .waitFor()
          expect(
            await item.getByRole('button', { name: t('inspection.desk.close.submit') }).count(),
          ).toBe(1)
          expect(
            await desk.evaluate(() => (window as unknown as { marker?: string }).marker),
            'actions on the desk should swap the item in place, not load a page',
          ).toBe('same page')
          await expectAccessible(desk, '/desk after the refund')
          await saveScreenshot(desk, 'merchant-desk', locale)

          // ---- The customer: the tracking page, no sign-in ----
          journey = 'customer-resolved'
          const customer = (current = await newPage())
          await customer.goto(`${baseUrl}/track?code=${parcel.code}`)
          const status = customer.locator('.track-result__status .status')
          await status.waitFor()
          expect(await status.getAttribute('class')).toContain('status--resolved')
          expect(await status.textContent()).toContain(t('returns.status.RESOLVED'))
          await expectAccessible(customer, 'a resolved return on /track')

          expect(pageErrors).toEqual([])
          expect(consoleErrors).toEqual([])
          expect(offsite).toEqual([])
        } catch (error) {
          if (current) await saveFailure(current, journey, locale)
          throw error
        } finally {
          for (const context of contexts) await context.close()
        }
      },
      timeout,
    )
  },
)
