import { sql } from 'drizzle-orm'
import { beforeEach, describe, expect, it } from 'vitest'
import { createTestApp, type TestApp } from '../helpers/app'
import { Browser, gql, tokenFor } from '../helpers/http'
import { bringToHub, registerReturnFor } from '../helpers/returns'

// Irreversible or large money actions on pages take two posts: the first says what will happen
// and writes nothing, the second (the same fields plus the confirmation flag) writes.

const htmx = { 'hx-request': 'true' }

let t: TestApp
beforeEach(async () => {
  t = await createTestApp()
})

const count = async (table: string) =>
  (await t.db.all<{ n: number }>(sql.raw(`select count(*) as n from ${table}`)))[0]!.n

async function signedIn(email: string, locale?: string) {
  const browser = new Browser(t)
  await browser.signIn(email)
  if (locale) await browser.post('/locale', { locale, next: '/' })
  return browser
}

/** The hidden fields of the confirmation step, to post back as its button does. */
function confirmFields(html: string): Record<string, string> {
  const form = /<form id="[^"]*-confirm"[\s\S]*?<\/form>/.exec(html)
  if (!form) throw new Error('no confirmation step')
  const fields: Record<string, string> = {}
  for (const [, name, value] of form[0].matchAll(
    /<input type="hidden" name="([^"]+)" value="([^"]*)"/g,
  )) {
    if (name !== '_csrf') fields[name!] = value!
  }
  return fields
}

async function inspectedReturn() {
  const r = await registerReturnFor(t, 1)
  await bringToHub(t, r.code)
  await gql(
    t,
    `mutation ($input: InspectReturnInput!) { inspectReturn(input: $input) { status } }`,
    {
      input: {
        returnId: r.id,
        grade: 'DAMAGED',
        checklist: [
          { item: 'sealIntact', value: 'true' },
          { item: 'expiryDate', value: '2027-08-01' },
          { item: 'storageDamage', value: 'false' },
        ],
      },
    },
    await tokenFor(t, 'hub1@nestwork.demo'),
  )
  return r
}

describe('resolving a return', () => {
  it('shows the refund in yuan to confirm, writing nothing, then resolves when confirmed', async () => {
    const r = await inspectedReturn()
    const merchant = await signedIn('merchant1@nestwork.demo')
    await merchant.get('/desk')
    const asked = await merchant.post(`/desk/${r.id}/resolve`, {
      resolution: 'REFUND',
      refundYuan: '200',
    })
    expect(asked.status).toBe(200)
    const html = await asked.text()
    expect(html).toContain('退还顾客：')
    expect(html).toContain('¥200.00')
    expect(html).toContain('处理决定一经确认即为最终结果，无法修改或撤销。')
    expect(html).toContain(`href="/desk#desk-${r.id}"`)
    expect(await count('resolutions')).toBe(0)

    const fields = confirmFields(html)
    expect(fields).toEqual({ resolution: 'REFUND', refundYuan: '200.00', confirm: '1' })
    const done = await merchant.post(`/desk/${r.id}/resolve`, fields)
    expect(done.status).toBe(303)
    const [row] = await t.db.all<{ resolution: string; refund_fen: number }>(
      sql`select resolution, refund_fen from resolutions where return_id = ${r.id}`,
    )
    expect(row).toEqual({ resolution: 'REFUND', refund_fen: 20_000 })
  })

  it('confirms a disposal in the page’s language, swapping the item with htmx', async () => {
    const r = await inspectedReturn()
    const merchant = await signedIn('merchant1@nestwork.demo', 'en')
    await merchant.get('/desk')
    const asked = await merchant.post(`/desk/${r.id}/resolve`, { resolution: 'DISPOSE' }, htmx)
    expect(asked.status).toBe(200)
    const html = await asked.text()
    expect(html).toMatch(new RegExp(`^<li id="desk-${r.id}"`))
    expect(html).toContain('A resolution is final: once confirmed it cannot be changed or undone.')
    expect(html).toContain(`hx-target="#desk-${r.id}"`)
    expect(await count('resolutions')).toBe(0)

    const done = await merchant.post(`/desk/${r.id}/resolve`, confirmFields(html), htmx)
    expect(done.status).toBe(200)
    expect(await count('resolutions')).toBe(1)
  })

  it('says what is wrong before any confirmation: a 0.00 refund is refused outright', async () => {
    const r = await inspectedReturn()
    const merchant = await signedIn('merchant1@nestwork.demo')
    await merchant.get('/desk')
    const res = await merchant.post(`/desk/${r.id}/resolve`, {
      resolution: 'REFUND',
      refundYuan: '0.00',
    })
    expect(res.status).toBe(400)
    const html = await res.text()
    expect(html).toContain('退款金额必须大于 ¥0.00；如不退款，请选择其他处理方式。')
    expect(html).not.toContain('name="confirm"')
    expect(await count('resolutions')).toBe(0)
  })
})

