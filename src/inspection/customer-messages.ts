/** The shop's later messages to the customer on a return, after (or as) the first response. */
import { returnResponses } from '../../db/schema'
import { requireRole, type Actor } from '../auth/roles'
import type { Db } from '../db'
import { Conflict } from '../errors'
import { newId } from '../ids'
import { getReturn } from '../returns/service'
import { responseEvent } from './service'

/**
 * The merchant of the return writes to its customer; the text shows on the tracking page. The
 * first message of a return is its first response (the 2-hour clock reads the earliest row).
 * Another merchant's return is NOT_FOUND, as everywhere else.
 */
export async function messageCustomer(
  db: Db,
  actor: Actor | null,
  input: { returnId: string; text: string },
  now: Date,
): Promise<{ id: string; text: string; at: string }> {
  const a = requireRole(actor, 'MERCHANT')
  const r = await getReturn(db, a, input.returnId)
  if (r.status === 'CANCELLED') {
    throw new Conflict('This return is cancelled.', { reason: 'RETURN_STATUS', status: r.status })
  }
  const message = { id: newId('rsp'), text: input.text, at: now.toISOString() }
  await db.batch([
    db.insert(returnResponses).values({
      id: message.id,
      returnId: r.id,
      message: input.text,
      actorId: a.userId,
      at: message.at,
    }),
    responseEvent(db, r.id, message),
  ])
  return message
}
