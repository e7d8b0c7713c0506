import { describe, expect, it } from 'vitest'
import { stripImageMetadata } from './image-metadata'
import { sniffFileType } from './uploads'

// Tiny images built here, each carrying a GPS position where cameras put one.
const GPS = 'GPS 31.2304N 121.4737E'
const enc = (s: string) => new TextEncoder().encode(s)
const text = (b: Uint8Array) => new TextDecoder('latin1').decode(b)
const cat = (...parts: (Uint8Array | number[])[]) => {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0))
  let at = 0
  for (const p of parts) {
    out.set(p, at)
    at += p.length
  }
  return out
}
const u16be = (n: number) => [n >> 8, n & 0xff]
const u32be = (n: number) => [(n >>> 24) & 0xff, (n >> 16) & 0xff, (n >> 8) & 0xff, n & 0xff]
const u32le = (n: number) => u32be(n).reverse()

/** A minimal big-endian TIFF: IFD0 with a GPS IFD pointer, and the GPS IFD with a latitude ref. */
const exifTiff = () =>
  cat(
    enc('Exif\0\0MM'),
    [0, 42, ...u32be(8)],
    [0, 1, 0x88, 0x25, 0, 4, ...u32be(1), ...u32be(26), ...u32be(0)],
    [0, 1, 0, 1, 0, 2, ...u32be(2), 0x4e, 0, 0, 0, ...u32be(0)],
    enc(GPS),
  )

// ---- JPEG --------------------------------------------------------------------------------------

const segment = (marker: number, payload: Uint8Array) =>
  cat([0xff, marker, ...u16be(payload.length + 2)], payload)
const scan = cat([0xff, 0xda, 0, 8, 1, 1, 0, 0, 0x3f, 0], [0x12, 0xff, 0x00, 0x34], [0xff, 0xd9])

function jpegWithGps() {
  return cat(
    [0xff, 0xd8],
    segment(0xe0, enc('JFIF\0\x01\x01\0\0\x01\0\x01\0\0')),
    segment(0xe1, exifTiff()),
    segment(0xe1, enc(`http://ns.adobe.com/xap/1.0/\0<x:xmpmeta>${GPS}</x:xmpmeta>`)),
    segment(0xe2, enc('ICC_PROFILE\0\x01\x01profile')),
    segment(0xed, enc(`Photoshop 3.0\x008BIM${GPS}`)),
    segment(0xfe, enc(`taken at ${GPS}`)),
    segment(0xdb, new Uint8Array(65)),
    segment(0xc0, new Uint8Array([8, 0, 1, 0, 1, 1, 1, 0x11, 0])),
    scan,
  )
}

/** The markers of a JPEG's segments up to its scan; throws on a broken structure. */
function jpegMarkers(b: Uint8Array): number[] {
  expect([b[0], b[1]]).toEqual([0xff, 0xd8])
  const markers: number[] = []
  let i = 2
  for (;;) {
    expect(b[i]).toBe(0xff)
    const marker = b[i + 1]!
    markers.push(marker)
    if (marker === 0xda) return markers
    i += 2 + ((b[i + 2]! << 8) | b[i + 3]!)
    expect(i).toBeLessThanOrEqual(b.length)
  }
}

describe('JPEG', () => {
  it('drops EXIF (with its GPS), XMP, IPTC and comments, keeping JFIF, ICC and the picture', () => {
    const before = jpegWithGps()
    expect(text(before)).toContain(GPS)
    const after = stripImageMetadata(before, 'image/jpeg')
    expect(text(after)).not.toContain(GPS)
    expect(text(after)).not.toContain('Exif')
    expect(jpegMarkers(after)).toEqual([0xe0, 0xe2, 0xdb, 0xc0, 0xda])
    expect(text(after)).toContain('ICC_PROFILE')
    expect(after.subarray(after.length - scan.length)).toEqual(scan)
    expect(sniffFileType(after)).toBe('image/jpeg')
  })
})

