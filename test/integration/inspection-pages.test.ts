import { sql } from 'drizzle-orm'
import { beforeEach, describe, expect, it } from 'vitest'
import { createTestApp, type TestApp } from '../helpers/app'
import { Browser, gql, tokenFor } from '../helpers/http'
import { bringToHub, registerReturnFor } from '../helpers/returns'

// The test clock stands at 2026-11-25T02:00Z (10:00 in Shanghai). Pages speak Chinese unless
// the user switched to English.
const htmx = { 'hx-request': 'true' }

let t: TestApp
beforeEach(async () => {
  t = await createTestApp()
})

const at = (iso: string) => t.setNow(new Date(iso))

async function signedIn(email: string) {
  const browser = new Browser(t)
  await browser.signIn(email)
  return browser
}

async function inEnglish(browser: Browser) {
  await browser.get('/')
  await browser.post('/locale', { locale: 'en', next: '/' })
  return browser
}

async function atHub(merchantN = 1, extra: Record<string, unknown> = {}) {
  const r = await registerReturnFor(t, merchantN, extra)
  await bringToHub(t, r.code)
  return r
}

async function statusOf(id: string) {
  const [row] = await t.db.all<{ status: string }>(sql`select status from returns where id = ${id}`)
  return row!.status
}

/** The FOOD checklist answered: sealed or not, an expiry date, no storage damage. */
const food = (expiryDate: string, sealIntact = 'true') => ({
  'item.sealIntact': sealIntact,
  'item.expiryDate': expiryDate,
  'item.storageDamage': 'false',
})

async function inspectAs(grade: string, answers = food('2027-08-01', 'false')) {
  const r = await atHub()
  const hub = await signedIn('hub1@nestwork.demo')
  await hub.get(`/inspect/${r.id}`)
  const res = await hub.post(`/inspect/${r.id}`, { ...answers, grade, notes: '罐体凹陷' })
  if (res.status !== 303) throw new Error(`inspection failed: ${res.status}`)
  return r
}

/** One desk item's markup, up to the next item or the end of the list. */
function deskItem(html: string, id: string): string {
  const match = new RegExp(`<li id="desk-${id}"[\\s\\S]*?</li>(?=<li id="desk-|</ol>|$)`).exec(html)
  if (!match) throw new Error(`no desk item for ${id}`)
  return match[0]
}

