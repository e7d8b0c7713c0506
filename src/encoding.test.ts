import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { fromBase64, toBase64, toBase64Url, utf8 } from './encoding'

describe('toBase64Url', () => {
  it('is standard base64 with the URL alphabet and no padding, for any bytes', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 70 }), (bytes) => {
        const expected = toBase64(bytes).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '')
        expect(toBase64Url(bytes)).toBe(expected)
      }),
    )
  })

  it('round-trips through base64', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 70 }), (bytes) => {
        const padded = toBase64Url(bytes).replace(/-/g, '+').replace(/_/g, '/')
        const back = fromBase64(padded + '='.repeat((4 - (padded.length % 4)) % 4))
        expect([...back]).toEqual([...bytes])
      }),
    )
  })

  it('encodes the RFC 4648 vectors', () => {
    const text = (s: string) => new TextEncoder().encode(s)
    expect(
      ['', 'f', 'fo', 'foo', 'foob', 'fooba', 'foobar'].map((s) => toBase64Url(text(s))),
    ).toEqual(['', 'Zg', 'Zm8', 'Zm9v', 'Zm9vYg', 'Zm9vYmE', 'Zm9vYmFy'])
    expect(toBase64Url(new Uint8Array([0xfb, 0xff]))).toBe('-_8')
  })
})

describe('utf8', () => {
  const reference = new TextEncoder()

  it('encodes any text as TextEncoder does, each answer its own copy', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 200 }), fc.string(), (text, next) => {
        const bytes = utf8(text)
        utf8(next)
        expect(bytes).toEqual(reference.encode(text))
      }),
    )
  })

  it('encodes a text longer than its kept buffer (a large page)', () => {
    const page = '查询退货进度 ABCD-EFGH '.repeat(20_000)
    expect(utf8(page)).toEqual(reference.encode(page))
  })
})
