// The Node entry's blob store: one file per key under a directory (`data/blobs` beside the
// default database). Kept apart from storage.ts so the Worker bundle never sees node:fs.
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises'
import { dirname, join, resolve } from 'node:path'
import { randomUUID } from 'node:crypto'
import { assertBlobKey, type BlobStore } from './storage'

/**
 * Files under `root`, written to a temporary name and renamed into place, so a reader never
 * sees half a file.
 */
export function fileBlobStore(root: string): BlobStore {
  const base = resolve(root)
  const pathOf = (key: string) => {
    assertBlobKey(key)
    return join(base, ...key.split('/'))
  }
  return {
    async put(key, bytes) {
      const path = pathOf(key)
      await mkdir(dirname(path), { recursive: true })
      const temp = `${path}.${randomUUID()}.tmp`
      await writeFile(temp, bytes)
      await rename(temp, path)
    },
    async get(key) {
      try {
        return new Uint8Array(await readFile(pathOf(key)))
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null
        throw error
      }
    },
  }
}

/**
 * The blob directory for a database URL: `blobs` beside an embedded file database, none for an
 * in-memory or remote one (a server without a disk of its own needs another store).
 * @example blobDirFor('file:data/nestwork.db') // 'data/blobs'
 */
export function blobDirFor(databaseUrl: string): string | undefined {
  if (!databaseUrl.startsWith('file:')) return undefined
  const path = databaseUrl.slice('file:'.length)
  if (!path || path === ':memory:') return undefined
  return join(dirname(path), 'blobs')
}