describe('hub inspection screen', () => {
  it('queues the parcels at the hub, oldest first, with their resolution deadline', async () => {
    const first = await atHub()
    at('2026-11-25T03:00:00Z')
    const second = await atHub(2)
    const hub = await signedIn('hub1@nestwork.demo')
    const res = await hub.get('/inspect')
    expect(res.status).toBe(200)
    const html = await res.text()
    expect(html).toContain('待检验（2 件）')
    expect(html.indexOf(first.id)).toBeLessThan(html.indexOf(second.id))
    expect(html).toContain('data-due="2026-11-26T02:00:00.000Z"')
    expect(html).toContain('还剩 23 小时')
    // The code field is a scan target, and the page loads the scanner and the countdowns.
    expect(html).toMatch(/<input[^>]*name="code"[^>]*data-scan/)
    expect(html).toContain('<script src="/static/scan.js" defer="">')
    expect(html).toContain('<script src="/static/countdown.js" defer="">')
    // Another hub sees none of them.
    const hub2 = await signedIn('hub2@nestwork.demo')
    expect(await (await hub2.get('/inspect')).text()).toContain('待检验（0 件）')
  })

  it('opens a parcel by its code however it is typed, and says when the hub has no such parcel', async () => {
    const r = await atHub()
    const hub = await signedIn('hub1@nestwork.demo')
    const typed = `${r.code.slice(0, 4)}-${r.code.slice(4, 8)} ${r.code.slice(8)}`.toLowerCase()
    const res = await hub.get(`/inspect?code=${encodeURIComponent(typed)}`)
    expect(res.status).toBe(303)
    expect(res.headers.get('location')).toBe(`/inspect/${r.id}`)

    const hub2 = await signedIn('hub2@nestwork.demo')
    const other = await hub2.get(`/inspect?code=${r.code}`)
    expect(other.status).toBe(404)
    expect(await other.text()).toContain('您的售后中心没有退货码为')
    const bad = await hub.get('/inspect?code=12345')
    expect(bad.status).toBe(400)
    expect(await bad.text()).toContain('不是退货码')
  })

  it('renders the FOOD checklist from the data, with big yes/no buttons and a date field', async () => {
    const r = await atHub()
    const hub = await signedIn('hub1@nestwork.demo')
    const res = await hub.get(`/inspect/${r.id}`)
    expect(res.status).toBe(200)
    const html = await res.text()
    expect(html).toContain('检查清单：食品')
    expect(html).toContain('封口是否完好？')
    expect(html).toContain('保质期至（以包装印刷为准）')
    expect(html).toContain('是否有储存损坏（受潮、挤压、受热）？')
    expect(html.match(/type="radio" name="item\.sealIntact"/g)).toHaveLength(2)
    expect(html.match(/type="radio" name="item\.storageDamage"/g)).toHaveLength(2)
    expect(html).toMatch(/name="item\.expiryDate" type="date"/)
    expect(html.match(/type="radio" name="grade"/g)).toHaveLength(6)
    expect(html).toContain('class="choice"')
    // Answering asks the server which grades fit.
    expect(html).toContain(`hx-post="/inspect/${r.id}/grades"`)
    expect(html).toContain('回答检查清单后，即可看到适用的评级。')
  })

  it('records a grade that fits the answers and moves the return to INSPECTED', async () => {
    const r = await atHub()
    const hub = await signedIn('hub1@nestwork.demo')
    await hub.get(`/inspect/${r.id}`)
    const res = await hub.post(`/inspect/${r.id}`, {
      ...food('2027-08-01', 'false'),
      grade: 'DAMAGED',
      notes: '罐体凹陷',
    })
    expect(res.status).toBe(303)
    expect(res.headers.get('location')).toBe(`/inspect?inspected=${r.id}`)
    expect(await statusOf(r.id)).toBe('INSPECTED')
    const queue = await (await hub.get(res.headers.get('location')!)).text()
    expect(queue).toContain(`已检验 ${r.code.slice(0, 4)}-`)
    expect(queue).toContain('：破损。')
    expect(queue).toContain('待检验（0 件）')
    // The parcel's screen now shows what was found instead of the form.
    const done = await (await hub.get(`/inspect/${r.id}`)).text()
    expect(done).toContain('已检验：破损')
    expect(done).toContain('罐体凹陷')
    expect(done).not.toContain('name="grade"')
  })

  it('refuses a grade the checklist rules out with the reason, in the page language', async () => {
    const r = await atHub()
    const hub = await signedIn('hub1@nestwork.demo')
    await hub.get(`/inspect/${r.id}`)
    // Expires in 6 days: near expiry, so not resellable.
    const res = await hub.post(`/inspect/${r.id}`, { ...food('2026-12-01'), grade: 'RESELLABLE' })
    expect(res.status).toBe(400)
    const html = await res.text()
    expect(html).toContain(
      '“可二次销售”与检查结果不符：距到期不足 90 天。适用的评级：破损、临期和有安全隐患。',
    )
    expect(html).toContain('检验结果未提交')
    // The answers stay filled in, and the ruled-out grades are marked.
    expect(html).toMatch(
      /name="item\.expiryDate" type="date" class="question__date" value="2026-12-01"/,
    )
    expect(html).toMatch(/value="RESELLABLE" disabled=""/)
    expect(await statusOf(r.id)).toBe('AT_HUB')

    await inEnglish(hub)
    const en = await (
      await hub.post(`/inspect/${r.id}`, { ...food('2026-12-01'), grade: 'RESELLABLE' })
    ).text()
    expect(en).toContain(
      '“Resellable” does not fit the checklist: expires within 90 days. Grades that fit: Damaged, Near expiry, and Safety risk.',
    )
  })

  it('marks unanswered questions and a missing grade', async () => {
    const r = await atHub()
    const hub = await signedIn('hub1@nestwork.demo')
    await hub.get(`/inspect/${r.id}`)
    const res = await hub.post(`/inspect/${r.id}`, { 'item.sealIntact': 'true' })
    expect(res.status).toBe(400)
    const html = await res.text()
    expect(html.match(/请回答此问题。/g)).toHaveLength(2)
    expect(html).toContain('请选择评级。')
    expect(html).toMatch(/id="q-expiryDate"[^>]*aria-invalid="true"/)
  })

  it('tells, after answering, which grades fit: as an htmx fragment and without JavaScript', async () => {
    const r = await atHub()
    const hub = await signedIn('hub1@nestwork.demo')
    await hub.get(`/inspect/${r.id}`)
    const fragment = await hub.post(
      `/inspect/${r.id}/grades`,
      { ...food('2026-11-01'), grade: 'EXPIRED' },
      htmx,
    )
    expect(fragment.status).toBe(200)
    const html = await fragment.text()
    expect(html).toMatch(/^<fieldset id="grades"/)
    expect(html).toContain('根据检查结果，可选评级有限：已过保质期。')
    expect(html.match(/disabled=""/g)).toHaveLength(5)
    expect(html).toMatch(/value="EXPIRED" checked=""/)

    const partial = await (
      await hub.post(`/inspect/${r.id}/grades`, { 'item.sealIntact': 'false' }, htmx)
    ).text()
    expect(partial).toContain('回答检查清单后')
    expect(partial).not.toContain('disabled')

    const check = await hub.post(`/inspect/${r.id}`, { ...food('2026-11-01'), intent: 'check' })
    expect(check.status).toBe(200)
    expect(await check.text()).toContain('根据检查结果，可选评级有限：已过保质期。')
    expect(await statusOf(r.id)).toBe('AT_HUB')
  })

  it('says a parcel that has not reached the hub cannot be inspected', async () => {
    const r = await registerReturnFor(t, 1)
    const hub = await signedIn('hub1@nestwork.demo')
    const html = await (await hub.get(`/inspect/${r.id}`)).text()
    expect(html).toContain('该包裹不在待检验状态（当前：已登记，待送至驿站）')
    expect(html).not.toContain('name="grade"')
  })
})

