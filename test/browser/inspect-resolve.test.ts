// Closing the loop in headless Chromium against the real server: a return is set up through
// GraphQL (merchant registers it, the station checks it in, the hub collects and receives it),
// then the hub operator inspects it on /inspect — the checklist answered with the big buttons,
// the grades narrowed by htmx as the answers come in, DAMAGED chosen — the merchant answers
// and resolves it with a refund on /desk, where every action swaps its item in place and the
// countdowns tick in the page without a reload, and finally an anonymous customer sees it
// resolved on /track. The server runs on the real clock.
import { mkdir } from 'node:fs/promises'
import { join } from 'node:path'
import type { BrowserContext, Page, Response } from 'playwright-core'
import { describe, expect, test } from 'vitest'
import { addDays, localDate } from '../../src/calendar/local-date'
import { browserTestsEnabled } from './chromium'
import { projectRoot } from './server'
import { useChromiumAndServer } from './suite'

const timeout = 120_000
const resultsDir = join(projectRoot, 'test-results')
const shot = (name: string) => join(resultsDir, `${name}.png`)

function isPost(response: Response, path: string | RegExp): boolean {
  if (response.request().method() !== 'POST') return false
  const pathname = new URL(response.url()).pathname
  return typeof path === 'string' ? pathname === path : path.test(pathname)
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

describe.skipIf(!browserTestsEnabled)('inspect and resolve journey (Chromium)', () => {
  const running = useChromiumAndServer()

  test(
    'a hub operator inspects a parcel, the merchant refunds it, the customer sees it resolved',
    async () => {
      const baseUrl = running.server.baseUrl
      await mkdir(resultsDir, { recursive: true })
      const parcel = await returnAtHub(baseUrl)
      const offsite: string[] = []
      const pageErrors: string[] = []
      const consoleErrors: string[] = []
      const contexts: BrowserContext[] = []

      async function newPage(): Promise<Page> {
        const context = await running.browser.newContext({
          locale: 'zh-CN',
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

      async function signIn(page: Page, email: string) {
        await page.goto(`${baseUrl}/login`)
        await page.getByLabel('邮箱').fill(email)
        await page.getByLabel('密码').fill('nestwork-demo')
        const [res] = await Promise.all([
          page.waitForResponse((r) => isPost(r, '/login')),
          page.getByRole('button', { name: '登录', exact: true }).click(),
        ])
        expect(res.status()).toBe(303)
        await page.waitForURL(`${baseUrl}/`, { waitUntil: 'load' })
      }

      let current: Page | undefined
      try {
        // ---- The hub operator: queue → parcel → checklist → grade ----
        const hub = (current = await newPage())
        await signIn(hub, 'hub1@nestwork.demo')
        await hub.getByRole('link', { name: '对到达售后中心的包裹进行检验' }).click()
        await hub.waitForURL(`${baseUrl}/inspect`, { waitUntil: 'load' })
        const row = hub.locator('table.queue tbody tr', { hasText: formatted(parcel.code) })
        await row.waitFor()
        expect(await row.locator('.clock__left').textContent()).toMatch(/^还剩 (23 小时|1 天)/)
        await hub.screenshot({ path: shot('inspect-queue'), fullPage: true })

        // Typing the code (as a scanner would) opens the parcel's screen.
        await hub.getByLabel('退货码').fill(parcel.code.toLowerCase())
        await hub.getByRole('button', { name: '打开', exact: true }).click()
        await hub.waitForURL(`${baseUrl}/inspect/${parcel.id}`, { waitUntil: 'load' })
        await hub.waitForFunction(() => 'htmx' in window)
        expect(await hub.getByRole('heading', { level: 1 }).textContent()).toContain(
          formatted(parcel.code),
        )
        expect(await hub.locator('#grades-fit').textContent()).toContain('回答检查清单后')

        const seal = hub.getByRole('group', { name: '封口是否完好？' })
        const storage = hub.getByRole('group', { name: /是否有储存损坏/ })
        const [graded] = await Promise.all([
          hub.waitForResponse((r) => isPost(r, `/inspect/${parcel.id}/grades`)),
          seal.getByText('否', { exact: true }).click(),
        ])
        expect(graded.status()).toBe(200)
        expect(await seal.getByRole('radio', { name: '否' }).isChecked()).toBe(true)
        await hub.getByLabel(/保质期至/).fill(addDays(localDate(new Date()), 365))
        await Promise.all([
          hub.waitForResponse((r) => isPost(r, `/inspect/${parcel.id}/grades`)),
          storage.getByText('否', { exact: true }).click(),
        ])
        // The answers are complete: the broken seal rules "resellable" out, in words.
        await hub.locator('#grades-fit', { hasText: '封口已破损' }).waitFor()
        const grades = hub.getByRole('group', { name: '评级' })
        expect(await grades.getByRole('radio', { name: /可二次销售/ }).isDisabled()).toBe(true)
        expect(await grades.getByRole('radio', { name: /破损/ }).isDisabled()).toBe(false)
        await grades.getByText('破损', { exact: true }).click()
        expect(await grades.getByRole('radio', { name: /破损/ }).isChecked()).toBe(true)
        await hub.getByLabel('备注（选填）').fill('罐体凹陷，封口膜破裂')
        await hub.screenshot({ path: shot('inspect-sheet'), fullPage: true })

        const [inspected] = await Promise.all([
          hub.waitForResponse((r) => isPost(r, `/inspect/${parcel.id}`)),
          hub.getByRole('button', { name: '提交检验结果' }).click(),
        ])
        expect(inspected.status()).toBe(303)
        await hub.waitForURL(/\/inspect\?inspected=/, { waitUntil: 'load' })
        expect(await hub.getByRole('status').first().textContent()).toContain(
          `已检验 ${formatted(parcel.code)}：破损。`,
        )

        // ---- The merchant: the desk, first response, refund ----
        const desk = (current = await newPage())
        await desk.context().clock.install({ time: new Date() })
        await signIn(desk, 'merchant1@nestwork.demo')
        await desk.getByRole('link', { name: '售后工作台：等待您回复或决定的退货' }).click()
        await desk.waitForURL(`${baseUrl}/desk`, { waitUntil: 'load' })
        await desk.waitForFunction(() => 'htmx' in window)
        const item = desk.locator(`#desk-${parcel.id}`)
        await item.waitFor()
        const firstResponse = item.locator('.clock', { hasText: '首次回复' })
        expect(await firstResponse.locator('.clock__left').textContent()).toMatch(
          /^还剩 1 小时 5\d 分钟$|^还剩 2 小时$/,
        )
        expect(await item.locator('.clock', { hasText: '处理时限' }).count()).toBe(1)
        expect(await item.getByRole('button', { name: '重新入库' }).isDisabled()).toBe(true)
        expect(await item.textContent()).toContain('只有可二次销售的商品才能重新入库')
        await desk.screenshot({ path: shot('desk'), fullPage: true })

        // The countdown runs in the page: two hours later it is overdue, without a reload.
        await desk.evaluate(() => ((window as unknown as { marker: string }).marker = 'same page'))
        await desk.clock.fastForward('02:01:00')
        await firstResponse.locator('.clock__flag').waitFor()
        expect(await firstResponse.locator('.clock__left').textContent()).toMatch(
          /^已超时 \d+ 分钟$/,
        )
        expect(await item.getAttribute('class')).toContain('is-overdue')
        expect(await desk.locator('[data-overdue-summary]').textContent()).toBe(
          '其中 1 件已超时，排在最前。',
        )
        await desk.screenshot({ path: shot('desk-overdue'), fullPage: true })

        const [responded] = await Promise.all([
          desk.waitForResponse((r) => isPost(r, `/desk/${parcel.id}/respond`)),
          item.getByRole('button', { name: '发送首次回复' }).click(),
        ])
        expect(responded.status()).toBe(200)
        expect(responded.request().headers()['hx-request']).toBe('true')
        await item.getByRole('status').filter({ hasText: '已回复' }).waitFor()
        expect(await item.locator('.clock', { hasText: '首次回复' }).count()).toBe(0)
        // Answered: nothing on the desk is late any more, and the summary says so at once.
        await desk.locator('[data-overdue-summary]', { hasText: '目前没有超时的退货。' }).waitFor()

        expect(await item.getByLabel('退款金额（元）').inputValue()).toBe('258.00')
        await item.getByLabel('退款金额（元）').fill('258.00')
        const [resolved] = await Promise.all([
          desk.waitForResponse((r) => isPost(r, `/desk/${parcel.id}/resolve`)),
          item.getByRole('button', { name: '退款', exact: true }).click(),
        ])
        expect(resolved.status()).toBe(200)
        await item.getByRole('status').filter({ hasText: '退款 ¥258.00' }).waitFor()
        expect(await item.getByRole('button', { name: '结案：已完成回访' }).count()).toBe(1)
        expect(
          await desk.evaluate(() => (window as unknown as { marker?: string }).marker),
          'actions on the desk should swap the item in place, not load a page',
        ).toBe('same page')
        await desk.screenshot({ path: shot('desk-resolved'), fullPage: true })

        // ---- The customer: the tracking page, no sign-in ----
        const customer = (current = await newPage())
        await customer.goto(`${baseUrl}/track?code=${parcel.code}`)
        const status = customer.locator('.track-result__status .status')
        await status.waitFor()
        expect(await status.getAttribute('class')).toContain('status--resolved')
        expect(await status.textContent()).toContain('已处理')

        expect(pageErrors).toEqual([])
        expect(consoleErrors).toEqual([])
        expect(offsite).toEqual([])
      } catch (error) {
        await current
          ?.screenshot({ path: shot('inspect-resolve-failure'), fullPage: true })
          .catch(() => undefined)
        throw error
      } finally {
        for (const context of contexts) await context.close()
      }
    },
    timeout,
  )
})
