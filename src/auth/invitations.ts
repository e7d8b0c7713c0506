/**
 * Invitations: a coordinator invites a user for any organisation of the alliance, a merchant's
 * user invites colleagues of its own merchant. Accepting creates the account with the invited
 * role, sets its password and signs it in, in one atomic batch.
 */
import { and, asc, eq, gt, isNull, sql } from 'drizzle-orm'
import { accessLinks, hubs, merchants, stations, users, type Locale } from '../../db/schema'
import { auditEntry } from '../audit/log'
import { changes, type Db } from '../db'
import { Conflict, Forbidden, InvalidInput, NotFound } from '../errors'
import { newId } from '../ids'
import {
  linkRefusal,
  linkUrl,
  linkView,
  newLinkSecret,
  usableLink,
  type AccessLink,
  type LinkView,
} from './access-links'
import { requireActor, type Actor } from './roles'
import type { InviteInput } from './schemas'
import { sessionPolicy, toActor, type SessionKind, type SignInDeps } from './service'
import { hashSecret, newSecret } from './tokens'

type Scope = Pick<AccessLink, 'role' | 'merchantId' | 'stationId' | 'hubId'>

const organisations = {
  merchantId: { role: 'MERCHANT', table: merchants, entity: 'Merchant' },
  stationId: { role: 'STATION_OPERATOR', table: stations, entity: 'Station' },
  hubId: { role: 'HUB_OPERATOR', table: hubs, entity: 'Hub' },
} as const

/**
 * The organisation an invitation may name: a coordinator any of the alliance (the role's own
 * kind, and only that one), a merchant's user only its own merchant, as a merchant user.
 */
async function invitationScope(db: Db, a: Actor, input: InviteInput): Promise<Scope> {
  if (a.role === 'MERCHANT') {
    const elsewhere = input.stationId || input.hubId
    if (
      input.role !== 'MERCHANT' ||
      elsewhere ||
      (input.merchantId ?? a.merchantId) !== a.merchantId
    ) {
      throw new Forbidden('A merchant invites users of its own merchant only.')
    }
    return { role: 'MERCHANT', merchantId: a.merchantId, stationId: null, hubId: null }
  }
  if (a.role !== 'COORDINATOR') throw new Forbidden()
  const scope: Scope = { role: input.role, merchantId: null, stationId: null, hubId: null }
  for (const [field, org] of Object.entries(organisations) as [
    keyof typeof organisations,
    (typeof organisations)[keyof typeof organisations],
  ][]) {
    const id = input[field]
    if (org.role !== input.role) {
      if (id) throw new InvalidInput(field, `a ${input.role} belongs to no ${org.entity}`)
      continue
    }
    if (!id) throw new InvalidInput(field, `choose the ${org.entity} of the new user`)
    const [row] = await db
      .select({ id: org.table.id })
      .from(org.table)
      .where(and(eq(org.table.id, id), eq(org.table.allianceId, a.allianceId)))
    if (!row) throw new NotFound(org.entity)
    scope[field] = id
  }
  return scope
}

async function refuseTakenEmail(db: Db, email: string) {
  const [taken] = await db.select({ id: users.id }).from(users).where(eq(users.email, email))
  if (taken)
    throw new Conflict('There is already an account with this email.', { reason: 'EMAIL_TAKEN' })
}

/**
 * Creates an invitation and returns it with its link, the only time the link is ever shown.
 * `origin` is the site's public address the link starts with.
 */
export async function inviteUser(
  db: Db,
  actor: Actor | null,
  input: InviteInput,
  context: { now: Date; origin: string },
): Promise<LinkView> {
  const a = requireActor(actor)
  const scope = await invitationScope(db, a, input)
  await refuseTakenEmail(db, input.email)
  const { token, tokenHash, expiresAt } = await newLinkSecret(context.now)
  const at = context.now.toISOString()
  const row: AccessLink = {
    id: newId('inv'),
    allianceId: a.allianceId,
    kind: 'INVITE',
    tokenHash,
    email: input.email,
    ...scope,
    userId: null,
    createdBy: a.userId,
    expiresAt,
    usedAt: null,
    revokedAt: null,
    createdAt: at,
  }
  await db.batch([
    db.insert(accessLinks).values(row),
    auditEntry(db, a, {
      action: 'invitation.create',
      entity: 'invitation',
      entityId: row.id,
      at,
      after: { email: row.email, ...scope, expiresAt },
    }),
  ])
  return linkView(row, linkUrl(context.origin, 'INVITE', token))
}

/** Which invitations an actor may see and revoke: the alliance's, or its own merchant's. */
function visibleTo(a: Actor) {
  if (a.role === 'COORDINATOR') return eq(accessLinks.allianceId, a.allianceId)
  if (a.role === 'MERCHANT' && a.merchantId) {
    return and(eq(accessLinks.allianceId, a.allianceId), eq(accessLinks.merchantId, a.merchantId))
  }
  throw new Forbidden()
}

