/**
 * Customer returns: registration by the merchant, who may see what, the public lookup's limits
 * (the lookup itself is `trackReturn`, src/inspection/customer-view.ts).
 * Status changes happen in single conditional UPDATEs; the triggers of migration 0004 refuse
 * illegal moves and write the history and commissions in the same statement.
 */
import { and, asc, desc, eq, sql, type SQL, type SQLWrapper } from 'drizzle-orm'
import { hubs, returnEvents, returns, type ReturnStatus } from '../../db/schema'
import { requireActor, requireRole, type Actor } from '../auth/roles'
import { changes, inList, type Db } from '../db'
import { isUniqueViolation } from '../db-refusal'
import { fromBase64, toBase64Url, utf8 } from '../encoding'
import { Conflict, InvalidInput, NotFound } from '../errors'
import { newId } from '../ids'
import { getHub } from '../network/service'
import { auditReturnMove } from './audit'
import { returnMoveEvent } from './events'
import { generateReturnCode } from './code'
import { contactVault } from './contact'
import type { RegisterReturnInput } from './schemas'

export type Return = typeof returns.$inferSelect
export type ReturnEvent = typeof returnEvents.$inferSelect

/** What a timeline entry's fields read: a return's event, or the public timeline's (no transfers). */
export type TimelineEntryRow = Pick<
  ReturnEvent,
  'status' | 'at' | 'transferFromHubId' | 'transferToHubId'
>

const vaults = new Map<string, ReturnType<typeof contactVault>>()
const vaultFor = (secret: string) => {
  if (!vaults.has(secret)) vaults.set(secret, contactVault(secret))
  return vaults.get(secret)!
}

/** Registers a return for the merchant's own shop and gives it a fresh unguessable code. */
export async function registerReturn(
  db: Db,
  actor: Actor | null,
  input: RegisterReturnInput,
  now: Date,
  contactKey: string,
): Promise<Return> {
  const a = requireRole(actor, 'MERCHANT')
  const hub = await getHub(db, a, input.hubId).catch(() => {
    throw new InvalidInput('hubId', 'choose one of the alliance hubs')
  })
  const sealed = input.customerContact
    ? await sealContact(contactKey, input.customerContact)
    : undefined
  const at = now.toISOString()
  // A collision among 2^60 codes is astronomically unlikely; the unique index would refuse it,
  // and one retry with a new code covers it.
  for (let attempt = 0; ; attempt++) {
    const { id, statements } = registrationStatements(db, a, { hubId: hub.id, input, sealed, at })
    try {
      await db.batch(statements)
      return getReturn(db, a, id)
    } catch (error) {
      if (attempt >= 1 || !isUniqueViolation(error, 'returns.code')) throw error
    }
  }
}

/** A sealed customer contact: ciphertext for the merchant, keyed hash to recognise a returner. */
export type SealedContact = { ciphertext: string; hash: string }

/** Seals a contact with the alliance's contact key (one derived vault per key, kept). */
export async function sealContact(contactKey: string, contact: string): Promise<SealedContact> {
  return (await vaultFor(contactKey)).seal(contact)
}

/** What a registration stores about one return: the row with a fresh unguessable code. */
export interface Registration {
  hubId: string
  input: RegisterReturnInput
  sealed: SealedContact | undefined
  at: string
  importId?: string
}

/** The `returns` row registering one return, for `registerReturn` and the importer alike. */
export function registrationRow(a: Actor, row: Registration) {
  const { input, sealed, at, hubId } = row
  return {
    id: newId('ret'),
    code: generateReturnCode(),
    merchantId: a.merchantId!,
    hubId,
    orderRef: input.orderRef,
    category: input.category,
    itemDescription: input.itemDescription,
    orderValueFen: input.orderValueFen,
    largeItem: input.largeItem,
    reason: input.reason,
    contactCiphertext: sealed?.ciphertext,
    contactHash: sealed?.hash,
    status: 'REGISTERED' as const,
    createdBy: a.userId,
    createdAt: at,
    updatedBy: a.userId,
    updatedAt: at,
    importId: row.importId,
  }
}

