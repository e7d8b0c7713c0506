// Settlement close benchmark: one month of a large alliance — 200 merchants and 500,000 returns
// received at the hubs (with their pickup runs, hub receipts, station commissions and some
// capacity bookings) — generated with a few bulk SQL statements on a fresh libSQL file database,
// then measured three ways in one run:
//
//   GROUP BY scan      one `GROUP BY merchant` over the month's hub receipts joined to their
//                      returns: reading the same rows once, the floor for anything that settles
//   settlementPreview  the domain function computing the split (what the coordinator's page shows)
//   closeSettlement    the domain function closing the month: computing it again and writing
//                      every line and statement in one atomic batch
//
// and checked: every cost split exactly into its parts, the statements add up to the settlement
// total, commissions to what the stations earned, the close equals the preview, and closing
// again with the same key returns the same settlement.
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Client } from '@libsql/client'
import { openLibsql } from '../db/libsql'
import { seedDemo } from '../db/seed/seed'
import { pbkdf2Hasher } from '../src/auth/password'
import type { Actor } from '../src/auth/roles'
import { localDate, monthBounds, monthInstants } from '../src/calendar/local-date'
import { closeSettlement, settlementPreview } from '../src/settlement/service'
import { intFromEnv, quick, type Measurement, type Result } from './scenario'

export const name = 'settlement-close'

const labels = {
  scan: 'GROUP BY scan',
  preview: 'settlementPreview',
  close: 'closeSettlement',
} as const

interface Workload {
  merchants: number
  returns: number
  /** Parcels per pickup run. */
  perRun: number
  /** Last month, by the real clock: the newest month that can be closed. */
  month: string
}

function workload(): Workload {
  const today = localDate(new Date())
  const [y, m] = today.split('-').map(Number) as [number, number]
  const month = m === 1 ? `${y - 1}-12` : `${y}-${String(m - 1).padStart(2, '0')}`
  return {
    merchants: intFromEnv('BENCH_MERCHANTS', 200, 20),
    returns: intFromEnv('BENCH_RETURNS', quick ? 100_000 : 500_000),
    perRun: 100,
    month,
  }
}

const seconds = (started: number) => (performance.now() - started) / 1000

/**
 * The month's rows, in a handful of INSERT … SELECT statements over generated series. Merchants
 * get uneven volumes (merchant k of M has weight ∝ k+1), so shares differ; each run goes from one
 * station to one hub, and every parcel on it was received there.
 */
