/**
 * Importing a merchant's returns from a shop platform's export: a dry run that judges every line,
 * and the confirmed import, which registers each valid line exactly as the registration form does
 * (same statements, codes, sealed contacts and audit entries), in atomic batches. A line already
 * imported (same merchant, order reference and item) is skipped by the unique index, so importing
 * a file again creates nothing twice.
 */
import { and, asc, eq, sql } from 'drizzle-orm'
import type { BatchItem } from 'drizzle-orm/batch'
import { importMappings, merchants, returnImports, returns } from '../../../db/schema'
import { requireRole, type Actor } from '../../auth/roles'
import type { Db } from '../../db'
import { InvalidInput, NotFound } from '../../errors'
import { newId } from '../../ids'
import { destinationHubs, registrationStatements, sealContact } from '../service'
import { detectMapping, importFields, type ImportField, type ImportMapping } from './columns'
import { parseCsv } from './csv'
import { hubFinder, readLine, type ReadLine, type RowRefusal } from './rows'

/** Lines one upload may hold; a bigger export is split into several files. */
export const maxImportRows = 10_000

/** Lines per atomic batch: three statements each (the return, its audit entry and its event). */
const linesPerBatch = 250

export interface ImportInput {
  csv: string
  /** Field → header text; absent fields fall back to the remembered mapping, then to detection. */
  mapping?: ImportMapping
  dryRun: boolean
}

export interface ImportResult {
  /** The import record; null for a dry run. */
  id: string | null
  headers: string[]
  mapping: ImportMapping
  /** Lines created (for a dry run: that would be). */
  created: number
  /** Valid lines already imported, or repeated earlier in the file. */
  skipped: number
  refusals: RowRefusal[]
  /** How many data lines the file has. */
  lines: number
}

/** The mapping the merchant used last, or none. */
export async function rememberedMapping(db: Db, actor: Actor | null): Promise<ImportMapping> {
  const a = requireRole(actor, 'MERCHANT')
  const [row] = await db
    .select({ json: importMappings.mappingJson })
    .from(importMappings)
    .where(eq(importMappings.merchantId, a.merchantId!))
  return row ? (JSON.parse(row.json) as ImportMapping) : {}
}

const lineKey = (i: ReadLine) => JSON.stringify([i.input.orderRef, i.input.itemDescription])