/**
 * The statements registering one return: the row, its audit entry and its outbox event (written
 * only if the row was).
 */
export function registrationStatements(db: Db, a: Actor, row: Registration) {
  const values = registrationRow(a, row)
  const { id } = values
  const move = { returnId: id, from: null, to: 'REGISTERED' as const, at: row.at }
  const audit = auditReturnMove(
    db,
    a,
    { action: 'return.register', ...move },
    sql`json_object('status', e.status, 'hubId', ${row.hubId}, 'orderValueFen',
            ${row.input.orderValueFen})`,
  )
  return {
    id,
    statements: [db.insert(returns).values(values), audit, returnMoveEvent(db, move)] as const,
  }
}

/** Returns of the actor's alliance (their destination hub belongs to it). */
export function inAlliance(a: Actor): SQL {
  return sql`${returns.hubId} in (select id from hubs where alliance_id = ${a.allianceId})`
}

/**
 * Which returns an actor may see: its merchant's, its hub's, its station's, or all. `unindexed`
 * writes the scope with a unary `+` so SQLite takes a more selective index for the rest of the
 * query (the search box's exact matches) and checks the scope on the few rows found.
 */
export function visibleTo(a: Actor, unindexed = false): SQL | undefined {
  const col = (c: SQLWrapper) => (unindexed ? sql`+${c}` : sql`${c}`)
  switch (a.role) {
    case 'COORDINATOR':
      return sql`${col(returns.hubId)} in (select id from hubs where alliance_id = ${a.allianceId})`
    case 'MERCHANT':
      return sql`${col(returns.merchantId)} = ${a.merchantId!}`
    case 'HUB_OPERATOR':
      return sql`${col(returns.hubId)} = ${a.hubId!}`
    case 'STATION_OPERATOR':
      return sql`${col(returns.stationId)} = ${a.stationId!}`
  }
}

/** One return the actor may see; another tenant's return is NOT_FOUND, never FORBIDDEN. */
export async function getReturn(db: Db, actor: Actor | null, id: string): Promise<Return> {
  const a = requireActor(actor)
  const [row] = await db
    .select()
    .from(returns)
    .where(and(eq(returns.id, id), visibleTo(a)))
  if (!row) throw new NotFound('Return')
  return row
}

/** The returns among `ids` the actor may see, in one statement (`getReturn`'s rule, batched). */
export async function visibleReturns(
  db: Db,
  actor: Actor | null,
  ids: readonly string[],
): Promise<Return[]> {
  const a = requireActor(actor)
  return db
    .select()
    .from(returns)
    .where(and(inList(returns.id, ids), visibleTo(a)))
}

export interface ReturnPage {
  nodes: Return[]
  endCursor: string | null
  hasNextPage: boolean
}

/** Newest first, `first` at a time; `after` is the opaque cursor of the previous page's end. */
export async function listReturns(
  db: Db,
  actor: Actor | null,
  options: { status?: ReturnStatus; first: number; after?: string },
): Promise<ReturnPage> {
  const a = requireActor(actor)
  const cursor = options.after ? decodeCursor(options.after) : undefined
  const rows = await db
    .select()
    .from(returns)
    .where(
      and(
        visibleTo(a),
        options.status ? eq(returns.status, options.status) : undefined,
        // A row value, which SQLite reads as one range on the (…, created_at, id) indexes.
        cursor
          ? sql`(${returns.createdAt}, ${returns.id}) < (${cursor.createdAt}, ${cursor.id})`
          : undefined,
      ),
    )
    .orderBy(desc(returns.createdAt), desc(returns.id))
    .limit(options.first + 1)
  const nodes = rows.slice(0, options.first)
  const last = nodes.at(-1)
  return {
    nodes,
    hasNextPage: rows.length > options.first,
    endCursor: last ? encodeCursor(last) : null,
  }
}