async function generate(client: Client, w: Workload, coordinatorId: string) {
  const { start, end } = monthInstants(w.month)
  const { from } = monthBounds(w.month)
  const spanMs = Date.parse(end) - Date.parse(start)
  const runs = Math.ceil(w.returns / w.perRun)
  const run = async (sql: string, args: (string | number)[] = []) => client.execute({ sql, args })

  // The AFTER INSERT trigger of migration 0004 writes one return_events row per new return (its
  // history). Generated returns need no history, so it is dropped while they are inserted and
  // recreated from its own stored SQL right after; nothing the settlement reads depends on it.
  const trigger = await run(
    "select sql from sqlite_master where type = 'trigger' and name = 'returns_registered'",
  )
  const triggerSql = String(trigger.rows[0]!.sql)
  await run('drop trigger returns_registered')
  try {
    await run(
      `insert into merchants (id, alliance_id, name, name_en, category, joined_on, created_at)
       with recursive n(i) as (select 21 union all select i + 1 from n where i < ?)
       select printf('mer_%03d', i), 'all_yrd', printf('基准商户%03d', i), printf('Bench Merchant %03d', i),
         case i % 4 when 0 then 'FOOD' when 1 then 'SUPPLIES' when 2 then 'CLOTHING' else 'TOYS' end,
         '2024-01-01', ?
       from n`,
      [w.merchants, start],
    )
    await run(`create temp table bench_merchants as
      select row_number() over (order by id) - 1 as k, id from merchants`)
    await run(`create temp table bench_stations as
      select row_number() over (order by id) - 1 as k, id, commission_fen, large_item_commission_fen
      from stations where active = 1`)
    await run('create unique index temp.bench_merchants_k on bench_merchants (k)')
    await run('create unique index temp.bench_stations_k on bench_stations (k)')
    const stations = Number((await run('select count(*) as n from bench_stations')).rows[0]!.n)

    await run(
      `insert into pickup_runs (id, station_id, hub_id, status, created_by, created_at, closed_by, closed_at)
       with recursive n(i) as (select 0 union all select i + 1 from n where i < ? - 1)
       select printf('run_b%07d', i), s.id, 'hub_' || (i % 3 + 1), 'CLOSED', ?,
         strftime('%Y-%m-%dT%H:%M:%fZ', ?, '+' || (i * ? / ?) || ' seconds'), ?,
         strftime('%Y-%m-%dT%H:%M:%fZ', ?, '+' || (i * ? / ? + 3600) || ' seconds')
       from n join bench_stations s on s.k = i % ?`,
      [
        runs,
        coordinatorId,
        start,
        spanMs / 1000 - 7200,
        runs,
        coordinatorId,
        start,
        spanMs / 1000 - 7200,
        runs,
        stations,
      ],
    )
    // Return i travels on run i / perRun; its merchant is drawn with weight ∝ k+1 from a
    // deterministic hash of i (so volumes are uneven but reproducible).
    await run(
      `insert into returns (id, code, merchant_id, hub_id, order_ref, category, item_description,
         order_value_fen, large_item, reason, status, station_id, pickup_run_id,
         created_by, created_at, updated_by, updated_at)
       with recursive n(i) as (select 0 union all select i + 1 from n where i < ? - 1)
       select printf('ret_b%07d', n.i), printf('BENCH%07d', n.i), m.id, r.hub_id,
         printf('B-%07d', n.i), 'FOOD', 'bench parcel', 10000 + (n.i % 50) * 100,
         n.i % 40 = 0, 'bench', 'AT_HUB', r.station_id, r.id,
         ?, r.created_at, ?, r.closed_at
       from n
         join pickup_runs r on r.id = printf('run_b%07d', n.i / ?)
         join bench_merchants m on m.k = cast(
           (sqrt(((n.i * 2654435761) % 1000003) / 1000003.0 * (? * ? + ?)) - 0.5) as integer) % ?`,
      [
        w.returns,
        coordinatorId,
        coordinatorId,
        w.perRun,
        w.merchants,
        w.merchants,
        w.merchants,
        w.merchants,
      ],
    )
    await run(
      `insert into run_receipts (return_id, run_id, expected, received_by, at, hub_id, merchant_id)
       select id, pickup_run_id, 1, ?, updated_at, hub_id, merchant_id from returns
       where id like 'ret_b%'`,
      [coordinatorId],
    )
    await run(
      `insert into commissions (return_id, station_id, merchant_id, amount_fen, large_item, month, at)
       select r.id, r.station_id, r.merchant_id,
         case when r.large_item then s.large_item_commission_fen else s.commission_fen end,
         r.large_item, ?, r.created_at
       from returns r join bench_stations s on s.id = r.station_id where r.id like 'ret_b%'`,
      [w.month],
    )
    // Capacity booked on the month's days: one booking per merchant and hub, on a day of its own.
    await run(
      `insert into hub_days (hub_id, date, capacity_units)
       with recursive d(i) as (select 0 union all select i + 1 from d where i < 27)
       select h.id, date(?, '+' || d.i || ' days'), 1000000 from hubs h, d
       where true on conflict do nothing`,
      [from],
    )
    await run(
      `insert into bookings (id, seq, merchant_id, hub_id, date, units, status, idempotency_key,
         waitlist, created_by, created_at, updated_by, updated_at)
       select printf('bkg_b%03d_%s', m.k, h.id),
         (select coalesce(max(seq), 0) from bookings) + row_number() over (order by m.k, h.id),
         m.id, h.id, date(?, '+' || (m.k % 28) || ' days'), 5 + (m.k * 7) % 40, 'CONFIRMED',
         printf('bench-%s', h.id), 0, ?, ?, ?, ?
       from bench_merchants m, hubs h where m.k % 2 = 0 or h.id = 'hub_1'`,
      [from, coordinatorId, start, coordinatorId, start],
    )
  } finally {
    await run(triggerSql)
  }
  await run('analyze')
  return { runs }
}

