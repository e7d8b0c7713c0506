import type { Locale } from '../../db/schema'
// The one import of the catalogues: the Worker build replaces this module with one that reads
// them from its static assets (see catalogues-bundled.ts), so nothing here may read them before
// a lookup (a module may call `translator` at its top level).
import { currentCatalogues } from './catalogues-bundled'
import type { MessageKey } from './catalogues-bundled'

export type { MessageKey }
export type Translate = (key: MessageKey, params?: Record<string, string | number>) => string
export { loadCatalogues, type CatalogueAssets } from './catalogues-bundled'

/** Every message of one locale, for checks across the whole catalogue. */
export const catalogueOf = (locale: Locale): Readonly<Record<MessageKey, string>> =>
  currentCatalogues()[locale]

/**
 * A lookup function for one locale, made once per locale (every request asks for one).
 * @example translator('en')('home.greeting', { name: 'Li' }) // 'Hello, Li'
 */
export function translator(locale: Locale): Translate {
  let made = translators.get(locale)
  if (!made) translators.set(locale, (made = lookupIn(locale)))
  return made
}

const translators = new Map<Locale, Translate>()

function lookupIn(locale: Locale): Translate {
  let messages: Readonly<Record<MessageKey, string>> | undefined
  return (key, params) => {
    const message = (messages ??= currentCatalogues()[locale])[key]
    // Without parameters every placeholder stays as written: no need to look for them.
    if (!params) return message
    return message.replace(/\{(\w+)\}/g, (whole, name: string) =>
      name in params ? String(params[name]) : whole,
    )
  }
}

/** Picks the locale for a request: the user's choice, then a cookie, then the browser's. */
export function negotiateLocale(
  userLocale: Locale | undefined,
  cookie: string | undefined,
  acceptLanguage: string | undefined,
): Locale {
  if (userLocale) return userLocale
  if (cookie === 'en' || cookie === 'zh-CN') return cookie
  const first = acceptLanguage?.split(',')[0]?.trim().toLowerCase() ?? ''
  return first.startsWith('en') ? 'en' : 'zh-CN'
}

/** What a sentence builder needs to speak the page's language. */
export interface Lang {
  t: Translate
  locale: Locale
}

/** Whether a key computed at run time (`field.${name}`) has copy, so it can be looked up. */
export function hasMessage(key: string): key is MessageKey {
  return Object.hasOwn(currentCatalogues().en, key)
}
