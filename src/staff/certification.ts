/**
 * A staff member's certificate: the merchant submits the number, the date and (on the page) a
 * scan; a coordinator verifies it or turns it down with a reason. Only a verified certificate
 * that has not expired counts toward the professionalism benchmark; a merchant's own tick
 * (`setStaffCertification`) is a declaration and counts for nothing by itself.
 */
import { and, eq, isNull, sql } from 'drizzle-orm'
import { staff } from '../../db/schema'
import { auditEntry } from '../audit/log'
import { requireRole, type Actor } from '../auth/roles'
import { localDate } from '../calendar/local-date'
import type { Db } from '../db'
import { Conflict, InvalidInput } from '../errors'
import { newId } from '../ids'
import type { BlobStore } from '../storage'
import { checkFiles, cleanUploads, imageTypes, type Upload } from '../uploads'
import { findStaff, type Staff } from './staff'

/** How long a certificate is valid from its date. */
export const certificateValidYears = 2

export const scanLimits = { maxFiles: 1, maxBytes: 5 * 1024 * 1024 } as const

/** The day a certificate of `date` (YYYY-MM-DD) stops being valid. */
export function expiryOf(date: string): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number]
  const expiry = new Date(Date.UTC(y + certificateValidYears, m - 1, d))
  return expiry.toISOString().slice(0, 10)
}

/** Whether the person counts as certified on `day`: verified, unexpired and still on the team. */
export const countsAsCertified = (s: Staff, day: string) =>
  s.certStatus === 'VERIFIED' && !s.endedAt && !!s.certExpiresOn && s.certExpiresOn > day

/** A still-current staff member of the actor's scope, else NOT_FOUND or STAFF_ENDED. */
async function currentStaff(db: Db, a: Actor, staffId: string) {
  const row = await findStaff(db, a, staffId)
  if (row.endedAt) {
    throw new Conflict('This person has left the team.', { reason: 'STAFF_ENDED', staffId })
  }
  return row
}

/**
 * The merchant submits a certificate for one of its staff; it waits for a coordinator. A scan,
 * when given, is checked like every upload and stored before the row points at it.
 */
export async function submitCertification(
  db: Db,
  blobs: BlobStore | undefined,
  actor: Actor | null,
  staffId: string,
  input: { number: string; date: string; scan?: Upload },
  now: Date,
): Promise<Staff> {
  const a = requireRole(actor, 'MERCHANT')
  const row = await currentStaff(db, a, staffId)
  const today = localDate(now)
  if (input.date > today) {
    throw new InvalidInput('date', 'the certificate date is in the future', {
      problem: 'form.invalid',
    })
  }
  const expiresOn = expiryOf(input.date)
  if (expiresOn <= today) {
    throw new Conflict('This certificate has expired.', {
      reason: 'CERTIFICATE_EXPIRED',
      expiresOn,
    })
  }
  let scan: { key: string; name: string; type: string } | null = null
  if (input.scan) {
    if (!blobs) throw new InvalidInput('scan', 'uploads are not available', { reason: 'TYPE' })
    const types = checkFiles([input.scan], 0, {
      ...scanLimits,
      types: [...imageTypes, 'application/pdf'],
      field: 'scan',
      owner: 'certificate',
    })
    const [file] = cleanUploads([input.scan], types, 'certificate')
    const key = `staff-certificates/${row.id}/${newId('scn')}`
    await blobs.put(key, file!.bytes)
    scan = { key, name: file!.name, type: types[0]! }
  }
  const after = {
    certStatus: 'PENDING' as const,
    certNumber: input.number,
    certDate: input.date,
    certExpiresOn: expiresOn,
    certScanKey: scan?.key ?? null,
    certScanName: scan?.name ?? null,
    certScanType: scan?.type ?? null,
    certReviewedBy: null,
    certReviewedAt: null,
    certRejectReason: null,
  }
  const [[updated]] = await db.batch([
    db
      .update(staff)
      .set(after)
      .where(and(eq(staff.id, row.id), isNull(staff.endedAt)))
      .returning(),
    auditEntry(db, a, {
      action: 'staff.certification.submit',
      entity: 'staff',
      entityId: row.id,
      at: now.toISOString(),
      before: { certStatus: row.certStatus, certNumber: row.certNumber, certDate: row.certDate },
      after: { certStatus: 'PENDING', certNumber: input.number, certDate: input.date, expiresOn },
      // Written only when the person was still on the team, as the update was.
      from: sql`from staff where id = ${row.id} and ended_at is null`,
    }),
  ])
  if (!updated)
    throw new Conflict('This person has left the team.', { reason: 'STAFF_ENDED', staffId })
  return updated
}

/**
 * A coordinator verifies a waiting certificate, or turns it down with a reason. Only a PENDING
 * one can be decided: the update checks it in the same statement, so two coordinators deciding
 * at once give one decision and one refusal.
 */
export async function verifyCertification(
  db: Db,
  actor: Actor | null,
  staffId: string,
  verified: boolean,
  reason: string | undefined,
  now: Date,
): Promise<Staff> {
  const a = requireRole(actor, 'COORDINATOR')
  const row = await currentStaff(db, a, staffId)
  const noCertificate = () =>
    new Conflict('No certificate waits for verification.', { reason: 'NO_CERTIFICATE', staffId })
  if (row.certStatus !== 'PENDING') throw noCertificate()
  const why = reason?.trim() || null
  if (!verified && !why) {
    throw new InvalidInput('reason', 'give the reason', { reason: 'REASON_REQUIRED' })
  }
  const at = now.toISOString()
  const status = verified ? ('VERIFIED' as const) : ('REJECTED' as const)
  const [[updated]] = await db.batch([
    db
      .update(staff)
      .set({
        certStatus: status,
        certReviewedBy: a.userId,
        certReviewedAt: at,
        certRejectReason: verified ? null : why,
      })
      .where(and(eq(staff.id, row.id), eq(staff.certStatus, 'PENDING'), isNull(staff.endedAt)))
      .returning(),
    auditEntry(db, a, {
      action: verified ? 'staff.certification.verify' : 'staff.certification.reject',
      entity: 'staff',
      entityId: row.id,
      at,
      before: { certStatus: 'PENDING', certNumber: row.certNumber },
      after: { certStatus: status, reason: verified ? null : why },
      // Written only when this decision was the one the update made.
      from: sql`from staff where id = ${row.id} and cert_reviewed_at = ${at} and cert_reviewed_by = ${a.userId}`,
    }),
  ])
  if (!updated) throw noCertificate()
  return updated
}

/** The scan of a staff member's certificate, for its merchant and coordinators. */
export async function readCertificateScan(
  db: Db,
  blobs: BlobStore,
  actor: Actor | null,
  staffId: string,
) {
  const a = requireRole(actor, 'MERCHANT', 'COORDINATOR')
  const row = await findStaff(db, a, staffId)
  const bytes = row.certScanKey ? await blobs.get(row.certScanKey) : null
  if (!row.certScanKey || !bytes) return null
  return { name: row.certScanName ?? 'certificate', type: row.certScanType!, bytes }
}
