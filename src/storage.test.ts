import { mkdtemp, readdir, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { isBlobKey, memoryBlobStore, type BlobStore } from './storage'
import { blobDirFor, fileBlobStore } from './storage-node'

const dirs: string[] = []
afterEach(async () => {
  await Promise.all(dirs.splice(0).map((d) => rm(d, { recursive: true, force: true })))
})

async function tempDir() {
  const dir = await mkdtemp(join(tmpdir(), 'nestwork-blobs-'))
  dirs.push(dir)
  return dir
}

const stores: [string, () => Promise<BlobStore>][] = [
  ['memory', async () => memoryBlobStore()],
  ['files', async () => fileBlobStore(await tempDir())],
]

describe.each(stores)('%s blob store', (_, make) => {
  it('gives back exactly the bytes put under a key, and null for an unknown key', async () => {
    const store = await make()
    const bytes = new Uint8Array([0, 1, 2, 255])
    await store.put('evidence/clm_1/evi_1', bytes)
    bytes[0] = 9 // changing the caller's copy changes nothing stored
    expect(await store.get('evidence/clm_1/evi_1')).toEqual(new Uint8Array([0, 1, 2, 255]))
    expect(await store.get('evidence/clm_1/evi_2')).toBeNull()
  })

  it('replaces what a key held', async () => {
    const store = await make()
    await store.put('a', new Uint8Array([1]))
    await store.put('a', new Uint8Array([2, 3]))
    expect(await store.get('a')).toEqual(new Uint8Array([2, 3]))
  })

  it.each(['../etc/passwd', '/abs', 'a//b', 'A', 'a/../b', 'a/', ''])(
    'refuses the key %j',
    async (key) => {
      const store = await make()
      await expect(store.put(key, new Uint8Array([1]))).rejects.toThrow(/not a blob key/)
      await expect(store.get(key)).rejects.toThrow(/not a blob key/)
    },
  )
})

describe('fileBlobStore', () => {
  it('keeps one file per key under its directory and leaves no temporary files', async () => {
    const dir = await tempDir()
    const store = fileBlobStore(dir)
    await store.put('evidence/clm_1/evi_1', new Uint8Array([7]))
    expect(await readdir(join(dir, 'evidence', 'clm_1'))).toEqual(['evi_1'])
  })
})

describe('blobDirFor', () => {
  it.each([
    ['file:data/nestwork.db', 'data/blobs'],
    ['file:/tmp/x/nestwork.db', '/tmp/x/blobs'],
    [':memory:', undefined],
    ['file::memory:', undefined],
    ['libsql://db.example.turso.io', undefined],
  ])('%s → %s', (url, dir) => {
    expect(blobDirFor(url)).toBe(dir)
  })
  it('accepts only server-made keys', () => {
    expect(isBlobKey('evidence/clm_abc/evi_def')).toBe(true)
  })
})
