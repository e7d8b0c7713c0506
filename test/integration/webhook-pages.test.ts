import { sql } from 'drizzle-orm'
import { beforeEach, describe, expect, it } from 'vitest'
import { createTestApp, type TestApp } from '../helpers/app'
import { Browser, gql, tokenFor } from '../helpers/http'

let t: TestApp
beforeEach(async () => {
  t = await createTestApp()
})

async function signedIn(email: string, locale: 'en' | 'zh-CN' = 'en') {
  const browser = new Browser(t)
  await browser.signIn(email)
  await browser.speak(locale)
  await browser.get('/webhooks')
  return browser
}

/** Posts an endpoint form as a browser sends ticked checkboxes: one `events` pair each. */
function send(browser: Browser, path: string, fields: Record<string, string>, events: string[]) {
  const body = new URLSearchParams({ _csrf: browser.csrf!, ...fields })
  for (const e of events) body.append('events', e)
  return browser.postRaw(path, body.toString(), 'application/x-www-form-urlencoded')
}

const secretIn = (html: string) => /id="webhook-secret"[^>]*value="(whsec_[^"]+)"/.exec(html)?.[1]
const endpointIds = async () =>
  (await t.db.all<{ id: string }>(sql`select id from webhook_endpoints order by created_at`)).map(
    (r) => r.id,
  )
const deliveries = (endpointId: string) =>
  t.db.all<{ id: string; status: string; next_attempt_at: string; event_type: string }>(
    sql`select id, status, next_attempt_at, event_type from webhook_deliveries
        where endpoint_id = ${endpointId}`,
  )

