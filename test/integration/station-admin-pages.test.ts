import { eq } from 'drizzle-orm'
import { beforeEach, describe, expect, it } from 'vitest'
import { stations } from '../../db/schema'
import { demoStations } from '../../db/seed/demo-data'
import { createTestApp, type TestApp } from '../helpers/app'
import { Browser, gql, tokenFor } from '../helpers/http'

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

/**
 * Posts a form whose fields may repeat (checkboxes), with the browser's cookies and CSRF token;
 * the helper's `post` takes one value per name.
 */
async function postForm(browser: Browser, path: string, fields: [string, string][]) {
  const cookie = ['nw_session', 'nw_csrf', 'nw_lang']
    .filter((name) => browser.cookie(name))
    .map((name) => `${name}=${browser.cookie(name)}`)
    .join('; ')
  return t.app.request(`http://localhost${path}`, {
    method: 'POST',
    body: new URLSearchParams([['_csrf', browser.csrf!], ...fields]),
    headers: { 'content-type': 'application/x-www-form-urlencoded', cookie },
  })
}

const newStation = (overrides: Record<string, string> = {}): [string, string][] => [
  ...Object.entries({
    name: '南京西路站',
    storeName: '贝贝母婴 南京西路店',
    address: '上海市静安区南京西路 1266 号',
    city: '上海',
    province: '上海',
    lat: '31.2292',
    lng: '121.4551',
    openingHours: '09:00-21:00',
    commission: '2.5',
    largeCommission: '8',
    ...overrides,
  }),
  ['services', 'TOY_SANITISING'],
  ['services', 'LARGE_ITEMS'],
]

const rows = (html: string) => html.match(/<tr id="station-/g)?.length ?? 0

async function stationRow(id: string) {
  const [row] = await t.db.select().from(stations).where(eq(stations.id, id))
  return row!
}

const CHECK_IN = `mutation ($code: String!) { checkInParcel(code: $code) { alreadyCheckedIn } }`

async function registeredCode() {
  const input = {
    orderRef: 'TB-9',
    category: 'SUPPLIES',
    itemDescription: '纸尿裤 L 码',
    orderValueFen: 12_900,
    reason: '尺码不合适',
    hubId: 'hub_1',
  }
  const res = await gql(
    t,
    `mutation ($input: RegisterReturnInput!) { registerReturn(input: $input) { code } }`,
    { input },
    await tokenFor(t, 'merchant1@nestwork.demo'),
  )
  return res.data!.registerReturn.code as string
}

describe('the station list', () => {
  it('lists every station with its terms, and filters by status and province', async () => {
    const coordinator = await signedIn('coordinator')
    const all = await coordinator.get('/admin/stations')
    expect(all.status).toBe(200)
    const html = await all.text()
    expect(rows(html)).toBe(demoStations.length)
    expect(html).toContain('48 stations')
    expect(html).toContain('CN¥2.20') // sta_01's commission, formatted with Intl
    expect(html).not.toMatch(/action="[^"]*delete/)

    const anhui = await (await coordinator.get('/admin/stations?province=安徽')).text()
    expect(rows(anhui)).toBe(demoStations.filter((s) => s.province === '安徽').length)
    const inactive = await (await coordinator.get('/admin/stations?status=inactive')).text()
    expect(rows(inactive)).toBe(0)
    expect(inactive).toContain('No station matches.')
  })

  it('is in Chinese for a Chinese-speaking coordinator', async () => {
    const coordinator = await signedIn('coordinator', 'zh-CN')
    const html = await (await coordinator.get('/admin/stations')).text()
    expect(html).toContain('驿站管理')
    expect(html).toContain('共 48 个驿站')
    expect(html).toContain('¥2.20')
  })
})

