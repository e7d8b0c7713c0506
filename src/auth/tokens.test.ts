import { describe, expect, it } from 'vitest'
import { newSecret } from './tokens'

describe('newSecret', () => {
  it('gives 256-bit base64url secrets, never the same twice across many pool refills', () => {
    const secrets = Array.from({ length: 2_000 }, newSecret)
    for (const s of secrets) expect(s).toMatch(/^[A-Za-z0-9_-]{43}$/)
    expect(new Set(secrets).size).toBe(secrets.length)
  })

  it('draws fresh bytes: no secret is all zeros, as a wiped pool read twice would give', () => {
    const zeros = 'A'.repeat(43)
    expect(Array.from({ length: 300 }, newSecret)).not.toContain(zeros)
  })
})
