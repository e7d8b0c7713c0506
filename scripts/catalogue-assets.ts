// The copy catalogues as static assets (static/i18n/<locale>.json), which the Worker reads through
// its ASSETS binding instead of bundling them (src/worker-shims/catalogues-from-assets.ts).
// Written by `npm run codegen` from the message modules, which stay the source; a test fails
// while the files differ from them.
import type { Locale } from '../db/schema'
import { currentCatalogues } from '../src/i18n/catalogues-bundled'

export const catalogueLocales: readonly Locale[] = ['en', 'zh-CN']

export const catalogueAssetPath = (locale: Locale) => `static/i18n/${locale}.json`

/** One locale's merged messages, in the order the message modules merge them. */
export function catalogueAssetText(locale: Locale): string {
  const asset = {
    generatedBy: 'npm run codegen, from the message modules under src (src/i18n): do not edit',
    messages: currentCatalogues()[locale],
  }
  return `${JSON.stringify(asset, null, 2)}\n`
}
