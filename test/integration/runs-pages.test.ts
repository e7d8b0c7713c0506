import { beforeEach, describe, expect, it } from 'vitest'
import { demoStations } from '../../db/seed/demo-data'
import { formatCode } from '../../src/returns/code'
import { createTestApp, type TestApp } from '../helpers/app'
import { Browser, gql, tokenFor } from '../helpers/http'

const htmx = { 'hx-request': 'true' }
const REGISTER = `mutation ($input: RegisterReturnInput!) { registerReturn(input: $input) { code } }`
const CHECK_IN = `mutation ($code: String!) { checkInParcel(code: $code) { alreadyCheckedIn } }`

let t: TestApp
beforeEach(async () => {
  t = await createTestApp()
})

/** Signs in through the form and switches the account to English. */
async function signedIn(email: string, locale = 'en') {
  const browser = new Browser(t)
  await browser.signIn(`${email}@nestwork.demo`)
  await browser.post('/locale', { locale, next: '/' })
  return browser
}

/** Registers a return for `hubId` as merchant1 and checks it in at station `n`. */
async function parcelAt(n: number, hubId = 'hub_1'): Promise<string> {
  const merchant = await tokenFor(t, 'merchant1@nestwork.demo')
  const input = {
    orderRef: 'TB-1',
    category: 'FOOD',
    itemDescription: '奶粉 800g',
    orderValueFen: 25_800,
    reason: '包装破损',
    hubId,
  }
  const { data, errors } = await gql(t, REGISTER, { input }, merchant)
  if (!data) throw new Error(JSON.stringify(errors))
  const code: string = data.registerReturn.code
  await gql(t, CHECK_IN, { code }, await tokenFor(t, `station${n}@nestwork.demo`))
  return code
}

/** Creates a run for a station from the runs page, as the hub operator would. */
async function createRun(browser: Browser, stationId: string, fields: Record<string, string> = {}) {
  await browser.get('/runs')
  const res = await browser.post('/runs', { stationId, ...fields })
  expect(res.status).toBe(303)
  const location = res.headers.get('location')!
  expect(location).toMatch(/^\/runs\/run_/)
  return location.slice('/runs/'.length)
}

/** The part of a page inside the element with `id` up to its closing tag (no nesting). */
function section(html: string, id: string, tag = 'table'): string {
  const match = new RegExp(`<${tag}[^>]*id="${id}"[\\s\\S]*?</${tag}>`).exec(html)
  if (!match) throw new Error(`no #${id} in the page`)
  return match[0]
}

const count = (html: string, key: string) =>
  Number(new RegExp(`data-count="${key}">(\\d+)<`).exec(html)?.[1])

describe('the runs page', () => {
  it('lists the stations with parcels waiting for the hub, each with a create button', async () => {
    await parcelAt(1)
    await parcelAt(1)
    await parcelAt(2, 'hub_2')
    const hub = await signedIn('hub1')
    const res = await hub.get('/runs')
    expect(res.status).toBe(200)
    const html = await res.text()
    expect(html).toContain('Stations with parcels waiting for Shanghai Hub')
    const waiting = html.split('id="runs-title"')[0]!
    expect(waiting).toContain(demoStations[0]!.name)
    expect(waiting).not.toContain(demoStations[1]!.name)
    expect(waiting).toMatch(/<td class="num"[^>]*>2<\/td>/)
    expect(waiting).toContain('name="stationId" value="sta_01"')
    expect(html).toContain('No pickup runs yet.')
  })

  it('creates a run that takes every waiting parcel, and shows its manifest', async () => {
    const codes = [await parcelAt(1), await parcelAt(1)]
    const hub = await signedIn('hub1')
    const runId = await createRun(hub, 'sta_01')
    const html = await (await hub.get(`/runs/${runId}`)).text()
    const manifest = section(html, 'run-manifest')
    for (const code of codes) expect(manifest).toContain(formatCode(code))
    expect(manifest.match(/In transit/g)).toHaveLength(2)
    expect(manifest.match(/Not yet received/g)).toHaveLength(2)
    expect(count(html, 'expected')).toBe(2)
    expect(html).toContain('data-scan')
    expect(html).toContain('<script src="/static/scan.js" defer="">')
    const list = await (await hub.get('/runs')).text()
    expect(list).toContain('No station is holding parcels for this hub right now.')
    expect(list).toContain(`href="/runs/${runId}"`)
  })

  it('shows the pages in Chinese for a Chinese-speaking operator', async () => {
    await parcelAt(1)
    const hub = await signedIn('hub1', 'zh-CN')
    const runId = await createRun(hub, 'sta_01')
    const html = await (await hub.get(`/runs/${runId}`)).text()
    expect(html).toContain('扫码入库')
    expect(html).toContain('运输中')
    expect(html).toContain('尚未入库')
  })
})

