import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { utf8 } from '../encoding'
import { sha256Text } from './sha256'

describe('sha256Text', () => {
  it('is the standard SHA-256 of the text as UTF-8', () => {
    // FIPS 180-2's "abc" vector.
    expect(Buffer.from(sha256Text('abc')).toString('hex')).toBe(
      'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad',
    )
  })

  it('agrees with Web Crypto for any text', async () => {
    await fc.assert(
      fc.asyncProperty(fc.string({ unit: 'grapheme', maxLength: 200 }), async (text) => {
        const expected = new Uint8Array(await crypto.subtle.digest('SHA-256', utf8(text)))
        expect(sha256Text(text)).toEqual(expected)
      }),
    )
  })
})
