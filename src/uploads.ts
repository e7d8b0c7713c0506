/**
 * Shared checks for uploaded files (claim evidence, inspection photos): the type is sniffed from
 * the bytes' signature (the browser's declared type is never trusted), sizes and counts are
 * checked before anything is stored, file names are cleaned, and images lose their metadata.
 */
import { InvalidInput } from './errors'
import { stripImageMetadata } from './image-metadata'
import type { refusalReasons } from './refusal-reasons'

export type UploadType = 'image/jpeg' | 'image/png' | 'image/webp' | 'application/pdf'

export const imageTypes = ['image/jpeg', 'image/png', 'image/webp'] as const

export interface Upload {
  name: string
  bytes: Uint8Array<ArrayBuffer>
}

export interface UploadLimits {
  /** Files per owner (claim, return), over every upload. */
  maxFiles: number
  maxBytes: number
  /** The types accepted. */
  types: readonly UploadType[]
  /** The form field refusals name. */
  field: string
  /** What a refusal calls the owner, e.g. `claim`. */
  owner: string
}

const startsWith = (bytes: Uint8Array, prefix: readonly number[], at = 0) =>
  prefix.every((b, i) => bytes[at + i] === b)

/** What the bytes are, by their signature: JPEG, PNG, WebP or PDF, else null. */
export function sniffFileType(bytes: Uint8Array): UploadType | null {
  if (startsWith(bytes, [0xff, 0xd8, 0xff])) return 'image/jpeg'
  if (startsWith(bytes, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'image/png'
  if (startsWith(bytes, [0x52, 0x49, 0x46, 0x46]) && startsWith(bytes, [0x57, 0x45, 0x42, 0x50], 8))
    return 'image/webp'
  if (startsWith(bytes, [0x25, 0x50, 0x44, 0x46, 0x2d])) return 'application/pdf'
  return null
}

// C0 and C1 controls, and the marks and overrides that reorder text around them: U+202E makes
// `invoice_fdp.exe` read as `invoice_exe.pdf`.
const unsafeInNames =
  /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g

/**
 * A file name as stored and shown to people: the last path part, without control characters or
 * bidirectional marks and overrides, at most 120 characters, `fallback` when nothing is left.
 */
export function cleanFileName(name: string, fallback = 'file'): string {
  const last = name.split(/[\\/]/).pop() ?? ''
  const clean = last.replace(unsafeInNames, '').trim()
  return [...clean].slice(0, 120).join('').trim() || fallback
}

/**
 * The files as they are stored: names cleaned, and images (of the `types` that `checkFiles`
 * found) without their metadata, so no photo keeps the GPS position it was taken at.
 */
export function cleanUploads(
  files: readonly Upload[],
  types: readonly UploadType[],
  fallbackName = 'file',
): Upload[] {
  return files.map((f, i) => ({
    name: cleanFileName(f.name, fallbackName),
    bytes: stripImageMetadata(f.bytes, types[i]!),
  }))
}

const typeNames: Record<UploadType, string> = {
  'image/jpeg': 'JPEG',
  'image/png': 'PNG',
  'image/webp': 'WebP',
  'application/pdf': 'PDF',
}

/**
 * Checks uploads before anything is stored: not too many (with `existing` already there), none
 * empty or too large, each of an accepted type. Refusals are BAD_USER_INPUT on `limits.field`
 * with a `reason` (TOO_MANY, EMPTY, TOO_LARGE, TYPE) and the `file` named.
 */
type UploadRefusal = (typeof refusalReasons.uploads)[number]

export function checkFiles(
  files: readonly Upload[],
  existing: number,
  limits: UploadLimits,
): UploadType[] {
  const refuse = (reason: UploadRefusal, message: string, file?: string) =>
    new InvalidInput(limits.field, message, {
      reason,
      ...(file ? { file } : { maxFiles: limits.maxFiles }),
    })
  if (existing + files.length > limits.maxFiles) {
    throw refuse('TOO_MANY', `at most ${limits.maxFiles} files per ${limits.owner}`)
  }
  return files.map((f) => {
    const name = cleanFileName(f.name, limits.field)
    if (f.bytes.length === 0) throw refuse('EMPTY', `${name} is empty`, name)
    if (f.bytes.length > limits.maxBytes) {
      throw refuse('TOO_LARGE', `${name} is larger than ${limits.maxBytes} bytes`, name)
    }
    const type = sniffFileType(f.bytes)
    if (!type || !limits.types.includes(type)) {
      const names = limits.types.map((t) => typeNames[t])
      const list = `${names.slice(0, -1).join(', ')} or ${names.at(-1)}`
      throw refuse('TYPE', `${name} is not a ${list} file`, name)
    }
    return type
  })
}

/** The files a multipart form sent under `field`; an empty file input sends one nameless empty part. */
export async function uploadsOf(form: Record<string, unknown>, field: string): Promise<Upload[]> {
  const raw = form[field]
  const parts = (Array.isArray(raw) ? raw : raw === undefined ? [] : [raw]) as unknown[]
  const files = parts.filter(
    (p): p is File => typeof p === 'object' && p !== null && 'arrayBuffer' in p,
  )
  return Promise.all(
    files
      .filter((f) => !(f.size === 0 && f.name === ''))
      .map(async (f) => ({ name: f.name, bytes: new Uint8Array(await f.arrayBuffer()) })),
  )
}

/**
 * The files a GraphQL mutation received, read into memory: the whole request is bounded by the
 * GraphQL body limit before any of it is parsed.
 */
export function uploadsFromFiles(files: readonly File[]): Promise<Upload[]> {
  return Promise.all(
    files.map(async (f) => ({ name: f.name ?? '', bytes: new Uint8Array(await f.arrayBuffer()) })),
  )
}

/**
 * A mutation sent no file under `field`, the argument's name: refused as the pages refuse a form
 * without one, once the caller has been authorised (so a stranger learns nothing from it).
 */
export const noFileSent = (field: string) => new InvalidInput(field, 'send at least one file')