/** The invitations still waiting to be accepted, soonest to expire first. */
export async function pendingInvitations(db: Db, actor: Actor | null, now: Date) {
  const a = requireActor(actor)
  const rows = await db
    .select()
    .from(accessLinks)
    .where(
      and(
        visibleTo(a),
        eq(accessLinks.kind, 'INVITE'),
        isNull(accessLinks.usedAt),
        isNull(accessLinks.revokedAt),
        gt(accessLinks.expiresAt, now.toISOString()),
      ),
    )
    .orderBy(asc(accessLinks.expiresAt))
  return rows.map((row) => linkView(row))
}

/**
 * Withdraws an invitation so its link no longer works. One already accepted is a conflict; one
 * already revoked or expired stays as it is.
 */
export async function revokeInvitation(db: Db, actor: Actor | null, id: string, now: Date) {
  const a = requireActor(actor)
  const [row] = await db
    .select()
    .from(accessLinks)
    .where(and(visibleTo(a), eq(accessLinks.id, id), eq(accessLinks.kind, 'INVITE')))
  if (!row) throw new NotFound('Invitation')
  if (row.usedAt) throw linkRefusal(row, now)!
  if (row.revokedAt) return true
  const at = now.toISOString()
  await db.batch([
    db
      .update(accessLinks)
      .set({ revokedAt: at })
      .where(
        and(eq(accessLinks.id, id), isNull(accessLinks.usedAt), isNull(accessLinks.revokedAt)),
      ),
    auditEntry(db, a, {
      action: 'invitation.revoke',
      entity: 'invitation',
      entityId: id,
      at,
      before: { email: row.email },
      after: { revokedAt: at },
      from: sql`from access_links where id = ${id} and revoked_at = ${at} and changes() > 0`,
    }),
  ])
  const [after] = await db.select().from(accessLinks).where(eq(accessLinks.id, id))
  if (after?.usedAt) throw linkRefusal(after, now)!
  return true
}

/**
 * Accepts an invitation: creates the user it names with `password`, marks the link used and
 * opens a session of `kind`, all or nothing, so a link raced twice makes one account.
 */
export async function acceptInvitation(
  db: Db,
  deps: SignInDeps,
  input: { token: string; password: string; kind: SessionKind; locale: Locale },
) {
  const now = deps.now()
  const link = await usableLink(db, input.token, 'INVITE', now)
  await refuseTakenEmail(db, link.email)
  const at = now.toISOString()
  const userId = newId('usr')
  const passwordHash = await deps.hasher.hash(input.password)
  const session = newSecret()
  const displayName = link.email.split('@')[0]!
  const usable = sql`token_hash = ${link.tokenHash} and used_at is null and revoked_at is null
    and expires_at > ${at}`
  const [created] = await db.batch([
    db.run(sql`
      insert into users (id, alliance_id, email, password_hash, role, display_name, locale,
        merchant_id, station_id, hub_id, active, created_at)
      select ${userId}, alliance_id, email, ${passwordHash}, role, ${displayName}, ${input.locale},
        merchant_id, station_id, hub_id, 1, ${at}
      from access_links
      where ${usable} and not exists (select 1 from users u where u.email = access_links.email)`),
    db.run(sql`
      update access_links set used_at = ${at}, user_id = ${userId}
      where ${usable} and exists (select 1 from users where id = ${userId})`),
    db.run(sql`
      insert into sessions (token_hash, user_id, kind, expires_at, created_at)
      select ${await hashSecret(session)}, id, ${input.kind},
        ${new Date(now.getTime() + sessionPolicy[input.kind].idleMs).toISOString()}, ${at}
      from users where id = ${userId}`),
    auditEntry(
      db,
      { allianceId: link.allianceId, userId, role: link.role },
      {
        action: 'invitation.accept',
        entity: 'user',
        entityId: userId,
        at,
        before: { invitationId: link.id },
        after: sql`json_object('email', email, 'role', role, 'merchantId', merchant_id,
          'stationId', station_id, 'hubId', hub_id)`,
        from: sql`from users where id = ${userId}`,
      },
    ),
  ])
  if (changes(created) === 0) {
    // Someone used the link (or took the email) between the check and the batch.
    await refuseTakenEmail(db, link.email)
    throw await usableLink(db, input.token, 'INVITE', now).then(
      () => new Conflict('The invitation changed meanwhile.', { reason: 'LINK_USED' }),
    )
  }
  const [user] = await db.select().from(users).where(eq(users.id, userId))
  return { token: session, actor: toActor(user!) }
}
