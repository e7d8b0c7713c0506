// A production start of the real Node server (`NODE_ENV=production`) is safe by default: it
// refuses to run without a contact key of its own, and it serves no demo accounts (whose password
// is published) unless SEED_DEMO=1 asks for them.
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import {
  gqlOver,
  killServer,
  spawnServer,
  startProcess,
  type NodeServer,
} from '../crash/node-server'

const production = { NODE_ENV: 'production', SEED_DEMO: undefined, SCHEDULED_JOBS: '0' }
const contactKey = 'production-start-test-key-0123456789abcdef'
const login = `mutation { login(email: "coordinator@nestwork.demo", password: "nestwork-demo") { token } }`

let dir: string
let server: NodeServer | undefined
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'nestwork-production-'))
})
afterAll(async () => {
  await killServer(server)
  await rm(dir, { recursive: true, force: true })
})

/** Starts the server and waits for it to give up; kills it if it starts serving instead. */
async function refusedStart(env: Record<string, string | undefined>) {
  const child = await startProcess(`file:${join(dir, 'refused.db')}`, { ...production, ...env })
  const timeout = setTimeout(() => child.child.kill('SIGKILL'), 30_000)
  const { code } = await child.exited
  clearTimeout(timeout)
  return { code, output: child.output() }
}

describe('NODE_ENV=production', () => {
  it('refuses to start without CONTACT_KEY, saying how to set one', async () => {
    const { code, output } = await refusedStart({ CONTACT_KEY: undefined })
    expect(code).toBe(1)
    expect(output).toContain('CONTACT_KEY is not set')
    expect(output).toContain('CONTACT_KEY=$(openssl rand -base64 48)')
    expect(output).not.toContain('listening')
    // A message, not a crash.
    expect(output).not.toMatch(/\n\s+at /)
  })

  it('refuses a CONTACT_KEY shorter than 32 characters', async () => {
    const { code, output } = await refusedStart({ CONTACT_KEY: 'k'.repeat(31) })
    expect(code).toBe(1)
    expect(output).toContain('CONTACT_KEY: must be at least 32 characters')
    expect(output).toContain('openssl rand -base64 48')
    expect(output).not.toContain('listening')
  })

  it('serves no demo accounts unless SEED_DEMO=1, and the demo with it', async () => {
    const databaseUrl = `file:${join(dir, 'served.db')}`
    server = await spawnServer(databaseUrl, 60_000, { ...production, CONTACT_KEY: contactKey })
    expect(server.output()).not.toContain('Demo sign-ins')
    const refused = await gqlOver(server.baseUrl, login)
    expect(refused.data?.login ?? null).toBeNull()
    expect(refused.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED')
    await killServer(server)

    // Seeding six months of history is the slowest start there is; on a busy CI machine it has
    // taken over a minute.
    server = await spawnServer(databaseUrl, 150_000, {
      ...production,
      CONTACT_KEY: contactKey,
      SEED_DEMO: '1',
    })
    const signedIn = await gqlOver<{ login: { token: string } }>(server.baseUrl, login)
    expect(signedIn.errors).toBeUndefined()
    expect(signedIn.data?.login.token).toBeTruthy()
  }, 240_000)
})
