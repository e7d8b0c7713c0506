// `npm run backup` and `npm run restore` against the real Node server's database file: a backup
// taken while bookings are being written is consistent, a restore brings back exactly the rows of
// its snapshot (and keeps what it replaced), and a file that is not a whole Nestwork database is
// refused with a clear message before anything is touched.
import { spawn } from 'node:child_process'
import { existsSync, readFileSync, writeFileSync } from 'node:fs'
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { createClient } from '@libsql/client'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { openLibsql } from '../../db/libsql'
import { addDays, localDate } from '../../src/calendar/local-date'
import { projectRoot } from '../browser/server'
import {
  gqlOver,
  killServer,
  must,
  spawnServer,
  tokenOver,
  type NodeServer,
} from '../crash/node-server'

interface ScriptRun {
  code: number | null
  stdout: string
  stderr: string
}

/** Runs `scripts/<name>.ts` as `npm run <name>` does, without blocking this process. */
function script(name: 'backup' | 'restore', args: string[], databaseUrl: string) {
  return new Promise<ScriptRun>((done, fail) => {
    const child = spawn(process.execPath, ['--import', 'tsx', `scripts/${name}.ts`, ...args], {
      cwd: projectRoot,
      env: { ...process.env, DATABASE_URL: databaseUrl },
      stdio: ['ignore', 'pipe', 'pipe'],
    })
    let stdout = ''
    let stderr = ''
    child.stdout.setEncoding('utf8').on('data', (c: string) => (stdout += c))
    child.stderr.setEncoding('utf8').on('data', (c: string) => (stderr += c))
    child.once('error', fail)
    child.once('exit', (code) => done({ code, stdout, stderr }))
  })
}

/** Row count of every table of a database file. */
async function rowCounts(path: string): Promise<Record<string, number>> {
  const client = createClient({ url: `file:${path}` })
  try {
    const tables = await client.execute(
      "select name from sqlite_master where type = 'table' and name not like 'sqlite_%' order by name",
    )
    const counts: Record<string, number> = {}
    for (const { name } of tables.rows) {
      const { rows } = await client.execute(`select count(*) as n from "${String(name)}"`)
      counts[String(name)] = Number(rows[0]!.n)
    }
    return counts
  } finally {
    client.close()
  }
}

const bookMutation = `mutation ($input: BookHubCapacityInput!) { bookHubCapacity(input: $input) { id status } }`

