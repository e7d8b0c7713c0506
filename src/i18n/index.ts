import type { Locale } from '../../db/schema'
import * as apiTokens from '../api-tokens/messages'
import * as auth from '../auth/messages'
import * as authLinks from '../auth/link-messages'
import * as audit from '../audit/messages'
import * as auditEntries from '../audit/entry-messages'
import * as refusals from './refusals'
import * as benchmarks from '../benchmarks/messages'
import * as inspection from '../inspection/messages'
import * as insurance from '../insurance/messages'
import * as members from '../members/messages'
import * as notifications from '../notifications/messages'
import * as returns from '../returns/messages'
import * as returnImports from '../returns/import/messages'
import * as labels from '../labels/messages'
import * as settlement from '../settlement/messages'
import * as staff from '../staff/messages'
import * as stations from '../stations/messages'
import * as stationFinder from '../stations/finder-messages'
import * as stationReceipt from '../stations/receipt-messages'
import * as webhooks from '../webhooks/messages'
import { en } from './en'
import { zhCN } from './zh-CN'

// Shared copy lives in en.ts / zh-CN.ts; a capability with many pages keeps its own catalogue
// beside its code (`<capability>/messages.ts`), merged here.
const english = {
  ...en,
  ...returns.en,
  ...returnImports.en,
  ...labels.en,
  ...stations.en,
  ...stationFinder.en,
  ...stationReceipt.en,
  ...inspection.en,
  ...settlement.en,
  ...insurance.en,
  ...benchmarks.en,
  ...auth.en,
  ...authLinks.en,
  ...members.en,
  ...notifications.en,
  ...audit.en,
  ...auditEntries.en,
  ...staff.en,
  ...apiTokens.en,
  ...webhooks.en,
  ...refusals.en,
}
export type MessageKey = keyof typeof english
export type Translate = (key: MessageKey, params?: Record<string, string | number>) => string

const catalogues: Record<Locale, Record<MessageKey, string>> = {
  en: english,
  'zh-CN': {
    ...zhCN,
    ...returns.zhCN,
    ...returnImports.zhCN,
    ...labels.zhCN,
    ...stations.zhCN,
    ...stationFinder.zhCN,
    ...stationReceipt.zhCN,
    ...inspection.zhCN,
    ...settlement.zhCN,
    ...insurance.zhCN,
    ...benchmarks.zhCN,
    ...auth.zhCN,
    ...authLinks.zhCN,
    ...members.zhCN,
    ...notifications.zhCN,
    ...audit.zhCN,
    ...auditEntries.zhCN,
    ...staff.zhCN,
    ...apiTokens.zhCN,
    ...webhooks.zhCN,
    ...refusals.zhCN,
  },
}

/** Every message of one locale, for checks across the whole catalogue. */
export const catalogueOf = (locale: Locale): Readonly<Record<MessageKey, string>> =>
  catalogues[locale]

/**
 * A lookup function for one locale.
 * @example translator('en')('home.greeting', { name: 'Li' }) // 'Hello, Li'
 */
export function translator(locale: Locale): Translate {
  const messages = catalogues[locale]
  return (key, params) =>
    messages[key].replace(/\{(\w+)\}/g, (whole, name: string) =>
      params && name in params ? String(params[name]) : whole,
    )
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
  return Object.hasOwn(english, key)
}
