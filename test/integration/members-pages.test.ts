import { sql } from 'drizzle-orm'
import { beforeEach, describe, expect, it } from 'vitest'
import { createTestApp, type TestApp } from '../helpers/app'
import { Browser } from '../helpers/http'

let t: TestApp
beforeEach(async () => {
  t = await createTestApp()
})

const application = {
  shopName: '新芽童装',
  category: 'CLOTHING',
  region: '浙江 杭州',
  contact: 'xinya@example.cn',
  shopUrl: 'https://xinya.example.cn',
}

async function apply(browser = new Browser(t)) {
  await browser.get('/join')
  return browser.post('/join', application)
}

async function coordinator() {
  const browser = new Browser(t)
  await browser.signIn('coordinator@nestwork.demo')
  return browser
}

describe('/join', () => {
  it('takes an application from anyone, in the visitor’s language', async () => {
    const visitor = new Browser(t)
    const page = await visitor.get('/join', { 'accept-language': 'en' })
    expect(await page.text()).toContain('Join the alliance')
    const res = await apply(visitor)
    expect(res.status).toBe(303)
    expect(await (await visitor.get(res.headers.get('location')!)).text()).toContain('感谢您的申请')
    const [row] = await t.db.all<{ n: number }>(
      sql`select count(*) as n from audit_log where action = 'application.create' and actor_role = 'PUBLIC'`,
    )
    expect(row!.n).toBe(1)
  })

  it('marks a wrong field and refuses a flood from one address', async () => {
    const visitor = new Browser(t)
    await visitor.get('/join')
    const bad = await visitor.post('/join', { ...application, shopUrl: 'not a url' })
    expect(bad.status).toBe(400)
    expect(await bad.text()).toContain('field-shopUrl-error')
    for (let i = 0; i < 5; i++) expect((await visitor.post('/join', application)).status).toBe(303)
    const limited = await visitor.post('/join', application)
    expect(limited.status).toBe(429)
    expect(await limited.text()).not.toContain('Too many attempts')
  })
})

describe('/admin/merchants', () => {
  it('admits an application as a member from a month, and declines another', async () => {
    await apply()
    await apply(new Browser(t, '203.0.113.20'))
    const admin = await coordinator()
    const page = await (await admin.get('/admin/merchants')).text()
    const ids = [...page.matchAll(/\/admin\/merchants\/applications\/(app_[a-z0-9]+)\/admit/g)].map(
      (m) => m[1]!,
    )
    expect(ids).toHaveLength(2)
    const admitted = await admin.post(`/admin/merchants/applications/${ids[0]}/admit`, {
      [`startMonth-${ids[0]}`]: '2026-12',
    })
    expect(admitted.status).toBe(303)
    const after = await (await admin.get(admitted.headers.get('location')!)).text()
    expect(after).toContain('新芽童装 已获批准')
    expect(after).toContain('稍后加入')

    const past = await admin.post(`/admin/merchants/applications/${ids[1]}/admit`, {
      [`startMonth-${ids[1]}`]: '2026-01',
    })
    expect(past.status).toBe(400)
    expect(await past.text()).toContain('请选择本月或之后的月份')
    const declined = await admin.post(`/admin/merchants/applications/${ids[1]}/decline`, {
      [`reason-${ids[1]}`]: '暂不接收该品类',
    })
    expect(declined.status).toBe(303)
    const again = await admin.post(`/admin/merchants/applications/${ids[1]}/decline`, {
      [`reason-${ids[1]}`]: '再次',
    })
    expect(again.status).toBe(409)
  })

  it('changes a membership from next month, and refuses leaving this month', async () => {
    const admin = await coordinator()
    await admin.get('/admin/merchants')
    const now = await admin.post('/admin/merchants/mer_05/membership', {
      'status-mer_05': 'LEFT',
      'fromMonth-mer_05': '2026-11',
    })
    expect(now.status).toBe(400)
    expect(await now.text()).toContain('会员资格在月末结束或暂停')
    const next = await admin.post('/admin/merchants/mer_05/membership', {
      'status-mer_05': 'LEFT',
      'fromMonth-mer_05': '2026-12',
    })
    expect(next.status).toBe(200)
    expect(await next.text()).toContain('自2026年12月起为“已退出”')
  })

  it('is for coordinators only', async () => {
    const merchant = new Browser(t)
    await merchant.signIn('merchant1@nestwork.demo')
    expect((await merchant.get('/admin/merchants')).status).toBe(403)
  })
})
