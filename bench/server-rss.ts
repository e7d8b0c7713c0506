// The real Node server's memory under the page-render load: the production build (`npm run
// build`, run here first, then `dist/node.js` as `npm start` runs it) on a fresh libSQL file, a merchant with returns registered over GraphQL and signed in through the
// sign-in form as a browser is, then `/returns` requested over HTTP by a few clients at once
// while the server's resident set is read from /proc. The peak is the kernel's high-water mark
// (VmHWM), so no spike between two samples is missed.
import { spawn } from 'node:child_process'
import { mkdtemp, readFile, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { demoHubs } from '../db/seed/demo-data'
import { demoPassword } from '../db/seed/seed'
import { startBenchServer } from './server'

const projectRoot = resolve(fileURLToPath(new URL('.', import.meta.url)), '..')

export interface ServerMemory {
  /** Resident set before the load, after start-up and seeding (MiB). */
  idleMiB: number
  /** The highest resident set the process reached, through the load (MiB). */
  peakMiB: number
  renders: number
  seconds: number
  failures: string[]
}

/** `npm run build`: what production runs, without the TypeScript compiler loaded beside it. */
function buildServer(): Promise<void> {
  return new Promise((done, fail) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'scripts/build.ts'], {
      cwd: projectRoot,
      stdio: ['ignore', 'ignore', 'inherit'],
    })
    child.once('error', fail)
    child.once('exit', (code) => (code === 0 ? done() : fail(new Error(`build exited ${code}`))))
  })
}

const statusField = async (pid: number, field: string) => {
  const status = await readFile(`/proc/${pid}/status`, 'utf8')
  const kib = Number(new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(status)?.[1])
  return kib / 1024
}

const cookiesOf = (res: Response) =>
  res.headers
    .getSetCookie()
    .map((c) => c.split(';')[0]!)
    .join('; ')

/** Runs `renders` page loads with `clients` at once against a fresh server and reads its RSS. */
export async function serverMemoryUnderPageLoad(
  email: string,
  renders: number,
  clients: number,
): Promise<ServerMemory | null> {
  if (process.platform !== 'linux') return null
  const dir = await mkdtemp(join(tmpdir(), 'nestwork-bench-rss-'))
  await buildServer()
  const server = await startBenchServer(`file:${join(dir, 'bench.db')}`, { build: true })
  const failures: string[] = []
  try {
    const url = server.baseUrl
    const gql = async (query: string, variables: object, token?: string) => {
      const res = await fetch(`${url}/graphql`, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          ...(token ? { authorization: `Bearer ${token}` } : {}),
        },
        body: JSON.stringify({ query, variables }),
      })
      return (await res.json()) as { data?: Record<string, any>; errors?: unknown }
    }
    const login = await gql(
      'mutation ($e: String!, $p: String!) { login(email: $e, password: $p) { token } }',
      { e: email, p: demoPassword },
    )
    const token = login.data?.login?.token as string
    for (let i = 0; i < 60; i++) {
      const input = {
        orderRef: `RSS-${i}`,
        category: 'TOYS',
        itemDescription: 'Stacking rings',
        orderValueFen: 5_900 + i,
        reason: 'Arrived damaged',
        hubId: demoHubs[i % demoHubs.length]!.id,
      }
      const r = await gql(
        'mutation ($input: RegisterReturnInput!) { registerReturn(input: $input) { code } }',
        { input },
        token,
      )
      if (!r.data?.registerReturn) failures.push(`register: ${JSON.stringify(r.errors)}`)
    }
    // Signed in as a browser: the form's CSRF token and cookie, then the session cookie.
    const form = await fetch(`${url}/login`)
    const csrf = /name="_csrf" value="([^"]+)"/.exec(await form.text())?.[1] ?? ''
    const signedIn = await fetch(`${url}/login`, {
      method: 'POST',
      redirect: 'manual',
      headers: { 'content-type': 'application/x-www-form-urlencoded', cookie: cookiesOf(form) },
      body: new URLSearchParams({ email, password: demoPassword, _csrf: csrf }),
    })
    const cookie = cookiesOf(signedIn)
    if (!cookie.includes('nw_session=')) failures.push(`sign-in answered ${signedIn.status}`)

    const idleMiB = await statusField(server.pid, 'VmRSS')
    const started = performance.now()
    let next = 0
    await Promise.all(
      Array.from({ length: clients }, async () => {
        while (next++ < renders) {
          const res = await fetch(`${url}/returns`, { headers: { cookie } })
          const html = await res.text()
          if (res.status !== 200 || !html.includes('RSS-59')) {
            if (failures.length < 3) failures.push(`/returns answered ${res.status}`)
          }
        }
      }),
    )
    const seconds = (performance.now() - started) / 1000
    const peakMiB = await statusField(server.pid, 'VmHWM')
    return { idleMiB, peakMiB, renders, seconds, failures }
  } finally {
    await server.stop()
    await rm(dir, { recursive: true, force: true })
  }
}
