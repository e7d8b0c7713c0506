import { describe, expect, it } from 'vitest'
import { DomainError } from '../errors'
import { checkPhotos, photoLimits } from './photos'

const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0])
const webp = new Uint8Array([0x52, 0x49, 0x46, 0x46, 0, 0, 0, 0, 0x57, 0x45, 0x42, 0x50])
const pdf = new Uint8Array([0x25, 0x50, 0x44, 0x46, 0x2d, 0x31])
const file = (name: string, bytes: Uint8Array) => ({
  name,
  bytes: bytes as Uint8Array<ArrayBuffer>,
})

const reason = (f: () => unknown) => {
  try {
    f()
  } catch (e) {
    if (e instanceof DomainError) return [e.code, e.details.field, e.details.reason]
    throw e
  }
  return null
}

describe('checkPhotos', () => {
  it('takes JPEG, PNG and WebP by their bytes', () => {
    expect(checkPhotos([file('a', png), file('b.jpg', webp)])).toEqual(['image/png', 'image/webp'])
  })

  it('refuses a PDF, which claim evidence takes', () => {
    expect(reason(() => checkPhotos([file('a.png', pdf)]))).toEqual([
      'BAD_USER_INPUT',
      'photos',
      'TYPE',
    ])
  })

  it('refuses past six per return, counting those already there', () => {
    expect(photoLimits.maxFiles).toBe(6)
    expect(checkPhotos([file('a', png)], 5)).toHaveLength(1)
    expect(reason(() => checkPhotos([file('a', png), file('b', png)], 5))![2]).toBe('TOO_MANY')
  })

  it('refuses an empty photo and one over 5 MB', () => {
    expect(reason(() => checkPhotos([file('a', new Uint8Array())]))![2]).toBe('EMPTY')
    const big = new Uint8Array(5 * 1024 * 1024 + 1)
    big.set(png)
    expect(reason(() => checkPhotos([file('a', big)]))![2]).toBe('TOO_LARGE')
    expect(checkPhotos([file('a', big.slice(0, photoLimits.maxBytes))])).toEqual(['image/png'])
  })
})