async function coordinatorActor(client: Client): Promise<Actor> {
  const r = await client.execute(
    "select id, alliance_id, email, display_name from users where role = 'COORDINATOR' limit 1",
  )
  const u = r.rows[0]!
  return {
    userId: String(u.id),
    allianceId: String(u.alliance_id),
    email: String(u.email),
    role: 'COORDINATOR',
    displayName: String(u.display_name),
    locale: 'zh-CN',
    merchantId: null,
    stationId: null,
    hubId: null,
  }
}

/** Broken invariants of the closed month, as sentences; empty when it is sound. */
async function verify(client: Client, settlementId: string, w: Workload, previewTotal: number) {
  const failures: string[] = []
  const one = async (sql: string, args: (string | number)[] = []) =>
    (await client.execute({ sql, args })).rows[0]!
  const split = await client.execute({
    sql: `select c.id, c.amount_fen, coalesce(sum(l.amount_fen), 0) as parts
          from costs c left join settlement_lines l on l.cost_id = c.id and l.settlement_id = ?
          where c.month = ? group by c.id having parts <> c.amount_fen`,
    args: [settlementId, w.month],
  })
  for (const r of split.rows) {
    failures.push(`cost ${r.id} of ${r.amount_fen} fen was split into ${r.parts} fen`)
  }
  const s = await one('select total_fen from settlements where id = ?', [settlementId])
  const merchants = await one(
    `select coalesce(sum(total_fen), 0) as total, count(*) as n from statements
     where settlement_id = ? and merchant_id is not null`,
    [settlementId],
  )
  if (Number(merchants.total) !== Number(s.total_fen)) {
    failures.push(`merchant statements sum to ${merchants.total}, settlement total ${s.total_fen}`)
  }
  if (Number(s.total_fen) !== previewTotal) {
    failures.push(`closed at ${s.total_fen} fen but the preview said ${previewTotal}`)
  }
  const lines = await one(
    'select coalesce(sum(amount_fen), 0) as total from settlement_lines where settlement_id = ?',
    [settlementId],
  )
  if (Number(lines.total) !== Number(s.total_fen)) {
    failures.push(`lines sum to ${lines.total}, settlement total ${s.total_fen}`)
  }
  const mismatched = await client.execute({
    sql: `select st.merchant_id, st.total_fen, sum(l.amount_fen) as lines from statements st
          join settlement_lines l on l.settlement_id = st.settlement_id and l.merchant_id = st.merchant_id
          where st.settlement_id = ? group by st.id having lines <> st.total_fen`,
    args: [settlementId],
  })
  for (const r of mismatched.rows) {
    failures.push(`statement of ${r.merchant_id} says ${r.total_fen}, its lines ${r.lines}`)
  }
  const stations = await one(
    `select coalesce(sum(total_fen), 0) as total from statements
     where settlement_id = ? and station_id is not null`,
    [settlementId],
  )
  const earned = await one(
    'select coalesce(sum(amount_fen), 0) as total from commissions where month = ?',
    [w.month],
  )
  if (Number(stations.total) !== Number(earned.total)) {
    failures.push(`station statements sum to ${stations.total}, commissions earned ${earned.total}`)
  }
  const parcels = await one(
    `select coalesce(sum(json_extract(basis, '$.mine')), 0) as n from settlement_lines
     where settlement_id = ? and kind = 'COMMISSION'`,
    [settlementId],
  )
  if (Number(parcels.n) !== w.returns) {
    failures.push(`commission lines cover ${parcels.n} parcels, expected ${w.returns}`)
  }
  return { failures, statements: Number(merchants.n) }
}

