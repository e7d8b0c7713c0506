import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { createClient, type Client } from '@libsql/client'
import Database from 'libsql'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { openLibsql } from '../../db/libsql'
import { statementsKept } from '../../db/statement-cache'

let dir: string
const open: Client[] = []
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'nestwork-statements-'))
})
afterEach(async () => {
  for (const c of open.splice(0)) c.close()
  await rm(dir, { recursive: true, force: true })
})

async function embedded(url = `file:${join(dir, 'db.sqlite')}`) {
  const { client } = await openLibsql(url)
  open.push(client)
  await client.execute('create table t (id integer primary key, v text not null unique)')
  return client
}

const values = async (c: Client) =>
  (await c.execute({ sql: 'select v from t where v >= ? order by v', args: [''] })).rows.map(
    (r) => r.v,
  )

describe('the prepared statements of an embedded database', () => {
  it('are kept per text and give the same answers as a stock client', async () => {
    const client = await embedded()
    const stock = createClient({ url: `file:${join(dir, 'db.sqlite')}` })
    open.push(stock)
    expect(statementsKept(stock)).toBeUndefined()
    const kept = statementsKept(client)!
    for (const v of ['a', 'b', 'c']) {
      await client.execute({ sql: 'insert into t (v) values (?)', args: [v] })
    }
    expect(await values(client)).toEqual(['a', 'b', 'c'])
    expect(await values(client)).toEqual(await values(stock))
    // One statement per text, however often it runs.
    expect(statementsKept(client)! - kept).toBeLessThanOrEqual(3)
  })

  it('reuses a statement after it failed, inside and outside a batch', async () => {
    const client = await embedded(':memory:')
    const insert = { sql: 'insert into t (v) values (?)', args: ['a'] }
    await client.execute(insert)
    await expect(client.execute(insert)).rejects.toThrow(/UNIQUE/)
    await expect(client.batch([{ sql: insert.sql, args: ['b'] }, insert], 'write')).rejects.toThrow(
      /UNIQUE/,
    )
    await client.execute({ sql: insert.sql, args: ['c'] })
    expect(await values(client)).toEqual(['a', 'c'])
  })

  it('follows a change of the schema', async () => {
    const client = await embedded(':memory:')
    await client.execute({ sql: 'insert into t (v) values (?)', args: ['a'] })
    expect(Object.keys((await client.execute('select * from t')).rows[0]!)).toEqual(['id', 'v'])
    await client.execute('-- as a migration writes it\nalter table t add column w text')
    const [row] = (await client.execute('select * from t')).rows
    expect(Object.keys(row!)).toEqual(['id', 'v', 'w'])
  })

  it('keeps at most 500, dropping the least recently used', async () => {
    const client = await embedded(':memory:')
    for (let i = 0; i < 600; i++) await client.execute(`select ${i} as n`)
    expect(statementsKept(client)).toBe(500)
    expect((await client.execute('select 599 as n')).rows[0]!.n).toBe(599)
  })
})

describe('a kept statement', () => {
  it('asks the driver for its columns once, and still follows a change of the schema', async () => {
    const client = await embedded(':memory:')
    const probe = new Database(':memory:')
    const statementProto = Object.getPrototypeOf(probe.prepare('select 1'))
    probe.close()
    const columns = vi.spyOn(statementProto, 'columns')
    try {
      await client.execute('select v as value from t')
      columns.mockClear()
      for (let i = 0; i < 3; i++) await client.execute('select v as value from t')
      expect(columns).not.toHaveBeenCalled()
      await client.execute({ sql: 'insert into t (v) values (?)', args: ['a'] })
      expect(Object.keys((await client.execute('select * from t')).rows[0]!)).toEqual(['id', 'v'])
      await client.execute('alter table t add column w text')
      expect(Object.keys((await client.execute('select * from t')).rows[0]!)).toEqual([
        'id',
        'v',
        'w',
      ])
    } finally {
      columns.mockRestore()
    }
  })
})
