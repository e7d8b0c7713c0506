import { sql } from 'drizzle-orm'
import { beforeEach, describe, expect, it } from 'vitest'
import { MAX_LABELS } from '../../src/labels/service'
import { formatCode } from '../../src/returns/code'
import { createTestApp, type TestApp } from '../helpers/app'
import { Browser, gql, tokenFor } from '../helpers/http'
import { pageContent, pageSize, parsePdf, pdfPages } from '../helpers/pdf-reader'

let t: TestApp
beforeEach(async () => {
  t = await createTestApp()
})

async function signedIn(email: string, locale?: 'en') {
  const browser = new Browser(t)
  await browser.signIn(email)
  if (locale) await browser.post('/locale', { locale, next: '/' })
  return browser
}

/** Registers `n` returns through the form; their ids and codes, oldest first. */
async function register(browser: Browser, n: number) {
  await browser.get('/returns/new')
  const made: { id: string; code: string }[] = []
  for (let i = 0; i < n; i++) {
    const res = await browser.post('/returns', {
      orderRef: `TB-LABEL-${i}`,
      category: 'FOOD',
      itemDescription: '奶粉 800g',
      orderValue: '99.00',
      reason: '包装破损',
      hubId: 'hub_1',
      customerContact: '13812345678',
    })
    expect(res.status).toBe(303)
    const id = /^\/returns\/(ret_[A-Za-z0-9_-]+)/.exec(res.headers.get('location')!)![1]!
    const [row] = await t.db.all<{ code: string }>(sql`select code from returns where id = ${id}`)
    made.push({ id, code: row!.code })
  }
  return made
}

const count = (html: string, needle: string) => html.split(needle).length - 1
const idsQuery = (ids: string[]) => ids.map((id) => `ids=${id}`).join('&')

