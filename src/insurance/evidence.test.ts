import { describe, expect, it } from 'vitest'
import { DomainError } from '../errors'
import { checkUploads, cleanFileName, evidenceLimits, sniffEvidenceType } from './evidence'

const bytes = (...b: number[]) => new Uint8Array(b)
const jpeg = bytes(0xff, 0xd8, 0xff, 0xe0, 0, 0x10)
const png = bytes(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0)
const webp = new Uint8Array(
  [...'RIFF']
    .map((c) => c.charCodeAt(0))
    .concat(
      [0, 0, 0, 0],
      [...'WEBPVP8 '].map((c) => c.charCodeAt(0)),
    ),
)
const pdf = new TextEncoder().encode('%PDF-1.7\n')

describe('sniffEvidenceType', () => {
  it.each([
    ['JPEG', jpeg, 'image/jpeg'],
    ['PNG', png, 'image/png'],
    ['WebP', webp, 'image/webp'],
    ['PDF', pdf, 'application/pdf'],
    ['HTML', new TextEncoder().encode('<!doctype html><script>'), null],
    ['SVG', new TextEncoder().encode('<svg xmlns="http://www.w3.org/2000/svg">'), null],
    ['a RIFF that is not WebP', new TextEncoder().encode('RIFF\0\0\0\0WAVEfmt '), null],
    ['nothing', bytes(), null],
  ])('reads %s by its bytes', (_, data, type) => {
    expect(sniffEvidenceType(data as Uint8Array)).toBe(type)
  })
})

describe('cleanFileName', () => {
  it.each([
    ['C:\\Users\\li\\破损照片.jpg', '破损照片.jpg'],
    ['../../etc/passwd', 'passwd'],
    ['a\r\nb.png', 'ab.png'],
    ['   ', 'evidence'],
    ['x'.repeat(200) + '.png', 'x'.repeat(120)],
  ])('%j → %j', (name, clean) => {
    expect(cleanFileName(name)).toBe(clean)
  })
})

describe('checkUploads', () => {
  const file = (name: string, data: Uint8Array) => ({
    name,
    bytes: data as Uint8Array<ArrayBuffer>,
  })
  const reason = (run: () => unknown) => {
    try {
      run()
    } catch (error) {
      expect(error).toBeInstanceOf(DomainError)
      return (error as DomainError).details
    }
    throw new Error('not refused')
  }

  it('gives each file’s type from its bytes, whatever the name says', () => {
    expect(checkUploads([file('a.pdf', png), file('b', pdf)])).toEqual([
      'image/png',
      'application/pdf',
    ])
  })

  it('refuses too many files, counting those already on the claim', () => {
    const five = Array.from({ length: evidenceLimits.maxFiles }, (_, i) => file(`${i}.png`, png))
    expect(checkUploads(five)).toHaveLength(5)
    expect(reason(() => checkUploads([file('a.png', png)], 5))).toMatchObject({
      field: 'evidence',
      reason: 'TOO_MANY',
    })
  })

  it('refuses an empty file, a file too large and a file of another type, naming it', () => {
    expect(reason(() => checkUploads([file('e.png', bytes())]))).toMatchObject({
      reason: 'EMPTY',
      file: 'e.png',
    })
    const big = new Uint8Array(evidenceLimits.maxBytes + 1)
    big.set(png)
    expect(reason(() => checkUploads([file('big.png', big)]))).toMatchObject({
      reason: 'TOO_LARGE',
      file: 'big.png',
    })
    const page = new TextEncoder().encode('<html>')
    expect(reason(() => checkUploads([file('photo.jpg', page)]))).toMatchObject({
      reason: 'TYPE',
      file: 'photo.jpg',
    })
  })
})