export async function run(): Promise<Result> {
  const w = workload()
  console.log(
    `  ${w.merchants} merchants, ${w.returns.toLocaleString('en-US')} returns in ${w.month} ` +
      `(BENCH_MERCHANTS, BENCH_RETURNS) …`,
  )
  const dir = await mkdtemp(join(tmpdir(), 'nestwork-bench-'))
  const { db, client } = await openLibsql(`file:${join(dir, 'bench.db')}`)
  try {
    await seedDemo(db, pbkdf2Hasher(1000))
    const actor = await coordinatorActor(client)
    let started = performance.now()
    const { runs } = await generate(client, w, actor.userId)
    const generation = seconds(started)
    console.log(`  generated in ${generation.toFixed(1)} s; measuring …`)

    // (a) The baseline: one GROUP BY over the same receipts the settlement counts. CROSS JOIN
    // pins SQLite's cheapest plan (scan the receipts, look each return up by key, group in a temp
    // b-tree); left to itself the planner walks returns in merchant order to skip the sort and
    // reads them ~8× slower, which would flatter every ratio below.
    const { start, end } = monthInstants(w.month)
    const scan = async () =>
      client.execute({
        sql: `select r.merchant_id, count(*) as n from run_receipts rr
              cross join returns r on r.id = rr.return_id
              where rr.at >= ? and rr.at < ? group by r.merchant_id`,
        args: [start, end],
      })
    await scan() // warm the page cache like the preview below warms it for the close
    started = performance.now()
    const scanned = await scan()
    const scanSeconds = seconds(started)
    const scannedRows = scanned.rows.reduce((sum, r) => sum + Number(r.n), 0)

    // (b) The domain functions, with the real clock like the server.
    started = performance.now()
    const preview = await settlementPreview(db, actor, w.month, new Date())
    const previewSeconds = seconds(started)

    const key = `bench-close-${w.month}-${Date.now()}`
    const stages: string[] = []
    started = performance.now()
    const closed = await closeSettlement(
      db,
      actor,
      { month: w.month, idempotencyKey: key },
      new Date(),
      {
        onStage: (stage) => stages.push(`${stage} at ${seconds(started).toFixed(2)} s`),
      },
    )
    const closeSeconds = seconds(started)
    const again = await closeSettlement(
      db,
      actor,
      { month: w.month, idempotencyKey: key },
      new Date(),
    )

    const failures: string[] = []
    if (scannedRows !== w.returns)
      failures.push(`the scan counted ${scannedRows} receipts, expected ${w.returns}`)
    if (closed.status !== 'CLOSED' || !closed.id) failures.push('the month did not close')
    if (again.id !== closed.id)
      failures.push(`closing again returned ${again.id}, not ${closed.id}`)
    const checked = await verify(client, closed.id!, w, preview.totalFen)
    failures.push(...checked.failures)

    const measurements: Measurement[] = [
      { label: labels.scan, operations: w.returns, seconds: scanSeconds },
      { label: labels.preview, operations: w.returns, seconds: previewSeconds },
      { label: labels.close, operations: w.returns, seconds: closeSeconds },
    ]
    const times = (s: number) => `${(s / scanSeconds).toFixed(1)}×`
    return {
      measurements,
      baseline: labels.scan,
      failures: failures.map((f) => `${labels.close}: ${f}`),
      notes: [
        `Workload: ${w.merchants} merchants, ${w.returns.toLocaleString('en-US')} returns on ` +
          `${runs.toLocaleString('en-US')} pickup runs from 48 stations to 3 hubs in ${w.month}, ` +
          `each received at its hub with a station commission; operations = returns settled`,
        `Generated with bulk INSERT … SELECT in ${generation.toFixed(1)} s (not timed below)`,
        `${labels.scan}: ${scanSeconds.toFixed(3)} s — one GROUP BY merchant over the month's ` +
          `run_receipts ⋈ returns (receipts scanned, returns by key, warm cache)`,
        `${labels.preview}: ${previewSeconds.toFixed(3)} s = ${times(previewSeconds)} the scan`,
        `${labels.close}: ${closeSeconds.toFixed(3)} s = ${times(closeSeconds)} the scan; ` +
          `${closed.lines.length.toLocaleString('en-US')} lines, ${checked.statements} merchant ` +
          `statements written atomically (stages: ${stages.join(', ')})`,
        `Checked: every cost split exactly, statements = settlement total, station statements = ` +
          `commissions earned, close = preview, same key → same settlement ` +
          `(${failures.length} violations)`,
      ],
    }
  } finally {
    client.close()
    await rm(dir, { recursive: true, force: true })
  }
}
