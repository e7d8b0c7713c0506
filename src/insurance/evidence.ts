/**
 * Evidence for a claim: photos or PDFs the merchant attaches when filing it or while it is being
 * reviewed. The bytes go to the blob store, a row per file to `claim_evidence`. Only the owning
 * merchant and the alliance's coordinators may see them (the claim's own visibility); another
 * merchant gets NOT_FOUND.
 */
import { and, asc, eq, inArray } from 'drizzle-orm'
import { claimEvidence } from '../../db/schema'
import { requireRole, type Actor } from '../auth/roles'
import type { Db } from '../db'
import { Conflict, NotFound } from '../errors'
import { newId } from '../ids'
import type { BlobStore } from '../storage'
import {
  checkFiles,
  cleanFileName as cleanName,
  cleanUploads,
  imageTypes,
  sniffFileType,
  type Upload,
  type UploadType,
} from '../uploads'
import { getClaim } from './service'

export type ClaimEvidence = typeof claimEvidence.$inferSelect

export const evidenceLimits = {
  /** Files per claim, over every upload. */
  maxFiles: 5,
  maxBytes: 5 * 1024 * 1024,
} as const

/** Where a file is served (to whoever may see the claim), as the claim page links it. */
export const evidenceUrl = (e: Pick<ClaimEvidence, 'id' | 'claimId'>) =>
  `/insurance/claims/${e.claimId}/evidence/${e.id}`

export type EvidenceType = UploadType
export type { Upload }

/** What the bytes are, by their signature: JPEG, PNG, WebP or PDF, else null. */
export const sniffEvidenceType = sniffFileType

/** A file name as stored and shown (see uploads' `cleanFileName`), `evidence` when empty. */
export const cleanFileName = (name: string) => cleanName(name, 'evidence')

/**
 * Checks uploads before anything is stored: not too many (with `existing` already on the
 * claim), none empty or too large, each a JPEG, PNG, WebP or PDF. Refusals are BAD_USER_INPUT on
 * `evidence` with a `reason` (TOO_MANY, EMPTY, TOO_LARGE, TYPE) and the `file` named.
 */
export function checkUploads(files: readonly Upload[], existing = 0): EvidenceType[] {
  return checkFiles(files, existing, {
    ...evidenceLimits,
    types: [...imageTypes, 'application/pdf'],
    field: 'evidence',
    owner: 'claim',
  })
}

async function sha256Hex(bytes: Uint8Array<ArrayBuffer>): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', bytes)
  return [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, '0')).join('')
}

/**
 * The owning merchant attaches files to its claim while it waits for a decision. The bytes are
 * stored first, then all rows in one batch: a failure leaves at worst unreferenced bytes, never
 * a row without its file.
 */
export async function addClaimEvidence(
  db: Db,
  blobs: BlobStore,
  actor: Actor | null,
  claimId: string,
  files: readonly Upload[],
  now: Date,
): Promise<ClaimEvidence[]> {
  const a = requireRole(actor, 'MERCHANT')
  const claim = await getClaim(db, a, claimId)
  if (claim.status !== 'SUBMITTED' && claim.status !== 'UNDER_REVIEW') {
    throw new Conflict('Evidence can only be added while the claim waits for a decision.', {
      reason: 'EVIDENCE_CLOSED',
      status: claim.status,
    })
  }
  if (files.length === 0) return []
  const existing = await db
    .select({ id: claimEvidence.id })
    .from(claimEvidence)
    .where(eq(claimEvidence.claimId, claim.id))
  const types = checkUploads(files, existing.length)
  const at = now.toISOString()
  const rows = await Promise.all(
    cleanUploads(files, types, 'evidence').map(async (f, i) => {
      const id = newId('evi')
      const blobKey = `evidence/${claim.id}/${id}`
      await blobs.put(blobKey, f.bytes)
      return {
        id,
        claimId: claim.id,
        fileName: f.name,
        contentType: types[i]!,
        sizeBytes: f.bytes.length,
        blobKey,
        sha256: await sha256Hex(f.bytes),
        uploadedBy: a.userId,
        createdAt: at,
      }
    }),
  )
  const [first, ...rest] = rows.map((r) => db.insert(claimEvidence).values(r))
  await db.batch([first!, ...rest])
  return rows
}

/** A claim's evidence, oldest first, for whoever may see the claim. */
export async function listClaimEvidence(
  db: Db,
  actor: Actor | null,
  claimId: string,
): Promise<ClaimEvidence[]> {
  const claim = await getClaim(db, actor, claimId)
  const rows = await db
    .select()
    .from(claimEvidence)
    .where(eq(claimEvidence.claimId, claim.id))
    .orderBy(asc(claimEvidence.createdAt), asc(claimEvidence.id))
  return rows.map(shown)
}

/** Names stored before they were cleaned on upload are cleaned wherever they are shown. */
const shown = (e: ClaimEvidence): ClaimEvidence => ({ ...e, fileName: cleanFileName(e.fileName) })

/** How many files each of these claims has, for the coordinators' queue. */
export async function evidenceCounts(
  db: Db,
  actor: Actor | null,
  claimIds: readonly string[],
): Promise<Map<string, number>> {
  requireRole(actor, 'COORDINATOR')
  const counts = new Map<string, number>()
  if (claimIds.length === 0) return counts
  const rows = await db
    .select({ claimId: claimEvidence.claimId })
    .from(claimEvidence)
    .where(inArray(claimEvidence.claimId, [...claimIds]))
  for (const r of rows) counts.set(r.claimId, (counts.get(r.claimId) ?? 0) + 1)
  return counts
}

/** One file and its bytes, for whoever may see the claim; NOT_FOUND otherwise. */
export async function readClaimEvidence(
  db: Db,
  blobs: BlobStore,
  actor: Actor | null,
  claimId: string,
  evidenceId: string,
): Promise<{ evidence: ClaimEvidence; bytes: Uint8Array<ArrayBuffer> }> {
  const claim = await getClaim(db, actor, claimId)
  const [evidence] = await db
    .select()
    .from(claimEvidence)
    .where(and(eq(claimEvidence.id, evidenceId), eq(claimEvidence.claimId, claim.id)))
  if (!evidence) throw new NotFound('Evidence')
  const bytes = await blobs.get(evidence.blobKey)
  if (!bytes) throw new NotFound('Evidence')
  return { evidence: shown(evidence), bytes }
}