describe('adjustments', () => {
  async function octoberClosed() {
    await gql(
      t,
      'mutation { closeSettlement(month: "2026-10", idempotencyKey: "close-2026-10") { id } }',
      {},
      await tokenFor(t, 'coordinator@nestwork.demo'),
    )
    const coordinator = await signedIn('coordinator@nestwork.demo')
    await coordinator.get('/settlement?month=2026-10')
    return coordinator
  }

  it('asks to confirm a -50,000-yuan credit, writing nothing until confirmed', async () => {
    const coordinator = await octoberClosed()
    const asked = await coordinator.post('/settlement/adjustments', {
      month: '2026-10',
      merchantId: 'mer_01',
      amount: '-50000',
      reason: '重复收费退回',
    })
    expect(asked.status).toBe(200)
    const html = await asked.text()
    expect(html).toContain('确认大额调整')
    expect(html).toContain('-¥50,000.00')
    expect(html).toContain('金额达到或超过 ¥10,000.00。')
    expect(await count('adjustments')).toBe(0)

    const fields = confirmFields(html)
    expect(fields).toMatchObject({ amount: '-50000.00', merchantId: 'mer_01', confirm: '1' })
    const done = await coordinator.post('/settlement/adjustments', fields)
    expect(done.status).toBe(303)
    const [row] = await t.db.all<{ amount_fen: number; reason: string }>(
      sql`select amount_fen, reason from adjustments`,
    )
    expect(row).toEqual({ amount_fen: -5_000_000, reason: '重复收费退回' })
  })

  it('confirms from exactly ¥10,000 either way, with htmx swapping the section', async () => {
    const coordinator = await octoberClosed()
    const asked = await coordinator.post(
      '/settlement/adjustments',
      { month: '2026-10', merchantId: 'mer_01', amount: '10000', reason: '漏计运费' },
      htmx,
    )
    expect(asked.status).toBe(200)
    const html = await asked.text()
    expect(html).toMatch(/^<section class="card" id="adjustments"/)
    expect(html).toContain('hx-target="#adjustments"')
    expect(await count('adjustments')).toBe(0)
    const done = await coordinator.post('/settlement/adjustments', confirmFields(html), htmx)
    expect(done.status).toBe(200)
    expect(await count('adjustments')).toBe(1)
  })

  it('records an adjustment below the threshold in one step', async () => {
    const coordinator = await octoberClosed()
    const res = await coordinator.post('/settlement/adjustments', {
      month: '2026-10',
      merchantId: 'mer_01',
      amount: '-9999.99',
      reason: '重复收费退回',
    })
    expect(res.status).toBe(303)
    expect(await count('adjustments')).toBe(1)
  })
})

// The payout run's confirmation is covered in insurance-pages.test.ts (figures not seen).
describe('the month close keeps its confirmation', () => {
  it('shows what a close would freeze before closing, writing nothing', async () => {
    const coordinator = await signedIn('coordinator@nestwork.demo')
    const confirm = await coordinator.get('/settlement/close?month=2026-10')
    const html = await confirm.text()
    expect(html).toContain('name="expectedTotalFen"')
    expect(await count('settlements')).toBe(0)
  })
})
