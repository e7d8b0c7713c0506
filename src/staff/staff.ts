/** A merchant's after-sales staff and their certification (a benchmark figure). */
import { and, asc, eq } from 'drizzle-orm'
import { merchants, staff } from '../../db/schema'
import { auditEntry } from '../audit/log'
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
  const id = newId('stf')
  const certifiedOn = input.certified ? localDate(now) : null
  const [[row]] = await db.batch([
    db
      .insert(staff)
      .values({
        id,
        merchantId: a.merchantId!,
        name: input.name,
        certified: input.certified,
        certifiedOn,
      })
      .returning(),
    auditEntry(db, a, {
      action: 'staff.add',
      entity: 'staff',
      entityId: id,
      at: now.toISOString(),
      after: { merchantId: a.merchantId, certified: input.certified, certifiedOn },
    }),
  ])
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
  const certifiedOn = certified ? localDate(now) : null
  const [[updated]] = await db.batch([
    db.update(staff).set({ certified, certifiedOn }).where(eq(staff.id, staffId)).returning(),
    auditEntry(db, a, {
      action: 'staff.certification',
      entity: 'staff',
      entityId: staffId,
      at: now.toISOString(),
      before: { certified: row.certified, certifiedOn: row.certifiedOn },
      after: { certified, certifiedOn },
    }),
  ])
  return updated!
}
