// The real Node server (`src/node.ts`) as a child process the crash and shutdown tests can signal:
// a database file they choose (so a restart reopens the same one), a free port, the demo seed
// unless a test starts it otherwise.
import { spawn, type ChildProcess } from 'node:child_process'
import { freePort, projectRoot, refusedTileUrl } from '../browser/server'

export interface NodeServer {
  baseUrl: string
  port: number
  child: ChildProcess
  /** Everything the server has printed so far (stdout and stderr interleaved). */
  output: () => string
  /** Resolves with how the process ended. */
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>
}

/**
 * Spawns `node --import tsx src/node.ts` on `databaseUrl` (a test start with the demo seed, `env`
 * on top; `undefined` removes a variable) without waiting for it to be ready.
 */
export async function startProcess(
  databaseUrl: string,
  env: Record<string, string | undefined> = {},
): Promise<NodeServer> {
  const port = await freePort()
  const baseUrl = `http://127.0.0.1:${port}`
  let output = ''
  const merged: Record<string, string | undefined> = {
    ...process.env,
    PORT: String(port),
    DATABASE_URL: databaseUrl,
    // The empty demo alliance: the history would add seconds to every start.
    SEED_DEMO: 'minimal',
    NODE_ENV: 'test',
    MAP_TILE_URL: refusedTileUrl,
    ...env,
  }
  for (const [name, value] of Object.entries(merged)) if (value === undefined) delete merged[name]
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/node.ts'], {
    cwd: projectRoot,
    env: merged,
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  child.stdout!.setEncoding('utf8').on('data', (chunk: string) => (output += chunk))
  child.stderr!.setEncoding('utf8').on('data', (chunk: string) => (output += chunk))
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((done) =>
    child.once('exit', (code, signal) => done({ code, signal })),
  )
  return { baseUrl, port, child, output: () => output, exited }
}

/** Spawns the server (see `startProcess`) and resolves once `/healthz` is 200. */
export async function spawnServer(
  databaseUrl: string,
  timeoutMs = 60_000,
  env: Record<string, string | undefined> = {},
): Promise<NodeServer> {
  const server = await startProcess(databaseUrl, env)
  const { baseUrl, child, output } = server

  const deadline = Date.now() + timeoutMs
  for (;;) {
    if (child.exitCode !== null || child.signalCode !== null) {
      throw new Error(`The server exited before it was ready.\n${output()}`)
    }
    if (Date.now() > deadline) {
      child.kill('SIGKILL')
      throw new Error(`The server did not answer /healthz within ${timeoutMs} ms.\n${output()}`)
    }
    try {
      const res = await fetch(`${baseUrl}/healthz`, { signal: AbortSignal.timeout(2_000) })
      if (res.ok) return server
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 100))
  }
}

/** SIGKILLs the server unless it has already gone, and waits until it has. */
export async function killServer(server: NodeServer | undefined): Promise<void> {
  if (!server) return
  const { child } = server
  if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL')
  await server.exited
}

export interface GraphQLReply<T> {
  status: number
  data?: T | null
  errors?: { message: string; extensions?: Record<string, unknown> }[]
}

/** One GraphQL operation over HTTP, with a bearer token when given. */
export async function gqlOver<T = any>(
  baseUrl: string,
  query: string,
  variables: Record<string, unknown> = {},
  token?: string,
): Promise<GraphQLReply<T>> {
  const res = await fetch(`${baseUrl}/graphql`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      ...(token ? { authorization: `Bearer ${token}` } : {}),
    },
    body: JSON.stringify({ query, variables }),
    signal: AbortSignal.timeout(30_000),
  })
  return { status: res.status, ...((await res.json()) as Omit<GraphQLReply<T>, 'status'>) }
}

/** The data of a reply that must succeed; otherwise an error naming the operation. */
export async function must<T>(what: string, reply: Promise<GraphQLReply<T>>): Promise<T> {
  const r = await reply
  if (!r.data || r.errors?.length) {
    throw new Error(`${what} failed (HTTP ${r.status}): ${JSON.stringify(r.errors)}`)
  }
  return r.data
}

const loginMutation = `mutation ($e: String!, $p: String!) { login(email: $e, password: $p) { token } }`

/** Signs a demo account in through GraphQL and returns its bearer token. */
export async function tokenOver(baseUrl: string, email: string): Promise<string> {
  const data = await must<{ login: { token: string } }>(
    `login ${email}`,
    gqlOver(baseUrl, loginMutation, { e: email, p: 'nestwork-demo' }),
  )
  return data.login.token
}
