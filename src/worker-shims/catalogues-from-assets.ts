// Stands in for src/i18n/catalogues-bundled.ts in the Worker build (wrangler.toml [alias]): the
// same exports, but the catalogues are read from the static assets `npm run codegen` writes
// (static/i18n/<locale>.json) instead of being bundled, since the copy would otherwise be about a
// sixth of the Worker's compressed size. src/worker.ts awaits `loadCatalogues` before anything can
// look up a message.
import type { Locale } from '../../db/schema'
import type { CatalogueAssets, Catalogues } from '../i18n/catalogues-bundled'

export type { CatalogueAssets, Catalogues, MessageKey } from '../i18n/catalogues-bundled'

const locales: readonly Locale[] = ['en', 'zh-CN']

/**
 * One isolate's catalogues: loaded by the first request (or cron run), then kept for the
 * isolate's life; the assets are deployed with the code, so they cannot go stale.
 */
export function catalogueStore() {
  let loaded: Catalogues | undefined
  let loading: Promise<void> | undefined

  async function fetchAll(assets: CatalogueAssets): Promise<Catalogues> {
    const entries = await Promise.all(
      locales.map(async (locale) => [locale, await fetchCatalogue(assets, locale)] as const),
    )
    return Object.fromEntries(entries) as Catalogues
  }

  return {
    current(): Catalogues {
      if (!loaded) {
        throw new Error(
          'The copy catalogues are not loaded yet: await loadCatalogues(env.ASSETS) first',
        )
      }
      return loaded
    },
    /**
     * Loads both catalogues once. Requests that arrive meanwhile wait on the same load; a failed
     * load is forgotten, so the next request tries again instead of failing for good.
     */
    load(assets: CatalogueAssets | undefined): Promise<void> {
      if (loaded) return Promise.resolve()
      if (!assets) {
        return Promise.reject(
          new Error('No ASSETS binding: the copy catalogues are served from static/i18n'),
        )
      }
      loading ??= fetchAll(assets).then(
        (catalogues) => {
          loaded = catalogues
        },
        (error: unknown) => {
          loading = undefined
          throw error
        },
      )
      return loading
    },
  }
}

async function fetchCatalogue(assets: CatalogueAssets, locale: Locale) {
  // The binding serves the assets directory at its root, whatever the host.
  const res = await assets.fetch(`https://assets.invalid/i18n/${locale}.json`)
  if (!res.ok) throw new Error(`The ${locale} copy catalogue could not be read: ${res.status}`)
  const body = (await res.json()) as { messages?: unknown }
  const messages = body?.messages
  if (typeof messages !== 'object' || messages === null) {
    throw new Error(`The ${locale} copy catalogue has no messages`)
  }
  return messages as Catalogues[Locale]
}

const store = catalogueStore()

/** Every locale's messages; throws until `loadCatalogues` has succeeded. */
export const currentCatalogues = (): Catalogues => store.current()

/** Loads the catalogues from the ASSETS binding, once per isolate. */
export const loadCatalogues = (assets: CatalogueAssets | undefined): Promise<void> =>
  store.load(assets)
