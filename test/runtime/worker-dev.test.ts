// The development Worker (src/worker-dev.ts, what `wrangler dev` serves) is `createWorker` with
// GraphiQL's renderer: GET /graphql shows it while NODE_ENV is development, never in production.
// A stand-in renderer here: the real page (9 MB) is too large for the test pool's messages;
// `npm run dev:worker` serves the real one.
import { createExecutionContext, env } from 'cloudflare:test'
import { describe, expect, it } from 'vitest'
import { createWorker, type Env } from '../../src/worker'

const page = '<!doctype html><title>GraphiQL stand-in</title>'

function getGraphql(nodeEnv: string) {
  const worker = createWorker({ renderGraphiQL: () => page })
  const bindings = {
    ...(env as unknown as Env),
    NODE_ENV: nodeEnv,
    CONTACT_KEY: 'worker-dev-test-contact-key-0123456789abcdef',
  }
  return worker.fetch(
    new Request('https://nestwork.test/graphql', { headers: { accept: 'text/html' } }),
    bindings,
    createExecutionContext(),
  )
}

describe('the development Worker', () => {
  it('serves GraphiQL in development', async () => {
    const res = await getGraphql('development')
    expect(res.status).toBe(200)
    expect(await res.text()).toBe(page)
  })

  it('serves none in production, even from the development entry', async () => {
    const res = await getGraphql('production')
    expect(await res.text()).not.toContain('GraphiQL stand-in')
  })
})
