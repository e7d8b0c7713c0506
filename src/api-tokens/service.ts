import { and, desc, eq, isNull, lt, or, sql } from 'drizzle-orm'
import * as z from '../zod'
import { apiScopes, apiTokens, users, type ApiScope } from '../../db/schema'
import { toActor } from '../auth/service'
import { requireRole, type Actor } from '../auth/roles'
import { hashSecret, newSecret } from '../auth/tokens'
import type { Db } from '../db'
import { Forbidden, NotFound } from '../errors'
import { newId } from '../ids'
import { parseInput } from '../parse-input'

/** Every API token starts with this, so it is told apart from a session bearer token. */
export const apiTokenPrefix = 'nwk_'

/** `lastUsedAt` is written at most this often per token. */
const touchEveryMs = 60_000

export const createApiTokenInput = z.object({
  // No control characters: a name is one line people read, and SQLite's length() stops at a NUL,
  // so the table's length check would refuse what the schema let through.
  name: z.string().check(z.trim(), z.minLength(1), z.maxLength(80), z.regex(/^\P{Cc}*$/u)),
  scopes: z.array(z.enum(apiScopes)).check(z.minLength(1)),
})

export interface ApiTokenView {
  id: string
  name: string
  scopes: ApiScope[]
  createdAt: string
  lastUsedAt: string | null
  revokedAt: string | null
}

const view = {
  id: apiTokens.id,
  name: apiTokens.name,
  scopes: apiTokens.scopes,
  createdAt: apiTokens.createdAt,
  lastUsedAt: apiTokens.lastUsedAt,
  revokedAt: apiTokens.revokedAt,
}

/** Only people manage tokens: a call made with a token never does. */
function owner(actor: Actor | null): Actor {
  const a = requireRole(actor, 'MERCHANT', 'COORDINATOR')
  if (a.apiTokenId) throw new Forbidden()
  return a
}

/** Tokens a merchant user sees are its merchant's; the coordinator's are the alliance's own. */
function ownedBy(a: Actor) {
  return and(
    eq(apiTokens.allianceId, a.allianceId),
    a.role === 'MERCHANT'
      ? eq(apiTokens.merchantId, a.merchantId ?? '')
      : isNull(apiTokens.merchantId),
  )
}

/** Creates a named token; the returned `token` is the only time the secret is ever shown. */
export async function createApiToken(
  db: Db,
  actor: Actor | null,
  input: unknown,
  now = new Date(),
): Promise<{ token: string; apiToken: ApiTokenView }> {
  const a = owner(actor)
  const { name, scopes } = parseInput(createApiTokenInput, input)
  const token = apiTokenPrefix + newSecret()
  const row = {
    id: newId('tok'),
    allianceId: a.allianceId,
    merchantId: a.role === 'MERCHANT' ? a.merchantId : null,
    name,
    scopes: [...new Set(scopes)],
    tokenHash: await hashSecret(token),
    createdBy: a.userId,
    createdAt: now.toISOString(),
  }
  await db.insert(apiTokens).values(row)
  const { id, createdAt } = row
  return {
    token,
    apiToken: { id, name, scopes: row.scopes, createdAt, lastUsedAt: null, revokedAt: null },
  }
}

export async function listApiTokens(db: Db, actor: Actor | null): Promise<ApiTokenView[]> {
  const a = owner(actor)
  return db.select(view).from(apiTokens).where(ownedBy(a)).orderBy(desc(apiTokens.createdAt))
}

/** One of the caller's tokens (another organisation's is NOT_FOUND), e.g. to confirm revoking it. */
export async function findApiToken(db: Db, actor: Actor | null, id: string): Promise<ApiTokenView> {
  const a = owner(actor)
  const [row] = await db
    .select(view)
    .from(apiTokens)
    .where(and(eq(apiTokens.id, id), ownedBy(a)))
  if (!row) throw new NotFound('API token')
  return row
}

/** Revokes one of the caller's tokens; revoking twice keeps the first revocation time. */
export async function revokeApiToken(
  db: Db,
  actor: Actor | null,
  id: string,
  now = new Date(),
): Promise<ApiTokenView> {
  const a = owner(actor)
  const [row] = await db
    .update(apiTokens)
    .set({ revokedAt: sql`coalesce(${apiTokens.revokedAt}, ${now.toISOString()})` })
    .where(and(eq(apiTokens.id, id), ownedBy(a)))
    .returning(view)
  if (!row) throw new NotFound('API token')
  return row
}

export function looksLikeApiToken(bearer: string): boolean {
  return bearer.startsWith(apiTokenPrefix)
}

/**
 * The actor a live token acts as: its creator (still active), with the token's scopes. Null for
 * an unknown or revoked token. Marks the token used with one conditional UPDATE, at most once a
 * minute.
 */
export async function actorForApiToken(
  db: Db,
  token: string,
  now = new Date(),
): Promise<Actor | null> {
  if (!looksLikeApiToken(token)) return null
  const tokenHash = await hashSecret(token)
  const [row] = await db
    .select({
      user: users,
      id: apiTokens.id,
      scopes: apiTokens.scopes,
      merchantId: apiTokens.merchantId,
    })
    .from(apiTokens)
    .innerJoin(users, eq(users.id, apiTokens.createdBy))
    .where(
      and(eq(apiTokens.tokenHash, tokenHash), isNull(apiTokens.revokedAt), eq(users.active, true)),
    )
  if (!row) return null
  // A creator who changed organisation no longer carries the token.
  if ((row.user.merchantId ?? null) !== (row.merchantId ?? null)) return null
  const at = now.toISOString()
  const before = new Date(now.getTime() - touchEveryMs).toISOString()
  await db
    .update(apiTokens)
    .set({ lastUsedAt: at })
    .where(
      and(
        eq(apiTokens.id, row.id),
        or(isNull(apiTokens.lastUsedAt), lt(apiTokens.lastUsedAt, before)),
      ),
    )
  return { ...toActor(row.user), scopes: row.scopes, apiTokenId: row.id }
}