/** Judges every line of `csv`; with `dryRun: false` also registers the valid new ones. */
export async function importReturns(
  db: Db,
  actor: Actor | null,
  input: ImportInput,
  now: Date,
  contactKey: string,
): Promise<ImportResult> {
  const a = requireRole(actor, 'MERCHANT')
  const [header, ...data] = parseCsv(input.csv)
  if (!header || data.length === 0) {
    throw new InvalidInput('csv', 'no rows below the header', { reason: 'IMPORT_NO_ROWS' })
  }
  if (data.length > maxImportRows) {
    throw new InvalidInput('csv', `at most ${maxImportRows} rows`, {
      reason: 'IMPORT_TOO_MANY_ROWS',
      maxRows: maxImportRows,
    })
  }
  const headers = header.map((h) => h.trim())
  const [remembered, hubs] = await Promise.all([
    input.mapping ? Promise.resolve({}) : rememberedMapping(db, a),
    destinationHubs(db, a),
  ])
  const mapping = detectMapping(headers, { ...remembered, ...input.mapping })
  const columnOf: Partial<Record<ImportField, number>> = {}
  for (const field of importFields) {
    if (mapping[field] !== undefined) columnOf[field] = headers.indexOf(mapping[field])
  }
  const hubOf = hubFinder(hubs)

  const valid: ReadLine[] = []
  const refusals: RowRefusal[] = []
  data.forEach((cells, i) => {
    const line = readLine(cells, i + 2, columnOf, hubOf)
    if ('input' in line) valid.push(line)
    else refusals.push(line)
  })

  // New lines: not imported before, and the first of their kind in this file.
  const imported = await db
    .select({ orderRef: returns.orderRef, item: returns.itemDescription })
    .from(returns)
    .where(
      and(
        eq(returns.merchantId, a.merchantId!),
        sql`${returns.importId} is not null`,
        sql`(${returns.orderRef}, ${returns.itemDescription}) in
          (select value ->> 0, value ->> 1 from json_each(${JSON.stringify(valid.map((v) => [v.input.orderRef, v.input.itemDescription]))}))`,
      ),
    )
  const seen = new Set(imported.map((r) => JSON.stringify([r.orderRef, r.item])))
  const fresh = valid.filter((v) => !seen.has(lineKey(v)) && !!seen.add(lineKey(v)))
  const result = { headers, mapping, refusals, lines: data.length }
  if (input.dryRun) {
    return { ...result, id: null, created: fresh.length, skipped: valid.length - fresh.length }
  }

  const id = newId('imp')
  const at = now.toISOString()
  const remember = db
    .insert(importMappings)
    .values({ merchantId: a.merchantId!, mappingJson: JSON.stringify(mapping), updatedAt: at })
    .onConflictDoUpdate({
      target: importMappings.merchantId,
      set: { mappingJson: JSON.stringify(mapping), updatedAt: at },
    })
  const record = db.insert(returnImports).values({
    id,
    merchantId: a.merchantId!,
    createdCount: 0,
    skippedCount: 0,
    createdBy: a.userId,
    createdAt: at,
  })
  const sealed = await Promise.all(
    fresh.map((v) =>
      v.input.customerContact ? sealContact(contactKey, v.input.customerContact) : undefined,
    ),
  )
  const lines = fresh.map((v, i) =>
    registrationStatements(db, a, {
      hubId: v.input.hubId,
      input: v.input,
      sealed: sealed[i],
      at,
      importId: id,
    }),
  )
  // Counted from the rows, so a line another upload created meanwhile counts as skipped.
  const count = db.run(sql`
    update return_imports set
      created_count = (select count(*) from returns where import_id = ${id}),
      skipped_count = ${valid.length} - (select count(*) from returns where import_id = ${id})
    where id = ${id}`)
  // The record and the mapping go with the first batch, the counts with the last.
  const batches: BatchItem<'sqlite'>[][] = [[record, remember]]
  for (let start = 0; start < lines.length; start += linesPerBatch) {
    const part = lines.slice(start, start + linesPerBatch).flatMap((l) => l.statements)
    if (start === 0) batches[0]!.push(...part)
    else batches.push(part)
  }
  batches.at(-1)!.push(count)
  for (const statements of batches) {
    await db.batch(statements as [BatchItem<'sqlite'>, ...BatchItem<'sqlite'>[]])
  }
  const saved = await getImport(db, a, id)
  return { ...result, id, created: saved.createdCount, skipped: saved.skippedCount }
}

/** An import of the merchant's own, or of the coordinator's alliance. */
export async function getImport(db: Db, actor: Actor | null, id: string) {
  const a = requireRole(actor, 'MERCHANT', 'COORDINATOR')
  const [row] = await db
    .select({ record: returnImports })
    .from(returnImports)
    .innerJoin(merchants, eq(merchants.id, returnImports.merchantId))
    .where(
      and(
        eq(returnImports.id, id),
        a.role === 'MERCHANT'
          ? eq(returnImports.merchantId, a.merchantId!)
          : eq(merchants.allianceId, a.allianceId),
      ),
    )
  if (!row) throw new NotFound('Import')
  return row.record
}

/**
 * The returns an import created, in file order, for the batch labels page (`?import=<id>`);
 * another tenant's import is NOT_FOUND.
 */
export async function importedReturnIds(
  db: Db,
  actor: Actor | null,
  importId: string,
): Promise<string[]> {
  const record = await getImport(db, actor, importId)
  const rows = await db
    .select({ id: returns.id })
    .from(returns)
    .where(and(eq(returns.importId, record.id), eq(returns.merchantId, record.merchantId)))
    .orderBy(asc(sql`${returns}.rowid`))
  return rows.map((r) => r.id)
}
