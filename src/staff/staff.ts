/**
 * A merchant's after-sales staff. Removing someone ends them (the row and its history stay);
 * certificates and their verification are in ./certification.
 */
import { and, asc, eq, isNull, sql } from 'drizzle-orm'
import { merchants, staff } from '../../db/schema'
import { auditEntry } from '../audit/log'
import { requireRole, type Actor } from '../auth/roles'
import { localDate } from '../calendar/local-date'
import type { Db } from '../db'
import { Conflict, NotFound } from '../errors'
import { newId } from '../ids'

export type Staff = typeof staff.$inferSelect

/** A merchant's own current staff; a coordinator's view of any merchant's (or all). */
export async function listStaff(db: Db, actor: Actor | null, merchantId?: string) {
  const a = requireRole(actor, 'MERCHANT', 'COORDINATOR')
  const scope = a.role === 'MERCHANT' ? a.merchantId! : merchantId
  if (a.role === 'MERCHANT' && merchantId && merchantId !== scope) throw new NotFound('Merchant')
  return db
    .select({ staff })
    .from(staff)
    .innerJoin(merchants, eq(merchants.id, staff.merchantId))
    .where(
      and(
        eq(merchants.allianceId, a.allianceId),
        isNull(staff.endedAt),
        scope ? eq(staff.merchantId, scope) : undefined,
      ),
    )
    .orderBy(asc(staff.merchantId), asc(staff.name))
    .then((rows) => rows.map((r) => r.staff))
}

/** One staff member (current or ended) the actor may see: its merchant's, or any for coordinators. */
export async function findStaff(db: Db, actor: Actor | null, staffId: string): Promise<Staff> {
  const a = requireRole(actor, 'MERCHANT', 'COORDINATOR')
  const [found] = await db
    .select({ staff })
    .from(staff)
    .innerJoin(merchants, eq(merchants.id, staff.merchantId))
    .where(
      and(
        eq(staff.id, staffId),
        eq(merchants.allianceId, a.allianceId),
        a.role === 'MERCHANT' ? eq(staff.merchantId, a.merchantId!) : undefined,
      ),
    )
  if (!found) throw new NotFound('Staff member')
  return found.staff
}

/** Every certificate waiting for a coordinator, oldest submission first. */
export async function certificationsToVerify(db: Db, actor: Actor | null): Promise<Staff[]> {
  const a = requireRole(actor, 'COORDINATOR')
  const rows = await db
    .select({ staff })
    .from(staff)
    .innerJoin(merchants, eq(merchants.id, staff.merchantId))
    .where(
      and(
        eq(merchants.allianceId, a.allianceId),
        eq(staff.certStatus, 'PENDING'),
        isNull(staff.endedAt),
      ),
    )
    .orderBy(asc(staff.merchantId), asc(staff.name))
  return rows.map((r) => r.staff)
}

/**
 * The merchant removes one of its staff: the person is ended, never deleted, so the audit trail
 * and past figures keep them. Ending twice is refused (STAFF_ENDED).
 */
export async function removeStaff(
  db: Db,
  actor: Actor | null,
  staffId: string,
  now: Date,
): Promise<Staff> {
  const a = requireRole(actor, 'MERCHANT')
  const row = await findStaff(db, a, staffId)
  const ended = () =>
    new Conflict('This person has already left the team.', { reason: 'STAFF_ENDED', staffId })
  if (row.endedAt) throw ended()
  const at = now.toISOString()
  const [[updated]] = await db.batch([
    db
      .update(staff)
      .set({ endedAt: at })
      .where(and(eq(staff.id, row.id), isNull(staff.endedAt)))
      .returning(),
    auditEntry(db, a, {
      action: 'staff.remove',
      entity: 'staff',
      entityId: row.id,
      at,
      before: { endedAt: null },
      after: { endedAt: at },
      from: sql`from staff where id = ${row.id} and ended_at = ${at}`,
    }),
  ])
  if (!updated) throw ended()
  return updated
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

/**
 * Records what the merchant declares: that a staff member holds (or no longer holds) the
 * alliance's certification. Kept for the programs that call it; since certificates are verified
 * it is only a declaration: a person counts as certified once a coordinator has verified their
 * submitted certificate (./certification).
 */
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