describe('after-sales desk', () => {
  it('lists a new return with its first-response countdown, then marks it overdue', async () => {
    const r = await registerReturnFor(t, 1)
    const merchant = await signedIn('merchant1@nestwork.demo')
    const res = await merchant.get('/desk')
    expect(res.status).toBe(200)
    let item = deskItem(await res.text(), r.id)
    expect(item).toContain('首次回复')
    expect(item).toContain('data-due="2026-11-25T04:00:00.000Z"')
    expect(item).toContain('还剩 2 小时')
    expect(item).toContain('（截止 11月25日 12:00）')
    expect(item).not.toContain('超时')

    at('2026-11-25T04:20:00Z')
    const later = await (await merchant.get('/desk')).text()
    expect(later).toContain('1 件退货待处理')
    expect(later).toContain('其中 1 件已超时，排在最前。')
    item = deskItem(later, r.id)
    expect(item).toContain('class="desk-item is-overdue"')
    expect(item).toMatch(
      /<strong class="clock__flag"><span aria-hidden="true">⚠ <\/span>超时<\/strong>/,
    )
    expect(item).toContain('已超时 20 分钟')
    // The page keeps the countdowns ticking without a reload.
    expect(later).toContain('<script src="/static/countdown.js" defer="">')
    expect(later).toContain('data-countdown-format=')
  })

  it('sorts by the nearest deadline and leaves out what needs nothing', async () => {
    const older = await registerReturnFor(t, 1)
    at('2026-11-25T02:30:00Z')
    const newer = await registerReturnFor(t, 1)
    const answered = await registerReturnFor(t, 1)
    await registerReturnFor(t, 2) // another merchant's
    const m = await tokenFor(t, 'merchant1@nestwork.demo')
    await gql(t, `mutation { respondToReturn(id: "${answered.id}", message: "ok") { id } }`, {}, m)
    // Inspected long ago: its resolution clock (arrival + 24 h) is the nearest deadline.
    at('2026-11-24T00:00:00Z')
    const inspected = await registerReturnFor(t, 1)
    await gql(t, `mutation { respondToReturn(id: "${inspected.id}", message: "ok") { id } }`, {}, m)
    await bringToHub(t, inspected.code)
    at('2026-11-24T01:00:00Z')
    const hub = await tokenFor(t, 'hub1@nestwork.demo')
    const res = await gql(
      t,
      'mutation ($input: InspectReturnInput!) { inspectReturn(input: $input) { status } }',
      {
        input: {
          returnId: inspected.id,
          grade: 'DAMAGED',
          checklist: [
            { item: 'sealIntact', value: 'false' },
            { item: 'expiryDate', value: '2027-08-01' },
            { item: 'storageDamage', value: 'false' },
          ],
        },
      },
      hub,
    )
    expect(res.data!.inspectReturn.status).toBe('INSPECTED')
    at('2026-11-25T03:00:00Z')

    const merchant = await signedIn('merchant1@nestwork.demo')
    const html = await (await merchant.get('/desk')).text()
    const order = [...html.matchAll(/<li id="desk-(ret_[a-z0-9]+)"/g)].map((m) => m[1])
    expect(order).toEqual([inspected.id, older.id, newer.id])
    expect(deskItem(html, inspected.id)).toContain('已超时 3 小时') // arrived 11-24T00:00Z + 24 h
  })

  it('sends the first response with htmx and swaps the item', async () => {
    const r = await registerReturnFor(t, 1)
    const merchant = await signedIn('merchant1@nestwork.demo')
    const page = await (await merchant.get('/desk')).text()
    expect(deskItem(page, r.id)).toContain('您好，您的退货申请已收到')

    const empty = await merchant.post(`/desk/${r.id}/respond`, { message: '  ' }, htmx)
    expect(empty.status).toBe(400)
    const refused = await empty.text()
    expect(refused).toMatch(new RegExp(`^<li id="desk-${r.id}"`))
    expect(refused).toContain('请填写给顾客的消息。')

    const res = await merchant.post(
      `/desk/${r.id}/respond`,
      { message: '已收到，请到驿站交件' },
      htmx,
    )
    expect(res.status).toBe(200)
    const html = await res.text()
    expect(html).not.toContain('<html')
    expect(html).toMatch(new RegExp(`^<li id="desk-${r.id}" class="desk-item desk-item--done"`))
    expect(html).toContain('已回复 ')
    const [row] = await t.db.all<{ message: string }>(
      sql`select message from return_responses where return_id = ${r.id}`,
    )
    expect(row!.message).toBe('已收到，请到驿站交件')
    expect(await (await merchant.get('/desk')).text()).not.toContain(`desk-${r.id}`)
  })

  it('works without JavaScript: posts, redirects and says what happened', async () => {
    const r = await registerReturnFor(t, 1)
    const merchant = await signedIn('merchant1@nestwork.demo')
    await merchant.get('/desk')
    const res = await merchant.post(`/desk/${r.id}/respond`, { message: '收到' })
    expect(res.status).toBe(303)
    expect(res.headers.get('location')).toBe(`/desk?responded=${r.id}`)
    const html = await (await merchant.get(res.headers.get('location')!)).text()
    expect(html).toContain('role="status"')
    expect(html).toContain('已回复 ')
    const bad = await merchant.post(`/desk/${(await registerReturnFor(t, 1)).id}/respond`, {
      message: '',
    })
    expect(bad.status).toBe(400)
    expect(await bad.text()).toContain('<html')
  })

  it('offers only the decisions the grade allows and refuses restocking damaged goods', async () => {
    const r = await inspectAs('DAMAGED')
    const merchant = await signedIn('merchant1@nestwork.demo')
    const item = deskItem(await (await merchant.get('/desk')).text(), r.id)
    expect(item).toContain('处理决定（检验评级：破损）')
    expect(item).toContain('name="refundYuan"')
    expect(item).toContain('value="258.00"')
    expect(item).toMatch(/name="resolution" value="EXCHANGE"/)
    expect(item).toMatch(/name="resolution" value="DISPOSE"/)
    expect(item).not.toMatch(/name="resolution" value="RESTOCK"/)
    expect(item).toMatch(/disabled=""[^>]*>重新入库<\/button>/)
    expect(item).toContain('不可选：只有可二次销售的商品才能重新入库，本件评级为“破损”。')

    const res = await merchant.post(`/desk/${r.id}/resolve`, { resolution: 'RESTOCK' }, htmx)
    expect(res.status).toBe(400)
    const html = await res.text()
    expect(html).toContain('未记录。不可选：只有可二次销售的商品才能重新入库，本件评级为“破损”。')
    expect(await statusOf(r.id)).toBe('INSPECTED')
  })

  it('resolves with a refund typed in yuan, exactly in fen, then closes the follow-up', async () => {
    const r = await inspectAs('DAMAGED')
    const merchant = await signedIn('merchant1@nestwork.demo')
    await merchant.get('/desk')

    const tooMuch = await merchant.post(
      `/desk/${r.id}/resolve`,
      { resolution: 'REFUND', refundYuan: '258.01' },
      htmx,
    )
    expect(tooMuch.status).toBe(400)
    const tooMuchHtml = await tooMuch.text()
    expect(tooMuchHtml).toContain('退款不能超过订单金额 ¥258.00。')
    expect(tooMuchHtml).toContain('value="258.01"')
    const garbled = await merchant.post(
      `/desk/${r.id}/resolve`,
      { resolution: 'REFUND', refundYuan: '25.8.0' },
      htmx,
    )
    expect(garbled.status).toBe(400)
    expect(await garbled.text()).toContain('请以元为单位填写退款金额，例如 258.00。')

    const res = await merchant.post(
      `/desk/${r.id}/resolve`,
      { resolution: 'REFUND', refundYuan: '258.00', confirm: '1' },
      htmx,
    )
    expect(res.status).toBe(200)
    const html = await res.text()
    expect(html).toMatch(new RegExp(`^<li id="desk-${r.id}" class="desk-item"`))
    expect(html).toContain('已处理：退款 ¥258.00。')
    expect(html).toContain('结案：已完成回访')
    const [row] = await t.db.all<{ resolution: string; refund_fen: number }>(
      sql`select resolution, refund_fen from resolutions where return_id = ${r.id}`,
    )
    expect(row).toEqual({ resolution: 'REFUND', refund_fen: 25_800 })
    expect(await statusOf(r.id)).toBe('RESOLVED')

    const closed = await merchant.post(`/desk/${r.id}/close`, {}, htmx)
    expect(closed.status).toBe(200)
    const closedHtml = await closed.text()
    expect(closedHtml).toContain('desk-item--done')
    expect(closedHtml).toContain('已结案。')
    expect(await statusOf(r.id)).toBe('CLOSED')
    // Deciding again is a conflict, said in words; closing again changes nothing.
    const again = await merchant.post(`/desk/${r.id}/resolve`, { resolution: 'EXCHANGE' }, htmx)
    expect(again.status).toBe(409)
    expect(await again.text()).toContain('状态已变更（现为“已完结”）')
    expect((await merchant.post(`/desk/${r.id}/close`, {}, htmx)).status).toBe(200)
  })

  it('resolves an exchange once confirmed, ignoring the refund field', async () => {
    const r = await inspectAs('DAMAGED')
    const merchant = await signedIn('merchant1@nestwork.demo')
    await merchant.get('/desk')
    const asked = await merchant.post(`/desk/${r.id}/resolve`, {
      resolution: 'EXCHANGE',
      refundYuan: '258.00',
    })
    expect(asked.status).toBe(200)
    const confirmation = deskItem(await asked.text(), r.id)
    expect(confirmation).toContain('name="confirm" value="1"')
    expect(confirmation).not.toContain('name="refundYuan"')
    const res = await merchant.post(`/desk/${r.id}/resolve`, {
      resolution: 'EXCHANGE',
      refundYuan: '258.00',
      confirm: '1',
    })
    expect(res.status).toBe(303)
    const html = await (await merchant.get(res.headers.get('location')!)).text()
    expect(html).toContain('已处理：换货。')
  })

  it('makes expired goods a disposal only', async () => {
    const r = await inspectAs('EXPIRED', food('2026-10-01'))
    const merchant = await signedIn('merchant1@nestwork.demo')
    const item = deskItem(await (await merchant.get('/desk')).text(), r.id)
    expect(item).not.toContain('name="refundYuan"')
    expect(item).toMatch(/name="resolution" value="DISPOSE"/)
    // The three decisions it rules out, disabled, with the reason said once.
    expect(item.match(/<button type="button" class="button" disabled=""/g)).toHaveLength(3)
    expect(item.match(/不可选：评级为“过期”的商品必须销毁。/g)).toHaveLength(1)
  })
})

