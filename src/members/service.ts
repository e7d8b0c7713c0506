/**
 * Admission: a shop applies (publicly, rate limited, or entered by a coordinator); a coordinator
 * admits it, creating its merchant as a member from a month on, or declines it with a reason.
 * Each decision happens once: the conditional update and its audit entry are one batch.
 */
import { and, asc, desc, eq, sql } from 'drizzle-orm'
import { alliances, membershipApplications, type ApplicationStatus } from '../../db/schema'
import { auditEntry, type AuditActor } from '../audit/log'
import { requireRole, type Actor } from '../auth/roles'
import { localDate } from '../calendar/local-date'
import { changes, type Db } from '../db'
import { Conflict, InvalidInput, NotFound } from '../errors'
import { newId } from '../ids'
import { hit } from '../rate-limit'
import type { ApplicationInput } from './schemas'

export type MembershipApplication = typeof membershipApplications.$inferSelect

/** Applications one address may send in the window: enough for typos, not for flooding. */
export const applicationLimit = { hits: 5, windowMs: 15 * 60 * 1000 }

/** The month a date falls in, in Shanghai. */
export const currentMonth = (now: Date) => localDate(now).slice(0, 7)

/** Refuses a start month before the current one: past months are settled as they were. */
export function refusePastMonth(field: string, month: string, now: Date) {
  if (month < currentMonth(now)) {
    throw new InvalidInput(field, 'choose this month or a later one', { reason: 'MONTH_PAST' })
  }
}

/**
 * Records an application. Anyone may apply, to the alliance this site serves (the signed-in
 * coordinator's, or the first one); each address only a few times per window.
 */
export async function applyForMembership(
  db: Db,
  actor: Actor | null,
  input: ApplicationInput,
  context: { ip: string; now: Date },
): Promise<MembershipApplication> {
  const nowMs = context.now.getTime()
  await hit(db, `apply:${context.ip}`, applicationLimit.hits, applicationLimit.windowMs, nowMs)
  const allianceId = actor?.allianceId ?? (await siteAlliance(db))
  const at = context.now.toISOString()
  const row: MembershipApplication = {
    id: newId('app'),
    allianceId,
    ...input,
    status: 'PENDING',
    merchantId: null,
    startMonth: null,
    declineReason: null,
    decidedBy: null,
    decidedAt: null,
    createdAt: at,
  }
  const who: AuditActor = actor ?? { allianceId }
  await db.batch([
    db.insert(membershipApplications).values(row),
    auditEntry(db, who, {
      action: 'application.create',
      entity: 'membershipApplication',
      entityId: row.id,
      at,
      after: { shopName: input.shopName, category: input.category, region: input.region },
    }),
  ])
  return row
}

async function siteAlliance(db: Db): Promise<string> {
  const [row] = await db
    .select({ id: alliances.id })
    .from(alliances)
    .orderBy(asc(alliances.createdAt))
    .limit(1)
  if (!row) throw new NotFound('Alliance')
  return row.id
}

/** Coordinators: the alliance's applications, newest first, optionally of one status. */
export async function listApplications(
  db: Db,
  actor: Actor | null,
  status?: ApplicationStatus | null,
) {
  const a = requireRole(actor, 'COORDINATOR')
  return db
    .select()
    .from(membershipApplications)
    .where(
      and(
        eq(membershipApplications.allianceId, a.allianceId),
        status ? eq(membershipApplications.status, status) : undefined,
      ),
    )
    .orderBy(desc(membershipApplications.createdAt), asc(membershipApplications.id))
}

async function application(db: Db, a: Actor, id: string) {
  const [row] = await db
    .select()
    .from(membershipApplications)
    .where(
      and(eq(membershipApplications.id, id), eq(membershipApplications.allianceId, a.allianceId)),
    )
  if (!row) throw new NotFound('Membership application')
  return row
}

const decided = () =>
  new Conflict('This application was already decided.', { reason: 'ALREADY_DECIDED' })

/**
 * Admits a pending application: its merchant is created, a member from the first day of
 * `startMonth` (this month or later), so settlement includes it from that month.
 */
export async function admitMerchant(
  db: Db,
  actor: Actor | null,
  id: string,
  startMonth: string,
  now: Date,
): Promise<MembershipApplication> {
  const a = requireRole(actor, 'COORDINATOR')
  const app = await application(db, a, id)
  if (app.status !== 'PENDING') throw decided()
  refusePastMonth('startMonth', startMonth, now)
  const merchantId = newId('mer')
  const at = now.toISOString()
  const [created] = await db.batch([
    db.run(sql`
      insert into merchants (id, alliance_id, name, name_en, category, joined_on, created_at)
      select ${merchantId}, alliance_id, shop_name, shop_name, category, ${`${startMonth}-01`}, ${at}
      from membership_applications where id = ${id} and status = 'PENDING'`),
    db.run(sql`
      update membership_applications set status = 'ADMITTED', merchant_id = ${merchantId},
        start_month = ${startMonth}, decided_by = ${a.userId}, decided_at = ${at}
      where id = ${id} and status = 'PENDING' and exists (select 1 from merchants where id = ${merchantId})`),
    auditEntry(db, a, {
      action: 'application.admit',
      entity: 'membershipApplication',
      entityId: id,
      at,
      before: { status: 'PENDING' },
      after: { status: 'ADMITTED', merchantId, startMonth },
      from: sql`from merchants where id = ${merchantId}`,
    }),
  ])
  if (changes(created) === 0) throw decided()
  return application(db, a, id)
}

/** Declines a pending application with a reason the applicant can be told. */
export async function declineApplication(
  db: Db,
  actor: Actor | null,
  id: string,
  reason: string,
  now: Date,
): Promise<MembershipApplication> {
  const a = requireRole(actor, 'COORDINATOR')
  const app = await application(db, a, id)
  if (app.status !== 'PENDING') throw decided()
  const at = now.toISOString()
  const [updated] = await db.batch([
    db.run(sql`
      update membership_applications set status = 'DECLINED', decline_reason = ${reason},
        decided_by = ${a.userId}, decided_at = ${at}
      where id = ${id} and status = 'PENDING'`),
    auditEntry(db, a, {
      action: 'application.decline',
      entity: 'membershipApplication',
      entityId: id,
      at,
      before: { status: 'PENDING' },
      after: { status: 'DECLINED', reason },
      from: sql`from membership_applications where id = ${id} and changes() > 0`,
    }),
  ])
  if (changes(updated) === 0) throw decided()
  return application(db, a, id)
}
