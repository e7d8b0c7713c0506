/**
 * Photos hub staff attach to a return while inspecting it. The bytes go to the blob store, a row
 * per photo to `inspection_photos`. Only the operator of the return's hub (or a coordinator) may
 * add them, and only while the return is at the hub or inspected; the owning merchant, the hub
 * and coordinators see them, anyone else gets NOT_FOUND (the return's own visibility).
 */
import { and, asc, eq, sql } from 'drizzle-orm'
import { inspectionPhotos } from '../../db/schema'
import { requireRole, type Actor } from '../auth/roles'
import { changes, inList, type Db } from '../db'
import { databaseRefusal } from '../db-refusal'
import { Conflict, NotFound } from '../errors'
import { newId } from '../ids'
import { hubsActedFor } from '../network/service'
import { getReturn } from '../returns/service'
import type { BlobStore } from '../storage'
import { checkFiles, cleanUploads, imageTypes, type Upload } from '../uploads'

export type InspectionPhoto = typeof inspectionPhotos.$inferSelect

export const photoLimits = {
  /** Photos per return, over every upload. */
  maxFiles: 6,
  maxBytes: 5 * 1024 * 1024,
} as const

/** The statuses in which photos may be added. */
export const photoStatuses = ['AT_HUB', 'INSPECTED'] as const

/** Where a photo is served (to whoever may see the return). */
export const photoUrl = (p: Pick<InspectionPhoto, 'id' | 'returnId'>) =>
  `/returns/${p.returnId}/photos/${p.id}`

/**
 * Checks uploads before anything is stored: at most six per return with `existing`, none empty
 * or over 5 MB, each a JPEG, PNG or WebP. Refusals are BAD_USER_INPUT on `photos` with a
 * `reason` (TOO_MANY, EMPTY, TOO_LARGE, TYPE).
 */
export const checkPhotos = (files: readonly Upload[], existing = 0) =>
  checkFiles(files, existing, {
    ...photoLimits,
    types: imageTypes,
    field: 'photos',
    owner: 'return',
  })

const refuseStatus = (status: string) =>
  new Conflict('Photos can only be added while the return is at the hub or inspected.', {
    reason: 'PHOTOS_CLOSED',
    status,
  })

/**
 * The hub's operator (or a coordinator) adds photos to a return at the hub or inspected. The
 * bytes are stored first, then every row in one statement that inserts nothing unless the return
 * is still in such a status and the photos stay within the limit: a race leaves at worst
 * unreferenced bytes, never a row without its file nor a seventh photo.
 */
export async function addInspectionPhotos(
  db: Db,
  blobs: BlobStore,
  actor: Actor | null,
  returnId: string,
  files: readonly Upload[],
  now: Date,
): Promise<InspectionPhoto[]> {
  const a = requireRole(actor, 'HUB_OPERATOR', 'COORDINATOR')
  const r = await getReturn(db, a, returnId)
  if (!(photoStatuses as readonly string[]).includes(r.status)) throw refuseStatus(r.status)
  if (files.length === 0) return []
  const existing = await countPhotos(db, r.id)
  const types = checkPhotos(files, existing)
  const at = now.toISOString()
  const rows: InspectionPhoto[] = []
  for (const [i, f] of cleanUploads(files, types).entries()) {
    const id = newId('iph')
    const blobKey = `inspection/${r.id}/${id}`
    await blobs.put(blobKey, f.bytes)
    rows.push({
      id,
      returnId: r.id,
      blobKey,
      contentType: types[i]!,
      bytes: f.bytes.length,
      uploadedBy: a.userId,
      createdAt: at,
    })
  }
  const list = JSON.stringify(
    rows.map((p) => ({ id: p.id, blobKey: p.blobKey, contentType: p.contentType, bytes: p.bytes })),
  )
  const result = await db
    .run(
      sql`
    INSERT INTO inspection_photos
      (id, return_id, blob_key, content_type, bytes, uploaded_by, created_at)
    SELECT json_extract(j.value, '$.id'), ${r.id}, json_extract(j.value, '$.blobKey'),
      json_extract(j.value, '$.contentType'), json_extract(j.value, '$.bytes'), ${a.userId}, ${at}
    FROM json_each(${list}) AS j
    WHERE (SELECT count(*) FROM inspection_photos WHERE return_id = ${r.id}) + ${rows.length}
        <= ${photoLimits.maxFiles}
      AND EXISTS (SELECT 1 FROM returns WHERE id = ${r.id} AND status IN ('AT_HUB', 'INSPECTED')
        AND hub_id IN ${hubsActedFor(a)})
  `,
    )
    .catch((error: unknown) => {
      // Migration 0020's trigger: another hub's operator, whatever the checks above said.
      if (databaseRefusal(error) === 'WRONG_HUB') throw new NotFound('Return')
      throw error
    })
  if (changes(result) === 0) {
    // Something changed since the checks above: say which.
    const now2 = await getReturn(db, a, r.id)
    if (!(photoStatuses as readonly string[]).includes(now2.status)) throw refuseStatus(now2.status)
    checkPhotos(files, await countPhotos(db, r.id))
    throw new Conflict('The photos changed meanwhile; try again.', { reason: 'PHOTOS_CHANGED' })
  }
  return rows
}

async function countPhotos(db: Db, returnId: string): Promise<number> {
  const [row] = await db
    .select({ n: sql<number>`count(*)` })
    .from(inspectionPhotos)
    .where(eq(inspectionPhotos.returnId, returnId))
  return Number(row?.n ?? 0)
}

/** Who may see photos: the return's merchant, hub and coordinators (stations may not). */
export const photoViewer = (actor: Actor | null) =>
  requireRole(actor, 'MERCHANT', 'HUB_OPERATOR', 'COORDINATOR')

/** The photos of a return the caller has already been shown. */
export function photosOf(db: Db, returnId: string): Promise<InspectionPhoto[]> {
  return photosOfReturns(db, [returnId])
}

/** The photos of many returns the caller has already been shown, each oldest first. */
export function photosOfReturns(db: Db, returnIds: readonly string[]): Promise<InspectionPhoto[]> {
  return db
    .select()
    .from(inspectionPhotos)
    .where(inList(inspectionPhotos.returnId, returnIds))
    .orderBy(asc(inspectionPhotos.createdAt), asc(inspectionPhotos.id))
}

/** One photo and its bytes, for whoever may see the return; NOT_FOUND otherwise. */
export async function readInspectionPhoto(
  db: Db,
  blobs: BlobStore,
  actor: Actor | null,
  returnId: string,
  photoId: string,
): Promise<{ photo: InspectionPhoto; bytes: Uint8Array<ArrayBuffer> }> {
  const r = await getReturn(db, photoViewer(actor), returnId)
  const [photo] = await db
    .select()
    .from(inspectionPhotos)
    .where(and(eq(inspectionPhotos.id, photoId), eq(inspectionPhotos.returnId, r.id)))
  if (!photo) throw new NotFound('Photo')
  const bytes = await blobs.get(photo.blobKey)
  if (!bytes) throw new NotFound('Photo')
  return { photo, bytes }
}