describe('service levels', () => {
  it('shows a merchant its own figures for the month, with a chart', async () => {
    const fast = await registerReturnFor(t, 1)
    await registerReturnFor(t, 1)
    await registerReturnFor(t, 2)
    const m = await tokenFor(t, 'merchant1@nestwork.demo')
    at('2026-11-25T03:00:00Z')
    await gql(t, `mutation { respondToReturn(id: "${fast.id}", message: "ok") { id } }`, {}, m)
    at('2026-11-25T05:00:00Z')

    const merchant = await signedIn('merchant1@nestwork.demo')
    const res = await merchant.get('/service-levels?month=2026-11')
    expect(res.status).toBe(200)
    const html = await res.text()
    expect(html).toContain('2026年11月概览')
    expect(html).toMatch(/<dt>退货数<\/dt><dd>2<\/dd>/)
    expect(html).toMatch(
      /<dt>按时首次回复<\/dt><dd>50%<\/dd><dd class="figures__detail">2 件中 1 件<\/dd>/,
    )
    expect(html).toMatch(/<dt>超时件数<\/dt><dd>1<\/dd>/)
    expect(html).toContain('<svg')
    expect(html).toMatch(/<svg[^>]*role="img"[^>]*aria-labelledby="sl-chart-title sl-chart-desc"/)
    expect(html).toContain('<title id="sl-chart-title">2026年11月您的按时率</title>')
    expect(html).not.toContain('按成员')
    expect(html).toContain('href="/service-levels?month=2026-10"')
    expect(html).toContain('href="/service-levels?month=2026-12"')
  })

  it('gives the coordinator the figures by merchant and by hub', async () => {
    await registerReturnFor(t, 1)
    await registerReturnFor(t, 2)
    const coordinator = await signedIn('coordinator@nestwork.demo')
    const html = await (await coordinator.get('/service-levels?month=2026-11')).text()
    expect(html).toContain('按成员')
    expect(html).toContain('按售后中心')
    expect(html).toContain('<title id="sl-chart-title">2026年11月各售后中心按时率</title>')
    expect(html).toContain('上海')
    expect(html.match(/<tr><th scope="row">/g)!.length).toBeGreaterThanOrEqual(3)
    expect((await coordinator.get('/service-levels?month=2026-13')).status).toBe(400)
    // Opens on this month.
    expect(await (await coordinator.get('/service-levels')).text()).toContain('2026年11月概览')
  })
})

