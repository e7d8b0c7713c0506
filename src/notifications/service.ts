/**
 * A person's notification centre: the list (newest first, keyset pages), the unread count the
 * bell shows, marking read and the per-kind preferences. Every read and write is the caller's
 * own rows only, whatever their role.
 */
import { and, count, desc, eq, inArray, isNull, sql } from 'drizzle-orm'
import {
  notificationPreferences,
  returns,
  userNotificationKinds,
  userNotifications,
  type UserNotificationKind,
} from '../../db/schema'
import { requireActor, type Actor } from '../auth/roles'
import { changes, type Db } from '../db'
import { fromBase64, toBase64Url, utf8 } from '../encoding'
import { InvalidInput, NotFound } from '../errors'
import { parseInput } from '../parse-input'
import { markReadInput, notificationPageInput, notificationPreferenceInput } from './schemas'

export interface NotificationView {
  id: string
  kind: UserNotificationKind
  eventId: string
  returnId: string | null
  /** The return's code, when the notification is about one. */
  returnCode: string | null
  data: Record<string, unknown>
  createdAt: string
  readAt: string | null
}

export interface NotificationPage {
  nodes: NotificationView[]
  endCursor: string | null
  hasNextPage: boolean
}

const encodeCursor = (n: { createdAt: string; id: string }) =>
  toBase64Url(utf8(JSON.stringify([n.createdAt, n.id])))

function decodeCursor(cursor: string): { createdAt: string; id: string } {
  try {
    const padded = cursor.replace(/-/g, '+').replace(/_/g, '/')
    const [createdAt, id] = JSON.parse(new TextDecoder().decode(fromBase64(padded)))
    if (typeof createdAt === 'string' && typeof id === 'string') return { createdAt, id }
  } catch {
    // fall through to the input error
  }
  throw new InvalidInput('after', 'not a cursor from a previous page')
}

const view = {
  id: userNotifications.id,
  kind: userNotifications.kind,
  eventId: userNotifications.eventId,
  returnId: userNotifications.returnId,
  returnCode: returns.code,
  data: userNotifications.data,
  createdAt: userNotifications.createdAt,
  readAt: userNotifications.readAt,
}

/** One of the caller's notifications; anyone else's is NOT_FOUND. */
export async function getNotification(
  db: Db,
  actor: Actor | null,
  id: string,
): Promise<NotificationView> {
  const a = requireActor(actor)
  const [row] = await db
    .select(view)
    .from(userNotifications)
    .leftJoin(returns, eq(returns.id, userNotifications.returnId))
    .where(and(eq(userNotifications.id, id), eq(userNotifications.userId, a.userId)))
  if (!row) throw new NotFound('Notification')
  return row
}

/** The caller's notifications, newest first, `first` at a time. */
export async function listNotifications(
  db: Db,
  actor: Actor | null,
  input: unknown,
): Promise<NotificationPage> {
  const a = requireActor(actor)
  const { unreadOnly, first, after } = parseInput(notificationPageInput, input)
  const cursor = after ? decodeCursor(after) : undefined
  const rows = await db
    .select(view)
    .from(userNotifications)
    .leftJoin(returns, eq(returns.id, userNotifications.returnId))
    .where(
      and(
        eq(userNotifications.userId, a.userId),
        unreadOnly ? isNull(userNotifications.readAt) : undefined,
        cursor
          ? sql`(${userNotifications.createdAt}, ${userNotifications.id}) < (${cursor.createdAt}, ${cursor.id})`
          : undefined,
      ),
    )
    .orderBy(desc(userNotifications.createdAt), desc(userNotifications.id))
    .limit(first + 1)
  const nodes = rows.slice(0, first)
  const last = nodes.at(-1)
  return {
    nodes,
    hasNextPage: rows.length > first,
    endCursor: last ? encodeCursor(last) : null,
  }
}

/** How many of the user's notifications are unread: the bell's number, one index range. */
export async function unreadCount(db: Db, userId: string): Promise<number> {
  const [row] = await db
    .select({ n: count() })
    .from(userNotifications)
    .where(and(eq(userNotifications.userId, userId), isNull(userNotifications.readAt)))
  return row?.n ?? 0
}

/**
 * Marks the named notifications of the caller read (all of them when none are named); another
 * user's ids change nothing. Marking read twice keeps the first time.
 * @returns how many became read
 */
export async function markNotificationsRead(
  db: Db,
  actor: Actor | null,
  input: unknown,
  now: Date,
): Promise<number> {
  const a = requireActor(actor)
  const { ids } = parseInput(markReadInput, input)
  if (ids && ids.length === 0) return 0
  const result = await db
    .update(userNotifications)
    .set({ readAt: now.toISOString() })
    .where(
      and(
        eq(userNotifications.userId, a.userId),
        isNull(userNotifications.readAt),
        ids ? inArray(userNotifications.id, ids) : undefined,
      ),
    )
  return changes(result)
}

export interface PreferenceView {
  kind: UserNotificationKind
  enabled: boolean
}

/** Every kind with the caller's choice; a kind never chosen is on. */
export async function notificationPreferencesOf(
  db: Db,
  actor: Actor | null,
): Promise<PreferenceView[]> {
  const a = requireActor(actor)
  const rows = await db
    .select({ kind: notificationPreferences.kind, enabled: notificationPreferences.enabled })
    .from(notificationPreferences)
    .where(eq(notificationPreferences.userId, a.userId))
  const chosen = new Map(rows.map((r) => [r.kind, r.enabled]))
  return userNotificationKinds.map((kind) => ({ kind, enabled: chosen.get(kind) ?? true }))
}

/** Switches one kind on or off for the caller, in one upsert. */
export async function setNotificationPreference(
  db: Db,
  actor: Actor | null,
  input: unknown,
): Promise<PreferenceView> {
  const a = requireActor(actor)
  const { kind, enabled } = parseInput(notificationPreferenceInput, input)
  await db
    .insert(notificationPreferences)
    .values({ userId: a.userId, kind, enabled })
    .onConflictDoUpdate({
      target: [notificationPreferences.userId, notificationPreferences.kind],
      set: { enabled },
    })
  return { kind, enabled }
}