describe('adding and editing a station', () => {
  it('adds a station with its commission typed in yuan, stored exactly in fen', async () => {
    const coordinator = await signedIn('coordinator')
    await coordinator.get('/admin/stations/new')
    const res = await postForm(coordinator, '/admin/stations', newStation())
    expect(res.status).toBe(303)
    const location = res.headers.get('location')!
    expect(location).toMatch(/^\/admin\/stations\?notice=created&station=sta_/)
    const id = new URL(location, 'http://localhost').searchParams.get('station')!
    expect(await stationRow(id)).toMatchObject({
      name: '南京西路站',
      commissionFen: 250,
      largeItemCommissionFen: 800,
      services: ['TOY_SANITISING', 'LARGE_ITEMS'],
      active: true,
      lat: 31.2292,
    })
    const list = await (await coordinator.get(location)).text()
    expect(list).toContain('Added 南京西路站.')
    expect(rows(list)).toBe(demoStations.length + 1)
  })

  it.each([
    ['0.29', 29],
    ['1,234.56', 123_456],
    ['¥12', 1_200],
  ])('reads %j yuan as %i fen', async (typed, fen) => {
    const coordinator = await signedIn('coordinator')
    await coordinator.get('/admin/stations/new')
    const res = await postForm(coordinator, '/admin/stations', newStation({ commission: typed }))
    const id = new URL(res.headers.get('location')!, 'http://localhost').searchParams.get('station')
    expect((await stationRow(id!)).commissionFen).toBe(fen)
  })

  it('refuses a form with mistakes, naming each field, and keeps what was typed', async () => {
    const coordinator = await signedIn('coordinator')
    await coordinator.get('/admin/stations/new')
    const res = await postForm(
      coordinator,
      '/admin/stations',
      newStation({
        name: ' ',
        lat: '',
        lng: '200',
        openingHours: 'late',
        commission: '1.234',
        largeCommission: 'abc',
      }),
    )
    expect(res.status).toBe(400)
    const html = await res.text()
    const errorOf = (field: string) =>
      new RegExp(`id="field-${field}-error" class="field__error">([^<]*)<`).exec(html)?.[1]
    expect(errorOf('name')).toBe('Enter the station name (at most 60 characters).')
    expect(errorOf('lat')).toBe('Enter a latitude between -90 and 90, like 31.2304.')
    expect(errorOf('lng')).toBe('Enter a longitude between -180 and 180, like 121.4737.')
    expect(errorOf('openingHours')).toBe('Use opening hours like 09:00-21:00.')
    expect(errorOf('commission')).toBe(
      'Use at most two decimals: the smallest amount is one fen (0.01).',
    )
    expect(errorOf('largeCommission')).toBe('Enter an amount in yuan with digits only, like 2.50.')
    expect(errorOf('storeName')).toBeUndefined()
    expect(html).toMatch(
      /id="field-lat"[^>]*aria-invalid="true"[^>]*aria-describedby="field-lat-error"/,
    )
    // What was typed comes back for correcting.
    expect(html).toContain('value="1.234"')
    expect(html).toContain('value="late"')
    expect(html).toMatch(/value="LARGE_ITEMS" checked/)
    expect(await t.db.$count(stations)).toBe(demoStations.length)
  })

  it('refuses a commission over the schema’s maximum, saying the maximum in yuan', async () => {
    const coordinator = await signedIn('coordinator')
    await coordinator.get('/admin/stations/new')
    const res = await postForm(
      coordinator,
      '/admin/stations',
      newStation({ commission: '10000.01' }),
    )
    expect(res.status).toBe(400)
    expect(await res.text()).toContain('At most CN¥10,000.00.')
  })

  it('edits a station, showing its commission in yuan', async () => {
    const coordinator = await signedIn('coordinator')
    const form = await (await coordinator.get('/admin/stations/sta_03')).text()
    expect(form).toContain('Edit 五角场站')
    expect(form).toMatch(/id="field-commission"[^>]*value="2.00"/)
    const res = await postForm(
      coordinator,
      '/admin/stations/sta_03',
      newStation({ name: '五角场站', openingHours: '10:00-22:00', commission: '3.15' }),
    )
    expect(res.status).toBe(303)
    expect(res.headers.get('location')).toBe('/admin/stations?notice=saved&station=sta_03')
    expect(await stationRow('sta_03')).toMatchObject({
      openingHours: '10:00-22:00',
      commissionFen: 315,
      active: true,
    })
  })
})

