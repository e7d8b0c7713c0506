/**
 * Removes the metadata a camera or phone writes into a photo (EXIF with GPS position, time and
 * device, XMP, IPTC, comments) before it is stored, by walking the file's own structure and
 * dropping those parts: no decoding, so the picture itself is untouched, and Web APIs only.
 * Colour profiles stay, and so does a JPEG's orientation. A structure that stops making sense (a truncated file) ends the walk and
 * the rest is kept as it is: no decoder reads past that point either.
 */
import type { UploadType } from './uploads'

type Bytes = Uint8Array<ArrayBuffer>

/**
 * The image without its metadata; other types (PDF) and images with none come back as they are.
 * @example const clean = stripImageMetadata(photo, 'image/jpeg')
 */
export function stripImageMetadata(bytes: Bytes, type: UploadType): Bytes {
  switch (type) {
    case 'image/jpeg':
      return stripJpeg(bytes)
    case 'image/png':
      return stripPng(bytes)
    case 'image/webp':
      return stripWebp(bytes)
    default:
      return bytes
  }
}

const ascii = (b: Uint8Array, at: number, length: number) =>
  String.fromCharCode(...b.subarray(at, at + length))

function concat(parts: Uint8Array[]): Bytes {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0))
  let at = 0
  for (const p of parts) {
    out.set(p, at)
    at += p.length
  }
  return out
}

// ---- JPEG: SOI, then marker segments (FF xx, big-endian length) up to the scan -------------

const SOS = 0xda
const EOI = 0xd9
const COM = 0xfe

/** APP1 (EXIF, XMP), APP13 (IPTC), the other APPn but JFIF, ICC and Adobe, and comments. */
function isJpegMetadata(marker: number, payload: Uint8Array): boolean {
  if (marker === COM) return true
  if (marker < 0xe1 || marker > 0xef) return false
  if (marker === 0xee) return false
  return !(marker === 0xe2 && ascii(payload, 0, 12) === 'ICC_PROFILE\0')
}

/**
 * The EXIF orientation (2–8: the picture is stored turned or mirrored), which viewers apply and
 * which holds nothing about a person; undefined when there is none or it is the default, 1.
 */
function exifOrientation(payload: Uint8Array): number | undefined {
  if (ascii(payload, 0, 6) !== 'Exif\0\0' || payload.length < 14) return undefined
  const tiff = new DataView(payload.buffer, payload.byteOffset + 6, payload.length - 6)
  const little = ascii(payload, 6, 2) === 'II'
  const ifd = tiff.getUint32(4, little)
  if (ifd + 2 > tiff.byteLength) return undefined
  const count = tiff.getUint16(ifd, little)
  for (let e = ifd + 2; e + 12 <= tiff.byteLength && e < ifd + 2 + count * 12; e += 12) {
    if (tiff.getUint16(e, little) !== 0x0112) continue
    const value = tiff.getUint16(e + 8, little)
    return value >= 2 && value <= 8 ? value : undefined
  }
  return undefined
}

/** An APP1 segment whose EXIF holds the orientation and nothing else. */
const orientationOnly = (value: number) =>
  new Uint8Array([
    ...[0xff, 0xe1, 0, 34, 0x45, 0x78, 0x69, 0x66, 0, 0], // APP1, length 34, "Exif\0\0"
    ...[0x4d, 0x4d, 0, 0x2a, 0, 0, 0, 8], // big-endian TIFF, IFD0 at 8
    ...[0, 1, 0x01, 0x12, 0, 3, 0, 0, 0, 1, 0, value, 0, 0], // one entry: Orientation, SHORT
    ...[0, 0, 0, 0], // no next IFD
  ])

function stripJpeg(b: Bytes): Bytes {
  const keep: Uint8Array[] = [b.subarray(0, 2)]
  let dropped = false
  let i = 2
  while (i + 4 <= b.length && b[i] === 0xff) {
    let m = i + 1
    while (m < b.length && b[m] === 0xff) m++ // fill bytes
    const marker = b[m]!
    if (marker === SOS || marker === EOI || m + 2 >= b.length) break
    if (marker === 0x01 || (marker >= 0xd0 && marker <= 0xd7)) {
      keep.push(b.subarray(i, m + 1)) // a marker without a length
      i = m + 1
      continue
    }
    const end = m + 1 + ((b[m + 1]! << 8) | b[m + 2]!)
    if (end < m + 3 || end > b.length) break
    const payload = b.subarray(m + 3, end)
    if (isJpegMetadata(marker, payload)) {
      dropped = true
      // Without it a portrait photo would show on its side.
      const orientation = marker === 0xe1 ? exifOrientation(payload) : undefined
      if (orientation) keep.push(orientationOnly(orientation))
    } else keep.push(b.subarray(i, end))
    i = end
  }
  if (!dropped) return b
  keep.push(b.subarray(i))
  return concat(keep)
}

// ---- PNG: signature, then chunks (length, type, data, CRC) up to IEND -----------------------

const pngMetadata = new Set(['eXIf', 'tEXt', 'iTXt', 'zTXt', 'tIME'])

function stripPng(b: Bytes): Bytes {
  const keep: Uint8Array[] = [b.subarray(0, 8)]
  const view = new DataView(b.buffer, b.byteOffset, b.byteLength)
  let dropped = false
  let i = 8
  let ended = false
  while (i + 12 <= b.length) {
    const end = i + 12 + view.getUint32(i)
    if (end > b.length) break
    const type = ascii(b, i + 4, 4)
    if (pngMetadata.has(type)) dropped = true
    else keep.push(b.subarray(i, end))
    i = end
    if (type === 'IEND') {
      ended = true
      break
    }
  }
  // Bytes after IEND are no part of the image: whatever was appended there goes too.
  if (ended && i < b.length) dropped = true
  if (!dropped) return b
  if (!ended) keep.push(b.subarray(i))
  return concat(keep)
}

// ---- WebP: RIFF header, then chunks (FourCC, little-endian size, data, pad to even) --------

const VP8X_EXIF = 0x08
const VP8X_XMP = 0x04

function stripWebp(b: Bytes): Bytes {
  const view = new DataView(b.buffer, b.byteOffset, b.byteLength)
  const chunks: Uint8Array[] = []
  let dropped = false
  let i = 12
  while (i + 8 <= b.length) {
    const size = view.getUint32(i + 4, true)
    const end = Math.min(i + 8 + size + (size & 1), b.length)
    if (i + 8 + size > b.length) break
    const fourcc = ascii(b, i, 4)
    if (fourcc === 'EXIF' || fourcc === 'XMP ') dropped = true
    else if (fourcc === 'VP8X' && size >= 1) {
      const copy = b.slice(i, end)
      copy[8] = copy[8]! & ~(VP8X_EXIF | VP8X_XMP)
      chunks.push(copy)
    } else chunks.push(b.subarray(i, end))
    i = end
  }
  if (!dropped) return b
  chunks.push(b.subarray(i))
  const body = concat(chunks)
  const out = concat([b.subarray(0, 12), body])
  new DataView(out.buffer).setUint32(4, out.length - 8, true)
  return out
}
