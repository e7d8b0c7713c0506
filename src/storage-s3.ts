/**
 * A blob store on any S3-compatible object storage (R2's S3 API, MinIO, AWS S3): for a Node
 * server without a disk of its own, such as one on a remote libSQL database. Requests are
 * signed with aws4fetch (SigV4 over `fetch`, a few kilobytes, no SDK) and use path-style URLs
 * (`<endpoint>/<bucket>/<key>`), which every S3-compatible service accepts.
 */
import { AwsClient } from 'aws4fetch'
import * as z from './zod'
import { assertBlobKey, type BlobStore } from './storage'

export interface S3Settings {
  /** The service's origin, e.g. `https://<account>.r2.cloudflarestorage.com`. */
  endpoint: string
  bucket: string
  /** `auto` for R2; the bucket's region elsewhere. */
  region: string
  accessKeyId: string
  secretAccessKey: string
}

const settingsSchema = z.object({
  S3_ENDPOINT: z.url({ error: 'S3_ENDPOINT must be a URL, like https://s3.example.com' }),
  S3_BUCKET: z.string().check(z.minLength(1)),
  S3_REGION: z._default(z.string().check(z.minLength(1)), 'auto'),
  S3_ACCESS_KEY_ID: z.string().check(z.minLength(1)),
  S3_SECRET_ACCESS_KEY: z.string().check(z.minLength(1)),
})

/**
 * The S3 settings from the environment: undefined when none of S3_ENDPOINT, S3_BUCKET,
 * S3_ACCESS_KEY_ID, S3_SECRET_ACCESS_KEY is set, an error naming what is missing when only some are.
 * @example const s3 = s3SettingsFrom(process.env)
 */
export function s3SettingsFrom(env: Record<string, string | undefined>): S3Settings | undefined {
  const names = ['S3_ENDPOINT', 'S3_BUCKET', 'S3_ACCESS_KEY_ID', 'S3_SECRET_ACCESS_KEY'] as const
  if (names.every((name) => !env[name])) return undefined
  const parsed = settingsSchema.safeParse(env)
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `${String(i.path[0])}: ${i.message}`)
    throw new Error(`S3 blob storage is half configured. ${problems.join('; ')}`)
  }
  const s = parsed.data
  return {
    endpoint: s.S3_ENDPOINT.replace(/\/+$/, ''),
    bucket: s.S3_BUCKET,
    region: s.S3_REGION,
    accessKeyId: s.S3_ACCESS_KEY_ID,
    secretAccessKey: s.S3_SECRET_ACCESS_KEY,
  }
}

/**
 * One object per key in `settings.bucket`.
 * @example const blobs = s3BlobStore(s3SettingsFrom(process.env)!)
 */
export function s3BlobStore(settings: S3Settings): BlobStore {
  const aws = new AwsClient({
    accessKeyId: settings.accessKeyId,
    secretAccessKey: settings.secretAccessKey,
    service: 's3',
    region: settings.region,
  })
  // Keys are lower-case letters, digits, `_`, `-` and `/` (assertBlobKey): nothing to escape.
  const urlOf = (key: string) => {
    assertBlobKey(key)
    return `${settings.endpoint}/${settings.bucket}/${key}`
  }
  return {
    async put(key, bytes) {
      const res = await aws.fetch(urlOf(key), {
        method: 'PUT',
        // A copy over its own ArrayBuffer: what fetch's body type asks for.
        body: bytes.slice(),
        headers: { 'content-type': 'application/octet-stream' },
      })
      if (!res.ok) throw await s3Error('PUT', key, res)
    },
    async get(key) {
      const res = await aws.fetch(urlOf(key))
      if (res.status === 404) {
        await res.body?.cancel()
        return null
      }
      if (!res.ok) throw await s3Error('GET', key, res)
      return new Uint8Array(await res.arrayBuffer())
    },
  }
}

/** The failure as S3 names it (`<Code>AccessDenied</Code>`), for the log. */
async function s3Error(method: string, key: string, res: Response): Promise<Error> {
  const code = /<Code>([^<]+)<\/Code>/.exec(await res.text())?.[1] ?? 'no error code'
  return new Error(`S3 ${method} ${key} answered ${res.status} (${code})`)
}
