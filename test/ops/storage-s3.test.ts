// The S3-compatible blob store against a local S3 emulator (s3rver: path-style buckets and
// objects, S3's status codes and XML errors, on disk in a temp dir). s3rver accepts any SigV4
// signature from a known key id, so the signing itself is aws4fetch's (also what R2's S3 API and
// MinIO check); the README says how to try a real service.
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import S3rver from 's3rver'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { s3BlobStore, s3SettingsFrom, type S3Settings } from '../../src/storage-s3'
import { createTestApp } from '../helpers/app'
import { Browser } from '../helpers/http'
import { bringToHub, registerReturnFor } from '../helpers/returns'

let dir: string
let server: S3rver
let settings: S3Settings
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'nestwork-s3-'))
  server = new S3rver({
    address: '127.0.0.1',
    port: 0,
    silent: true,
    directory: dir,
    configureBuckets: [{ name: 'nestwork-blobs' }],
  })
  const { port } = await server.run()
  settings = {
    endpoint: `http://127.0.0.1:${port}`,
    bucket: 'nestwork-blobs',
    region: 'us-east-1',
    // s3rver's built-in account.
    accessKeyId: 'S3RVER',
    secretAccessKey: 'S3RVER',
  }
})
afterAll(async () => {
  await server?.close()
  await rm(dir, { recursive: true, force: true })
})

describe('s3BlobStore', () => {
  it('gives back exactly the bytes put under a key, and null for an unknown key', async () => {
    const store = s3BlobStore(settings)
    const bytes = new Uint8Array([0, 1, 2, 255])
    await store.put('evidence/clm_1/evi_1', bytes)
    bytes[0] = 9
    expect(await store.get('evidence/clm_1/evi_1')).toEqual(new Uint8Array([0, 1, 2, 255]))
    expect(await store.get('evidence/clm_1/evi_2')).toBeNull()
  })

  it('replaces what a key held', async () => {
    const store = s3BlobStore(settings)
    await store.put('a', new Uint8Array([1]))
    await store.put('a', new Uint8Array([2, 3]))
    expect(await store.get('a')).toEqual(new Uint8Array([2, 3]))
  })

  it('refuses a key that is not server-made before any request', async () => {
    const store = s3BlobStore({ ...settings, endpoint: 'http://127.0.0.1:9' })
    await expect(store.put('../etc/passwd', new Uint8Array([1]))).rejects.toThrow(/not a blob key/)
    await expect(store.get('a//b')).rejects.toThrow(/not a blob key/)
  })

  it('fails loudly, with S3’s error code, when the service refuses', async () => {
    const store = s3BlobStore({ ...settings, bucket: 'no-such-bucket' })
    await expect(store.put('a', new Uint8Array([1]))).rejects.toThrow(/404 \(NoSuchBucket\)/)
    const unknownKey = s3BlobStore({ ...settings, accessKeyId: 'NOBODY' })
    await expect(unknownKey.get('a')).rejects.toThrow(/403 \(InvalidAccessKeyId\)/)
  })
})

describe('the app on S3 blob storage', () => {
  it('keeps an inspection photo in the bucket and serves it back to the return’s merchant', async () => {
    const blobs = s3BlobStore(settings)
    const t = await createTestApp({ deps: { blobs } })
    const r = await registerReturnFor(t, 1)
    await bringToHub(t, r.code)
    const hub = new Browser(t)
    await hub.signIn('hub1@nestwork.demo')
    await hub.get(`/inspect/${r.id}`)
    const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13])
    const form = new FormData()
    form.set('_csrf', hub.csrf!)
    form.append('photos', new File([png], 'box.png'))
    const cookie = ['nw_session', 'nw_csrf'].map((n) => `${n}=${hub.cookie(n)}`).join('; ')
    const posted = await t.app.request(`http://localhost/inspect/${r.id}/photos`, {
      method: 'POST',
      body: form,
      headers: { cookie, 'x-test-ip': '198.51.100.7' },
    })
    expect(posted.status).toBe(303)

    const page = await (await hub.get(`/inspect/${r.id}?photos=1`)).text()
    const href = page.match(new RegExp(`/returns/${r.id}/photos/iph_\\w+`))![0]
    const owner = new Browser(t)
    await owner.signIn('merchant1@nestwork.demo')
    const served = await owner.get(href)
    expect(served.status).toBe(200)
    expect(new Uint8Array(await served.arrayBuffer())).toEqual(png)
  })
})

describe('s3SettingsFrom', () => {
  const full = {
    S3_ENDPOINT: 'https://account.r2.cloudflarestorage.com/',
    S3_BUCKET: 'nestwork-blobs',
    S3_ACCESS_KEY_ID: 'id',
    S3_SECRET_ACCESS_KEY: 'secret',
  }

  it('is off when nothing is set, and R2-ready with region auto by default', () => {
    expect(s3SettingsFrom({})).toBeUndefined()
    expect(s3SettingsFrom(full)).toEqual({
      endpoint: 'https://account.r2.cloudflarestorage.com',
      bucket: 'nestwork-blobs',
      region: 'auto',
      accessKeyId: 'id',
      secretAccessKey: 'secret',
    })
  })

  it('names what is missing when only part is set', () => {
    expect(() => s3SettingsFrom({ ...full, S3_SECRET_ACCESS_KEY: undefined })).toThrow(
      /half configured.*S3_SECRET_ACCESS_KEY/,
    )
    expect(() => s3SettingsFrom({ ...full, S3_ENDPOINT: 'not a url' })).toThrow(/S3_ENDPOINT/)
  })
})
