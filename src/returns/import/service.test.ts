import { eq } from 'drizzle-orm'
import { beforeEach, describe, expect, it } from 'vitest'
import { auditLog, importMappings, returnImports, returns, users } from '../../../db/schema'
import { createTestApp, type TestApp } from '../../../test/helpers/app'
import type { Actor } from '../../auth/roles'
import { customerContact } from '../service'
import { toCsv } from './csv'
import { importedReturnIds, importReturns } from './service'

let t: TestApp
const now = new Date('2026-11-25T02:00:00Z')
const key = 'test-contact-key'

beforeEach(async () => {
  t = await createTestApp()
})

async function actor(email: string): Promise<Actor> {
  const [u] = await t.db
    .select()
    .from(users)
    .where(eq(users.email, `${email}@nestwork.demo`))
  return { ...u!, userId: u!.id }
}

const header = ['订单号', '类目', '商品名称', '订单金额', '大件', '退货原因', '售后中心', '手机号']
const line = (n: number, over: Partial<Record<number, string>> = {}) =>
  Object.assign(
    [`TB-${n}`, 'FOOD', `Formula ${n}`, '258.00', '否', 'Damaged', 'hub_1', '13800138000'],
    over,
  )
const file = (...lines: string[][]) => toCsv([header, ...lines])

const run = async (a: Actor, csv: string, dryRun = false) =>
  importReturns(t.db, a, { csv, dryRun }, now, key)