describe('backup and restore', () => {
  let dir: string
  let file: string
  let databaseUrl: string
  let server: NodeServer | undefined
  const date = addDays(localDate(new Date()), 4)

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'nestwork-ops-'))
    file = join(dir, 'nestwork.db')
    databaseUrl = `file:${file}`
    server = await spawnServer(databaseUrl)
    const coordinator = await tokenOver(server.baseUrl, 'coordinator@nestwork.demo')
    await must(
      'setHubCapacity',
      gqlOver(
        server.baseUrl,
        `mutation ($h: ID!, $d: Date!, $c: Int!) {
          setHubCapacity(hubId: $h, date: $d, capacityUnits: $c) { capacityUnits } }`,
        { h: 'hub_3', d: date, c: 1_000 },
        coordinator,
      ),
    )
  })
  afterAll(async () => {
    await killServer(server)
    await rm(dir, { recursive: true, force: true })
  })

  const book = (token: string, key: string) =>
    gqlOver<{ bookHubCapacity: { id: string; status: string } }>(
      server!.baseUrl,
      bookMutation,
      { input: { hubId: 'hub_3', date, units: 1, idempotencyKey: key } },
      token,
    )

  it('takes a consistent snapshot while bookings are being written', async () => {
    const tokens = await Promise.all(
      [1, 2, 3, 4].map((i) => tokenOver(server!.baseUrl, `merchant${i}@nestwork.demo`)),
    )
    const confirmed: string[] = []
    let writing = true
    const writers = tokens.map(async (token, m) => {
      for (let i = 0; writing; i++) {
        const r = await book(token, `backup-key-${m}-${i}`)
        if (r.data?.bookHubCapacity.status !== 'CONFIRMED') throw new Error(JSON.stringify(r))
        confirmed.push(r.data.bookHubCapacity.id)
      }
    })
    while (confirmed.length < 8) await new Promise((r) => setTimeout(r, 20))
    const before = [...confirmed]
    const snapshot = join(dir, 'during-writes.db')
    const run = await script('backup', [snapshot], databaseUrl)
    const after = confirmed.length
    while (confirmed.length < after + 8) await new Promise((r) => setTimeout(r, 20))
    writing = false
    await Promise.all(writers)

    expect(run.stderr).toBe('')
    expect(run.code).toBe(0)
    expect(run.stdout).toContain(snapshot)
    const client = createClient({ url: `file:${snapshot}` })
    try {
      const rows = async (sql: string, args: string[] = []) =>
        (await client.execute({ sql, args })).rows
      expect((await rows('pragma integrity_check'))[0]![0]).toBe('ok')
      expect(await rows('pragma foreign_key_check')).toEqual([])
      const days = await rows(`
        select hd.capacity_units, hd.confirmed_units,
          (select coalesce(sum(b.units), 0) from bookings b where b.hub_id = hd.hub_id
             and b.date = hd.date and b.status = 'CONFIRMED') as booked
        from hub_days hd`)
      for (const d of days) {
        expect(Number(d.confirmed_units)).toBe(Number(d.booked))
        expect(Number(d.confirmed_units)).toBeLessThanOrEqual(Number(d.capacity_units))
      }
      // Everything confirmed before the backup began is in it; what came after is not all in it.
      const held = await rows(
        `select count(*) as n from bookings b, json_each(?) j where b.id = j.value`,
        [JSON.stringify(before)],
      )
      expect(Number(held[0]!.n)).toBe(before.length)
      const all = await rows(
        `select count(*) as n from bookings b, json_each(?) j where b.id = j.value`,
        [JSON.stringify(confirmed)],
      )
      expect(Number(all[0]!.n)).toBeLessThan(confirmed.length)
    } finally {
      client.close()
    }
  }, 120_000)

  it('restores a snapshot to its exact rows and keeps the database it replaced', async () => {
    const snapshot = join(dir, 'before-more-bookings.db')
    const taken = await script('backup', [snapshot], databaseUrl)
    expect(taken.code).toBe(0)
    const merchant = await tokenOver(server!.baseUrl, 'merchant5@nestwork.demo')
    for (let i = 0; i < 3; i++) await must('book', book(merchant, `after-backup-key-${i}`))

    // The running server holds the database: the restore refuses and changes nothing.
    const busy = await script('restore', [snapshot], databaseUrl)
    expect(busy.code).not.toBe(0)
    expect(busy.stderr).toMatch(/in use \(is the server running\?\)/)
    expect(existsSync(`${file}.before-restore`)).toBe(false)

    server!.child.kill('SIGTERM')
    expect((await server!.exited).code).toBe(0)
    const restored = await script('restore', [snapshot], databaseUrl)
    expect(restored.stderr).toBe('')
    expect(restored.code).toBe(0)

    const expected = await rowCounts(snapshot)
    expect(await rowCounts(file)).toEqual(expected)
    const replaced = await rowCounts(`${file}.before-restore`)
    expect(replaced.bookings).toBe(expected.bookings! + 3)

    // The restored database serves, without the bookings made after the snapshot.
    server = await spawnServer(databaseUrl)
    const again = await tokenOver(server.baseUrl, 'merchant5@nestwork.demo')
    const mine = await must<{ myBookings: { id: string }[] }>(
      'myBookings',
      gqlOver(
        server.baseUrl,
        `query ($f: Date!, $t: Date!) { myBookings(from: $f, to: $t) { id } }`,
        { f: date, t: date },
        again,
      ),
    )
    expect(mine.myBookings).toEqual([])
  }, 180_000)

  it.each([
    ['a file that is not a database', 'garbage', /is not a SQLite database/],
    ['a damaged database', 'damaged', /is damaged: /],
    ['a SQLite database that is not Nestwork', 'foreign', /has no migrations table/],
    ['a file that does not exist', 'missing', /does not exist/],
  ])(
    'refuses %s with a clear message and touches nothing',
    async (_, kind, message) => {
      const target = join(dir, `untouched-${kind}.db`)
      const candidate = join(dir, `${kind}.db`)
      if (kind === 'garbage') writeFileSync(candidate, 'name,units\nhub_1,40\n'.repeat(500))
      if (kind === 'foreign') {
        const other = createClient({ url: `file:${candidate}` })
        await other.execute('create table notes (body text)')
        other.close()
      }
      if (kind === 'damaged') {
        // A migrated database whose pages past the header are overwritten.
        const made = await openLibsql(`file:${candidate}`)
        await made.client.execute('pragma journal_mode = delete')
        made.client.close()
        const bytes = readFileSync(candidate)
        bytes.fill(0xa5, 4096, Math.min(bytes.length, 4096 * 6))
        writeFileSync(candidate, bytes)
      }
      const run = await script('restore', [candidate], `file:${target}`)
      expect(run.code).not.toBe(0)
      expect(run.stderr).toMatch(/^Refused: /)
      expect(run.stderr).toMatch(message)
      expect(existsSync(target)).toBe(false)
      expect(existsSync(`${target}.restoring`)).toBe(false)
    },
    60_000,
  )
})
