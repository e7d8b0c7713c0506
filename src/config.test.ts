import { describe, expect, it } from 'vitest'
import { loadConfig, startRefusal } from './config'

const key = 'c'.repeat(32)

describe('the demo seed', () => {
  it.each([
    [{}, true],
    [{ NODE_ENV: 'test' }, true],
    [{ NODE_ENV: 'production', CONTACT_KEY: key }, false],
    [{ NODE_ENV: 'production', CONTACT_KEY: key, SEED_DEMO: '1' }, true],
    [{ NODE_ENV: 'development', SEED_DEMO: '0' }, false],
  ])('with %o is seeded: %s', (env, seeded) => {
    expect(loadConfig(env).seedDemo).toBe(seeded)
  })

  it.each([
    [{}, true, true],
    [{ SEED_DEMO: '1' }, true, true],
    [{ SEED_DEMO: 'minimal' }, true, false],
    [{ NODE_ENV: 'production', CONTACT_KEY: key, SEED_DEMO: 'minimal' }, true, false],
    [{ SEED_DEMO: '0' }, false, true],
  ])('with %o is seeded: %s, with its history: %s', (env, seeded, history) => {
    const config = loadConfig(env)
    expect(config.seedDemo).toBe(seeded)
    expect(config.demoHistory).toBe(history)
  })

  it('refuses any other SEED_DEMO, naming it', () => {
    expect(() => loadConfig({ SEED_DEMO: 'full' })).toThrow(/SEED_DEMO/)
  })
})

describe('CONTACT_KEY', () => {
  it('is required in production, with a way to make one', () => {
    const refusal = startRefusal(loadConfig({ NODE_ENV: 'production' }))
    expect(refusal).toContain('CONTACT_KEY is not set')
    expect(refusal).toContain('CONTACT_KEY=$(openssl rand -base64 48)')
  })

  it('lets production start once set, and development without one', () => {
    expect(startRefusal(loadConfig({ NODE_ENV: 'production', CONTACT_KEY: key }))).toBeUndefined()
    expect(startRefusal(loadConfig({ NODE_ENV: 'development' }))).toBeUndefined()
  })

  it('is refused shorter than 32 characters, in any environment', () => {
    expect(() => loadConfig({ CONTACT_KEY: key.slice(1) })).toThrow(
      /CONTACT_KEY: must be at least 32 characters; generate one with CONTACT_KEY=\$\(openssl/,
    )
  })
})