describe('receiving by scan', () => {
  it('receives once, says so on a repeat, and flags a parcel that was not on the run', async () => {
    const [p1, p2] = [await parcelAt(1), await parcelAt(1)]
    const hub = await signedIn('hub1')
    const runId = await createRun(hub, 'sta_01')
    const late = await parcelAt(1) // handed in after the run was created

    const typed = formatCode(p1).toLowerCase()
    const first = await hub.post(`/runs/${runId}/receive`, { code: typed }, htmx)
    expect(first.status).toBe(200)
    const fragment = await first.text()
    expect(fragment).not.toContain('<html')
    expect(fragment).toMatch(/^<p class="scan-result scan-result--ok">/)
    expect(fragment).toContain(`✓ Received ${formatCode(p1)} (Food).`)
    // The form comes back empty and focused, and the counts and manifest are updated in place.
    expect(fragment).toMatch(/<form id="receive-form"[^>]*hx-swap-oob="true"/)
    expect(fragment).toMatch(/<input id="receive-code"[^>]*autofocus/)
    expect(fragment).toMatch(/<div id="run-state"[^>]*hx-swap-oob="true"/)
    expect(count(fragment, 'received')).toBe(1)
    expect(count(fragment, 'missing')).toBe(1)
    expect(section(fragment, 'run-manifest')).toMatch(
      new RegExp(`manifest__row--received" data-code="${p1}"`),
    )

    const again = await hub.post(`/runs/${runId}/receive`, { code: p1 }, htmx)
    expect(again.status).toBe(200)
    const repeat = await again.text()
    expect(repeat).toContain(`${formatCode(p1)} was already received. Nothing changed.`)
    expect(count(repeat, 'received')).toBe(1)

    const stray = await hub.post(`/runs/${runId}/receive`, { code: late }, htmx)
    expect(stray.status).toBe(200)
    const flagged = await stray.text()
    expect(flagged).toContain(`${formatCode(late)} was not on this run: received as unexpected`)
    expect(flagged).toContain('scan-result--warn')
    expect(count(flagged, 'unexpected')).toBe(1)
    expect(section(flagged, 'run-unexpected')).toContain(formatCode(late))
    expect(section(flagged, 'run-manifest')).not.toContain(formatCode(late))
    expect(section(flagged, 'run-manifest')).toContain(formatCode(p2))
  })

  it('puts a parcel bound for another hub on the transfer lane, says where it belongs and lists it as mis-routed', async () => {
    const parcel = await parcelAt(1) // bound for hub 1 (Shanghai)
    const hub2 = await signedIn('hub2')
    const runId = await createRun(hub2, 'sta_01')

    const res = await hub2.post(`/runs/${runId}/receive`, { code: parcel }, htmx)
    expect(res.status).toBe(200)
    const fragment = await res.text()
    expect(fragment).toMatch(/^<p class="scan-result scan-result--warn">/)
    expect(fragment).toContain(
      `Not received: ${formatCode(parcel)} (Food) belongs to Shanghai Hub. Put it in the transfer lane`,
    )
    expect(fragment).toContain('lane-callout--transfer')
    expect(count(fragment, 'received')).toBe(0)
    expect(section(fragment, 'run-misrouted')).toContain(formatCode(parcel))
    expect(section(fragment, 'run-misrouted')).toContain('Shanghai Hub')

    // Without JavaScript, and in Chinese: the same answer on the whole page.
    await hub2.post('/locale', { locale: 'zh-CN', next: '/' })
    const page = await hub2.post(`/runs/${runId}/receive`, { code: parcel })
    expect(page.status).toBe(200)
    const zh = await page.text()
    expect(zh).toContain(`未入库：${formatCode(parcel)}（`)
    expect(zh).toContain('属于上海售后中心。请您放入转运格口')
    expect(section(zh, 'run-misrouted')).toContain('上海售后中心')
    expect(zh).not.toContain('transfer lane')

    // Closing shows it on the reconciliation; hub 1 still receives it.
    expect((await hub2.post(`/runs/${runId}/close`, {})).status).toBe(303)
    await hub2.post('/locale', { locale: 'en', next: '/' })
    const closed = await (await hub2.get(`/runs/${runId}`)).text()
    expect(closed).toContain('Mis-routed: bound for another hub (1)')
    expect(section(closed, 'run-misrouted')).toContain(formatCode(parcel))

    const hub1 = await signedIn('hub1')
    const own = await createRun(hub1, 'sta_01')
    const received = await hub1.post(`/runs/${own}/receive`, { code: parcel }, htmx)
    expect(received.status).toBe(200)
    expect(await received.text()).toContain(`✓ Received ${formatCode(parcel)} (Food).`)
  })

  it('explains a code that is malformed, unknown or never checked in', async () => {
    await parcelAt(1)
    const hub = await signedIn('hub1')
    const runId = await createRun(hub, 'sta_01')

    const empty = await hub.post(`/runs/${runId}/receive`, { code: ' ' }, htmx)
    expect(empty.status).toBe(400)
    expect(await empty.text()).toContain('Type or scan a return code.')

    const malformed = await hub.post(`/runs/${runId}/receive`, { code: 'ABC' }, htmx)
    expect(malformed.status).toBe(400)
    expect(await malformed.text()).toContain('“ABC” is not a return code')

    const unknown = await hub.post(`/runs/${runId}/receive`, { code: 'ZZZZZZZZZZZZ' }, htmx)
    expect(unknown.status).toBe(404)
    const unknownHtml = await unknown.text()
    expect(unknownHtml).toContain('No return has the code ZZZZ-ZZZZ-ZZZZ.')
    expect(unknownHtml).toContain('scan-result--error')

    const merchant = await tokenFor(t, 'merchant1@nestwork.demo')
    const input = {
      orderRef: 'TB-2',
      category: 'TOYS',
      itemDescription: '积木',
      orderValueFen: 9_900,
      reason: '缺件',
      hubId: 'hub_1',
    }
    const registered = (await gql(t, REGISTER, { input }, merchant)).data!.registerReturn.code
    const never = await hub.post(`/runs/${runId}/receive`, { code: registered }, htmx)
    expect(never.status).toBe(409)
    expect(await never.text()).toContain('was never checked in at a station (it is “Registered”)')
  })

  it('works without JavaScript: the form post re-renders the page with the result', async () => {
    const code = await parcelAt(1)
    const hub = await signedIn('hub1')
    const runId = await createRun(hub, 'sta_01')
    const res = await hub.post(`/runs/${runId}/receive`, { code })
    expect(res.status).toBe(200)
    const html = await res.text()
    expect(html).toContain('<html')
    expect(html).toContain(`✓ Received ${formatCode(code)} (Food).`)
    expect(count(html, 'received')).toBe(1)
  })
})

