/**
 * One-time links (invitations and password resets): the secret goes into the link once, to the
 * person who hands it over; the database keeps only its SHA-256. A link works once, for
 * `linkLifetimeMs`, unless it is revoked first.
 */
import { and, eq } from 'drizzle-orm'
import { accessLinks, type LinkKind } from '../../db/schema'
import type { Db } from '../db'
import { Conflict, NotFound } from '../errors'
import { hashSecret, newSecret } from './tokens'

export const linkLifetimeMs = 72 * 3600 * 1000

export type AccessLink = typeof accessLinks.$inferSelect

/** What an inviter sees of a link; `url` only in the answer that created it. */
export interface LinkView {
  id: string
  email: string
  role: AccessLink['role']
  expiresAt: string
  url: string | null
}

export const linkView = (row: AccessLink, url: string | null = null): LinkView => ({
  id: row.id,
  email: row.email,
  role: row.role,
  expiresAt: row.expiresAt,
  url,
})

/** A fresh secret with the hash to store and the instant it stops working. */
export async function newLinkSecret(now: Date) {
  const token = newSecret()
  return {
    token,
    tokenHash: await hashSecret(token),
    expiresAt: new Date(now.getTime() + linkLifetimeMs).toISOString(),
  }
}

const paths: Record<LinkKind, string> = { INVITE: 'invite', RESET: 'reset' }

/** The link a person opens: the site's public address (or the request's) and the secret. */
export const linkUrl = (origin: string, kind: LinkKind, token: string) =>
  `${origin.replace(/\/$/, '')}/${paths[kind]}/${token}`

/** Why a link cannot be used now, or null when it can. */
export function linkRefusal(row: AccessLink, now: Date) {
  if (row.usedAt) return new Conflict('This link has already been used.', { reason: 'LINK_USED' })
  if (row.revokedAt) return new Conflict('This link was revoked.', { reason: 'LINK_REVOKED' })
  if (row.expiresAt <= now.toISOString()) {
    return new Conflict('This link has expired.', { reason: 'LINK_EXPIRED' })
  }
  return null
}

/** The usable link of `kind` behind a secret; throws why it cannot be used otherwise. */
export async function usableLink(db: Db, token: string, kind: LinkKind, now: Date) {
  const [row] = await db
    .select()
    .from(accessLinks)
    .where(and(eq(accessLinks.tokenHash, await hashSecret(token)), eq(accessLinks.kind, kind)))
  if (!row) throw new NotFound('Invitation')
  const refusal = linkRefusal(row, now)
  if (refusal) throw refusal
  return row
}
