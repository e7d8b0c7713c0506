import { sql } from 'drizzle-orm'
import { beforeEach, describe, expect, it } from 'vitest'
import { createTestApp, type TestApp } from '../helpers/app'
import { Browser } from '../helpers/http'

let t: TestApp
beforeEach(async () => {
  t = await createTestApp()
})

async function signedIn(email: string, locale: 'en' | 'zh-CN' = 'en') {
  const browser = new Browser(t)
  await browser.signIn(email)
  await browser.speak(locale)
  await browser.get('/returns/import')
  return browser
}

const csv = (lines: number) =>
  [
    'Order reference,Category,Item,Order value,Reason,Hub',
    ...Array.from({ length: lines }, (_, i) => `TB-${i},FOOD,Milk ${i},12.00,Late,hub_1`),
  ].join('\n')

const unescape = (s: string) =>
  s
    .replace(/&#39;/g, "'")
    .replace(/&quot;/g, '"')
    .replace(/&amp;/g, '&')
const valueOf = (html: string, name: string) =>
  unescape(html.match(new RegExp(`name="${name}" value="([^"]*)"`))?.[1] ?? '')

/** The check step as the page sends it, and the confirming form it answers with. */
async function checked(browser: Browser, lines: number) {
  const html = await (await browser.post('/returns/import', { csv: csv(lines) })).text()
  return { csv: valueOf(html, 'csv'), importId: valueOf(html, 'importId'), html }
}

/** Makes a finished import look as it does between two of its batches. */
async function midway(id: string, done: number, total: number) {
  await t.db.run(sql`update return_imports set finished_at = null, lines_done = ${done},
    lines_total = ${total} where id = ${id}`)
}

describe('the progress of a confirmed import', () => {
  it('takes the id the check step chose, and polls it from the moment it is confirmed', async () => {
    const browser = await signedIn('merchant1@nestwork.demo')
    const step = await checked(browser, 3)
    expect(step.importId).toMatch(/^imp_[0-9a-z]{16}$/)
    expect(step.html).toContain(
      `hx-get="/returns/import/${step.importId}/progress" hx-trigger="click from:#import-confirm delay:1s"`,
    )
    const before = await (await browser.get(`/returns/import/${step.importId}/progress`)).text()
    expect(before).toContain('Importing…')
    expect(before).toContain('hx-trigger="every 1s"')

    const done = await browser.post('/returns/import', { ...step, step: 'confirm' })
    expect(done.headers.get('location')).toBe(`/returns/import/${step.importId}`)
    const after = await (await browser.get(`/returns/import/${step.importId}/progress`)).text()
    expect(after).toContain('Import finished.')
    expect(after).toContain(`href="/returns/import/${step.importId}"`)
    expect(after).not.toContain('hx-trigger')
  })

  it('says how many lines the database holds as done while it runs, and keeps asking', async () => {
    const browser = await signedIn('merchant1@nestwork.demo')
    const step = await checked(browser, 3)
    await browser.post('/returns/import', { ...step, step: 'confirm' })
    await midway(step.importId, 500, 1200)
    const note = await (await browser.get(`/returns/import/${step.importId}/progress`)).text()
    expect(note).toContain('<progress value="500" max="1200"')
    expect(note).toContain('Imported 500 of 1,200 lines…')
    expect(note).toContain('hx-trigger="every 1s"')
  })

  it('refreshes the result page without JavaScript until the import is finished', async () => {
    const browser = await signedIn('merchant1@nestwork.demo', 'zh-CN')
    const step = await checked(browser, 2)
    await browser.post('/returns/import', { ...step, step: 'confirm' })
    await midway(step.importId, 0, 2)
    const page = await (await browser.get(`/returns/import/${step.importId}`)).text()
    expect(page).toContain('<meta http-equiv="refresh" content="3"/>')
    expect(page).toContain('此导入仍在进行中')
    expect(page).toContain('已导入 0 / 2 行…')
    expect(page).toContain(`<a class="button" href="/returns/import/${step.importId}">立即刷新</a>`)
    await t.db.run(sql`update return_imports set finished_at = created_at, lines_done = 2`)
    const done = await (await browser.get(`/returns/import/${step.importId}`)).text()
    expect(done).not.toContain('http-equiv="refresh"')
    expect(done).toContain('已导入：创建 2 条退货，跳过 0 条。')
  })

  it('imports once when the confirmation is sent twice', async () => {
    const browser = await signedIn('merchant1@nestwork.demo')
    const step = await checked(browser, 4)
    const first = await browser.post('/returns/import', { ...step, step: 'confirm' })
    const second = await browser.post('/returns/import', { ...step, step: 'confirm' })
    expect(second.headers.get('location')).toBe(first.headers.get('location'))
    const [{ n }] = (await t.db.all<{ n: number }>(
      sql`select count(*) as n from returns where import_id = ${step.importId}`,
    )) as [{ n: number }]
    expect(n).toBe(4)
    const [{ imports }] = (await t.db.all<{ imports: number }>(
      sql`select count(*) as imports from return_imports`,
    )) as [{ imports: number }]
    expect(imports).toBe(1)
  })

  it('is another merchant’s business: its progress and its id are not found', async () => {
    const a = await signedIn('merchant1@nestwork.demo')
    const step = await checked(a, 2)
    await a.post('/returns/import', { ...step, step: 'confirm' })
    const b = await signedIn('merchant2@nestwork.demo')
    expect((await b.get(`/returns/import/${step.importId}/progress`)).status).toBe(404)
    const theirs = await checked(b, 2)
    const taken = await b.post('/returns/import', {
      ...theirs,
      importId: step.importId,
      step: 'confirm',
    })
    expect(taken.status).toBe(404)
    const [{ n }] = (await t.db.all<{ n: number }>(
      sql`select count(*) as n from returns where merchant_id = 'mer_02'`,
    )) as [{ n: number }]
    expect(n).toBe(0)
  })

  it('refuses an import id that is not one the page made', async () => {
    const browser = await signedIn('merchant1@nestwork.demo')
    const step = await checked(browser, 1)
    const res = await browser.post('/returns/import', { ...step, importId: 'x', step: 'confirm' })
    expect(res.status).toBe(400)
  })
})
