import { describe, expect, it } from 'vitest'
import { cleanFileName, cleanUploads } from './uploads'

describe('cleanFileName', () => {
  it.each([
    ['invoice_\u202efdp.exe', 'invoice_fdp.exe'],
    ['\u2066photo\u2069\u200e\u200f\u061c.jpg', 'photo.jpg'],
    ['\u202a\u202b\u202c\u202d\u2067\u2068a.png', 'a.png'],
    ['a\u0085b\u009f\u2028\u2029.pdf', 'ab.pdf'],
    ['a\u0000\u0007\u001b\u007fb.png', 'ab.png'],
    ['..\\..\\windows\\evil.png', 'evil.png'],
    ['dir/sub/破损照片.jpg', '破损照片.jpg'],
    ['\u202e', 'file'],
    ['名'.repeat(200), '名'.repeat(120)],
  ])('%j → %j', (name, clean) => {
    expect(cleanFileName(name)).toBe(clean)
  })
})

describe('cleanUploads', () => {
  it('cleans the names and strips image metadata, leaving other files alone', () => {
    const exif = new TextEncoder().encode('Exif\0\0MM GPS 31.2N')
    const jpeg = new Uint8Array([0xff, 0xd8, 0xff, 0xe1, 0, exif.length + 2, ...exif, 0xff, 0xda])
    const pdf = new TextEncoder().encode('%PDF-1.7 GPS')
    const [photo, doc] = cleanUploads(
      [
        { name: 'x/\u202egpj.exe', bytes: jpeg },
        { name: '', bytes: pdf },
      ],
      ['image/jpeg', 'application/pdf'],
      'evidence',
    )
    expect(photo).toEqual({ name: 'gpj.exe', bytes: new Uint8Array([0xff, 0xd8, 0xff, 0xda]) })
    expect(doc).toEqual({ name: 'evidence', bytes: pdf })
  })
})
