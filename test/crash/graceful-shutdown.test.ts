// Graceful shutdown: on SIGTERM the Node server stops taking connections at once, finishes every
// request it had already accepted (even one whose body is still arriving seconds later), and
// exits 0.
import { mkdtemp, rm } from 'node:fs/promises'
import { request, Agent, type IncomingMessage } from 'node:http'
import { connect } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { createClient } from '@libsql/client'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { addDays, localDate } from '../../src/calendar/local-date'
import { gqlOver, killServer, must, spawnServer, tokenOver, type NodeServer } from './node-server'

const hubId = 'hub_2'
const inFlight = 6

/** Resolves with the error code of a fresh TCP connection, or 'CONNECTED' if one was made. */
function tryConnect(port: number): Promise<string> {
  return new Promise((done) => {
    const socket = connect(port, '127.0.0.1')
    socket.once('connect', () => {
      socket.destroy()
      done('CONNECTED')
    })
    socket.once('error', (error: NodeJS.ErrnoException) => done(error.code ?? error.message))
  })
}

function readAll(res: IncomingMessage): Promise<string> {
  return new Promise((done, fail) => {
    let body = ''
    res.setEncoding('utf8')
    res.on('data', (chunk: string) => (body += chunk))
    res.on('end', () => done(body))
    res.on('error', fail)
  })
}

describe('SIGTERM', () => {
  let dir: string
  let server: NodeServer | undefined

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'nestwork-drain-'))
  })
  afterAll(async () => {
    await killServer(server)
    await rm(dir, { recursive: true, force: true })
  })

  it('finishes the requests in flight, refuses new connections and exits 0', async () => {
    const databaseUrl = `file:${join(dir, 'nestwork.db')}`
    server = await spawnServer(databaseUrl)
    const { baseUrl, port } = server
    const date = addDays(localDate(new Date()), 5)
    const coordinator = await tokenOver(baseUrl, 'coordinator@nestwork.demo')
    await must(
      'setHubCapacity',
      gqlOver(
        baseUrl,
        `mutation ($h: ID!, $d: Date!, $c: Int!) {
          setHubCapacity(hubId: $h, date: $d, capacityUnits: $c) { capacityUnits } }`,
        { h: hubId, d: date, c: 100 },
        coordinator,
      ),
    )
    const tokens = await Promise.all(
      Array.from({ length: inFlight }, (_, i) =>
        tokenOver(baseUrl, `merchant${i + 1}@nestwork.demo`),
      ),
    )

    // Each booking goes over its own kept-alive connection, opened (and so accepted) by a first
    // request; its headers and half its body are sent before the SIGTERM, the rest after.
    const pending = await Promise.all(
      tokens.map(async (token, i) => {
        const agent = new Agent({ keepAlive: true, maxSockets: 1 })
        const warm = await new Promise<IncomingMessage>((done, fail) =>
          request(`${baseUrl}/healthz`, { agent }, done).on('error', fail).end(),
        )
        await readAll(warm)
        const body = JSON.stringify({
          query: `mutation ($input: BookHubCapacityInput!) { bookHubCapacity(input: $input) { id status } }`,
          variables: { input: { hubId, date, units: 2, idempotencyKey: `drain-key-${i}` } },
        })
        const req = request(`${baseUrl}/graphql`, {
          agent,
          method: 'POST',
          headers: {
            'content-type': 'application/json',
            'content-length': Buffer.byteLength(body),
            authorization: `Bearer ${token}`,
          },
        })
        const answered = new Promise<{ status: number; body: string }>((done, fail) => {
          req.on('response', (res) =>
            readAll(res).then((b) => done({ status: res.statusCode!, body: b }), fail),
          )
          req.on('error', fail)
        })
        // Awaited below; this only keeps a failure before then from being reported twice.
        answered.catch(() => {})
        const half = Math.floor(body.length / 2)
        req.write(body.slice(0, half))
        return { req, rest: body.slice(half), answered, agent }
      }),
    )
    // Let the server read every request's headers before it is told to stop.
    await new Promise((r) => setTimeout(r, 500))

    server.child.kill('SIGTERM')
    const deadline = Date.now() + 5_000
    while (!server.output().includes('SIGTERM') && Date.now() < deadline) {
      await new Promise((r) => setTimeout(r, 20))
    }
    expect(await tryConnect(port)).toBe('ECONNREFUSED')
    expect(server.child.exitCode).toBeNull()

    // A slow client: the rest of each body comes seconds later, and is still waited for.
    await new Promise((r) => setTimeout(r, 4_000))
    expect(server.child.exitCode).toBeNull()
    for (const p of pending) p.req.end(p.rest)
    const replies = await Promise.all(pending.map((p) => p.answered))
    for (const p of pending) p.agent.destroy()
    const ids: string[] = []
    for (const reply of replies) {
      expect(reply.status).toBe(200)
      const parsed = JSON.parse(reply.body) as {
        data?: { bookHubCapacity: { id: string; status: string } }
        errors?: unknown[]
      }
      expect(parsed.errors).toBeUndefined()
      expect(parsed.data?.bookHubCapacity.status).toBe('CONFIRMED')
      ids.push(parsed.data!.bookHubCapacity.id)
    }

    expect(await server.exited).toEqual({ code: 0, signal: null })

    // What the clients were told is what the database holds.
    const db = createClient({ url: databaseUrl })
    try {
      const { rows } = await db.execute({
        sql: `select count(*) as n from bookings b, json_each(?) j
              where b.id = j.value and b.status = 'CONFIRMED'`,
        args: [JSON.stringify(ids)],
      })
      expect(Number(rows[0]!.n)).toBe(inFlight)
    } finally {
      db.close()
    }
  }, 120_000)
})
