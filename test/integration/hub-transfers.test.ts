import { sql } from 'drizzle-orm'
import { beforeEach, describe, expect, it } from 'vitest'
import { formatCode } from '../../src/returns/code'
import { createTestApp, type TestApp } from '../helpers/app'
import { Browser, gql, tokenFor } from '../helpers/http'
import { registerReturnFor } from '../helpers/returns'

const htmx = { 'hx-request': 'true' }

let t: TestApp
beforeEach(async () => {
  t = await createTestApp()
})

async function signedIn(email: string, locale = 'en') {
  const browser = new Browser(t)
  await browser.signIn(`${email}@nestwork.demo`)
  await browser.post('/locale', { locale, next: '/' })
  return browser
}

/** A return of merchant 1 bound for hub 1 (Shanghai), checked in at station 1. */
async function checkedIn() {
  const { id, code } = await registerReturnFor(t, 1)
  const res = await gql(
    t,
    `mutation { checkInParcel(code: "${code}", overrideReason: "顾客不便") { alreadyCheckedIn } }`,
    {},
    await tokenFor(t, 'station1@nestwork.demo'),
  )
  expect(res.errors).toBeUndefined()
  return { id, code }
}

async function createRun(browser: Browser, stationId: string) {
  await browser.get('/runs')
  const res = await browser.post('/runs', { stationId })
  expect(res.status).toBe(303)
  return res.headers.get('location')!.slice('/runs/'.length)
}

const TIMELINE = `query ($id: ID!) {
  return(id: $id) { status timeline { status transferFrom { id } transferTo { id } } }
}`

describe('a parcel unloaded at the wrong hub', () => {
  it('goes on the transfer lane there, travels on a transfer run, and its own hub receives it', async () => {
    const parcel = await checkedIn()
    const hub1 = await signedIn('hub1')
    const hub2 = await signedIn('hub2')
    // Hub 1's truck collects it, but it is unloaded at hub 2 and scanned into a run there.
    await createRun(hub1, 'sta_01')
    const wrongRun = await createRun(hub2, 'sta_01')
    const scan = await hub2.post(`/runs/${wrongRun}/receive`, { code: parcel.code }, htmx)
    expect(scan.status).toBe(200)
    expect(await scan.text()).toContain('belongs to Shanghai Hub. Put it in the transfer lane')

    // Hub 2's runs page lists it on the transfer lane for hub 1, with the button.
    const runsPage = await (await hub2.get('/runs')).text()
    const lanes = runsPage.split('id="transfers-title"')[1]!.split('id="runs-title"')[0]!
    expect(lanes).toContain('Shanghai Hub')
    expect(lanes).toMatch(/<td class="num"[^>]*>1<\/td>/)
    expect(lanes).toContain('name="toHubId" value="hub_1"')

    // The merchant's timeline says where it is and where it goes.
    const merchant = await tokenFor(t, 'merchant1@nestwork.demo')
    const waiting = (await gql(t, TIMELINE, { id: parcel.id }, merchant)).data!.return
    expect(waiting.status).toBe('IN_TRANSIT')
    expect(waiting.timeline.at(-1)).toEqual({
      status: 'IN_TRANSIT',
      transferFrom: { id: 'hub_2' },
      transferTo: { id: 'hub_1' },
    })
    const merchantPage = await signedIn('merchant1')
    const detail = await (await merchantPage.get(`/returns/${parcel.id}`)).text()
    expect(detail).toContain('At Hangzhou Hub, transferring to Shanghai Hub')

    // Hub 2 sends it on; a second transfer run has nothing to take.
    const sent = await hub2.post('/runs/transfers', { fromHubId: 'hub_2', toHubId: 'hub_1' })
    expect(sent.status).toBe(303)
    expect(sent.headers.get('location')).toBe('/runs?hub=hub_2')
    const again = await gql(
      t,
      'mutation { createTransferRun(fromHubId: "hub_2", toHubId: "hub_1") { id } }',
      {},
      await tokenFor(t, 'hub2@nestwork.demo'),
    )
    expect(again.errors![0]!.extensions).toMatchObject({
      code: 'CONFLICT',
      reason: 'NOTHING_TO_TRANSFER',
    })
    const [transfer] = await t.db.all<{ id: string; hub_id: string }>(
      sql`select id, hub_id from pickup_runs where from_hub_id = 'hub_2'`,
    )
    expect(transfer!.hub_id).toBe('hub_1')

    // Hub 1 sees the transfer run among its runs and receives it like a pickup run.
    const hub1Runs = await (await hub1.get('/runs')).text()
    expect(hub1Runs).toContain(`href="/runs/${transfer!.id}">Transfer from Hangzhou Hub`)
    const runPage = await (await hub1.get(`/runs/${transfer!.id}`)).text()
    expect(runPage).toContain('Transfer run from Hangzhou Hub')
    expect(runPage).toContain(formatCode(parcel.code))
    const received = await hub1.post(`/runs/${transfer!.id}/receive`, { code: parcel.code }, htmx)
    expect(received.status).toBe(200)
    const answer = await received.text()
    expect(answer).toContain(`✓ Received ${formatCode(parcel.code)}`)
    expect(answer).toContain('lane-callout--merchant')

    const arrived = (await gql(t, TIMELINE, { id: parcel.id }, merchant)).data!.return
    expect(arrived.status).toBe('AT_HUB')
    const receipts = await t.db.all<{ run_id: string; expected: number }>(
      sql`select run_id, expected from run_receipts where return_id = ${parcel.id}`,
    )
    expect(receipts).toEqual([{ run_id: transfer!.id, expected: 1 }])
    // Hub 2's transfer lane is empty again.
    expect(await (await hub2.get('/runs')).text()).toContain(
      'No parcel is waiting on a transfer lane.',
    )
  })

  it("lets only the sending hub's operator (or a coordinator) empty its transfer lane", async () => {
    const res = await gql(
      t,
      'mutation { createTransferRun(fromHubId: "hub_2", toHubId: "hub_1") { id } }',
      {},
      await tokenFor(t, 'hub1@nestwork.demo'),
    )
    expect(res.errors![0]!.extensions!.code).toBe('FORBIDDEN')
    const self = await gql(
      t,
      'mutation { createTransferRun(fromHubId: "hub_1", toHubId: "hub_1") { id } }',
      {},
      await tokenFor(t, 'hub1@nestwork.demo'),
    )
    expect(self.errors![0]!.extensions!.code).toBe('BAD_USER_INPUT')
  })

  it('is refused by the database unless it is bound for the hub it is transferred to', async () => {
    const parcel = await checkedIn()
    const [user] = await t.db.all<{ id: string }>(
      sql`select id from users where email = 'hub2@nestwork.demo'`,
    )
    const insert = (from: string, to: string) =>
      t.client.execute({
        sql: `insert into hub_transfers (return_id, from_hub_id, to_hub_id, scanned_by, at)
          values (?, ?, ?, ?, '2026-11-25T02:00:00.000Z')`,
        args: [parcel.id, from, to, user!.id],
      })
    await expect(insert('hub_2', 'hub_3')).rejects.toThrow(/NOT_MISROUTED/)
    await expect(insert('hub_3', 'hub_1')).rejects.toThrow(/NOT_MISROUTED/)
    await expect(insert('hub_1', 'hub_1')).rejects.toThrow(/NOT_MISROUTED/)
  })
})
