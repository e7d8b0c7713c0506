/**
 * Service-level breaches told to the merchant once. The clocks stay derived at read time
 * (`sla.ts`); the scheduled job only records that a return has breached, once per return by the
 * `notifications_once` unique index, so the merchant's home page can say how many breached
 * since it last looked.
 */
import { and, count, eq, isNull, sql } from 'drizzle-orm'
import { notifications } from '../../db/schema'
import { requireRole, type Actor } from '../auth/roles'
import { changes, type Db } from '../db'
import { slaFacts } from './service'
import { computeSla } from './sla'

/**
 * Records a notice for every open return whose clocks have breached at `now` and that has none
 * yet. Running it again changes nothing.
 * @returns how many notices were added
 */
export async function recordSlaBreaches(db: Db, now: Date): Promise<number> {
  const candidates = await db.all<{ id: string }>(sql`
    select r.id from returns r
    where r.status not in ('CLOSED', 'CANCELLED')
      and not exists (
        select 1 from notifications n where n.kind = 'SLA_BREACH' and n.return_id = r.id)`)
  const facts = await slaFacts(
    db,
    candidates.map((r) => r.id),
  )
  const breached = candidates
    .map((r) => r.id)
    .filter((id) => computeSla(facts.get(id)!, now).breached)
  if (breached.length === 0) return 0
  const result = await db.run(sql`
    insert into notifications (id, merchant_id, kind, return_id, created_at)
    select 'ntf_' || lower(hex(randomblob(8))), r.merchant_id, 'SLA_BREACH', r.id, ${now.toISOString()}
    from returns r where r.id in (select value from json_each(${JSON.stringify(breached)}))
    on conflict (kind, return_id) do nothing`)
  return changes(result)
}

/** How many breach notices the merchant has not dismissed. Merchants only, their own. */
export async function unseenBreachCount(db: Db, actor: Actor | null): Promise<number> {
  const a = requireRole(actor, 'MERCHANT')
  const [row] = await db
    .select({ n: count() })
    .from(notifications)
    .where(
      and(
        eq(notifications.merchantId, a.merchantId!),
        eq(notifications.kind, 'SLA_BREACH'),
        isNull(notifications.seenAt),
      ),
    )
  return row?.n ?? 0
}

/** Dismisses the merchant's breach notices (they stay on record). */
export async function dismissBreachNotices(db: Db, actor: Actor | null, now: Date) {
  const a = requireRole(actor, 'MERCHANT')
  await db
    .update(notifications)
    .set({ seenAt: now.toISOString() })
    .where(and(eq(notifications.merchantId, a.merchantId!), isNull(notifications.seenAt)))
}
