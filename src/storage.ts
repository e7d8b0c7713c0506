/**
 * Where uploaded files live (claim evidence, inspection photos): bytes under a key the server
 * chose. The Node entry keeps them as files beside its database (`storage-node.ts`), the Worker
 * in an R2 bucket (`storage-r2.ts`); Node tests keep them in memory. Without one (a Worker with no
 * `BLOBS` binding, Node on a remote database) pages offer no upload.
 */
export interface BlobStore {
  /** Stores `bytes` under `key`, replacing what was there. */
  put(key: string, bytes: Uint8Array): Promise<void>
  /** The bytes stored under `key`, or null when there are none. */
  get(key: string): Promise<Uint8Array<ArrayBuffer> | null>
}

/** Keys are server-made paths of lower-case letters, digits, `_` and `-`: never `..`. */
export function isBlobKey(key: string): boolean {
  return /^[a-z0-9_-]+(\/[a-z0-9_-]+)*$/.test(key) && key.length <= 200
}

export function assertBlobKey(key: string): void {
  if (!isBlobKey(key)) throw new TypeError(`not a blob key: ${JSON.stringify(key)}`)
}

/** A store in memory, for tests: copies in and out, so callers cannot change what is stored. */
export function memoryBlobStore(): BlobStore & { size(): number } {
  const blobs = new Map<string, Uint8Array>()
  return {
    async put(key, bytes) {
      assertBlobKey(key)
      blobs.set(key, bytes.slice())
    },
    async get(key) {
      assertBlobKey(key)
      return blobs.get(key)?.slice() ?? null
    },
    size: () => blobs.size,
  }
}
