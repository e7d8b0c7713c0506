// Growing lists at scale: 1,000,000 returns, audit entries, notifications and webhook deliveries
// each (BENCH_LIST_ROWS; quick: 200,000) in bulk INSERT … SELECT statements (not timed), then each list's page read through its
// service function, the median of 7 reads after one warm-up, against a budget of 15 ms a page.
// The ratio is time / budget; a page over budget is a violation.
import { demoUsers } from '../db/seed/seed'
import { browseAudit } from '../src/audit/browse'
import type { AuditFilter } from '../src/audit/schemas'
import { listNotifications } from '../src/notifications/service'
import { listReturns } from '../src/returns/service'
import { listWebhookDeliveries } from '../src/webhooks/service'
import { benchApp } from './in-process'
import { intFromEnv, quick, type Measurement, type Result } from './scenario'

export const name = 'lists'

const budgetMs = 15

async function medianMs(read: () => Promise<unknown>) {
  await read()
  const runs: number[] = []
  for (let i = 0; i < 7; i++) {
    const started = performance.now()
    await read()
    runs.push(performance.now() - started)
  }
  return runs.sort((a, b) => a - b)[3]!
}

export async function run(): Promise<Result> {
  const rows = intFromEnv('BENCH_LIST_ROWS', quick ? 200_000 : 1_000_000)
  console.log(
    `  ${rows.toLocaleString('en-US')} returns, audit entries, notifications and deliveries ` +
      `(BENCH_LIST_ROWS) …`,
  )
  const b = await benchApp()
  try {
    const email = (role: string) => demoUsers().find((u) => u.role === role)!.email
    const merchant = (await b.signIn(email('MERCHANT'), 'API')).actor
    const coordinator = (await b.signIn(email('COORDINATOR'), 'API')).actor
    const hub = (await b.signIn(email('HUB_OPERATOR'), 'API')).actor
    const generated = performance.now()
    // A quarter of the returns are the measured merchant's, ten a second from 2025 on.
    await b.client.execute({
      sql: `with recursive i(n) as (select 1 union all select n + 1 from i where n < ?)
        insert into returns (id, code, merchant_id, hub_id, order_ref, category, item_description,
          order_value_fen, large_item, reason, status, station_id, created_by, created_at,
          updated_by, updated_at)
        select 'ret_big_' || n, 'BIG' || printf('%07d', n),
          case when n % 4 = 0 then ? else 'mer_0' || (2 + n % 7) end, 'hub_' || (1 + n % 3),
          'TB-' || n, 'FOOD', 'x', 100, 0, 'r', 'AT_STATION', 'sta_0' || (1 + n % 9), ?,
          strftime('%Y-%m-%dT%H:%M:%fZ', '2025-01-01', '+' || (n / 10) || ' seconds'), ?,
          '2026-01-01T00:00:00.000Z'
        from i`,
      args: [rows, merchant.merchantId!, merchant.userId, merchant.userId],
    })
    // One entry every 30 s, one in fifty by the merchant's user, the rest by the coordinator.
    await b.client.execute({
      sql: `with recursive i(n) as (select 1 union all select n + 1 from i where n < ?)
        insert into audit_log (alliance_id, at, actor_user_id, actor_role, request_id, action,
          entity_type, entity_id, before_json, after_json)
        select ?, strftime('%Y-%m-%dT%H:%M:%fZ', '2025-01-01', '+' || (n * 30) || ' seconds'),
          case when n % 50 = 0 then ? else ? end, 'COORDINATOR', 'r' || n, 'cost.record', 'cost',
          'c' || n, null, '{}'
        from i`,
      args: [rows, coordinator.allianceId, merchant.userId, coordinator.userId],
    })
    // As many notifications, a quarter of them the merchant user's (one in ten of those unread),
    // and as many webhook deliveries, a quarter of them to the coordinator's endpoint.
    await b.client.execute({
      sql: `with recursive i(n) as (select 1 union all select n + 1 from i where n < ?)
        insert into user_notifications (id, user_id, event_id, kind, return_id, data, read_at,
          created_at)
        select 'ntf_big_' || n, case when n % 4 = 0 then ? else ? end, 'evt_big_' || n,
          'PARCEL_AT_STATION', null, '{}',
          case when n % 40 = 0 then null else '2026-01-01T00:00:00.000Z' end,
          strftime('%Y-%m-%dT%H:%M:%fZ', '2025-01-01', '+' || (n / 10) || ' seconds')
        from i`,
      args: [rows, merchant.userId, coordinator.userId],
    })
    await b.client.execute({
      sql: `insert into webhook_endpoints (id, alliance_id, merchant_id, url, events, secret,
          created_by, created_at, updated_at)
        select 'whe_big_' || n, ?, null, 'https://example.com/' || n, '["return.updated"]', 's',
          ?, '2025-01-01T00:00:00.000Z', '2025-01-01T00:00:00.000Z'
        from (select 1 as n union all select 2 union all select 3 union all select 4)`,
      args: [coordinator.allianceId, coordinator.userId],
    })
    await b.client.execute({
      sql: `with recursive i(n) as (select 1 union all select n + 1 from i where n < ?)
        insert into webhook_deliveries (id, endpoint_id, event_id, event_seq, event_type,
          status, created_at)
        select 'whd_big_' || n, 'whe_big_' || (1 + n % 4), 'evt_big_' || n, n, 'return.updated',
          'DELIVERED', strftime('%Y-%m-%dT%H:%M:%fZ', '2025-01-01', '+' || (n / 10) || ' seconds')
        from i`,
      args: [rows],
    })
    const generatedIn = (performance.now() - generated) / 1000

    const page2 = async (actor: typeof merchant) => {
      const first = await listReturns(b.db, actor, { first: 20 })
      return () => listReturns(b.db, actor, { first: 20, after: first.endCursor! })
    }
    const notifications = async (unreadOnly: boolean) => {
      const first = await listNotifications(b.db, merchant, { first: 20, unreadOnly })
      return () =>
        listNotifications(b.db, merchant, { first: 20, unreadOnly, after: first.endCursor! })
    }
    const deliveries = async () => {
      const first = await listWebhookDeliveries(b.db, coordinator, 'whe_big_1', { first: 20 })
      return () =>
        listWebhookDeliveries(b.db, coordinator, 'whe_big_1', {
          first: 20,
          after: first.pageInfo.endCursor!,
        })
    }
    const audit = (filter: Partial<AuditFilter>) => () =>
      browseAudit(b.db, coordinator, { first: 50, ...filter } as AuditFilter)
    const auditPage2 = async (filter: Partial<AuditFilter>) => {
      const { olderCursor } = await audit(filter)()
      const [at, id] = olderCursor!.split('~')
      return audit({ ...filter, after: { at: at!, id: Number(id) } })
    }
    const cases: [string, () => Promise<unknown>][] = [
      ['merchant /returns page 2', await page2(merchant)],
      ['coordinator returns page 2', await page2(coordinator)],
      ['hub operator returns page 2', await page2(hub)],
      ['notifications page 2', await notifications(false)],
      ['unread notifications page 2', await notifications(true)],
      ['webhook deliveries page 2', await deliveries()],
      ['audit newest', audit({})],
      ['audit page 2', await auditPage2({})],
      ['audit by actor', audit({ actor: merchant.userId })],
      ['audit by actor page 2', await auditPage2({ actor: merchant.userId })],
      ['audit by person (email)', audit({ person: email('MERCHANT').split('@')[0] })],
      ['audit by action', audit({ action: 'cost.record' })],
      ['audit by entity', audit({ entityId: `c${Math.floor(rows / 2)}` })],
      ['audit by one day', audit({ from: '2025-03-01', to: '2025-03-01' })],
      ['audit by a recent year', audit({ from: '2025-01-01', to: '2025-12-31' })],
      ['audit by an old quarter', audit({ from: '2025-01-01', to: '2025-03-31' })],
    ]
    const measurements: Measurement[] = [
      { label: 'page budget', operations: 1, seconds: 1, value: budgetMs, unit: 'ms' },
    ]
    const failures: string[] = []
    for (const [label, read] of cases) {
      const ms = await medianMs(read)
      measurements.push({
        label,
        operations: 7,
        seconds: 1,
        value: Math.round(ms * 100) / 100,
        unit: 'ms',
      })
      if (ms > budgetMs) failures.push(`${label} took ${ms.toFixed(1)} ms, over ${budgetMs} ms`)
    }
    return {
      measurements,
      baseline: 'page budget',
      failures,
      notes: [
        `${rows.toLocaleString('en-US')} returns and as many audit entries, notifications and ` +
          `webhook deliveries generated in ` +
          `${generatedIn.toFixed(0)} s (not timed); each figure is the median of 7 reads of one ` +
          `page through the service function; ratio = time / budget`,
      ],
    }
  } finally {
    await b.close()
  }
}