describe('importReturns', () => {
  it('creates every valid line as a registered return, with sealed contact and audit entry', async () => {
    const m = await actor('merchant1')
    const result = await run(m, file(line(1), line(2, { 1: '玩具', 4: '是', 6: 'Shanghai Hub' })))
    expect(result).toMatchObject({ created: 2, skipped: 0, refusals: [] })
    const ids = await importedReturnIds(t.db, m, result.id!)
    const rows = await t.db.select().from(returns).where(eq(returns.importId, result.id!))
    expect(rows.map((r) => r.id).sort()).toEqual([...ids].sort())
    const second = rows.find((r) => r.orderRef === 'TB-2')!
    expect(second).toMatchObject({
      category: 'TOYS',
      largeItem: true,
      hubId: 'hub_1',
      orderValueFen: 25800,
      status: 'REGISTERED',
    })
    expect(second.code).toMatch(/^[0-9A-Z]{12}$/)
    expect(second.contactCiphertext).not.toContain('13800138000')
    expect(await customerContact(t.db, m, second.id, key)).toBe('13800138000')
    const audit = await t.db.select().from(auditLog).where(eq(auditLog.entityId, second.id))
    expect(audit.map((e) => e.action)).toEqual(['return.register'])
  })

  it('creates nothing twice when the same file is imported again', async () => {
    const m = await actor('merchant1')
    const csv = file(line(1), line(2), line(1))
    expect(await run(m, csv)).toMatchObject({ created: 2, skipped: 1 })
    expect(await run(m, csv, true)).toMatchObject({ id: null, created: 0, skipped: 3 })
    const again = await run(m, csv)
    expect(again).toMatchObject({ created: 0, skipped: 3 })
    expect(await importedReturnIds(t.db, m, again.id!)).toEqual([])
    expect(await t.db.$count(returns)).toBe(2)
  })

  it('previews without creating anything', async () => {
    const m = await actor('merchant1')
    const result = await run(m, file(line(1), line(2, { 0: '' })), true)
    expect(result).toMatchObject({ id: null, created: 1, skipped: 0 })
    expect(result.refusals).toHaveLength(1)
    expect(await t.db.$count(returns)).toBe(0)
  })

  it.each([
    ['orderRef', 0, '', 'too_small'],
    ['category', 1, 'SHOES', 'invalid_value'],
    ['itemDescription', 2, 'x'.repeat(201), 'too_big'],
    ['orderValueFen', 3, '12.345', 'invalid_type'],
    ['largeItem', 4, 'maybe', 'invalid_value'],
    ['reason', 5, '', 'too_small'],
    ['hubId', 6, 'Mars Hub', 'too_small'],
    ['customerContact', 7, '1'.repeat(101), 'too_big'],
  ])('refuses a line whose %s is wrong, naming its row', async (field, column, value, code) => {
    const m = await actor('merchant1')
    const result = await run(m, file(line(1), line(2, { [column]: value })), true)
    expect(result.created).toBe(1)
    expect(result.refusals).toHaveLength(1)
    const [refusal] = result.refusals
    expect(refusal!.row).toBe(3)
    expect(refusal!.problems.map((p) => [p.path[0], p.code])).toContainEqual([field, code])
  })

  it('remembers the mapping the merchant chose for the next upload', async () => {
    const m = await actor('merchant1')
    const csv = toCsv([
      ['单号', '种类', '东西', '钱', '理由', '去向'],
      ['A-1', 'FOOD', 'Milk', '10', 'Late', 'hub_1'],
    ])
    const mapping = {
      orderRef: '单号',
      category: '种类',
      itemDescription: '东西',
      orderValue: '钱',
      reason: '理由',
      hub: '去向',
    }
    expect(await importReturns(t.db, m, { csv, mapping, dryRun: false }, now, key)).toMatchObject({
      created: 1,
    })
    const [kept] = await t.db.select().from(importMappings)
    expect(JSON.parse(kept!.mappingJson)).toEqual(mapping)
    const headers = ['单号', '种类', '东西', '钱', '理由', '去向']
    const next = await run(m, toCsv([headers, ['A-2', 'TOYS', 'Car', '5', 'Wrong', 'hub_2']]), true)
    expect(next).toMatchObject({ created: 1, refusals: [] })
  })

  it('refuses a file without rows, and one above the row cap', async () => {
    const m = await actor('merchant1')
    await expect(run(m, toCsv([header]), true)).rejects.toMatchObject({
      details: { reason: 'IMPORT_NO_ROWS' },
    })
    const big = toCsv([header, ...Array.from({ length: 10_001 }, (_, i) => line(i))])
    await expect(run(m, big, true)).rejects.toMatchObject({
      details: { reason: 'IMPORT_TOO_MANY_ROWS', maxRows: 10_000 },
    })
  })

  it('keeps merchants apart: their lines, their imports', async () => {
    const m1 = await actor('merchant1')
    const m2 = await actor('merchant2')
    const csv = file(line(1))
    const first = await run(m1, csv)
    expect(await run(m2, csv)).toMatchObject({ created: 1, skipped: 0 })
    await expect(importedReturnIds(t.db, m2, first.id!)).rejects.toMatchObject({
      code: 'NOT_FOUND',
    })
    await expect(run(await actor('coordinator'), csv)).rejects.toMatchObject({ code: 'FORBIDDEN' })
  })

  it('imports 5,000 lines once, and none of them again', async () => {
    const m = await actor('merchant1')
    const csv = file(...Array.from({ length: 5000 }, (_, i) => line(i)))
    const first = await run(m, csv)
    expect(first).toMatchObject({ created: 5000, skipped: 0, refusals: [] })
    expect((await importedReturnIds(t.db, m, first.id!)).length).toBe(5000)
    expect(await run(m, csv)).toMatchObject({ created: 0, skipped: 5000 })
    expect(await t.db.$count(returns)).toBe(5000)
  }, 60_000)

  it('writes one audit entry per created line, in its chunk of lines, and none importing again', async () => {
    const m = await actor('merchant1')
    const csv = file(...Array.from({ length: 450 }, (_, i) => line(i, { 3: `${i + 1}.00` })))
    const first = await run(m, csv)
    await run(m, csv)
    const ids = await importedReturnIds(t.db, m, first.id!)
    const audit = await t.db
      .select()
      .from(auditLog)
      .where(eq(auditLog.action, 'return.register'))
      .orderBy(auditLog.id)
    expect(audit.map((e) => e.entityId)).toEqual(ids)
    expect(JSON.parse(audit[449]!.afterJson!)).toEqual({
      status: 'REGISTERED',
      hubId: 'hub_1',
      orderValueFen: 45000,
    })
    expect(audit[0]).toMatchObject({
      actorUserId: m.userId,
      at: now.toISOString(),
      beforeJson: null,
    })
  })

  it('records the lines each batch covered as it lands, and the end once all have', async () => {
    const m = await actor('merchant1')
    const id = 'imp_00000000000000aa'
    const csv = file(...Array.from({ length: 1200 }, (_, i) => line(i)))
    const seen: number[] = []
    const running = importReturns(t.db, m, { csv, dryRun: false, id }, now, key)
    let finished = false
    void running.finally(() => (finished = true))
    while (!finished) {
      const [row] = await t.db.select().from(returnImports).where(eq(returnImports.id, id))
      if (row && !row.finishedAt && seen.at(-1) !== row.linesDone) seen.push(row.linesDone)
      await new Promise((resolve) => setImmediate(resolve))
    }
    await running
    const [done] = await t.db.select().from(returnImports).where(eq(returnImports.id, id))
    expect(done).toMatchObject({ linesTotal: 1200, linesDone: 1200, createdCount: 1200 })
    expect(done!.finishedAt).toBe(now.toISOString())
    // Whatever the poll caught between batches is a whole number of batches, never more.
    expect(seen.every((n) => n % 500 === 0 && n < 1200)).toBe(true)
    expect(seen.length).toBeGreaterThan(0)
  })
})
