import { beforeEach, describe, expect, it } from 'vitest'
import { createTestApp, type TestApp } from '../helpers/app'
import { Browser, gql, tokenFor } from '../helpers/http'

// station1 runs 静安寺站, which offers no large-item service; station2 runs 徐家汇站, which does.
let t: TestApp
beforeEach(async () => {
  t = await createTestApp()
})

async function pram() {
  const res = await gql(
    t,
    'mutation ($input: RegisterReturnInput!) { registerReturn(input: $input) { code } }',
    {
      input: {
        orderRef: 'TB-2026-000888',
        category: 'SUPPLIES',
        itemDescription: '好孩子 婴儿推车',
        orderValueFen: 129_900,
        largeItem: true,
        reason: '车轮异响',
        hubId: 'hub_1',
      },
    },
    await tokenFor(t, 'merchant1@nestwork.demo'),
  )
  return res.data!.registerReturn.code as string
}

const CHECK_IN = `mutation ($code: String!, $overrideReason: String) {
  checkInParcel(code: $code, overrideReason: $overrideReason) { alreadyCheckedIn hub { id } }
}`

describe('a large item at the counter', () => {
  it('is refused by GraphQL at a station without the service, naming the nearest that has it', async () => {
    const code = await pram()
    const clerk = await tokenFor(t, 'station1@nestwork.demo')
    const refused = await gql(t, CHECK_IN, { code }, clerk)
    expect(refused.errors![0]!.extensions).toMatchObject({
      code: 'CONFLICT',
      reason: 'LARGE_ITEM_NOT_SERVED',
    })
    const taken = await gql(t, CHECK_IN, { code, overrideReason: '顾客行动不便' }, clerk)
    expect(taken.data!.checkInParcel).toEqual({ alreadyCheckedIn: false, hub: { id: 'hub_1' } })
  })

  it('offers the clerk the nearest station or a reasoned override on the console, in both languages', async () => {
    const code = await pram()
    const clerk = new Browser(t)
    await clerk.signIn('station1@nestwork.demo')
    const refused = await clerk.post('/station/check-in', { code })
    expect(refused.status).toBe(409)
    const zh = await refused.text()
    expect(zh).toContain('本站点不提供大件服务')
    expect(zh).toContain('name="overrideReason"')
    expect(zh).toContain('仍然签收')

    await clerk.post('/locale', { locale: 'en', next: '/station' })
    const en = await (await clerk.post('/station/check-in', { code })).text()
    expect(en).toContain('offers no large-item service. The nearest station that does is')
    expect(en).toContain('Check in anyway')

    const taken = await clerk.post('/station/check-in', {
      code,
      overrideReason: 'Customer has a newborn with them',
    })
    expect(taken.status).toBe(200)
    const page = await taken.text()
    expect(page).toContain('Large item for')
    expect(page).toContain(`/station/receipt/${code}`)
  })

  it('says a mistyped code has 12 characters, rather than that no return has it', async () => {
    const clerk = new Browser(t)
    await clerk.signIn('station1@nestwork.demo')
    const res = await clerk.post('/station/check-in', { code: '12345' })
    expect(res.status).toBe(400)
    expect(await res.text()).toContain('退货码由 12 位字母和数字组成')
  })

  it('tells the clerk which hub’s bag an ordinary parcel goes in', async () => {
    const merchant = await tokenFor(t, 'merchant1@nestwork.demo')
    const res = await gql(
      t,
      'mutation ($input: RegisterReturnInput!) { registerReturn(input: $input) { code } }',
      {
        input: {
          orderRef: 'TB-2026-000889',
          category: 'FOOD',
          itemDescription: '米粉',
          orderValueFen: 5_800,
          reason: '临期',
          hubId: 'hub_1',
        },
      },
      merchant,
    )
    const clerk = new Browser(t)
    await clerk.signIn('station1@nestwork.demo')
    const page = await (
      await clerk.post('/station/check-in', { code: res.data!.registerReturn.code })
    ).text()
    expect(page).toMatch(/请放入.+的集包袋/)
  })
})
