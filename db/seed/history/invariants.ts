/**
 * What must hold of any database the app has written, checked over the whole of it: each closed
 * month's settlement adds up to its costs, commissions, premiums and adjustments to the fen; the
 * insurance ledger balances and agrees with statements and claims; one commission per parcel
 * that reached a station; every return's history follows the status flow with one audit entry
 * per move; hub-day counters match their bookings; every finished month is closed and published.
 * Each broken rule is a sentence; none means sound.
 */
import { sql } from 'drizzle-orm'
import { localDate } from '../../../src/calendar/local-date'
import type { Db } from '../../../src/db'
import { monthPremiums } from '../../../src/insurance/service'
import { nextStatuses } from '../../../src/returns/status'
import type { ReturnStatus } from '../../schema'

type Row = Record<string, string | number | null>

export async function invariantViolations(db: Db): Promise<string[]> {
  const all = (q: ReturnType<typeof sql>) => db.all<Row>(q)
  const problems: string[] = []
  const say = (rows: Row[], text: (r: Row) => string) => problems.push(...rows.map(text))

  // Settlements: the parts, the statements and the whole.
  const settlements = await all(sql`select id, alliance_id, month, total_fen from settlements`)
  for (const s of settlements) {
    const id = s.id as string
    const month = s.month as string
    const [lines] = await all(sql`select coalesce(sum(amount_fen), 0) as fen from settlement_lines
      where settlement_id = ${id}`)
    if (Number(lines!.fen) !== Number(s.total_fen)) {
      problems.push(`${month}: lines sum to ${lines!.fen}, the settlement says ${s.total_fen}`)
    }
    const [merchants] = await all(sql`select coalesce(sum(total_fen), 0) as fen from statements
      where settlement_id = ${id} and merchant_id is not null`)
    if (Number(merchants!.fen) !== Number(s.total_fen)) {
      problems.push(`${month}: merchant statements sum to ${merchants!.fen}, not ${s.total_fen}`)
    }
    say(
      await all(sql`select st.id, st.total_fen, coalesce(sum(l.amount_fen), 0) as fen
        from statements st left join settlement_lines l on l.settlement_id = st.settlement_id
          and (st.merchant_id is not null and l.merchant_id = st.merchant_id
            or st.station_id is not null and l.station_id = st.station_id)
        where st.settlement_id = ${id} group by st.id having fen <> st.total_fen`),
      (r) => `${month}: statement ${r.id} says ${r.total_fen}, its lines ${r.fen}`,
    )
    say(
      await all(sql`select c.id, c.amount_fen, c.voided_at, coalesce(sum(l.amount_fen), 0) as fen
        from costs c left join settlement_lines l on l.cost_id = c.id and l.settlement_id = ${id}
        where c.alliance_id = ${s.alliance_id} and c.month = ${month}
        group by c.id having fen <> case when c.voided_at is null then c.amount_fen else 0 end`),
      (r) => `${month}: cost ${r.id} of ${r.amount_fen} fen was split into ${r.fen}`,
    )
    const [parts] = await all(sql`select
        (select coalesce(sum(amount_fen), 0) from costs where alliance_id = ${s.alliance_id}
          and month = ${month} and voided_at is null) as costs,
        (select coalesce(sum(amount_fen), 0) from commissions where month = ${month}) as commissions,
        (select coalesce(sum(amount_fen), 0) from adjustments where alliance_id = ${s.alliance_id}
          and month = ${month}) as adjustments`)
    const premiums = (await monthPremiums(db, s.alliance_id as string, month)).premiums
    const premiumFen = premiums.reduce((sum, p) => sum + p.amountFen, 0)
    const expected =
      Number(parts!.costs) + Number(parts!.commissions) + Number(parts!.adjustments) + premiumFen
    if (expected !== Number(s.total_fen)) {
      problems.push(
        `${month}: costs ${parts!.costs} + commissions ${parts!.commissions} + premiums ` +
          `${premiumFen} + adjustments ${parts!.adjustments} = ${expected}, settled ${s.total_fen}`,
      )
    }
    const [stations] = await all(sql`select
        (select coalesce(sum(total_fen), 0) from statements where settlement_id = ${id}
          and station_id is not null) as settled,
        (select coalesce(sum(amount_fen), 0) from commissions where month = ${month}) as earned,
        (select coalesce(sum(json_extract(basis, '$.mine')), 0) from settlement_lines
          where settlement_id = ${id} and kind = 'COMMISSION') as parcels,
        (select count(*) from commissions where month = ${month}) as checkedIn`)
    if (Number(stations!.settled) !== Number(stations!.earned)) {
      problems.push(`${month}: stations settled ${stations!.settled}, earned ${stations!.earned}`)
    }
    if (Number(stations!.parcels) !== Number(stations!.checkedIn)) {
      problems.push(
        `${month}: commission lines cover ${stations!.parcels} of ${stations!.checkedIn}`,
      )
    }
  }

  // The insurance ledger: every transaction balances, and the accounts agree with the rows.
  say(
    await all(sql`select t.id, t.entry_count, count(e.id) as n, coalesce(sum(e.amount_fen), 0) as fen
      from ledger_transactions t left join ledger_entries e on e.transaction_id = t.id
      group by t.id having fen <> 0 or n <> t.entry_count`),
    (r) => `ledger transaction ${r.id} sums to ${r.fen} over ${r.n} of ${r.entry_count} entries`,
  )
  say(
    await all(sql`select m.id,
        coalesce((select sum(amount_fen) from ledger_entries
          where account = 'premiums_receivable:' || m.id), 0) as owed,
        coalesce((select sum(l.amount_fen) from settlement_lines l
          join statements st on st.settlement_id = l.settlement_id and st.merchant_id = l.merchant_id
          where l.merchant_id = m.id and l.kind = 'PREMIUM' and st.paid_at is null), 0) as unpaid
      from merchants m where owed <> unpaid`),
    (r) => `${r.id}: premiums receivable ${r.owed}, unpaid premium lines ${r.unpaid}`,
  )
  say(
    await all(sql`select m.id,
        -coalesce((select sum(amount_fen) from ledger_entries
          where account = 'claims_payable:' || m.id), 0) as payable,
        coalesce((select sum(coalesce(approved_fen, 0) - paid_fen) from claims
          where merchant_id = m.id), 0) as outstanding
      from merchants m where payable <> outstanding`),
    (r) => `${r.id}: claims payable ${r.payable}, approved and unpaid ${r.outstanding}`,
  )
  const [cash] = await all(sql`select
      coalesce((select sum(amount_fen) from ledger_entries where account = 'pool:cash'), 0) as cash,
      coalesce((select sum(l.amount_fen) from settlement_lines l
        join statements st on st.settlement_id = l.settlement_id and st.merchant_id = l.merchant_id
        where l.kind = 'PREMIUM' and st.paid_at is not null), 0) as collected,
      coalesce((select sum(paid_fen) from claims), 0) as paid`)
  if (Number(cash!.cash) !== Number(cash!.collected) - Number(cash!.paid)) {
    problems.push(
      `pool cash ${cash!.cash}, premiums collected ${cash!.collected} − paid ${cash!.paid}`,
    )
  }
  say(
    await all(sql`select id, status, approved_fen, paid_fen from claims
      where paid_fen > coalesce(approved_fen, 0)
        or (status = 'PAID') <> (paid_fen > 0 and paid_fen = approved_fen)`),
    (r) => `claim ${r.id} is ${r.status} with ${r.paid_fen} of ${r.approved_fen} paid`,
  )

  // One commission per parcel that reached a station, at that station's rate, in its month.
  say(
    await all(sql`select r.id, count(c.return_id) as n from returns r
      left join commissions c on c.return_id = r.id
      where exists (select 1 from return_events e where e.return_id = r.id and e.status = 'AT_STATION')
      group by r.id having n <> 1`),
    (r) => `return ${r.id} reached a station and earned ${r.n} commissions`,
  )
  say(
    await all(sql`select c.return_id from commissions c where not exists (select 1 from return_events e
      where e.return_id = c.return_id and e.status = 'AT_STATION')`),
    (r) => `return ${r.return_id} earned a commission without reaching a station`,
  )
  const checkIns = await all(sql`select c.return_id, c.amount_fen, c.month, e.at, c.large_item,
      s.commission_fen, s.large_item_commission_fen
    from commissions c join stations s on s.id = c.station_id
      join return_events e on e.return_id = c.return_id and e.status = 'AT_STATION'
        and e.transfer_to_hub_id is null`)
  for (const c of checkIns) {
    const rate = c.large_item ? c.large_item_commission_fen : c.commission_fen
    const month = localDate(new Date(c.at as string)).slice(0, 7)
    if (c.amount_fen !== rate || c.month !== month) {
      problems.push(
        `commission of ${c.return_id}: ${c.amount_fen} in ${c.month}, not ${rate} in ${month}`,
      )
    }
  }

  // Every return's history follows the flow, ends where the return is, one audit entry a move.
  // A mis-routed scan's entry (transfer hubs set) records where the parcel is, not a move.
  const events =
    await all(sql`select e.return_id, e.status, r.status as current from return_events e
    join returns r on r.id = e.return_id where e.transfer_to_hub_id is null
    order by e.return_id, e.id`)
  const histories = new Map<string, { steps: ReturnStatus[]; current: ReturnStatus }>()
  for (const e of events) {
    const h = histories.get(e.return_id as string) ?? {
      steps: [],
      current: e.current as ReturnStatus,
    }
    h.steps.push(e.status as ReturnStatus)
    histories.set(e.return_id as string, h)
  }
  for (const [id, h] of histories) {
    const flows = h.steps.every((s, i) =>
      i === 0 ? s === 'REGISTERED' : nextStatuses[h.steps[i - 1]!].includes(s),
    )
    if (!flows || h.steps.at(-1) !== h.current) {
      problems.push(`return ${id} went ${h.steps.join(' → ')} and is ${h.current}`)
    }
  }
  say(
    await all(sql`select r.id,
        (select count(*) from return_events e where e.return_id = r.id
          and e.transfer_to_hub_id is null) as moves,
        (select count(*) from audit_log a where a.entity_type = 'return' and a.entity_id = r.id
          and a.action in ('return.register', 'return.cancel', 'parcel.checkIn', 'parcel.pickUp',
            'parcel.receive', 'return.inspect', 'return.resolve', 'return.close')) as audited
      from returns r where moves <> audited`),
    (r) => `return ${r.id} moved ${r.moves} times with ${r.audited} audit entries`,
  )

  // Hub-days count exactly their bookings, and none is overbooked.
  say(
    await all(sql`select d.hub_id, d.date, d.capacity_units, d.confirmed_units, d.waitlisted_units,
        coalesce((select sum(units) from bookings b where b.hub_id = d.hub_id and b.date = d.date
          and b.status = 'CONFIRMED'), 0) as confirmed,
        coalesce((select sum(units) from bookings b where b.hub_id = d.hub_id and b.date = d.date
          and b.status = 'WAITLISTED'), 0) as waitlisted
      from hub_days d
      where confirmed <> d.confirmed_units or waitlisted <> d.waitlisted_units
        or d.confirmed_units > d.capacity_units`),
    (r) =>
      `${r.hub_id} ${r.date}: ${r.confirmed_units}/${r.capacity_units} confirmed and ` +
      `${r.waitlisted_units} waitlisted, bookings say ${r.confirmed} and ${r.waitlisted}`,
  )

  // Published months are whole: every cohort and dimension, every member's scores.
  say(
    await all(sql`select p.month,
        (select count(*) from benchmark_cohorts c where c.alliance_id = p.alliance_id
          and c.month = p.month) as cohorts,
        (select count(*) from benchmark_scores s where s.alliance_id = p.alliance_id
          and s.month = p.month) as scores,
        (select count(*) from merchants m where m.alliance_id = p.alliance_id) * 5 as expected
      from benchmark_publications p where cohorts <> 25 or scores <> expected`),
    (r) =>
      `${r.month}: published ${r.cohorts} cohort figures and ${r.scores} of ${r.expected} scores`,
  )
  return problems
}
