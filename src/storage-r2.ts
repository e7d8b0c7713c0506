import type { R2Bucket } from '@cloudflare/workers-types'
import { assertBlobKey, type BlobStore } from './storage'

/**
 * The Worker's blob store: an R2 bucket (bound as `BLOBS` in wrangler.toml), one object per key.
 *
 * @example
 * const blobs = r2BlobStore(env.BLOBS)
 * await blobs.put('claims/clm_1/evidence_1', bytes)
 */
export function r2BlobStore(bucket: R2Bucket): BlobStore {
  return {
    async put(key, bytes) {
      assertBlobKey(key)
      await bucket.put(key, bytes)
    },
    async get(key) {
      assertBlobKey(key)
      const object = await bucket.get(key)
      if (!object) return null
      return new Uint8Array(await object.arrayBuffer())
    },
  }
}