describe('closing a run', () => {
  it('shows what is missing and what was unexpected, and refuses receiving afterwards', async () => {
    const [p1, p2] = [await parcelAt(1), await parcelAt(1)]
    const hub = await signedIn('hub1')
    const runId = await createRun(hub, 'sta_01')
    const late = await parcelAt(1)
    await hub.post(`/runs/${runId}/receive`, { code: p1 }, htmx)
    await hub.post(`/runs/${runId}/receive`, { code: late }, htmx)

    const open = await (await hub.get(`/runs/${runId}`)).text()
    expect(open).toContain(`action="/runs/${runId}/close"`)
    expect(open).toContain('Not yet received from the manifest: 1.')

    const closed = await hub.post(`/runs/${runId}/close`, {})
    expect(closed.status).toBe(303)
    expect(closed.headers.get('location')).toBe(`/runs/${runId}`)
    const html = await (await hub.get(`/runs/${runId}`)).text()
    expect(html).toContain('Reconciliation')
    expect(html).toContain('1 of 2 parcels on the run were received.')
    expect(html).toContain('Missing: on the run but not received (1)')
    const missing = section(html, 'run-missing')
    expect(missing).toContain(formatCode(p2))
    expect(missing).toContain('In transit')
    expect(missing).not.toContain(formatCode(p1))
    expect(html).toContain('Unexpected: received but not on the run (1)')
    expect(section(html, 'run-unexpected')).toContain(formatCode(late))
    expect(html).toContain('This run is closed: it accepts no more parcels.')
    expect(html).not.toContain('id="receive-code"')
    expect(html).not.toContain(`action="/runs/${runId}/close"`)

    const refused = await hub.post(`/runs/${runId}/receive`, { code: p2 }, htmx)
    expect(refused.status).toBe(409)
    const fragment = await refused.text()
    expect(fragment).not.toContain('<html')
    expect(fragment).toContain('Not received: this run is closed and accepts no more parcels.')
    expect(fragment).toMatch(/<p id="receive-form"[^>]*hx-swap-oob="true"/)
    const withoutJs = await hub.post(`/runs/${runId}/receive`, { code: p2 })
    expect(withoutJs.status).toBe(409)
    expect(await withoutJs.text()).toContain('Not received: this run is closed')

    const list = await (await hub.get('/runs')).text()
    expect(list).toContain('badge--run-closed')
    expect(list).toContain('1 unexpected')
  })

  it('says so when everything arrived and nothing unexpected came', async () => {
    const code = await parcelAt(1)
    const hub = await signedIn('hub1')
    const runId = await createRun(hub, 'sta_01')
    await hub.post(`/runs/${runId}/receive`, { code }, htmx)
    await hub.post(`/runs/${runId}/close`, {})
    const html = await (await hub.get(`/runs/${runId}`)).text()
    expect(html).toContain('Everything on the run arrived, and nothing unexpected came with it.')
    expect(html).toContain('Missing: on the run but not received (0)')
  })
})

