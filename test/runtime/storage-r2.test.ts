// The R2 blob store the Worker binds as BLOBS. Claim evidence goes through it end to end in the
// insurance page tests, which run under workerd too.
import { env } from 'cloudflare:test'
import { describe, expect, it } from 'vitest'
import { r2BlobStore } from '../../src/storage-r2'

// The pool's global R2Bucket type and the app's imported one describe the same binding.
const bucket = env.BLOBS as unknown as Parameters<typeof r2BlobStore>[0]

describe('R2 blob store', () => {
  it('reads back what was stored, byte for byte, and replaces it on a second put', async () => {
    const blobs = r2BlobStore(bucket)
    const bytes = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0, 255, 7])
    await blobs.put('claims/clm_1/evi_1', bytes)
    expect(await blobs.get('claims/clm_1/evi_1')).toEqual(bytes)
    await blobs.put('claims/clm_1/evi_1', new Uint8Array([1, 2]))
    expect(await blobs.get('claims/clm_1/evi_1')).toEqual(new Uint8Array([1, 2]))
  })

  it('answers null for a key with nothing stored', async () => {
    expect(await r2BlobStore(bucket).get('claims/none/evi_0')).toBeNull()
  })

  it('refuses keys the server would never make', async () => {
    const blobs = r2BlobStore(bucket)
    await expect(blobs.put('../etc/passwd', new Uint8Array([1]))).rejects.toThrow(/not a blob key/)
    await expect(blobs.get('Claims/X')).rejects.toThrow(/not a blob key/)
  })
})
