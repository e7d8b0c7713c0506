import { describe, expect, it } from 'vitest'
import { pbkdf2Hasher } from './password'
import { defaultScryptCost, scryptHasher } from './scrypt-node'

describe('scryptHasher', () => {
  const cheap = { N: 2 ** 10, r: 8, p: 1 }
  const hasher = scryptHasher(cheap, pbkdf2Hasher(1000))

  it('stores algorithm and cost in the hash and verifies the password it hashed, at full cost', async () => {
    const full = scryptHasher()
    const stored = await full.hash('nestwork-demo')
    const { N, r, p } = defaultScryptCost
    expect(stored).toMatch(
      new RegExp(`^scrypt\\$${N}\\$${r}\\$${p}\\$[A-Za-z0-9+/=]+\\$[A-Za-z0-9+/=]+$`),
    )
    expect(await full.verify('nestwork-demo', stored)).toBe(true)
    expect(await full.verify('nestwork-demo!', stored)).toBe(false)
  })

  it('salts every hash', async () => {
    const [a, b] = await Promise.all([hasher.hash('same'), hasher.hash('same')])
    expect(a).not.toBe(b)
  })

  it('verifies PBKDF2 hashes from Workers and earlier releases, and asks for them to be replaced', async () => {
    const old = await pbkdf2Hasher(1000).hash('nestwork-demo')
    expect(await hasher.verify('nestwork-demo', old)).toBe(true)
    expect(await hasher.verify('wrong', old)).toBe(false)
    expect(hasher.needsRehash(old)).toBe(true)
  })

  it('asks to replace a scrypt hash of lower cost, not one of equal or higher cost', async () => {
    const weaker = await scryptHasher({ N: 2 ** 9, r: 8, p: 1 }).hash('x')
    const same = await hasher.hash('x')
    const stronger = await scryptHasher({ N: 2 ** 11, r: 8, p: 1 }).hash('x')
    expect(hasher.needsRehash(weaker)).toBe(true)
    expect(hasher.needsRehash(same)).toBe(false)
    expect(hasher.needsRehash(stronger)).toBe(false)
    expect(await hasher.verify('x', weaker)).toBe(true)
  })

  it.each([
    ['a cost that is not a power of two', 'scrypt$1000$8$1$AAAAAAAAAAAAAAAAAAAAAA==$AAAA'],
    ['a cost that would need gigabytes', 'scrypt$1048576$32$1$AAAAAAAAAAAAAAAAAAAAAA==$AAAA'],
    ['missing parts', 'scrypt$1024$8$1'],
    ['another scheme', 'bcrypt$10$abc$def'],
  ])('treats %s as not matching', async (_, stored) => {
    expect(await hasher.verify('secret', stored)).toBe(false)
  })
})