describe('who may see and do what', () => {
  it.each(['merchant1', 'station1'])('refuses %s the runs pages with 403', async (who) => {
    const browser = await signedIn(who)
    expect((await browser.get('/runs')).status).toBe(403)
    expect((await browser.post('/runs', { stationId: 'sta_01' })).status).toBe(403)
  })

  it('sends a signed-out visitor to sign in', async () => {
    const res = await new Browser(t).get('/runs')
    expect(res.status).toBe(302)
    expect(res.headers.get('location')).toBe('/login?next=%2Fruns')
  })

  it('hides one hub’s runs from another hub’s operator', async () => {
    const code = await parcelAt(1)
    const runId = await createRun(await signedIn('hub1'), 'sta_01')
    const other = await signedIn('hub2')
    expect((await other.get(`/runs/${runId}`)).status).toBe(404)
    const receive = await other.post(`/runs/${runId}/receive`, { code }, htmx)
    expect(receive.status).toBe(404)
    expect((await other.post(`/runs/${runId}/close`, {})).status).toBe(404)
    const list = await (await other.get('/runs')).text()
    expect(list).not.toContain(runId)
    expect((await other.get('/runs/run_unknown')).status).toBe(404)
  })

  it('lets a coordinator see every hub, filter by hub and create a run for a hub', async () => {
    await parcelAt(1, 'hub_1')
    await parcelAt(1, 'hub_2')
    const coordinator = await signedIn('coordinator')
    const all = await (await coordinator.get('/runs')).text()
    expect(all).toContain('<select id="runs-hub" name="hub">')
    expect(all).toContain('name="hubId" value="hub_1"')
    expect(all).toContain('name="hubId" value="hub_2"')
    const one = await (await coordinator.get('/runs?hub=hub_2')).text()
    expect(one).toContain('Stations with parcels waiting for Hangzhou Hub')
    expect(one).not.toContain('name="hubId" value="hub_1"')

    const runId = await createRun(coordinator, 'sta_01', { hubId: 'hub_2' })
    const run = await (await coordinator.get(`/runs/${runId}`)).text()
    expect(run).toContain(`${demoStations[0]!.name} → Hangzhou Hub`)
    expect(count(run, 'expected')).toBe(1)
    const hub1 = await (await (await signedIn('hub1')).get('/runs')).text()
    expect(hub1).toContain('name="stationId" value="sta_01"')
    expect(hub1).not.toContain(runId)
  })
})
