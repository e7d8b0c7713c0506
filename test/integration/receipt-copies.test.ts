import { sql } from 'drizzle-orm'
import { beforeEach, describe, expect, it } from 'vitest'
import { createTestApp, type TestApp } from '../helpers/app'
import { parcelOnRun, receipt } from '../helpers/raw-receipt'

describe('a receipt keeps its run’s hub and its return’s merchant', () => {
  let t: TestApp
  beforeEach(async () => {
    t = await createTestApp()
    await parcelOnRun((q) => t.client.execute(q))
  })
  const copies = async () =>
    (
      await t.db.all<{ hub_id: string | null; merchant_id: string | null }>(
        sql`select hub_id, merchant_id from run_receipts where return_id = 'ret_copy'`,
      )
    )[0]

  it('fills them in when an insert leaves them out', async () => {
    await t.client.execute(receipt())
    expect(await copies()).toEqual({ hub_id: 'hub_1', merchant_id: 'mer_01' })
  })

  it('stores them as given when they are right', async () => {
    await t.client.execute(receipt(', hub_id, merchant_id', ", 'hub_1', 'mer_01'"))
    expect(await copies()).toEqual({ hub_id: 'hub_1', merchant_id: 'mer_01' })
  })

  it.each([
    ['another hub', ", 'hub_2', 'mer_01'"],
    ['another merchant', ", 'hub_1', 'mer_02'"],
  ])('refuses a receipt that names %s', async (_, values) => {
    await expect(t.client.execute(receipt(', hub_id, merchant_id', values))).rejects.toThrow(
      /run's hub and its return's merchant/,
    )
    expect(await copies()).toBeUndefined()
  })

  it.each([["hub_id = 'hub_2'"], ["merchant_id = 'mer_02'"], ['hub_id = null']])(
    'refuses changing a stored receipt so that %s',
    async (change) => {
      await t.client.execute(receipt())
      await expect(
        t.client.execute(`update run_receipts set ${change} where return_id = 'ret_copy'`),
      ).rejects.toThrow(/run's hub and its return's merchant/)
      expect(await copies()).toEqual({ hub_id: 'hub_1', merchant_id: 'mer_01' })
    },
  )
})
