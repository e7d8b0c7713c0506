import { beforeEach, describe, expect, it } from 'vitest'
import { formatCode } from '../../src/returns/code'
import { createTestApp, type TestApp } from '../helpers/app'
import { Browser, gql, tokenFor } from '../helpers/http'

let t: TestApp
beforeEach(async () => {
  t = await createTestApp()
})

async function handedIn(station: string) {
  const merchant = await tokenFor(t, 'merchant1@nestwork.demo')
  const input = {
    orderRef: 'TB-2026-000777',
    category: 'FOOD',
    itemDescription: '飞鹤星飞帆 3段 奶粉 800g',
    orderValueFen: 25_800,
    reason: '包装破损',
    hubId: 'hub_2',
  }
  const registered = await gql(
    t,
    'mutation ($input: RegisterReturnInput!) { registerReturn(input: $input) { code } }',
    { input },
    merchant,
  )
  const code = registered.data!.registerReturn.code as string
  const res = await gql(
    t,
    'mutation ($code: String!) { checkInParcel(code: $code) { hub { id name } receiptUrl } }',
    { code },
    await tokenFor(t, station),
  )
  return { code, checkIn: res.data!.checkInParcel }
}

describe('the counter receipt', () => {
  it('says which hub the parcel goes to and where its receipt is', async () => {
    const { code, checkIn } = await handedIn('station2@nestwork.demo')
    expect(checkIn.hub).toEqual({ id: 'hub_2', name: expect.any(String) })
    expect(checkIn.receiptUrl).toBe(`http://localhost/station/receipt/${code}`)
  })

  it('prints the code, time, station, hub and a QR code of the tracking page', async () => {
    const { code, checkIn } = await handedIn('station2@nestwork.demo')
    const clerk = new Browser(t)
    await clerk.signIn('station2@nestwork.demo')
    const res = await clerk.get(new URL(checkIn.receiptUrl).pathname)
    expect(res.status).toBe(200)
    const html = await res.text()
    expect(html).toContain('退货包裹已交件')
    expect(html).toContain(formatCode(code))
    expect(html).toContain('徐家汇站')
    expect(html).toMatch(/2026年11月25日 10:00/)
    expect(html).toContain('<svg')
    expect(html).toContain(`/track?code=${code}`)
    expect(html).toContain('data-print')
    await clerk.post('/locale', { locale: 'en', next: '/station' })
    const en = await (await clerk.get(`/station/receipt/${code}`)).text()
    expect(en).toContain('Return handed in')
    expect(en).toContain('Goes on to')
    expect(en).not.toMatch(/退货包裹已交件|发往/)
  })

  it('is only for the station that took the parcel in', async () => {
    const { code } = await handedIn('station2@nestwork.demo')
    const other = new Browser(t)
    await other.signIn('station1@nestwork.demo')
    expect((await other.get(`/station/receipt/${code}`)).status).toBe(404)
    const merchant = new Browser(t)
    await merchant.signIn('merchant1@nestwork.demo')
    expect((await merchant.get(`/station/receipt/${code}`)).status).toBe(403)
  })
})