describe('printing labels in batches', () => {
  it('puts nine labels on two A4 sheets, each with code, QR, hub and barcode', async () => {
    const browser = await signedIn('merchant1@nestwork.demo')
    const made = await register(browser, 9)
    const res = await browser.get(`/returns/labels?${idsQuery(made.map((m) => m.id))}&layout=a4`)
    expect(res.status).toBe(200)
    const html = await res.text()
    expect(count(html, '<section class="sheet sheet--a4">')).toBe(2)
    expect(count(html, '<article class="blabel"')).toBe(9)
    expect(count(html, 'data-code128=')).toBe(9)
    for (const { code } of made) {
      expect(html).toContain(formatCode(code))
      expect(html).toContain(`data-code128="${code}"`)
    }
    expect(html).toContain('寄往：上海售后中心')
    expect(html).toContain('标签（9 张）')
    expect(html).toContain(
      `href="/returns/labels.pdf?${idsQuery(made.map((m) => m.id))}&amp;layout=a4"`.replace(
        /&(?!amp;)/g,
        '&amp;',
      ),
    )
  })

  it('prints every label of a CSV import from its labels link, to its merchant only', async () => {
    const csv =
      '订单号,类目,商品名称,订单金额,退货原因,售后中心\nIMP-1,FOOD,米粉,58.00,破损,hub_1\nIMP-2,TOYS,积木,99.00,缺件,hub_1'
    const res = await gql(
      t,
      'mutation ($csv: String!) { importReturns(csv: $csv) { created labelsUrl } }',
      { csv },
      await tokenFor(t, 'merchant1@nestwork.demo'),
    )
    expect(res.data!.importReturns.created).toBe(2)
    const path =
      new URL(res.data!.importReturns.labelsUrl).pathname +
      new URL(res.data!.importReturns.labelsUrl).search
    const sheet = await (await signedIn('merchant1@nestwork.demo')).get(path)
    expect(sheet.status).toBe(200)
    expect(count(await sheet.text(), '<article class="blabel"')).toBe(2)
    expect((await (await signedIn('merchant2@nestwork.demo')).get(path)).status).toBe(404)
  })

  it('prints an import of more labels than one batch in parts, with a link to each', async () => {
    const lines = Array.from(
      { length: MAX_LABELS + 10 },
      (_, i) => `BIG-${i},FOOD,米粉,58.00,破损,hub_1`,
    )
    const res = await gql(
      t,
      'mutation ($csv: String!) { importReturns(csv: $csv) { id created } }',
      { csv: ['订单号,类目,商品名称,订单金额,退货原因,售后中心', ...lines].join('\n') },
      await tokenFor(t, 'merchant1@nestwork.demo'),
    )
    const id = res.data!.importReturns.id as string
    const browser = await signedIn('merchant1@nestwork.demo')
    const first = await browser.get(`/returns/labels?import=${id}`)
    expect(first.status).toBe(200)
    const html = await first.text()
    expect(count(html, '<article class="blabel"')).toBe(MAX_LABELS)
    expect(html).toContain(`第 1–${MAX_LABELS} 张标签`)
    expect(html).toContain(`href="/returns/labels?import=${id}&amp;part=2&amp;layout=a4"`)
    expect(html).toContain(`第 ${MAX_LABELS + 1}–${MAX_LABELS + 10} 张标签`)
    const second = await (await browser.get(`/returns/labels?import=${id}&part=2`)).text()
    expect(count(second, '<article class="blabel"')).toBe(10)
    const pdf = await browser.get(`/returns/labels.pdf?import=${id}&part=2`)
    expect(pdf.headers.get('content-type')).toContain('application/pdf')
    expect((await browser.get(`/returns/labels?import=${id}&part=3`)).status).toBe(400)
    expect((await browser.get(`/returns/labels?import=${id}&part=x`)).status).toBe(400)
  })

  it('accepts comma-separated ids and prints one thermal label a page in English', async () => {
    const browser = await signedIn('merchant1@nestwork.demo', 'en')
    const made = await register(browser, 3)
    const html = await (
      await browser.get(`/returns/labels?ids=${made.map((m) => m.id).join(',')}&layout=thermal`)
    ).text()
    expect(count(html, '<section class="sheet sheet--thermal">')).toBe(3)
    expect(html).toContain('Labels (3)')
    expect(html).toContain('To: ')
    expect(html).not.toContain('寄往')
  })

  it('lists returns awaiting drop-off to pick from, in both languages', async () => {
    const browser = await signedIn('merchant1@nestwork.demo')
    const made = await register(browser, 2)
    const zh = await (await browser.get('/returns/labels')).text()
    expect(zh).toContain('<h1>打印标签</h1>')
    for (const { id } of made) expect(zh).toContain(`name="ids" value="${id}"`)
    expect(zh).toContain('打印全部待交件标签')
    expect(zh).toContain('formaction="/returns/labels.pdf"')
    await browser.post('/locale', { locale: 'en', next: '/' })
    const en = await (await browser.get('/returns/labels')).text()
    expect(en).toContain('<h1>Print labels</h1>')
    expect(en).toContain('Print all awaiting drop-off')
    expect(en).not.toMatch(/打印|纸张/)
  })

  it('prints every return awaiting drop-off and none that was cancelled', async () => {
    const browser = await signedIn('merchant1@nestwork.demo')
    const made = await register(browser, 3)
    await browser.get(`/returns/${made[0]!.id}`)
    expect((await browser.post(`/returns/${made[0]!.id}/cancel`, {})).status).toBe(303)
    const html = await (await browser.get('/returns/labels?all=awaiting')).text()
    expect(html).not.toContain(formatCode(made[0]!.code))
    expect(html).toContain(formatCode(made[1]!.code))
    expect(html).toContain(formatCode(made[2]!.code))
  })

  it('never prints another merchant’s return: the whole batch is 404', async () => {
    const one = await signedIn('merchant1@nestwork.demo')
    const [mine] = await register(one, 1)
    const two = await signedIn('merchant2@nestwork.demo')
    const [theirs] = await register(two, 1)
    for (const path of ['/returns/labels', '/returns/labels.pdf']) {
      const res = await two.get(`${path}?ids=${theirs!.id},${mine!.id}`)
      expect(res.status).toBe(404)
      expect(await res.text()).not.toContain(formatCode(mine!.code))
    }
    expect(await (await two.get('/returns/labels')).text()).not.toContain(mine!.id)
  })

  it('refuses more than the maximum, no ids for a PDF and an unknown layout with 400', async () => {
    const browser = await signedIn('merchant1@nestwork.demo')
    const ids = Array.from({ length: MAX_LABELS + 1 }, (_, i) => `ret_${i}`).join(',')
    const tooMany = await browser.get(`/returns/labels?ids=${ids}`)
    expect(tooMany.status).toBe(400)
    expect(await tooMany.text()).toContain(`一次最多可以打印 ${MAX_LABELS} 张`)
    expect((await browser.get('/returns/labels.pdf')).status).toBe(400)
    expect((await browser.get('/returns/labels?ids=x&layout=a5')).status).toBe(400)
  })

  it('downloads a PDF that parses, with A4 or 100 × 150 mm pages and the labels’ text', async () => {
    const browser = await signedIn('merchant1@nestwork.demo')
    const made = await register(browser, 9)
    const query = idsQuery(made.map((m) => m.id))

    const a4 = await browser.get(`/returns/labels.pdf?${query}&layout=a4`)
    expect(a4.status).toBe(200)
    expect(a4.headers.get('content-type')).toBe('application/pdf')
    const bytes = new Uint8Array(await a4.arrayBuffer())
    expect(new TextDecoder().decode(bytes.slice(0, 5))).toBe('%PDF-')
    const doc = parsePdf(bytes)
    const pages = pdfPages(doc)
    expect(pages).toHaveLength(2)
    const [w, h] = pageSize(doc, pages[0]!)
    expect(w).toBeCloseTo(595.28, 1)
    expect(h).toBeCloseTo(841.89, 1)
    // Text is UCS-2 hex for STSong-Light: the hub's name and each code are in the content.
    const raw = new TextDecoder('latin1').decode(bytes)
    expect(raw).toContain('/BaseFont /STSong-Light')
    expect(raw).toContain('/Encoding /UniGB-UCS2-H')
    const hex = (s: string) =>
      [...s].map((ch) => ch.codePointAt(0)!.toString(16).padStart(4, '0')).join('')
    const content = (await Promise.all(pages.map((page) => pageContent(doc, page))))
      .join('')
      .toLowerCase()
    expect(content).toContain(hex('上海售后中心'))
    for (const { code } of made) expect(content).toContain(hex(formatCode(code)))

    const thermal = await browser.get(`/returns/labels.pdf?${query}&layout=thermal`)
    const td = parsePdf(new Uint8Array(await thermal.arrayBuffer()))
    const thermalPages = pdfPages(td)
    expect(thermalPages).toHaveLength(9)
    const [tw, th] = pageSize(td, thermalPages[0]!)
    expect(tw).toBeCloseTo((100 * 72) / 25.4, 1)
    expect(th).toBeCloseTo((150 * 72) / 25.4, 1)
  })
})
