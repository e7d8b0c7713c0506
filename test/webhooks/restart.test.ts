import { mkdtempSync, rmSync } from 'node:fs'
import { createServer } from 'node:http'
import type { AddressInfo } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { openLibsql } from '../../db/libsql'
import { seedDemo } from '../../db/seed/seed'
import { createApp } from '../../src/app'
import { pbkdf2Hasher } from '../../src/auth/password'
import { loadConfig } from '../../src/config'
import { drainOutbox } from '../../src/events/drain'
import { fetchDeliver } from '../../src/webhooks/deliver'
import { testStart, type TestApp } from '../helpers/app'
import { gql, tokenFor } from '../helpers/http'
import { registerReturnFor } from '../helpers/returns'
import { createEndpoint } from './helpers'

const cleanup: (() => void | Promise<void>)[] = []
afterEach(async () => {
  for (const done of cleanup.splice(0).reverse()) await done()
})

/** An app over a database file, as the Node entry runs it. */
async function openOnFile(url: string, seed: boolean): Promise<TestApp & { close(): void }> {
  const { db, client } = await openLibsql(url)
  const hasher = pbkdf2Hasher(1000)
  if (seed) await seedDemo(db, hasher)
  const config = loadConfig({ NODE_ENV: 'test', WEBHOOK_ALLOW_PRIVATE: '1' })
  const app = createApp({
    db,
    config,
    hasher,
    now: () => testStart,
    clientIp: () => '198.51.100.7',
  })
  return { app, db, client, setNow: () => {}, close: () => client.close() }
}

describe('a change committed before a crash', () => {
  it('is delivered by the drain after the restart, to a real HTTP receiver', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'nestwork-outbox-'))
    cleanup.push(() => rmSync(dir, { recursive: true, force: true }))
    const received: { id: string; body: string }[] = []
    const server = createServer((req, res) => {
      let body = ''
      req.on('data', (chunk) => (body += chunk))
      req.on('end', () => {
        received.push({ id: String(req.headers['webhook-id']), body })
        res.writeHead(204).end()
      })
    })
    await new Promise<void>((done) => server.listen(0, '127.0.0.1', done))
    cleanup.push(() => new Promise<void>((done) => server.close(() => done())))
    const port = (server.address() as AddressInfo).port
    const url = `file:${join(dir, 'nestwork.db')}`

    // The change commits; the process dies before any drain runs.
    const before = await openOnFile(url, true)
    await createEndpoint(
      before,
      'merchant1@nestwork.demo',
      ['return.registered'],
      `http://127.0.0.1:${port}/hooks`,
    )
    const { id } = await registerReturnFor(before, 1)
    before.close()
    expect(received).toHaveLength(0)

    const after = await openOnFile(url, false)
    cleanup.push(() => after.close())
    const outcome = await drainOutbox(after.db, testStart, fetchDeliver, { allowPrivate: true })
    expect(outcome).toMatchObject({ events: 1, attempts: 1, delivered: 1 })
    expect(received).toHaveLength(1)
    expect(received[0]!.id).toMatch(/^evt_/)
    expect(JSON.parse(received[0]!.body).data.return.id).toBe(id)
    // The log shows it delivered, and a second drain sends nothing again.
    await drainOutbox(after.db, new Date(testStart.getTime() + 60_000), fetchDeliver, {
      allowPrivate: true,
    })
    expect(received).toHaveLength(1)
    const log = await gql(
      after,
      `{ webhookEndpoints { id } }`,
      {},
      await tokenFor(after, 'merchant1@nestwork.demo'),
    )
    expect(log.data.webhookEndpoints).toHaveLength(1)
  })
})
