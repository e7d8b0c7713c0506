// Starts the real Node server (`src/node.ts`) for benchmarks: production mode, the demo seed, a
// libSQL file database the caller chooses (and reads afterwards), a free loopback port.
import { spawn } from 'node:child_process'
import { createServer } from 'node:net'
import { resolve } from 'node:path'
import { fileURLToPath } from 'node:url'

const projectRoot = resolve(fileURLToPath(new URL('.', import.meta.url)), '..')

export interface BenchServer {
  baseUrl: string
  /** The server process's id (its memory can be read from /proc on Linux). */
  pid: number
  /** Everything the server has printed (stdout and stderr interleaved). */
  output: () => string
  /** SIGTERM, then SIGKILL after 5 s; resolves once the process is gone. Safe to call twice. */
  stop: () => Promise<void>
}

function freePort(): Promise<number> {
  return new Promise((done, fail) => {
    const probe = createServer()
    probe.unref()
    probe.once('error', fail)
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address()
      if (!address || typeof address === 'string') {
        probe.close()
        fail(new Error('could not determine a free port'))
      } else probe.close(() => done(address.port))
    })
  })
}

/**
 * Spawns `node --import tsx src/node.ts` (or, with `build`, the production build `dist/node.js`
 * as `npm start` runs it; `npm run build` first) and resolves once `GET /healthz` answers 200.
 */
export async function startBenchServer(
  databaseUrl: string,
  { timeoutMs = 60_000, build = false } = {},
) {
  const port = await freePort()
  const baseUrl = `http://127.0.0.1:${port}`
  let output = ''
  const entry = build ? ['dist/node.js'] : ['--import', 'tsx', 'src/node.ts']
  const child = spawn(process.execPath, entry, {
    cwd: projectRoot,
    env: {
      ...process.env,
      PORT: String(port),
      DATABASE_URL: databaseUrl,
      // The empty demo alliance: the scenarios bring their own load.
      SEED_DEMO: 'minimal',
      NODE_ENV: 'production',
      // Production refuses to start without a key of its own; this one guards only bench data.
      CONTACT_KEY: 'bench-contact-key-guards-only-bench-data',
      // Nothing listens on port 9: no page could ever reach the internet.
      MAP_TILE_URL: 'http://127.0.0.1:9/{z}/{x}/{y}.png',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => (output += chunk))
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => (output += chunk))
  const gone = () => child.exitCode !== null || child.signalCode !== null
  const exited = new Promise<void>((done) => (gone() ? done() : child.once('exit', () => done())))

  let stopping: Promise<void> | undefined
  const stop = () =>
    (stopping ??= (async () => {
      if (gone()) return
      child.kill('SIGTERM')
      const timer = setTimeout(() => child.kill('SIGKILL'), 5_000)
      await exited
      clearTimeout(timer)
    })())

  const deadline = Date.now() + timeoutMs
  for (;;) {
    if (gone()) {
      await stop()
      throw new Error(`The Nestwork server exited before it was ready.\n${output}`)
    }
    if (Date.now() > deadline) {
      await stop()
      throw new Error(`The Nestwork server did not answer within ${timeoutMs} ms.\n${output}`)
    }
    try {
      const res = await fetch(`${baseUrl}/healthz`, { signal: AbortSignal.timeout(2_000) })
      if (res.ok) break
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 150))
  }
  const server: BenchServer = { baseUrl, pid: child.pid!, output: () => output, stop }
  return server
}