describe('JPEG orientation', () => {
  /** A little-endian EXIF with the orientation first, then a GPS IFD pointer. */
  const turned = (orientation: number) =>
    cat(
      enc('Exif\0\0II'),
      [42, 0, 8, 0, 0, 0, 2, 0],
      [0x12, 0x01, 3, 0, 1, 0, 0, 0, orientation, 0, 0, 0],
      [0x25, 0x88, 4, 0, 1, 0, 0, 0, 38, 0, 0, 0, 0, 0, 0, 0],
      enc(GPS),
    )
  const jpeg = (exif: Uint8Array) =>
    cat([0xff, 0xd8], segment(0xe0, enc('JFIF\0')), segment(0xe1, exif), scan)

  it('keeps an orientation that turns the picture, in an EXIF that holds nothing else', () => {
    const after = stripImageMetadata(jpeg(turned(6)), 'image/jpeg')
    expect(text(after)).not.toContain(GPS)
    expect(jpegMarkers(after)).toEqual([0xe0, 0xe1, 0xda])
    const app1 = after.subarray(2 + 2 + 7, after.length - scan.length)
    expect([...app1]).toEqual([
      ...[0xff, 0xe1, 0, 34, ...enc('Exif\0\0')],
      ...[0x4d, 0x4d, 0, 42, 0, 0, 0, 8, 0, 1],
      ...[0x01, 0x12, 0, 3, 0, 0, 0, 1, 0, 6, 0, 0, 0, 0, 0, 0],
    ])
  })

  it('drops the default orientation with the rest', () => {
    const after = stripImageMetadata(jpeg(turned(1)), 'image/jpeg')
    expect(jpegMarkers(after)).toEqual([0xe0, 0xda])
  })
})

// ---- PNG ---------------------------------------------------------------------------------------

const crcTable = Array.from({ length: 256 }, (_, n) => {
  let c = n
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1
  return c >>> 0
})
const crc32 = (b: Uint8Array) => {
  let c = 0xffffffff
  for (const x of b) c = crcTable[(c ^ x) & 0xff]! ^ (c >>> 8)
  return (c ^ 0xffffffff) >>> 0
}
const chunk = (type: string, data: Uint8Array) => {
  const body = cat(enc(type), data)
  return cat(u32be(data.length), body, u32be(crc32(body)))
}
const pngSignature = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]

function pngWithGps() {
  return cat(
    pngSignature,
    chunk('IHDR', new Uint8Array([0, 0, 0, 1, 0, 0, 0, 1, 8, 0, 0, 0, 0])),
    chunk('eXIf', exifTiff().subarray(6)),
    chunk('tEXt', enc(`Comment\0${GPS}`)),
    chunk('iTXt', enc(`XML:com.adobe.xmp\0\0\0\0\0<x:xmpmeta>${GPS}</x:xmpmeta>`)),
    chunk('zTXt', enc('Raw profile type exif\0\0x')),
    chunk('tIME', new Uint8Array([7, 234, 11, 25, 10, 0, 0])),
    chunk('IDAT', new Uint8Array([0x78, 0x9c, 0x63, 0x60, 0, 0, 0, 2, 0, 1])),
    chunk('IEND', new Uint8Array()),
    enc(`appended ${GPS}`),
  )
}

/** Chunk types of a PNG, each with a valid CRC; throws on a broken structure. */
function pngChunks(b: Uint8Array): string[] {
  expect([...b.subarray(0, 8)]).toEqual(pngSignature)
  const view = new DataView(b.buffer, b.byteOffset, b.byteLength)
  const types: string[] = []
  for (let i = 8; i < b.length;) {
    const length = view.getUint32(i)
    const body = b.subarray(i + 4, i + 8 + length)
    expect(view.getUint32(i + 8 + length)).toBe(crc32(body))
    types.push(text(body.subarray(0, 4)))
    i += 12 + length
    expect(i).toBeLessThanOrEqual(b.length)
  }
  return types
}