describe('staff certification', () => {
  const staffIds = (html: string) =>
    [...html.matchAll(/<tr id="staff-(stf_[a-z0-9]+)"/g)].map((m) => m[1]!)

  it('adds staff, toggles certification with htmx and shows the certified share', async () => {
    const merchant = await signedIn('merchant1@nestwork.demo')
    expect(await (await merchant.get('/staff')).text()).toContain('尚未登记售后人员')

    const empty = await merchant.post('/staff', { name: ' ' })
    expect(empty.status).toBe(400)
    expect(await empty.text()).toContain('请填写姓名。')

    const added = await merchant.post('/staff', { name: '李娜', certified: 'on' })
    expect(added.status).toBe(303)
    await merchant.post('/staff', { name: '王芳' })
    const page = await (await merchant.get(added.headers.get('location')!)).text()
    expect(page).toContain('已添加 李娜。')
    expect(page).toContain('2 人中 1 人已认证（50%）')
    const [li, wang] = staffIds(page)

    const res = await merchant.post(`/staff/${wang}/certification`, { certified: 'true' }, htmx)
    expect(res.status).toBe(200)
    const html = await res.text()
    expect(html).toMatch(new RegExp(`^<tr id="staff-${wang}"`))
    expect(html).toContain('王芳 已标记为认证人员。')
    expect(html).toContain('自 2026-11-25 起')
    expect(html).toContain('<h2 id="staff-share" hx-swap-oob="true">2 人中 2 人已认证（100%）</h2>')

    const off = await merchant.post(`/staff/${li}/certification`, { certified: 'false' })
    expect(off.status).toBe(303)
    expect(await (await merchant.get(off.headers.get('location')!)).text()).toContain(
      '已取消 李娜 的认证。',
    )

    const other = await signedIn('merchant2@nestwork.demo')
    expect(
      (await other.post(`/staff/${li}/certification`, { certified: 'true' }, htmx)).status,
    ).toBe(404)
    expect(await (await other.get('/staff')).text()).not.toContain('李娜')
  })
})

