import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import {
  catalogueAssetPath,
  catalogueAssetText,
  catalogueLocales,
} from '../../scripts/catalogue-assets'
import * as fromAssets from '../worker-shims/catalogues-from-assets'
import * as bundled from './catalogues-bundled'
import type { CatalogueAssets } from './catalogues-bundled'

const root = new URL('../../', import.meta.url)
const committed = (path: string) => readFileSync(new URL(path, root), 'utf8')

// The Worker build swaps the one module for the other: it must offer every name, typed alike.
const sameExports: Pick<typeof fromAssets, keyof typeof bundled> = bundled
void sameExports

/** The static directory as the ASSETS binding serves it, counting fetches; `fail` fails the next. */
function assetsFromDisk() {
  const fetched: string[] = []
  let failures = 0
  const assets: CatalogueAssets & { fetched: string[]; failNext(count: number): void } = {
    fetched,
    failNext: (count) => void (failures = count),
    async fetch(url) {
      fetched.push(new URL(url).pathname)
      if (failures > 0) {
        failures--
        return new Response('unavailable', { status: 503 })
      }
      try {
        return new Response(committed(`static${new URL(url).pathname}`))
      } catch {
        return new Response('not found', { status: 404 })
      }
    },
  }
  return assets
}

describe('the catalogues the Worker reads as static assets (run `npm run codegen` after changing copy)', () => {
  it.each(catalogueLocales)('static/i18n/%s.json holds the merged catalogue', (locale) => {
    expect(committed(catalogueAssetPath(locale))).toBe(catalogueAssetText(locale))
  })

  it('loads both from the assets, and nothing is read before', async () => {
    const store = fromAssets.catalogueStore()
    expect(() => store.current()).toThrow(/not loaded/)
    const assets = assetsFromDisk()
    await store.load(assets)
    expect(store.current()).toEqual(bundled.currentCatalogues())
    expect(assets.fetched.sort()).toEqual(['/i18n/en.json', '/i18n/zh-CN.json'])
  })

  it('fetches once for requests that arrive together, and never again once loaded', async () => {
    const store = fromAssets.catalogueStore()
    const assets = assetsFromDisk()
    await Promise.all([store.load(assets), store.load(assets), store.load(assets)])
    await store.load(assets)
    expect(assets.fetched).toHaveLength(2)
  })

  it('forgets a failed load, so the next request tries again', async () => {
    const store = fromAssets.catalogueStore()
    const assets = assetsFromDisk()
    assets.failNext(1)
    await expect(store.load(assets)).rejects.toThrow(/could not be read: 503/)
    expect(() => store.current()).toThrow(/not loaded/)
    await store.load(assets)
    expect(store.current()['zh-CN']['error.unavailable']).toContain('暂不可用')
    expect(assets.fetched).toHaveLength(4)
  })

  it('refuses a Worker without the ASSETS binding, or an asset that is not a catalogue', async () => {
    await expect(fromAssets.catalogueStore().load(undefined)).rejects.toThrow(/No ASSETS binding/)
    const notCatalogue: CatalogueAssets = {
      fetch: async () => new Response(JSON.stringify({ generatedBy: 'x' })),
    }
    await expect(fromAssets.catalogueStore().load(notCatalogue)).rejects.toThrow(/no messages/)
  })
})