describe('PNG', () => {
  it('drops eXIf, text and time chunks and what follows IEND, keeping the image chunks', () => {
    const after = stripImageMetadata(pngWithGps(), 'image/png')
    expect(text(after)).not.toContain(GPS)
    expect(pngChunks(after)).toEqual(['IHDR', 'IDAT', 'IEND'])
    expect(sniffFileType(after)).toBe('image/png')
  })
})

// ---- WebP --------------------------------------------------------------------------------------

const riffChunk = (fourcc: string, data: Uint8Array) =>
  cat(enc(fourcc), u32le(data.length), data, data.length % 2 ? [0] : [])
const riff = (...chunks: Uint8Array[]) => {
  const body = cat(enc('WEBP'), ...chunks)
  return cat(enc('RIFF'), u32le(body.length), body)
}
const ICC = 0x20
const EXIF = 0x08
const XMP = 0x04

function webpWithGps() {
  return riff(
    riffChunk('VP8X', new Uint8Array([ICC | EXIF | XMP, 0, 0, 0, 0, 0, 0, 0, 0, 0])),
    riffChunk('ICCP', enc('profile')),
    riffChunk('VP8L', new Uint8Array([0x2f, 0, 0, 0, 0x10, 0x07, 0x10, 0x11, 0x11, 0x88])),
    riffChunk('EXIF', exifTiff().subarray(6)),
    riffChunk('XMP ', enc(`<x:xmpmeta>${GPS}</x:xmpmeta>`)),
  )
}

/** FourCCs of a WebP's chunks, after checking the RIFF size; throws on a broken structure. */
function webpChunks(b: Uint8Array): string[] {
  const view = new DataView(b.buffer, b.byteOffset, b.byteLength)
  expect(text(b.subarray(0, 4))).toBe('RIFF')
  expect(view.getUint32(4, true)).toBe(b.length - 8)
  const fourccs: string[] = []
  for (let i = 12; i < b.length;) {
    const size = view.getUint32(i + 4, true)
    fourccs.push(text(b.subarray(i, i + 4)))
    i += 8 + size + (size % 2)
    expect(i).toBeLessThanOrEqual(b.length)
  }
  return fourccs
}

describe('WebP', () => {
  it('drops the EXIF and XMP chunks, clears their VP8X flags and fixes the RIFF size', () => {
    const before = webpWithGps()
    expect(webpChunks(before)).toEqual(['VP8X', 'ICCP', 'VP8L', 'EXIF', 'XMP '])
    const after = stripImageMetadata(before, 'image/webp')
    expect(text(after)).not.toContain(GPS)
    expect(webpChunks(after)).toEqual(['VP8X', 'ICCP', 'VP8L'])
    expect(after[20]).toBe(ICC)
    expect(sniffFileType(after)).toBe('image/webp')
  })
})

describe('files without metadata', () => {
  it.each([
    ['image/jpeg', cat([0xff, 0xd8], segment(0xe0, enc('JFIF\0')), scan)],
    [
      'image/png',
      cat(pngSignature, chunk('IHDR', new Uint8Array(13)), chunk('IEND', new Uint8Array())),
    ],
    ['image/webp', riff(riffChunk('VP8L', new Uint8Array(5)))],
    ['application/pdf', enc('%PDF-1.7 /Author (someone)')],
  ] as const)('come back as they are: %s', (type, bytes) => {
    expect(stripImageMetadata(bytes, type)).toBe(bytes)
  })

  it.each([
    ['image/jpeg', jpegWithGps().subarray(0, 40)],
    ['image/png', pngWithGps().subarray(0, 40)],
    ['image/webp', webpWithGps().subarray(0, 40)],
    ['image/jpeg', new Uint8Array([0xff, 0xd8, 0xff])],
  ] as const)('a truncated %s is kept, never a crash', (type, bytes) => {
    expect(() => stripImageMetadata(bytes, type)).not.toThrow()
  })
})
