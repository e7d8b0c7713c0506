import { describe, expect, it } from 'vitest'
import { catalogueOf, translator, type MessageKey } from '.'
import * as auditEntries from '../audit/entry-copy'
import * as audit from '../audit/messages'
import * as benchmarks from '../benchmarks/messages'
import * as inspection from '../inspection/messages'
import * as insurance from '../insurance/messages'
import * as notifications from '../notifications/messages'
import * as returns from '../returns/messages'
import * as settlement from '../settlement/messages'
import * as stations from '../stations/messages'
import * as unavailable from './unavailable-messages'
import { en } from './en'
import { zhCN } from './zh-CN'

const pairs: [string, Record<string, string>, Record<string, string>][] = [
  ['shared', en, zhCN],
  ['returns', returns.en, returns.zhCN],
  ['stations', stations.en, stations.zhCN],
  ['inspection', inspection.en, inspection.zhCN],
  ['settlement', settlement.en, settlement.zhCN],
  ['insurance', insurance.en, insurance.zhCN],
  ['benchmarks', benchmarks.en, benchmarks.zhCN],
  ['notifications', notifications.en, notifications.zhCN],
  ['audit', audit.en, audit.zhCN],
  ['audit entries', auditEntries.en, auditEntries.zhCN],
  ['unavailable', unavailable.en, unavailable.zhCN],
]

const params = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort()

describe('message catalogues', () => {
  it.each(pairs)('%s: every key exists in both languages, with the same parameters', (_, a, b) => {
    expect(Object.keys(b).sort()).toEqual(Object.keys(a).sort())
    for (const key of Object.keys(a)) {
      expect(a[key]!.trim(), `en ${key}`).not.toBe('')
      expect(b[key]!.trim(), `zh-CN ${key}`).not.toBe('')
      expect(params(b[key]!), key).toEqual(params(a[key]!))
    }
  })

  it('never defines one key in two catalogues', () => {
    const seen = new Map<string, string>()
    for (const [name, a] of pairs) {
      for (const key of Object.keys(a)) {
        expect(seen.get(key), `${key} in ${name}`).toBeUndefined()
        seen.set(key, name)
      }
    }
  })

  it('addresses the reader in one register in Chinese: 您, never 你', () => {
    const familiar = Object.entries(catalogueOf('zh-CN')).filter(([, text]) => text.includes('你'))
    expect(familiar.map(([key]) => key)).toEqual([])
  })

  it('fills parameters and leaves unknown ones visible', () => {
    const t = translator('en')
    expect(t('home.greeting' as MessageKey, { name: 'Li' })).toBe('Hello, Li')
    expect(t('home.greeting' as MessageKey)).toBe('Hello, {name}')
  })
})
