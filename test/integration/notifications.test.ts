import { sql } from 'drizzle-orm'
import { beforeEach, describe, expect, it } from 'vitest'
import type { OutboxEvent } from '../../src/events/types'
import { translator } from '../../src/i18n'
import { notifyForEvent } from '../../src/notifications/notify'
import { createTestApp, type TestApp } from '../helpers/app'
import { Browser, gql, tokenFor } from '../helpers/http'
import { registerReturnFor } from '../helpers/returns'
import { actorFor } from '../seed/actors'

let t: TestApp
beforeEach(async () => {
  t = await createTestApp()
})

let seq = 0
/** An event as the outbox hands it over, about merchant 1's return at hub 1 by default. */
async function eventFor(type: string, extra: Partial<OutboxEvent> = {}): Promise<OutboxEvent> {
  const m = await actorFor(t, 'merchant1@nestwork.demo')
  return {
    id: `evt_test_${++seq}`,
    type: type as OutboxEvent['type'],
    allianceId: m.allianceId,
    merchantId: m.merchantId,
    hubId: 'hub_1',
    stationId: 'sta_01',
    returnId: null,
    data: {},
    createdAt: '2026-11-25T03:00:00.000Z',
    ...extra,
  }
}

/** Who holds a notification of the event: role and organisation, one row per person. */
async function toldOf(eventId: string) {
  return t.db.all<{ email: string; role: string; org: string | null }>(sql`
    select u.email, u.role, coalesce(u.merchant_id, u.station_id, u.hub_id) as org
    from user_notifications n join users u on u.id = n.user_id
    where n.event_id = ${eventId} order by u.email`)
}

async function usersWhere(condition: ReturnType<typeof sql>) {
  return (
    await t.db.all<{ email: string }>(
      sql`select email from users u where u.active = 1 and ${condition} order by email`,
    )
  ).map((u) => u.email)
}

describe('who is told of an event', () => {
  it('tells a parcel at the hub to its merchant’s users and that hub’s operators, no one else', async () => {
    const m = await actorFor(t, 'merchant1@nestwork.demo')
    const r = await registerReturnFor(t, 1)
    const event = await eventFor('return.received', { returnId: r.id, data: { id: r.id } })
    const told = await notifyForEvent(t.db, event)
    const expected = await usersWhere(
      sql`((u.role = 'MERCHANT' and u.merchant_id = ${m.merchantId}) or (u.role = 'HUB_OPERATOR' and u.hub_id = 'hub_1'))`,
    )
    const rows = await toldOf(event.id)
    expect(rows.map((r) => r.email)).toEqual(expected)
    expect(told).toBe(expected.length)
    expect(rows.some((r) => r.role === 'MERCHANT')).toBe(true)
    expect(rows.some((r) => r.role === 'HUB_OPERATOR')).toBe(true)
    expect(rows.filter((r) => r.role === 'MERCHANT').every((r) => r.org === m.merchantId)).toBe(
      true,
    )
    expect(rows.map((r) => r.role)).not.toContain('STATION_OPERATOR')
    expect(rows.map((r) => r.role)).not.toContain('COORDINATOR')
  })

  it('tells a drop-off to the merchant and that station only, never another member', async () => {
    const m2 = await actorFor(t, 'merchant2@nestwork.demo')
    const event = await eventFor('return.checked_in')
    await notifyForEvent(t.db, event)
    const rows = await toldOf(event.id)
    expect(rows.filter((r) => r.role === 'STATION_OPERATOR').map((r) => r.org)).toEqual(
      expect.arrayContaining(['sta_01']),
    )
    expect(rows.every((r) => r.org !== m2.merchantId && r.org !== 'hub_1')).toBe(true)
    expect(new Set(rows.map((r) => r.org))).toEqual(
      new Set([(await actorFor(t, 'merchant1@nestwork.demo')).merchantId, 'sta_01']),
    )
  })

  it('tells an alliance-wide event to the coordinators only', async () => {
    const event = await eventFor('statement.ready', {
      merchantId: null,
      hubId: null,
      stationId: null,
    })
    await notifyForEvent(t.db, event)
    const rows = await toldOf(event.id)
    expect(rows.length).toBeGreaterThan(0)
    expect(rows.map((r) => r.email)).toEqual(await usersWhere(sql`u.role = 'COORDINATOR'`))
  })

  it('tells an adjustment to the merchant and the coordinators', async () => {
    const event = await eventFor('adjustment.created', { hubId: null, stationId: null })
    await notifyForEvent(t.db, event)
    const roles = new Set((await toldOf(event.id)).map((r) => r.role))
    expect(roles).toEqual(new Set(['MERCHANT', 'COORDINATOR']))
  })

  it('tells each person once however often the outbox hands the same event over', async () => {
    const event = await eventFor('booking.promoted', { data: { date: '2026-12-01' } })
    const first = await notifyForEvent(t.db, event)
    expect(first).toBeGreaterThan(0)
    expect(await notifyForEvent(t.db, event)).toBe(0)
    expect(await toldOf(event.id)).toHaveLength(first)
  })

  it('tells nobody of an event that is not for people, or of another alliance', async () => {
    expect(await notifyForEvent(t.db, await eventFor('return.registered'))).toBe(0)
    const elsewhere = await eventFor('booking.promoted', { allianceId: 'all_elsewhere' })
    expect(await notifyForEvent(t.db, elsewhere)).toBe(0)
  })

  it('leaves out a person who switched the kind off, and only that kind', async () => {
    const token = await tokenFor(t, 'merchant1@nestwork.demo')
    const set = await gql(
      t,
      'mutation { setNotificationPreference(kind: BOOKING_CANCELLED, enabled: false) { kind enabled } }',
      {},
      token,
    )
    expect(set.data.setNotificationPreference).toEqual({
      kind: 'BOOKING_CANCELLED',
      enabled: false,
    })
    const cancelled = await eventFor('booking.cancelled')
    const promoted = await eventFor('booking.promoted')
    await notifyForEvent(t.db, cancelled)
    await notifyForEvent(t.db, promoted)
    expect((await toldOf(cancelled.id)).map((r) => r.email)).not.toContain(
      'merchant1@nestwork.demo',
    )
    expect((await toldOf(promoted.id)).map((r) => r.email)).toContain('merchant1@nestwork.demo')
    const prefs = await gql(t, '{ notificationPreferences { kind enabled } }', {}, token)
    const off = prefs.data.notificationPreferences.filter((p: { enabled: boolean }) => !p.enabled)
    expect(off).toEqual([{ kind: 'BOOKING_CANCELLED', enabled: false }])
  })
})

