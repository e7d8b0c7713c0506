// Starts the real Node server (`src/node.ts`) as a child process for browser tests: a fresh
// libSQL file database in a temp dir, the demo seed, a free port, and a tile URL that refuses
// connections so no test ever reaches the internet.
import { spawn, type ChildProcess } from 'node:child_process'
import { mkdtemp, rm } from 'node:fs/promises'
import { createServer } from 'node:net'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'

export const projectRoot = resolve(fileURLToPath(new URL('.', import.meta.url)), '../..')

/** Port 9 (discard) on loopback: nothing listens there, so every tile fails fast. */
export const refusedTileUrl = 'http://127.0.0.1:9/{z}/{x}/{y}.png'

export interface RunningServer {
  baseUrl: string
  /** Everything the server has printed so far (stdout and stderr interleaved). */
  output: () => string
  stop: () => Promise<void>
}

export interface StartOptions {
  /** How long to wait for `GET /healthz` to answer. */
  timeoutMs?: number
  env?: Record<string, string>
}

/** Asks the OS for a free port by listening on port 0, then releases it. */
export function freePort(): Promise<number> {
  return new Promise((resolvePort, reject) => {
    const probe = createServer()
    probe.unref()
    probe.once('error', reject)
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address()
      if (!address || typeof address === 'string') {
        probe.close()
        reject(new Error('could not determine a free port'))
        return
      }
      probe.close(() => resolvePort(address.port))
    })
  })
}

/**
 * Starts `node --import tsx src/node.ts` and resolves once `/healthz` answers 200.
 * @example const server = await startServer(); ... await server.stop()
 */
export async function startServer(options: StartOptions = {}): Promise<RunningServer> {
  const timeoutMs = options.timeoutMs ?? 80_000
  const dir = await mkdtemp(join(tmpdir(), 'nestwork-browser-'))
  const port = await freePort()
  const baseUrl = `http://127.0.0.1:${port}`
  let output = ''

  const child = spawn(process.execPath, ['--import', 'tsx', 'src/node.ts'], {
    cwd: projectRoot,
    env: {
      ...process.env,
      PORT: String(port),
      DATABASE_URL: `file:${join(dir, 'nestwork.db')}`,
      // Journeys start from the empty demo alliance, not its history.
      SEED_DEMO: 'minimal',
      // Journeys set up their own state; a job publishing or notifying on its own would race them.
      SCHEDULED_JOBS: '0',
      NODE_ENV: 'test',
      MAP_TILE_URL: refusedTileUrl,
      ...options.env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  child.stdout!.setEncoding('utf8').on('data', (chunk: string) => (output += chunk))
  child.stderr!.setEncoding('utf8').on('data', (chunk: string) => (output += chunk))
  const exited = new Promise<void>((done) => {
    if (child.exitCode !== null || child.signalCode !== null) done()
    else child.once('exit', () => done())
  })

  const cleanup = async () => {
    await stopChild(child, exited)
    await rm(dir, { recursive: true, force: true })
  }

  try {
    await waitForHealth(baseUrl, child, timeoutMs, () => output)
  } catch (error) {
    await cleanup()
    throw error
  }

  let stopping: Promise<void> | undefined
  return {
    baseUrl,
    output: () => output,
    stop: () => (stopping ??= cleanup()),
  }
}

async function waitForHealth(
  baseUrl: string,
  child: ChildProcess,
  timeoutMs: number,
  output: () => string,
): Promise<void> {
  const deadline = Date.now() + timeoutMs
  while (Date.now() < deadline) {
    if (child.exitCode !== null || child.signalCode !== null) {
      const how = child.exitCode !== null ? `code ${child.exitCode}` : `signal ${child.signalCode}`
      throw new Error(`The Nestwork server exited with ${how} before it was ready.\n${output()}`)
    }
    try {
      const response = await fetch(`${baseUrl}/healthz`, { signal: AbortSignal.timeout(2_000) })
      if (response.ok) return
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 150))
  }
  throw new Error(
    `The Nestwork server did not answer ${baseUrl}/healthz within ${timeoutMs} ms.\n${output()}`,
  )
}

/** SIGTERM, then SIGKILL if the process has not exited within 5 s; resolves once it is gone. */
async function stopChild(child: ChildProcess, exited: Promise<void>): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return
  child.kill('SIGTERM')
  const timer = setTimeout(() => child.kill('SIGKILL'), 5_000)
  try {
    await exited
  } finally {
    clearTimeout(timer)
  }
}
