/**
 * Walks the error paths of the pages in both languages: every refusal a person can reach says
 * what happened in the page's language, from the catalogue, never the domain's English message.
 */
import { beforeAll, describe, expect, it } from 'vitest'
import type { Locale } from '../../db/schema'
import { translator, type MessageKey } from '../../src/i18n'
import { createTestApp, type TestApp } from '../helpers/app'
import { Browser } from '../helpers/http'

let t: TestApp
beforeAll(async () => {
  t = await createTestApp()
})

type Who = 'merchant' | 'station' | 'hub' | 'coordinator' | 'anonymous'
const accounts: Record<Exclude<Who, 'anonymous'>, string> = {
  merchant: 'merchant1@nestwork.demo',
  station: 'station1@nestwork.demo',
  hub: 'hub1@nestwork.demo',
  coordinator: 'coordinator@nestwork.demo',
}

interface ErrorPath {
  name: string
  who: Who
  send: (b: Browser) => Promise<Response>
  status: number
  /** The catalogue copy the page must say (with its facts, when it has any). */
  says: MessageKey
  params?: Record<string, string>
}

const htmx = { 'hx-request': 'true' }
const paths: ErrorPath[] = [
  {
    name: 'a return that does not exist',
    who: 'merchant',
    send: (b) => b.get('/returns/no-such-return'),
    status: 404,
    says: 'error.notFound.Return',
  },
  {
    name: 'a return that does not exist, asked by htmx',
    who: 'merchant',
    send: (b) => b.get('/returns/no-such-return', htmx),
    status: 404,
    says: 'error.notFound.Return',
  },
  {
    name: 'a claim that does not exist',
    who: 'merchant',
    send: (b) => b.get('/insurance/claims/no-such-claim'),
    status: 404,
    says: 'error.notFound.Claim',
  },
  {
    name: 'a pickup run that does not exist',
    who: 'coordinator',
    send: (b) => b.get('/runs/no-such-run'),
    status: 404,
    says: 'error.notFound.Pickup run',
  },
  {
    name: 'cancelling a return that does not exist',
    who: 'merchant',
    send: (b) => b.post('/returns/no-such-return/cancel', {}),
    status: 404,
    says: 'error.notFound.Return',
  },
  {
    name: 'a page of another role',
    who: 'merchant',
    send: (b) => b.get('/settlement'),
    status: 403,
    says: 'error.forbidden.body',
  },
  {
    name: 'the inspection queue for a station operator',
    who: 'station',
    send: (b) => b.get('/inspect'),
    status: 403,
    says: 'error.forbidden.body',
  },
  {
    name: 'a month that is not a month',
    who: 'merchant',
    send: (b) => b.get('/bookings?month=2026-13'),
    status: 400,
    says: 'error.BAD_USER_INPUT.field',
  },
  {
    name: 'a form without its token',
    who: 'merchant',
    send: (b) => b.post('/returns/no-such-return/cancel', { _csrf: 'forged' }),
    status: 403,
    says: 'refusal.CSRF',
  },
  {
    name: 'a form that cannot be read',
    who: 'merchant',
    send: (b) => b.postRaw('/bookings', 'units=%zz', 'application/x-www-form-urlencoded'),
    status: 400,
    says: 'refusal.BODY',
  },
  {
    name: 'a booking over the fair share, asked by htmx',
    who: 'merchant',
    send: (b) =>
      b.post(
        '/bookings',
        {
          hubId: 'hub_1',
          date: '2026-11-28',
          units: '900',
          idempotencyKey: `walk-${crypto.randomUUID()}`,
        },
        htmx,
      ),
    status: 409,
    says: 'booking.refused',
  },
  {
    name: 'a capacity that is not a number',
    who: 'hub',
    send: (b) =>
      b.post('/hub/capacity', { hubId: 'hub_1', date: '2026-11-28', capacityUnits: 'lots' }),
    status: 400,
    says: 'hub.title',
  },
  {
    name: 'a sign-in without an email address',
    who: 'anonymous',
    send: (b) => b.post('/login', { email: 'not-an-address', password: 'x' }),
    status: 400,
    says: 'signIn.title',
  },
  {
    name: 'an address with nothing at it',
    who: 'anonymous',
    send: (b) => b.get('/no-such-page'),
    status: 404,
    says: 'error.notFound.body',
  },
]

const fieldOf: Record<string, string> = { 'a month that is not a month': 'field.month' }

/** What a person reads: the main content (or the whole fragment), without markup. */
function visibleText(html: string): string {
  const main = /<main[^>]*>([\s\S]*?)<\/main>/.exec(html)?.[1] ?? html
  return main
    .replace(/<(script|style)[\s\S]*?<\/\1>/g, ' ')
    .replace(/<[^>]+>/g, ' ')
    .replace(/&#(\d+);/g, (_, n: string) => String.fromCodePoint(Number(n)))
    .replace(/&quot;/g, '"')
    .replace(/&amp;/g, '&')
    .replace(/\s+/g, ' ')
}

async function as(who: Who, locale: Locale): Promise<Browser> {
  const browser = new Browser(t)
  if (who === 'anonymous') {
    await browser.get('/login')
  } else {
    await browser.signIn(accounts[who])
  }
  await browser.post('/locale', { locale, next: '/' })
  return browser
}

describe.each(['zh-CN', 'en'] as const)('error pages in %s', (locale) => {
  const tr = translator(locale)

  it.each(paths)('$name', async (path) => {
    const browser = await as(path.who, locale)
    const res = await path.send(browser)
    expect(res.status).toBe(path.status)
    const text = visibleText(await res.text())
    const field = fieldOf[path.name]
    const expected = tr(path.says, {
      ...path.params,
      ...(field ? { field: tr(field as MessageKey) } : {}),
    }).split('{problem}')[0]!
    expect(text).toContain(expected.replace(/\{\w+\}.*$/, ''))
    expect(text).not.toMatch(/not found\.|not allowed to do that|use a month as/i)
    if (locale === 'zh-CN') {
      // The demo password the sign-in page gives is not copy.
      const words = text.replace(/nestwork-demo/g, ' ')
      const latin = (words.match(/[A-Za-z]{3,}/g) ?? []).filter((w) => w !== 'Nestwork')
      expect(latin).toEqual([])
    }
  })
})