describe('the webhooks page', () => {
  it('adds an endpoint (secret once), changes it, sends a test, sends again and deletes it', async () => {
    const browser = await signedIn('merchant1@nestwork.demo')
    const created = await send(
      browser,
      '/webhooks',
      { url: 'https://shop.example.com/hooks', description: 'Order system' },
      ['return.received', 'return.resolved'],
    )
    expect(created.status).toBe(201)
    expect(created.headers.get('location')).toBeNull()
    const html = await created.text()
    const secret = secretIn(html)!
    expect(secret).toMatch(/^whsec_/)
    expect(html).toContain('it is shown only this once')

    const list = await (await browser.get('/webhooks')).text()
    expect(list).toContain('<code translate="no">https://shop.example.com/hooks</code>')
    expect(list).toContain('<code translate="no">return.resolved</code>')
    expect(list).toContain('Order system')
    expect(list).toContain('badge--confirmed">On<')
    expect(list).not.toContain(secret)
    expect(list).toContain('<a href="/webhooks" aria-current="page">Webhooks</a>')
    const [id] = await endpointIds()

    const form = await (await browser.get(`/webhooks/${id}`)).text()
    expect(form).toContain('value="https://shop.example.com/hooks"')
    expect(form).toMatch(/value="return.received" checked/)
    expect(form).not.toContain(secret)
    const saved = await send(
      browser,
      `/webhooks/${id}`,
      { url: 'https://shop.example.com/v2', description: 'Orders v2', enabled: '1' },
      ['return.inspected'],
    )
    expect(saved.status).toBe(303)
    const after = await (await browser.get(saved.headers.get('location')!)).text()
    expect(after).toContain('Endpoint saved.')
    expect(after).toContain('https://shop.example.com/v2')
    expect(after).not.toContain('<li><code translate="no">return.resolved</code></li>')
    expect(after).toContain('<li><code translate="no">return.inspected</code></li>')

    expect(await (await browser.get(`/webhooks/${id}/deliveries`)).text()).toContain(
      'Nothing has been sent to this endpoint yet.',
    )
    const tested = await browser.post(`/webhooks/${id}/test`, {})
    expect(tested.status).toBe(303)
    const log = await (await browser.get(tested.headers.get('location')!)).text()
    expect(log).toContain('A test event is on its way')
    expect(log).toContain('<code translate="no">webhook.test</code>')
    expect(log).toContain('Waiting to send')
    const [delivery] = await deliveries(id!)
    expect(delivery!.event_type).toBe('webhook.test')

    // A delivery that failed comes back due now when sent again.
    await t.db.run(
      sql`update webhook_deliveries set status = 'FAILED', next_attempt_at = null,
          last_response_status = 500, last_latency_ms = 42, attempts = 3 where id = ${delivery!.id}`,
    )
    const failed = await (await browser.get(`/webhooks/${id}/deliveries`)).text()
    expect(failed).toContain('Failed')
    expect(failed).toContain('42 ms')
    expect(failed).toContain('<td>500</td>')
    const again = await browser.post(`/webhook-deliveries/${delivery!.id}/redeliver`, {})
    expect(again.status).toBe(303)
    expect(await (await browser.get(again.headers.get('location')!)).text()).toContain(
      'will be sent again shortly',
    )
    expect((await deliveries(id!))[0]!.status).toBe('PENDING')

    const asked = await browser.post(`/webhooks/${id}/delete`, {})
    expect(asked.status).toBe(200)
    const confirm = await asked.text()
    expect(confirm).toContain('Delete this endpoint?')
    expect(confirm).toContain('name="confirm" value="1"')
    expect(await endpointIds()).toEqual([id])
    await send(browser, '/webhooks', { url: 'https://shop.example.com/other' }, ['claim.paid'])
    const other = (await endpointIds()).find((e) => e !== id)!
    const viaHtmx = await browser.post(
      `/webhooks/${other}/delete`,
      { confirm: '1' },
      { 'hx-request': 'true' },
    )
    expect(viaHtmx.headers.get('hx-redirect')).toBe('/webhooks?deleted=1')
    const done = await browser.post(`/webhooks/${id}/delete`, { confirm: '1' })
    expect(done.status).toBe(303)
    expect(await (await browser.get(done.headers.get('location')!)).text()).toContain(
      'Endpoint deleted',
    )
    expect(await endpointIds()).toEqual([])
    expect(await deliveries(id!)).toEqual([])
  })

  it('refuses a private or plain-http address and a form without events, marking the field', async () => {
    const browser = await signedIn('merchant1@nestwork.demo')
    const loopback = await send(browser, '/webhooks', { url: 'https://127.0.0.1/hook' }, [
      'return.received',
    ])
    expect(loopback.status).toBe(400)
    const marked = await loopback.text()
    expect(marked).toContain('never to localhost or a private network')
    expect(marked).toContain('value="https://127.0.0.1/hook"')
    expect(marked).toMatch(/id="webhook-url"[^>]*aria-invalid="true"/)
    expect(marked).toMatch(/value="return.received" checked/)
    const notUrl = await send(browser, '/webhooks', { url: 'shop' }, ['return.received'])
    expect(notUrl.status).toBe(400)
    expect(await notUrl.text()).toContain('Give the full address')
    const noEvents = await send(browser, '/webhooks', { url: 'https://shop.example.com/h' }, [])
    expect(noEvents.status).toBe(400)
    expect(await noEvents.text()).toContain('Tick at least one event to send.')
    expect(await endpointIds()).toEqual([])

    await send(browser, '/webhooks', { url: 'https://shop.example.com/h' }, ['return.received'])
    const [id] = await endpointIds()
    const edit = await send(browser, `/webhooks/${id}`, { url: 'https://10.0.0.1/h' }, [
      'return.received',
    ])
    expect(edit.status).toBe(400)
    expect(await edit.text()).toContain('never to localhost or a private network')
    const [{ url }] = (await t.db.all<{ url: string }>(sql`select url from webhook_endpoints`)) as [
      { url: string },
    ]
    expect(url).toBe('https://shop.example.com/h')
  })

  it('switches an endpoint that was switched off back on', async () => {
    const browser = await signedIn('merchant1@nestwork.demo')
    await send(browser, '/webhooks', { url: 'https://shop.example.com/h' }, ['return.received'])
    const [id] = await endpointIds()
    await t.db.run(
      sql`update webhook_endpoints set enabled = 0, disabled_at = '2026-11-30T08:00:00.000Z'`,
    )
    const log = await (await browser.get(`/webhooks/${id}/deliveries`)).text()
    expect(log).toContain('Off since')
    expect(log).not.toContain('Send a test event')
    expect((await browser.post(`/webhooks/${id}/test`, {})).status).toBe(409)
    // Saved while off (the box left unticked): it stays off, since the time it was switched off.
    await send(browser, `/webhooks/${id}`, { url: 'https://shop.example.com/h' }, [
      'return.received',
    ])
    expect(await t.db.all(sql`select enabled, disabled_at from webhook_endpoints`)).toEqual([
      { enabled: 0, disabled_at: '2026-11-30T08:00:00.000Z' },
    ])
    await send(browser, `/webhooks/${id}`, { url: 'https://shop.example.com/h', enabled: '1' }, [
      'return.received',
    ])
    const [row] = await t.db.all<{ enabled: number; disabled_at: string | null }>(
      sql`select enabled, disabled_at from webhook_endpoints`,
    )
    expect(row).toEqual({ enabled: 1, disabled_at: null })
  })

  it('marks a change without events and keeps the endpoint as it was', async () => {
    const browser = await signedIn('merchant1@nestwork.demo')
    await send(browser, '/webhooks', { url: 'https://shop.example.com/h' }, ['return.received'])
    const [id] = await endpointIds()
    const res = await send(browser, `/webhooks/${id}`, { url: 'https://shop.example.com/x' }, [])
    expect(res.status).toBe(400)
    const html = await res.text()
    expect(html).toContain('Tick at least one event to send.')
    expect(html).toContain('value="https://shop.example.com/x"')
    const [{ url }] = (await t.db.all<{ url: string }>(sql`select url from webhook_endpoints`)) as [
      { url: string },
    ]
    expect(url).toBe('https://shop.example.com/h')
  })

  it('shows the delivery log a page at a time, and refuses a made-up cursor', async () => {
    const browser = await signedIn('merchant1@nestwork.demo')
    await send(browser, '/webhooks', { url: 'https://shop.example.com/h' }, ['return.received'])
    const [id] = await endpointIds()
    for (let i = 0; i < 21; i++) await browser.post(`/webhooks/${id}/test`, {})
    const rows = (html: string) => html.match(/<tr id="delivery-/g)?.length ?? 0
    const first = await (await browser.get(`/webhooks/${id}/deliveries`)).text()
    expect(rows(first)).toBe(20)
    const more = /href="(\/webhooks\/[^"]+\/deliveries\?after=[^"]+)"/.exec(first)![1]!
    const second = await (await browser.get(more.replace(/&amp;/g, '&'))).text()
    expect(rows(second)).toBe(1)
    expect(second).not.toContain('Older deliveries')
    expect((await browser.get(`/webhooks/${id}/deliveries?after=nonsense`)).status).toBe(400)
  })

  it('lists what GraphQL created, and GraphQL lists what the page created', async () => {
    const browser = await signedIn('merchant1@nestwork.demo')
    await send(browser, '/webhooks', { url: 'https://page.example.com/h' }, ['return.received'])
    const session = await tokenFor(t, 'merchant1@nestwork.demo')
    await gql(
      t,
      'mutation { createWebhookEndpoint(input: { url: "https://api.example.com/h", events: ["claim.paid"] }) { secret } }',
      {},
      session,
    )
    const listed = await gql(t, '{ webhookEndpoints { url } }', {}, session)
    expect(listed.data.webhookEndpoints.map((e: { url: string }) => e.url).sort()).toEqual([
      'https://api.example.com/h',
      'https://page.example.com/h',
    ])
    expect(await (await browser.get('/webhooks')).text()).toContain('https://api.example.com/h')
  })

  it('keeps each owner to its own endpoints: another merchant’s is not found', async () => {
    const a = await signedIn('merchant1@nestwork.demo')
    await send(a, '/webhooks', { url: 'https://one.example.com/h' }, ['return.received'])
    const [id] = await endpointIds()
    await a.post(`/webhooks/${id}/test`, {})
    const [delivery] = await deliveries(id!)
    for (const email of ['merchant2@nestwork.demo', 'coordinator@nestwork.demo']) {
      const other = await signedIn(email)
      expect(await (await other.get('/webhooks')).text()).not.toContain('one.example.com')
      expect((await other.get(`/webhooks/${id}`)).status).toBe(404)
      expect((await other.get(`/webhooks/${id}/deliveries`)).status).toBe(404)
      expect((await other.post(`/webhooks/${id}/test`, {})).status).toBe(404)
      expect((await other.post(`/webhooks/${id}/delete`, { confirm: '1' })).status).toBe(404)
      expect((await other.post(`/webhook-deliveries/${delivery!.id}/redeliver`, {})).status).toBe(
        404,
      )
      const edit = await send(other, `/webhooks/${id}`, { url: 'https://evil.example.com/h' }, [
        'return.received',
      ])
      expect(edit.status).toBe(404)
    }
    expect(await endpointIds()).toEqual([id])
    expect((await deliveries(id!)).length).toBe(1)
  })

  it('is in Chinese for a Chinese session, with only addresses and event types as code', async () => {
    const browser = await signedIn('coordinator@nestwork.demo', 'zh-CN')
    const res = await send(browser, '/webhooks', { url: 'https://ally.example.com/h' }, [
      'statement.ready',
    ])
    expect(res.status).toBe(201)
    const html = await res.text()
    expect(html).toContain('已添加回调地址')
    expect(html).toContain('密钥只显示这一次')
    expect(html).toContain('<a href="/webhooks" aria-current="page">回调通知</a>')
    expect(html).not.toContain('shown only this once')
    const [id] = await endpointIds()
    await browser.post(`/webhooks/${id}/test`, {})
    const pages = [
      html,
      await (await browser.get(`/webhooks/${id}`)).text(),
      await (await browser.get(`/webhooks/${id}/deliveries`)).text(),
      await (await browser.post(`/webhooks/${id}/delete`, {})).text(),
    ]
    for (const page of pages) {
      const main = /<main[\s\S]*<\/main>/.exec(page)![0]
      const words = main
        .replace(/<code translate="no">[^<]*<\/code>/g, '')
        .replace(/<[^>]*>/g, ' ')
        .match(/[A-Za-z]{2,}/g)
      expect(words, main.slice(0, 200)).toBeNull()
    }
    expect(pages[2]).toContain('等待发送')
    expect(pages[3]).toContain('删除此回调地址？')
  })

  it('is not for station or hub operators', async () => {
    for (const email of ['station1@nestwork.demo', 'hub1@nestwork.demo']) {
      const browser = await signedIn(email)
      expect((await browser.get('/webhooks')).status).toBe(403)
      const res = await send(browser, '/webhooks', { url: 'https://shop.example.com/h' }, [
        'return.received',
      ])
      expect(res.status).toBe(403)
    }
    expect(await endpointIds()).toEqual([])
  })
})
