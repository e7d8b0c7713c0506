import { sql } from 'drizzle-orm'
import { beforeEach, describe, expect, it } from 'vitest'
import { createTestApp, type TestApp } from '../helpers/app'
import { Browser } from '../helpers/http'

let t: TestApp
beforeEach(async () => {
  t = await createTestApp()
  t.setNow(new Date('2026-11-25T02:00:00Z'))
})

const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13])

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

/** Posts a multipart form as the browser would, with its session and CSRF token. */
function postMultipart(browser: Browser, path: string, form: FormData) {
  form.set('_csrf', browser.csrf!)
  const cookie = ['nw_session', 'nw_csrf']
    .map((name) => `${name}=${browser.cookie(name)}`)
    .join('; ')
  return t.app.request(`http://localhost${path}`, {
    method: 'POST',
    body: form,
    headers: { cookie, 'x-test-ip': '198.51.100.7' },
  })
}

function certificate(staffId: string, fields: Record<string, string> = {}, scan = true) {
  const form = new FormData()
  for (const [k, v] of Object.entries({
    staffId,
    number: 'NW-2026-0042',
    date: '2026-11-20',
    ...fields,
  }))
    form.set(k, v)
  if (scan)
    form.append(
      'scan',
      new File([png as Uint8Array<ArrayBuffer>], '证书.png', { type: 'image/png' }),
    )
  return form
}

const staffIds = (html: string) =>
  [...html.matchAll(/<tr id="staff-(stf_[a-z0-9]+)"/g)].map((m) => m[1]!)

describe('staff certificates by page', () => {
  it('submits a certificate with its scan, which a coordinator verifies; only then it counts', async () => {
    const merchant = await signedIn('merchant1@nestwork.demo')
    await merchant.post('/staff', { name: '李娜', certified: 'on' })
    const page = await (await merchant.get('/staff')).text()
    expect(page).toContain('其中 0 人经联盟审核，计入对标')
    expect(page).toContain('尚未提交证书')
    const [li] = staffIds(page)

    const noScan = await postMultipart(merchant, '/staff/certificates', certificate(li!, {}, false))
    expect(noScan.status).toBe(400)
    expect(await noScan.text()).toContain('请附上证书扫描件。')

    const badDate = await postMultipart(
      merchant,
      '/staff/certificates',
      certificate(li!, { date: '2026-13-01' }),
    )
    expect(badDate.status).toBe(400)

    const expired = await postMultipart(
      merchant,
      '/staff/certificates',
      certificate(li!, { date: '2023-01-01' }),
    )
    expect(expired.status).toBe(409)
    expect(await expired.text()).toContain('该证书已失效（2025-01-01 到期）。')

    const sent = await postMultipart(merchant, '/staff/certificates', certificate(li!))
    expect(sent.status).toBe(303)
    const after = await (await merchant.get(sent.headers.get('location')!)).text()
    expect(after).toContain('已提交 李娜 的证书，等待协调员审核。')
    expect(after).toContain('等待审核')
    expect(after).toContain('有效期至 2028-11-20')
    const scan = await merchant.get(`/staff/${li}/scan`)
    expect(scan.status).toBe(200)
    expect(scan.headers.get('content-type')).toBe('image/png')

    // Another merchant sees neither the person nor the scan.
    const other = await signedIn('merchant2@nestwork.demo')
    expect((await other.get(`/staff/${li}/scan`)).status).toBe(404)
    expect((await postMultipart(other, '/staff/certificates', certificate(li!))).status).toBe(404)

    const coordinator = await inEnglish(await signedIn('coordinator@nestwork.demo'))
    const queue = await (await coordinator.get('/admin/staff')).text()
    expect(queue).toContain('李娜')
    expect(queue).toContain('NW-2026-0042')
    expect((await coordinator.get(`/staff/${li}/scan`)).status).toBe(200)

    const noReason = await coordinator.post(`/admin/staff/${li}/verify`, { verified: 'false' })
    expect(noReason.status).toBe(400)
    expect(await noReason.text()).toContain('Give the reason the certificate is turned down.')

    const ok = await coordinator.post(`/admin/staff/${li}/verify`, { verified: 'true' })
    expect(ok.status).toBe(303)
    const done = await (await coordinator.get(ok.headers.get('location')!)).text()
    expect(done).toContain('Certificate of 李娜 verified.')
    expect(done).toContain('No certificate is waiting for verification.')

    const twice = await coordinator.post(`/admin/staff/${li}/verify`, { verified: 'true' })
    expect(twice.status).toBe(409)
    expect(await twice.text()).toContain(
      'No certificate is waiting for verification for this person.',
    )

    expect(await (await merchant.get('/staff')).text()).toContain('其中 1 人经联盟审核，计入对标')
    expect((await merchant.get('/admin/staff')).status).toBe(403)
  })

  it('turns a certificate down with a reason the merchant reads', async () => {
    const merchant = await signedIn('merchant1@nestwork.demo')
    await merchant.post('/staff', { name: '王芳' })
    const [wang] = staffIds(await (await merchant.get('/staff')).text())
    await postMultipart(merchant, '/staff/certificates', certificate(wang!))
    const coordinator = await signedIn('coordinator@nestwork.demo')
    const res = await coordinator.post(`/admin/staff/${wang}/verify`, {
      verified: 'false',
      reason: '扫描件模糊',
    })
    expect(res.status).toBe(303)
    expect(await (await coordinator.get(res.headers.get('location')!)).text()).toContain(
      '已驳回 王芳 的证书。',
    )
    const page = await (await merchant.get('/staff')).text()
    expect(page).toContain('已驳回')
    expect(page).toContain('原因：扫描件模糊')
  })

  it('removes a person from the team, keeping the record', async () => {
    const merchant = await signedIn('merchant1@nestwork.demo')
    await merchant.post('/staff', { name: '赵敏' })
    const [zhao] = staffIds(await (await merchant.get('/staff')).text())
    const other = await signedIn('merchant2@nestwork.demo')
    expect((await other.post(`/staff/${zhao}/remove`, {})).status).toBe(404)

    const res = await merchant.post(`/staff/${zhao}/remove`, {})
    expect(res.status).toBe(303)
    const page = await (await merchant.get(res.headers.get('location')!)).text()
    expect(page).toContain('已将 赵敏 移出团队，其记录仍保留。')
    expect(staffIds(page)).toEqual([])
    const again = await merchant.post(`/staff/${zhao}/remove`, {})
    expect(again.status).toBe(409)
    expect(await again.text()).toContain('此人已离开团队，其记录保持原样。')
    const [row] = await t.db.all<{ ended_at: string }>(
      sql`select ended_at from staff where id = ${zhao}`,
    )
    expect(row!.ended_at).toBe('2026-11-25T02:00:00.000Z')
  })

  it('speaks English on the English page', async () => {
    const merchant = await inEnglish(await signedIn('merchant1@nestwork.demo'))
    await merchant.post('/staff', { name: 'Li Na' })
    const html = await (await merchant.get('/staff')).text()
    expect(html).toContain('Submit a certificate')
    expect(html).toContain('0 verified by the alliance and counted in the benchmark')
    expect(html).toContain('No certificate submitted')
  })
})
