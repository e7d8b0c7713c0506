/**
 * Which returns a batch of labels prints, for a merchant (its own) or a coordinator (its
 * alliance's): one resolver for every source, so a new source (an import's returns) is one more
 * case in `LabelSource` and `resolveLabelIds`. Another tenant's id is NOT_FOUND, never printed.
 */
import type { Actor } from '../auth/roles'
import { importedReturnIds } from '../returns/import/service'
import { requireRole } from '../auth/roles'
import type { Db } from '../db'
import { InvalidInput, NotFound } from '../errors'
import { listHubs, type Hub } from '../network/service'
import { listReturns, visibleReturns, type Return } from '../returns/service'

/** The most labels one request prints: a few A4 sheets' worth, one PDF a phone still opens. */
export const MAX_LABELS = 240

/** How many parts of at most `MAX_LABELS` labels `count` labels print in. */
export const importLabelParts = (count: number) => Math.max(1, Math.ceil(count / MAX_LABELS))

/** The parts an import's labels print in: `[first label, last label]` of each, 1-based. */
export async function importLabelRanges(
  db: Db,
  actor: Actor | null,
  importId: string,
): Promise<[number, number][]> {
  const a = requireRole(actor, 'MERCHANT', 'COORDINATOR')
  const count = (await importedReturnIds(db, a, importId)).length
  return Array.from({ length: importLabelParts(count) }, (_, i) => [
    i * MAX_LABELS + 1,
    Math.min(count, (i + 1) * MAX_LABELS),
  ])
}

/** Where a batch's returns come from. */
export type LabelSource =
  | { kind: 'ids'; ids: readonly string[] }
  | { kind: 'awaitingDropOff' }
  /** Every return a CSV import created, in file order. */
  | { kind: 'import'; importId: string; part?: number }

export interface Label {
  ret: Return
  hub: Hub
}

const tooMany = () =>
  new InvalidInput('ids', `at most ${MAX_LABELS} labels per batch`, {
    reason: 'TOO_MANY_LABELS',
    max: MAX_LABELS,
  })

/** The ids a source names, at most `MAX_LABELS`, in the order given and without repeats. */
async function resolveLabelIds(db: Db, actor: Actor, source: LabelSource): Promise<string[]> {
  switch (source.kind) {
    case 'ids': {
      const ids = [...new Set(source.ids)]
      if (ids.length > MAX_LABELS) throw tooMany()
      return ids
    }
    case 'import': {
      // A big import prints in parts of MAX_LABELS (labels 1–240, 241–480, …), never refused.
      const ids = await importedReturnIds(db, actor, source.importId)
      const part = source.part ?? 1
      if (part > importLabelParts(ids.length)) {
        throw new InvalidInput('part', 'no such part', { reason: 'NO_LABELS' })
      }
      return ids.slice((part - 1) * MAX_LABELS, part * MAX_LABELS)
    }
    case 'awaitingDropOff': {
      const page = await listReturns(db, actor, { status: 'REGISTERED', first: MAX_LABELS })
      if (page.hasNextPage) throw tooMany()
      return page.nodes.map((r) => r.id)
    }
  }
}

/**
 * The labels of a batch in the order asked, each with its destination hub: two statements
 * after the source's own. Any id the actor may not see makes the whole batch NOT_FOUND.
 */
export async function labelBatch(
  db: Db,
  actor: Actor | null,
  source: LabelSource,
): Promise<Label[]> {
  const a = requireRole(actor, 'MERCHANT', 'COORDINATOR')
  const ids = await resolveLabelIds(db, a, source)
  if (ids.length === 0) {
    throw new InvalidInput('ids', 'no returns to print', { reason: 'NO_LABELS' })
  }
  const [rows, hubs] = await Promise.all([visibleReturns(db, a, ids), listHubs(db, a)])
  const byId = new Map(rows.map((r) => [r.id, r]))
  const hubById = new Map(hubs.map((h) => [h.id, h]))
  return ids.map((id) => {
    const ret = byId.get(id)
    const hub = ret && hubById.get(ret.hubId)
    if (!ret || !hub) throw new NotFound('Return')
    return { ret, hub }
  })
}

/** The returns a merchant may pick labels from: those not yet dropped off, newest first. */
export async function awaitingDropOff(db: Db, actor: Actor | null) {
  const a = requireRole(actor, 'MERCHANT', 'COORDINATOR')
  const [page, hubs] = await Promise.all([
    listReturns(db, a, { status: 'REGISTERED', first: MAX_LABELS }),
    listHubs(db, a),
  ])
  const hubById = new Map(hubs.map((h) => [h.id, h]))
  return {
    returns: page.nodes.flatMap((ret) => {
      const hub = hubById.get(ret.hubId)
      return hub ? [{ ret, hub }] : []
    }),
    more: page.hasNextPage,
  }
}