describe('who may open what', () => {
  it('sends visitors to sign in', async () => {
    for (const path of ['/inspect', '/desk', '/service-levels', '/staff']) {
      const res = await t.app.request(path)
      expect(res.status).toBe(302)
      expect(res.headers.get('location')).toBe(`/login?next=${encodeURIComponent(path)}`)
    }
  })

  it.each([
    ['merchant1@nestwork.demo', '/inspect'],
    ['station1@nestwork.demo', '/inspect'],
    ['hub1@nestwork.demo', '/desk'],
    ['station1@nestwork.demo', '/desk'],
    ['coordinator@nestwork.demo', '/desk'],
    ['hub1@nestwork.demo', '/service-levels'],
    ['station1@nestwork.demo', '/service-levels'],
    ['hub1@nestwork.demo', '/staff'],
    ['coordinator@nestwork.demo', '/staff'],
  ])('refuses %s on %s', async (email, path) => {
    const browser = await signedIn(email)
    const res = await browser.get(path)
    expect(res.status).toBe(403)
    expect(await res.text()).toContain('<html')
  })

  it('lets the coordinator see every hub’s queue', async () => {
    const r = await atHub()
    const coordinator = await signedIn('coordinator@nestwork.demo')
    const html = await (await coordinator.get('/inspect')).text()
    expect(html).toContain(r.id)
    expect(html).toContain('上海')
  })

  it('keeps a hub operator out of another hub’s parcel, and merchants out of parcels', async () => {
    const r = await atHub()
    const hub2 = await signedIn('hub2@nestwork.demo')
    expect((await hub2.get(`/inspect/${r.id}`)).status).toBe(404)
    const post = await hub2.post(`/inspect/${r.id}`, { ...food('2027-08-01'), grade: 'RESELLABLE' })
    expect(post.status).toBe(404)
    const merchant = await signedIn('merchant1@nestwork.demo')
    expect((await merchant.get(`/inspect/${r.id}`)).status).toBe(403)
    expect(await statusOf(r.id)).toBe('AT_HUB')
  })

  it('keeps a merchant off another merchant’s returns on the desk', async () => {
    const r = await registerReturnFor(t, 1)
    const other = await signedIn('merchant2@nestwork.demo')
    await other.get('/desk')
    expect((await other.post(`/desk/${r.id}/respond`, { message: 'hi' }, htmx)).status).toBe(404)
    expect((await other.post(`/desk/${r.id}/close`, {}, htmx)).status).toBe(404)
    const hub = await signedIn('hub1@nestwork.demo')
    expect((await hub.post(`/desk/${r.id}/respond`, { message: 'hi' }, htmx)).status).toBe(403)
  })
})