export function encodeCursor(r: Return): string {
  return toBase64Url(utf8(JSON.stringify([r.createdAt, r.id])))
}

export function decodeCursor(cursor: string): { createdAt: string; id: string } {
  try {
    const padded = cursor.replace(/-/g, '+').replace(/_/g, '/')
    const [createdAt, id] = JSON.parse(new TextDecoder().decode(fromBase64(padded)))
    if (typeof createdAt === 'string' && typeof id === 'string') return { createdAt, id }
  } catch {
    // fall through to the input error
  }
  throw new InvalidInput('after', 'not a cursor from a previous page')
}

/** The status history of a return, oldest first. */
export async function timeline(db: Db, returnId: string): Promise<ReturnEvent[]> {
  return db
    .select()
    .from(returnEvents)
    .where(eq(returnEvents.returnId, returnId))
    .orderBy(asc(returnEvents.id))
}

/** The status histories of many returns in one statement, each oldest first. */
export async function timelines(db: Db, returnIds: readonly string[]): Promise<ReturnEvent[]> {
  return db
    .select()
    .from(returnEvents)
    .where(inList(returnEvents.returnId, returnIds))
    .orderBy(asc(returnEvents.id))
}

/** The customer contact of the merchant's own return, decrypted; null when none was given. */
export async function customerContact(
  db: Db,
  actor: Actor | null,
  id: string,
  contactKey: string,
): Promise<string | null> {
  const a = requireRole(actor, 'MERCHANT')
  const r = await getReturn(db, a, id)
  if (!r.contactCiphertext) return null
  return (await vaultFor(contactKey)).open(r.contactCiphertext)
}

/** Cancels the merchant's own return, only before it has been dropped off. */
export async function cancelReturn(db: Db, actor: Actor | null, id: string, now: Date) {
  const a = requireRole(actor, 'MERCHANT', 'COORDINATOR')
  const r = await getReturn(db, a, id)
  const at = now.toISOString()
  const [result] = await db.batch([
    db.run(sql`
      update returns set status = 'CANCELLED', updated_by = ${a.userId}, updated_at = ${at}
      where id = ${r.id} and status = 'REGISTERED'`),
    auditReturnMove(db, a, {
      action: 'return.cancel',
      returnId: r.id,
      from: 'REGISTERED',
      to: 'CANCELLED',
      at,
    }),
    returnMoveEvent(db, { returnId: r.id, to: 'CANCELLED', at }),
  ])
  if (changes(result) === 0 && r.status !== 'CANCELLED') {
    throw new Conflict('A return can only be cancelled before it is dropped off.', {
      reason: 'NOT_CANCELLABLE_RETURN',
      status: r.status,
    })
  }
  return getReturn(db, a, id)
}

export interface PublicReturn {
  code: string
  category: Return['category']
  status: ReturnStatus
  stationName: string | null
  timeline: { status: ReturnStatus; at: string }[]
  /** What happens next in the normal flow, for the tracking page; null at the end. */
  nextStatus: ReturnStatus | null
}

/**
 * How public look-ups are limited. Enumerating codes means guessing, and guesses miss (codes are
 * 60-bit), so misses are what an address is limited on; found codes are counted per address and
 * code, so the customers behind one shop's Wi-Fi or a carrier's NAT each keep their own allowance,
 * with a ceiling per address against load.
 */
export const trackLimits = {
  windowMs: 60_000,
  missesPerAddress: 30,
  perAddressAndCode: 30,
  foundPerAddress: 600,
} as const

/** Hubs a merchant may send returns to (its alliance's). */
export async function destinationHubs(db: Db, actor: Actor | null) {
  const a = requireActor(actor)
  return db.select().from(hubs).where(eq(hubs.allianceId, a.allianceId)).orderBy(asc(hubs.id))
}
