import { describe, expect, it } from 'vitest'
import { pbkdf2Hasher } from './password'

describe('pbkdf2Hasher', () => {
  const hasher = pbkdf2Hasher()

  it('verifies the password it hashed, at the Workers maximum of 100,000 iterations', async () => {
    const stored = await hasher.hash('nestwork-demo')
    expect(stored).toMatch(/^pbkdf2_sha256\$100000\$[A-Za-z0-9+/=]+\$[A-Za-z0-9+/=]+$/)
    expect(await hasher.verify('nestwork-demo', stored)).toBe(true)
  })

  it('rejects a wrong password', async () => {
    const stored = await hasher.hash('nestwork-demo')
    expect(await hasher.verify('nestwork-demo ', stored)).toBe(false)
    expect(await hasher.verify('', stored)).toBe(false)
  })

  it('salts every hash, so equal passwords give different hashes', async () => {
    const [a, b] = await Promise.all([hasher.hash('same'), hasher.hash('same')])
    expect(a).not.toBe(b)
  })

  it('verifies with the iteration count stored in the hash, not the current setting', async () => {
    const old = await pbkdf2Hasher(1000).hash('secret')
    expect(await hasher.verify('secret', old)).toBe(true)
  })

  it.each([
    ['an empty string', ''],
    ['another scheme', 'bcrypt$10$abc$def'],
    ['too many iterations', 'pbkdf2_sha256$100001$AAAAAAAAAAAAAAAAAAAAAA==$AAAA'],
    ['a non-numeric count', 'pbkdf2_sha256$lots$AAAAAAAAAAAAAAAAAAAAAA==$AAAA'],
  ])('treats %s as not matching', async (_, stored) => {
    expect(await hasher.verify('secret', stored)).toBe(false)
  })

  it('refuses iteration counts Workers cannot run', () => {
    expect(() => pbkdf2Hasher(100_001)).toThrow(RangeError)
    expect(() => pbkdf2Hasher(0)).toThrow(RangeError)
  })
})

describe('pbkdf2Hasher.needsRehash', () => {
  it.each([
    ['fewer iterations than it uses now', 'pbkdf2_sha256$1000$AAAA$AAAA', true],
    ['the iterations it uses now', 'pbkdf2_sha256$100000$AAAA$AAAA', false],
    ['another scheme it cannot make', 'scrypt$32768$8$1$AAAA$AAAA', true],
  ])('asks to replace a hash of %s: %s', (_, stored, expected) => {
    expect(pbkdf2Hasher().needsRehash(stored)).toBe(expected)
  })
})
