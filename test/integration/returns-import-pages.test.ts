import { beforeEach, describe, expect, it } from 'vitest'
import { createTestApp, type TestApp } from '../helpers/app'
import { Browser, gql, tokenFor } from '../helpers/http'

let t: TestApp
beforeEach(async () => {
  t = await createTestApp()
})

async function signedIn(email: string, locale: 'en' | 'zh-CN' = 'zh-CN') {
  const browser = new Browser(t)
  await browser.signIn(email)
  await browser.post('/locale', { locale, next: '/' })
  return browser
}

/** Uploads `bytes` as the file of the first step, as the browser's file input sends it. */
async function upload(browser: Browser, bytes: Uint8Array) {
  await browser.get('/returns/import')
  const data = new FormData()
  data.set('_csrf', browser.csrf!)
  data.set('step', 'preview')
  data.set(
    'file',
    new File([bytes as Uint8Array<ArrayBuffer>], 'returns.csv', { type: 'text/csv' }),
  )
  const encoded = new Response(data)
  const body = new Uint8Array(await encoded.arrayBuffer())
  return browser.postRaw('/returns/import', body, encoded.headers.get('content-type')!)
}

const utf8 = (text: string) => new TextEncoder().encode(text)

// 订单号,类目,商品名称,订单金额,退货原因,售后中心 / TB-1,FOOD,奶粉,258.00,破损,hub_1 in GB18030.
const gb18030 = new Uint8Array([
  0xb6, 0xa9, 0xb5, 0xa5, 0xba, 0xc5, 0x2c, 0xc0, 0xe0, 0xc4, 0xbf, 0x2c, 0xc9, 0xcc, 0xc6, 0xb7,
  0xc3, 0xfb, 0xb3, 0xc6, 0x2c, 0xb6, 0xa9, 0xb5, 0xa5, 0xbd, 0xf0, 0xb6, 0xee, 0x2c, 0xcd, 0xcb,
  0xbb, 0xf5, 0xd4, 0xad, 0xd2, 0xf2, 0x2c, 0xca, 0xdb, 0xba, 0xf3, 0xd6, 0xd0, 0xd0, 0xc4, 0x0a,
  0x54, 0x42, 0x2d, 0x31, 0x2c, 0x46, 0x4f, 0x4f, 0x44, 0x2c, 0xc4, 0xcc, 0xb7, 0xdb, 0x2c, 0x32,
  0x35, 0x38, 0x2e, 0x30, 0x30, 0x2c, 0xc6, 0xc6, 0xcb, 0xf0, 0x2c, 0x68, 0x75, 0x62, 0x5f, 0x31,
])

const valueOf = (html: string, name: string) =>
  html.match(new RegExp(`name="${name}" value="([^"]*)"`))?.[1]

describe('the returns import page', () => {
  it('checks a GB18030 file, then imports it once and links its labels', async () => {
    const browser = await signedIn('merchant1@nestwork.demo')
    const preview = await upload(browser, gb18030)
    expect(preview.status).toBe(200)
    const html = await preview.text()
    expect(html).toContain('共 1 行：将创建 1 条')
    expect(html).toContain('导入 1 条退货')
    const csv = valueOf(html, 'csv')!
    const done = await browser.post('/returns/import', {
      csv: csv
        .replace(/&#39;/g, "'")
        .replace(/&quot;/g, '"')
        .replace(/&amp;/g, '&'),
      step: 'confirm',
    })
    expect(done.status).toBe(303)
    const result = await browser.get(done.headers.get('location')!)
    const page = await result.text()
    expect(page).toContain('已导入：创建 1 条退货，跳过 0 条。')
    expect(page).toMatch(/href="\/returns\/labels\?import=imp_\w+"/)
    const again = await upload(browser, gb18030)
    expect(await again.text()).toContain('将创建 0 条，已导入过 1 条')
  })

  it('shows every line’s errors by row and column, in English', async () => {
    const browser = await signedIn('merchant1@nestwork.demo', 'en')
    const file = utf8(
      '\ufeffOrder reference\tCategory\tItem\tOrder value\tReason\tHub\n' +
        'TB-1\tFOOD\tMilk\t12.345\tLate\tShanghai Hub\n' +
        '\tSHOES\tCar\t5\tLate\tMars\n',
    )
    const html = await (await upload(browser, file)).text()
    expect(html).toContain('2 lines: 0 to create, 0 already imported, 2 with errors.')
    expect(html).toMatch(/<td>2<\/td><td>Order value<\/td><td>[^<]*decimal/i)
    expect(html).toMatch(/<td>3<\/td><td>Order reference<\/td><td>Enter the order reference.<\/td>/)
    expect(html).toMatch(/<td>3<\/td><td>Category<\/td><td>Choose a category.<\/td>/)
    expect(html).toMatch(/<td>3<\/td><td>Hub<\/td><td>Choose one of the alliance hubs.<\/td>/)
    expect(html).not.toContain('导入')
  })

  it('refuses a file without rows in the user’s language', async () => {
    const browser = await signedIn('merchant1@nestwork.demo')
    const res = await upload(browser, utf8('订单号,类目\n'))
    expect(res.status).toBe(400)
    expect(await res.text()).toContain('文件的标题行下面没有退货数据。')
  })

  it('is linked from the returns list and the merchant home', async () => {
    const browser = await signedIn('merchant1@nestwork.demo')
    expect(await (await browser.get('/returns')).text()).toContain('href="/returns/import"')
    expect(await (await browser.get('/')).text()).toContain('href="/returns/import"')
  })
})

describe('importReturns over GraphQL', () => {
  const mutation = `mutation ($csv: String!, $mapping: ImportMappingInput, $dryRun: Boolean) {
    importReturns(csv: $csv, mapping: $mapping, dryRun: $dryRun) {
      id created skipped labelsUrl errors { row column message } } }`
  const csv =
    '单号,种类,东西,钱,理由,去向\nA-1,TOYS,"积木, 大号","1,0",少件,hub_1\nA-2,FOOD,"米粉 ""有机""",10,破损,hub_2'
  const mapping = {
    orderRef: '单号',
    category: '种类',
    itemDescription: '东西',
    orderValue: '钱',
    reason: '理由',
    hub: '去向',
  }

  it('previews, imports with the mapping given, and skips on re-import', async () => {
    const token = await tokenFor(t, 'merchant1@nestwork.demo')
    const dry = await gql(t, mutation, { csv, mapping, dryRun: true }, token)
    expect(dry.data!.importReturns).toEqual({
      id: null,
      created: 1,
      skipped: 0,
      labelsUrl: null,
      errors: [{ row: 2, column: '钱', message: expect.stringContaining('') }],
    })
    const done = await gql(t, mutation, { csv, mapping }, token)
    const result = done.data!.importReturns as { id: string; labelsUrl: string }
    expect(done.data!.importReturns).toMatchObject({ created: 1, skipped: 0 })
    expect(result.labelsUrl).toMatch(new RegExp(`/returns/labels\\?import=${result.id}$`))
    // The mapping is remembered: no mapping the second time.
    const again = await gql(t, mutation, { csv }, token)
    expect(again.data!.importReturns).toMatchObject({ created: 0, skipped: 1 })
  })

  it('refuses anyone but a merchant', async () => {
    const token = await tokenFor(t, 'coordinator@nestwork.demo')
    const res = await gql(t, mutation, { csv }, token)
    expect(res.errors![0]!.extensions!.code).toBe('FORBIDDEN')
  })
})
