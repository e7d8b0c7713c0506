/** A merchant's after-sales staff and their certification (a benchmark figure). */
import { and, asc, eq } from 'drizzle-orm'
import { merchants, staff } from '../../db/schema'
import { requireRole, type Actor } from '../auth/roles'
import { localDate } from '../calendar/local-date'
import type { Db } from '../db'
import { NotFound } from '../errors'
import { newId } from '../ids'

export type Staff = typeof staff.$inferSelect

/** A merchant's own staff; a coordinator's view of any merchant's (or all). */
export async function listStaff(db: Db, actor: Actor | null, merchantId?: string) {
  const a = requireRole(actor, 'MERCHANT', 'COORDINATOR')
  const scope = a.role === 'MERCHANT' ? a.merchantId! : merchantId
  if (a.role === 'MERCHANT' && merchantId && merchantId !== scope) throw new NotFound('Merchant')
  return db
    .select({ staff })
    .from(staff)
    .innerJoin(merchants, eq(merchants.id, staff.merchantId))
    .where(
      and(eq(merchants.allianceId, a.allianceId), scope ? eq(staff.merchantId, scope) : undefined),
    )
    .orderBy(asc(staff.merchantId), asc(staff.name))
    .then((rows) => rows.map((r) => r.staff))
}

export async function addStaff(
  db: Db,
  actor: Actor | null,
  input: { name: string; certified: boolean },
  now: Date,
): Promise<Staff> {
  const a = requireRole(actor, 'MERCHANT')
  const [row] = await db
    .insert(staff)
    .values({
      id: newId('stf'),
      merchantId: a.merchantId!,
      name: input.name,
      certified: input.certified,
      certifiedOn: input.certified ? localDate(now) : null,
    })
    .returning()
  return row!
}

/** Records that a staff member holds (or no longer holds) the alliance's certification. */
export async function setStaffCertification(
  db: Db,
  actor: Actor | null,
  staffId: string,
  certified: boolean,
  now: Date,
): Promise<Staff> {
  const a = requireRole(actor, 'MERCHANT', 'COORDINATOR')
  const [row] = (await listStaff(db, a)).filter((s) => s.id === staffId)
  if (!row) throw new NotFound('Staff member')
  const [updated] = await db
    .update(staff)
    .set({ certified, certifiedOn: certified ? localDate(now) : null })
    .where(eq(staff.id, staffId))
    .returning()
  return updated!
}