describe('the notification centre in GraphQL', () => {
  it('lists the caller’s own, newest first in pages, and marks read only its own', async () => {
    for (const day of ['2026-11-20', '2026-11-21', '2026-11-22']) {
      await notifyForEvent(
        t.db,
        await eventFor('booking.promoted', {
          data: { date: day },
          createdAt: `${day}T01:00:00.000Z`,
        }),
      )
    }
    const merchant = await tokenFor(t, 'merchant1@nestwork.demo')
    const other = await tokenFor(t, 'merchant2@nestwork.demo')
    const list = `query ($after: String) { notifications(first: 2, after: $after) {
      nodes { id kind text url createdAt readAt } pageInfo { endCursor hasNextPage } unreadCount } }`
    const first = (await gql(t, list, {}, merchant)).data.notifications
    expect(first.unreadCount).toBe(3)
    expect(first.nodes.map((n: { createdAt: string }) => n.createdAt.slice(0, 10))).toEqual([
      '2026-11-22',
      '2026-11-21',
    ])
    expect(first.nodes[0].url).toBe('/bookings')
    expect(first.pageInfo.hasNextPage).toBe(true)
    const second = (await gql(t, list, { after: first.pageInfo.endCursor }, merchant)).data
      .notifications
    expect(second.nodes).toHaveLength(1)
    expect(second.pageInfo.hasNextPage).toBe(false)

    expect(
      (await gql(t, '{ notifications { nodes { id } } }', {}, other)).data.notifications.nodes,
    ).toEqual([])
    const mark = 'mutation ($ids: [ID!]) { markNotificationsRead(ids: $ids) }'
    const ids = [first.nodes[0].id]
    expect((await gql(t, mark, { ids }, other)).data.markNotificationsRead).toBe(0)
    expect((await gql(t, mark, { ids }, merchant)).data.markNotificationsRead).toBe(1)
    const unread = `{ notifications(unreadOnly: true) { nodes { id } unreadCount } }`
    expect((await gql(t, unread, {}, merchant)).data.notifications.unreadCount).toBe(2)
    expect((await gql(t, mark, {}, merchant)).data.markNotificationsRead).toBe(2)
    expect((await gql(t, unread, {}, merchant)).data.notifications).toEqual({
      nodes: [],
      unreadCount: 0,
    })
  })

  it('refuses a cursor that no page handed out', async () => {
    const token = await tokenFor(t, 'merchant1@nestwork.demo')
    const res = await gql(t, '{ notifications(after: "nonsense") { nodes { id } } }', {}, token)
    expect(res.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT')
  })
})

const visibleText = (html: string) =>
  html
    .replace(/<script[\s\S]*?<\/script>/g, ' ')
    .replace(/<[^>]+>/g, ' ')
    .replace(/\s+/g, ' ')

describe.each(['en', 'zh-CN'] as const)('the notification pages in %s', (locale) => {
  const tr = translator(locale)

  async function signedIn() {
    const browser = new Browser(t)
    await browser.signIn('merchant1@nestwork.demo')
    await browser.post('/locale', { locale, next: '/' })
    return browser
  }

  it('shows the bell’s count on every page, the list in words, and marks one read without JavaScript', async () => {
    const r = await registerReturnFor(t, 1)
    const event = await eventFor('return.received', { returnId: r.id })
    await notifyForEvent(t.db, event)
    const browser = await signedIn()
    const home = await (await browser.get('/')).text()
    expect(home).toContain(tr('notifications.bell', { count: 1 }))

    const page = await (await browser.get('/notifications')).text()
    const [mine] = await t.db.all<{ id: string }>(
      sql`select n.id from user_notifications n join users u on u.id = n.user_id
          where u.email = 'merchant1@nestwork.demo' and n.event_id = ${event.id}`,
    )
    const sentence = tr('notifications.text.PARCEL_AT_HUB', { code: r.code })
    expect(visibleText(page)).toContain(sentence)
    expect(page).toContain(`href="/returns/${r.id}"`)
    if (locale === 'zh-CN') {
      const main = visibleText(page.split('<main id="main">')[1]!.split('</main>')[0]!)
      const latin = (main.replace(r.code, ' ').match(/[A-Za-z]{3,}/g) ?? []).filter(
        (w) => w !== 'Nestwork',
      )
      expect(latin).toEqual([])
    }

    const res = await browser.post(`/notifications/${mine!.id}/read`, {})
    expect(res.status).toBe(303)
    expect(res.headers.get('location')).toBe('/notifications')
    const after = await (await browser.get('/notifications?unread=1')).text()
    expect(after).toContain(tr('notifications.emptyUnread'))
    expect(after).toContain(tr('notifications.bell', { count: 0 }))
  })

  it('answers htmx with the item and the bell, and refuses another person’s notification', async () => {
    const m2 = await actorFor(t, 'merchant2@nestwork.demo')
    const event = await eventFor('booking.promoted', { data: { date: '2026-12-01' } })
    const elsewhere = await eventFor('booking.promoted', { merchantId: m2.merchantId })
    await notifyForEvent(t.db, event)
    await notifyForEvent(t.db, elsewhere)
    const idOf = async (email: string, eventId: string) =>
      (
        await t.db.all<{ id: string }>(
          sql`select n.id from user_notifications n join users u on u.id = n.user_id
              where n.event_id = ${eventId} and u.email = ${email}`,
        )
      )[0]!.id
    const mine = await idOf('merchant1@nestwork.demo', event.id)
    const theirs = await idOf('merchant2@nestwork.demo', elsewhere.id)
    const browser = await signedIn()
    await browser.get('/notifications')
    const res = await browser.post(`/notifications/${mine}/read`, {}, { 'hx-request': 'true' })
    expect(res.status).toBe(200)
    const html = await res.text()
    expect(html).toContain(`id="ntf-${mine}"`)
    expect(html).not.toContain(tr('notifications.markRead'))
    expect(html).toContain('id="notification-bell"')
    expect(html).toContain('hx-swap-oob="true"')
    const refused = await browser.post(`/notifications/${theirs}/read`, {})
    expect(refused.status).toBe(404)
    const [row] = await t.db.all<{ read_at: string | null }>(
      sql`select read_at from user_notifications where id = ${theirs}`,
    )
    expect(row!.read_at).toBeNull()
  })

  it('switches a kind off from the preferences page', async () => {
    const browser = await signedIn()
    const page = await (await browser.get('/notifications/preferences')).text()
    expect(page).toContain(tr('notifications.kind.SLA_DUE_SOON'))
    const res = await browser.post('/notifications/preferences', {
      kind: 'SLA_DUE_SOON',
      enabled: 'false',
    })
    expect(res.status).toBe(303)
    const event = await eventFor('sla.due_soon')
    await notifyForEvent(t.db, event)
    expect((await toldOf(event.id)).map((r) => r.email)).not.toContain('merchant1@nestwork.demo')
    const bad = await browser.post('/notifications/preferences', { kind: 'NOPE', enabled: 'true' })
    expect(bad.status).toBe(400)
  })
})