describe('deactivating a station', () => {
  it('stops its operator checking parcels in until it is reactivated', async () => {
    const coordinator = await signedIn('coordinator')
    await coordinator.get('/admin/stations?province=上海')
    const off = await coordinator.post('/admin/stations/sta_05/active', {
      active: 'false',
      status: 'all',
      province: '上海',
    })
    expect(off.status).toBe(303)
    const back = off.headers.get('location')!
    expect(back).toBe(
      `/admin/stations?province=${encodeURIComponent('上海')}&notice=deactivated&station=sta_05`,
    )
    const list = await (await coordinator.get(back)).text()
    expect(list).toContain('中山公园站 is deactivated: it accepts no parcels.')
    expect(list).toMatch(/<tr id="station-sta_05" class="station--inactive">/)
    expect((await stationRow('sta_05')).active).toBe(false)

    const operator = await tokenFor(t, 'station5@nestwork.demo')
    const refused = await gql(t, CHECK_IN, { code: await registeredCode() }, operator)
    expect(refused.errors![0]!.extensions!.code).toBe('CONFLICT')

    const on = await coordinator.post('/admin/stations/sta_05/active', { active: 'true' })
    expect(on.headers.get('location')).toBe('/admin/stations?notice=reactivated&station=sta_05')
    const accepted = await gql(t, CHECK_IN, { code: await registeredCode() }, operator)
    expect(accepted.data!.checkInParcel.alreadyCheckedIn).toBe(false)
  })
})

