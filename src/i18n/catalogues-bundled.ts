// The merged catalogues, built from the message modules at import time: what Node (the server,
// tests, scripts, bench) uses. The Worker build swaps this module for
// src/worker-shims/catalogues-from-assets.ts (wrangler.toml [alias]), which reads the same
// catalogues from static/i18n/*.json instead, so the copy is not part of the Worker's bundle;
// `npm run codegen` writes those files from here. Both modules export the same names.
import type { Locale } from '../../db/schema'
import * as apiTokens from '../api-tokens/messages'
import * as auth from '../auth/messages'
import * as authLinks from '../auth/link-messages'
import * as audit from '../audit/messages'
import * as auditEntries from '../audit/entry-copy'
import * as refusals from './refusals'
import * as unavailable from './unavailable-messages'
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
  ...unavailable.en,
}
export type MessageKey = keyof typeof english
export type Catalogues = Readonly<Record<Locale, Readonly<Record<MessageKey, string>>>>

const catalogues: Catalogues = {
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
    ...unavailable.zhCN,
  },
}

/** Where catalogues are read from when they are not bundled: the Worker's ASSETS binding. */
export interface CatalogueAssets {
  fetch(url: string): Promise<{ ok: boolean; status: number; json(): Promise<unknown> }>
}

/** Every locale's messages. */
export const currentCatalogues = (): Catalogues => catalogues

/** Nothing to load: the catalogues are part of the code. */
export const loadCatalogues = (_assets: CatalogueAssets | undefined): Promise<void> =>
  Promise.resolve()
