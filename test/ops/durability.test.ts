import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, expect, test } from 'vitest'
import { openLibsql } from '../../db/libsql'

let dir: string | undefined
afterEach(async () => {
  if (dir) await rm(dir, { recursive: true, force: true })
})

// `synchronous` holds per connection; calls that overlap each borrow a connection of their own,
// so asking many at once reads every connection the pool holds.
test('every connection of the file database commits in WAL with synchronous = NORMAL', async () => {
  dir = await mkdtemp(join(tmpdir(), 'nestwork-durability-'))
  const { client } = await openLibsql(`file:${join(dir, 'db.sqlite')}`)
  try {
    const ask = (pragma: string) =>
      Promise.all(Array.from({ length: 30 }, () => client.execute(pragma)))
    const modes = (await ask('pragma synchronous')).map((r) => Number(r.rows[0]![0]))
    expect(new Set(modes)).toEqual(new Set([1]))
    const journal = await client.execute('pragma journal_mode')
    expect(journal.rows[0]![0]).toBe('wal')
  } finally {
    client.close()
  }
})
