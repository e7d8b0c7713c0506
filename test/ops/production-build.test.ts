// `NODE_ENV=production npm start` runs the build (`npm run build`, dist/node.js): plain JavaScript,
// no TypeScript compiled at start-up. npm's child is the server itself (the start script `exec`s
// node), so the SIGTERM an orchestrator sends to `npm start` reaches it: it refuses new
// connections, finishes the request in flight and exits 0, and npm with it.
import { spawn, spawnSync } from 'node:child_process'
import { existsSync, readFileSync } from 'node:fs'
import { mkdtemp, rm } from 'node:fs/promises'
import { request, type IncomingMessage } from 'node:http'
import { connect } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { freePort, projectRoot, refusedTileUrl } from '../browser/server'

const contactKey = 'production-build-test-key-0123456789abcdef'
const metricsToken = 'production-build-metrics-0123456789abcdef'

let dir: string
let npm: ReturnType<typeof spawn> | undefined
/** What npm started, killed too after a failure so no server is left behind. */
let started: number[] = []
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'nestwork-build-'))
  const build = spawnSync(process.execPath, ['--import', 'tsx', 'scripts/build.ts'], {
    cwd: projectRoot,
    encoding: 'utf8',
  })
  expect(build.status, build.stderr).toBe(0)
}, 120_000)
afterAll(async () => {
  if (npm && npm.exitCode === null && npm.signalCode === null) npm.kill('SIGKILL')
  for (const pid of started) {
    try {
      process.kill(pid, 'SIGKILL')
    } catch (error) {
      // Gone already: the test stopped it.
      if ((error as NodeJS.ErrnoException).code !== 'ESRCH') throw error
    }
  }
  await rm(dir, { recursive: true, force: true })
})

/** The processes whose parent is `pid`, with their command lines (Linux's /proc). */
function childrenOf(pid: number): { pid: number; argv: string[] }[] {
  const list = readFileSync(`/proc/${pid}/task/${pid}/children`, 'utf8').trim()
  return list
    .split(' ')
    .filter(Boolean)
    .map((child) => ({
      pid: Number(child),
      argv: readFileSync(`/proc/${child}/cmdline`, 'utf8').split('\0').filter(Boolean),
    }))
}

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

/** The server's log lines, parsed; npm's own banner lines (`> nestwork@… start`) left out. */
function logLines(output: string): Record<string, unknown>[] {
  return output
    .split('\n')
    .filter((line) => line.trim() !== '' && !line.startsWith('>'))
    .map((line) => JSON.parse(line) as Record<string, unknown>)
}

async function until(what: string, check: () => boolean | Promise<boolean>, ms = 30_000) {
  const deadline = Date.now() + ms
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}`)
    await new Promise((r) => setTimeout(r, 50))
  }
}

describe('the production build', () => {
  it('starts from dist/, hands SIGTERM to the server, which drains and exits 0', async () => {
    expect(existsSync(join(projectRoot, 'dist/node.js'))).toBe(true)
    const port = await freePort()
    let output = ''
    npm = spawn('npm', ['start'], {
      cwd: projectRoot,
      env: {
        ...process.env,
        NODE_ENV: 'production',
        CONTACT_KEY: contactKey,
        DATABASE_URL: `file:${join(dir, 'nestwork.db')}`,
        PORT: String(port),
        SCHEDULED_JOBS: '0',
        METRICS_TOKEN: metricsToken,
        MAP_TILE_URL: refusedTileUrl,
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    })
    npm.stdout!.setEncoding('utf8').on('data', (chunk: string) => (output += chunk))
    npm.stderr!.setEncoding('utf8').on('data', (chunk: string) => (output += chunk))
    const exited = new Promise<{ code: number | null; signal: string | null }>((done) =>
      npm!.once('exit', (code, signal) => done({ code, signal })),
    )
    await until('the server to listen', () => {
      if (npm!.exitCode !== null) throw new Error(`npm start exited early:\n${output}`)
      return output.includes('listening')
    })

    // Start-up CPU time is logged; no bound on it here, since a loaded CI machine makes that a
    // flaky timed test. That no compiler runs is checked on the process tree below.
    const ready = logLines(output).find((l) => String(l.msg).includes('listening'))
    expect(ready?.cpuMs).toBeGreaterThan(0)
    if (existsSync('/proc')) {
      const children = childrenOf(npm.pid!)
      const grandchildren = children.flatMap((c) => childrenOf(c.pid))
      started = [...children, ...grandchildren].map((c) => c.pid)
      expect(children).toHaveLength(1)
      expect(children[0]!.argv.join(' ')).toMatch(/node .*dist\/node\.js$/)
      expect(grandchildren.map((c) => c.argv[0])).not.toContain('sh')
    }

    // Ready (migrated at start-up), and measured.
    expect((await fetch(`http://127.0.0.1:${port}/readyz`)).status).toBe(200)
    const scraped = await fetch(`http://127.0.0.1:${port}/metrics`, {
      headers: { authorization: `Bearer ${metricsToken}` },
    })
    const metrics = await scraped.text()
    expect(Number(/^nestwork_db_size_bytes (\d+)$/m.exec(metrics)?.[1])).toBeGreaterThan(0)
    expect(Number(/^nestwork_db_statements_total (\d+)$/m.exec(metrics)?.[1])).toBeGreaterThan(0)
    expect(metrics).toContain('route="/readyz"')

    // A request in flight: its headers and half its body now, the rest after the SIGTERM.
    const body = JSON.stringify({ query: '{ __typename }' })
    const req = request(`http://127.0.0.1:${port}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) },
    })
    const answered = new Promise<{ status: number; body: string }>((done, fail) => {
      req.on('response', (res: IncomingMessage) => {
        let text = ''
        res.setEncoding('utf8').on('data', (chunk: string) => (text += chunk))
        res.on('end', () => done({ status: res.statusCode!, body: text }))
      })
      req.on('error', fail)
    })
    answered.catch(() => {})
    req.write(body.slice(0, 5))
    await new Promise((r) => setTimeout(r, 300))

    npm.kill('SIGTERM')
    await until('the SIGTERM to reach the server', () => output.includes('SIGTERM'), 5_000)
    expect(await tryConnect(port)).toBe('ECONNREFUSED')
    expect(npm.exitCode).toBeNull()

    req.end(body.slice(5))
    const reply = await answered
    expect(reply.status).toBe(200)
    expect(JSON.parse(reply.body)).toEqual({ data: { __typename: 'Query' } })
    expect(await exited).toEqual({ code: 0, signal: null })

    // Everything the server printed is a JSON line; the drained request is in the access log.
    const lines = logLines(output)
    expect(lines.map((l) => l.msg)).toContain(
      'SIGTERM: finishing requests in flight, then stopping',
    )
    expect(lines).toContainEqual(
      expect.objectContaining({ msg: 'request', route: '/graphql', method: 'POST', status: 200 }),
    )
  }, 120_000)
})