describe('a station operator’s own details', () => {
  it('lets the operator change its opening hours and services', async () => {
    const operator = await signedIn('station4')
    const page = await (await operator.get('/station/details')).text()
    expect(page).toContain(demoStations[3]!.name)
    expect(page).toContain(`value="${demoStations[3]!.openingHours}"`)
    const res = await postForm(operator, '/station/details', [
      ['openingHours', '08:00-20:00'],
      ['services', 'TOY_SANITISING'],
      ['services', 'PARCEL_LOCKER'],
    ])
    expect(res.status).toBe(303)
    expect(res.headers.get('location')).toBe('/station/details?saved=1')
    expect(await stationRow('sta_04')).toMatchObject({
      openingHours: '08:00-20:00',
      services: ['TOY_SANITISING', 'PARCEL_LOCKER'],
      commissionFen: demoStations[3]!.commissionFen,
    })
    const saved = await (await operator.get('/station/details?saved=1')).text()
    expect(saved).toContain('Saved. Customers now see the new opening hours and services.')
  })

  it('lets the operator set its telephone and closed weekdays, which the finder then uses', async () => {
    const operator = await signedIn('station4')
    const res = await postForm(operator, '/station/details', [
      ['openingHours', '09:00-21:00'],
      ['phone', ' 021-6210 0000 '],
      ['closedDays', '7'],
      ['closedDays', '1'],
      ['closedDays', '7'],
    ])
    expect(res.status).toBe(303)
    expect(await stationRow('sta_04')).toMatchObject({ phone: '021-6210 0000', closedDays: [1, 7] })
    const page = await (await operator.get('/station/details')).text()
    expect(page).toMatch(/value="1"\s+checked/)
    const refused = await postForm(operator, '/station/details', [
      ['openingHours', '09:00-21:00'],
      ['phone', 'call me'],
      ['closedDays', '8'],
    ])
    expect(refused.status).toBe(400)
    const html = await refused.text()
    expect(html).toContain('Use digits, spaces, +, - and brackets')
    expect(html).toContain('Choose among the weekdays listed.')
  })

  it('lets the coordinator give a new station its postcode and pinyin, so pinyin finds it', async () => {
    const coordinator = await signedIn('coordinator')
    await coordinator.get('/admin/stations/new')
    const res = await postForm(coordinator, '/admin/stations', [
      ...newStation({
        postcode: '200040',
        phone: '021-62880000',
        romanised:
          'Nan Jing Xi Lu Zhan|bei bei mu ying|jing an qu nan jing xi lu|shang hai|shang hai',
      }),
      ['closedDays', '3'],
    ])
    expect(res.status).toBe(303)
    const id = new URL(res.headers.get('location')!, 'http://localhost').searchParams.get(
      'station',
    )!
    expect(await stationRow(id)).toMatchObject({
      postcode: '200040',
      phone: '021-62880000',
      romanised:
        'nan jing xi lu zhan|bei bei mu ying|jing an qu nan jing xi lu|shang hai|shang hai',
      closedDays: [3],
    })
    const found = await gql(
      t,
      '{ searchStations(query: "nanjingxilu") { station { id closedDays postcode } } }',
    )
    expect(
      found.data!.searchStations.map((s: { station: { id: string } }) => s.station.id),
    ).toContain(id)
    const zh = await signedIn('coordinator', 'zh-CN')
    const refused = await postForm(zh, '/admin/stations', newStation({ postcode: '2000' }))
    expect(refused.status).toBe(400)
    expect(await refused.text()).toContain('邮政编码为 6 位数字')
  })

  it('puts a map under the coordinates, shifted to GCJ-02 where the tiles are AMap’s', async () => {
    const shiftOf = async (env: Record<string, string>) => {
      t = await createTestApp({ env })
      const coordinator = await signedIn('coordinator')
      const html = await (await coordinator.get('/admin/stations/sta_01')).text()
      expect(html).toContain('id="point-picker"')
      expect(html).toContain('/static/point-picker.js')
      expect(html).toContain(`data-center-lat="${demoStations[0]!.lat}"`)
      return Number(/data-shift-lat="([^"]+)"/.exec(html)![1])
    }
    expect(await shiftOf({})).toBe(0)
    const shift = await shiftOf({ MAP_TILE_URL: 'amap' })
    // In Shanghai GCJ-02 is offset from WGS-84 by a few hundred metres: a small, non-zero shift.
    expect(Math.abs(shift)).toBeGreaterThan(0.001)
    expect(Math.abs(shift)).toBeLessThan(0.01)
  })

  it('keeps phone and closed days when a GraphQL caller leaves them out', async () => {
    await t.client.execute({
      sql: "update stations set phone = '021-1', closed_days = '[2]' where id = 'sta_04'",
      args: [],
    })
    const res = await gql(
      t,
      `mutation { updateStationDetails(id: "sta_04", input: { openingHours: "10:00-20:00", services: [] }) { phone closedDays } }`,
      {},
      await tokenFor(t, 'station4@nestwork.demo'),
    )
    expect(res.data!.updateStationDetails).toEqual({ phone: '021-1', closedDays: [2] })
  })

  it('refuses malformed hours with a message on the field', async () => {
    const operator = await signedIn('station4')
    await operator.get('/station/details')
    const res = await postForm(operator, '/station/details', [['openingHours', '9 to 5']])
    expect(res.status).toBe(400)
    const html = await res.text()
    expect(html).toContain('id="field-openingHours-error" class="field__error">Use opening hours')
    expect(html).toContain('value="9 to 5"')
    expect((await stationRow('sta_04')).openingHours).toBe(demoStations[3]!.openingHours)
  })
})

describe('who may manage stations', () => {
  it.each(['merchant1', 'station1', 'hub1'])(
    'refuses %s the station admin with 403',
    async (who) => {
      const browser = await signedIn(who)
      expect((await browser.get('/admin/stations')).status).toBe(403)
      expect((await browser.get('/admin/stations/sta_01')).status).toBe(403)
      expect((await postForm(browser, '/admin/stations', newStation())).status).toBe(403)
      const off = await browser.post('/admin/stations/sta_01/active', { active: 'false' })
      expect(off.status).toBe(403)
      expect((await stationRow('sta_01')).active).toBe(true)
    },
  )

  it.each(['merchant1', 'hub1', 'coordinator'])(
    'keeps %s off a station operator’s details page',
    async (who) => {
      const browser = await signedIn(who)
      expect((await browser.get('/station/details')).status).toBe(403)
    },
  )

  it('sends a signed-out visitor to sign in, and answers 404 for an unknown station', async () => {
    const res = await new Browser(t).get('/admin/stations')
    expect(res.status).toBe(302)
    expect(res.headers.get('location')).toBe('/login?next=%2Fadmin%2Fstations')
    const coordinator = await signedIn('coordinator')
    expect((await coordinator.get('/admin/stations/sta_99')).status).toBe(404)
  })
})
