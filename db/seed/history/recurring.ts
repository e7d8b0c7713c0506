import { and, asc, eq, lte, sql } from 'drizzle-orm'
import type { Db } from '../../../src/db'
import { costTemplates } from '../../schema'
import type { Random } from './random'

/**
 * Posts the month's recurring costs as the hourly job would on the 1st (`postRecurringCosts` in
 * src/settlement/usage.ts): the same statement, row for row, except that the id comes from the
 * seed's generator instead of the database's `randomblob()`, so the history stays repeatable.
 * The job, the preview and the close then find the entries already there and add nothing.
 */
export async function postRecurringCostsRepeatably(
  db: Db,
  allianceId: string,
  month: string,
  now: Date,
  random: Random,
) {
  const templates = await db
    .select({ id: costTemplates.id, endMonth: costTemplates.endMonth })
    .from(costTemplates)
    .where(and(eq(costTemplates.allianceId, allianceId), lte(costTemplates.startMonth, month)))
    .orderBy(asc(costTemplates.id))
  for (const template of templates.filter((t) => t.endMonth === null || t.endMonth >= month)) {
    const id = `cst_${[...random.fill(new Uint8Array(8))].map((b) => b.toString(16).padStart(2, '0')).join('')}`
    await db.run(sql`
      insert into costs (id, alliance_id, month, kind, amount_fen, hub_id, note, template_id, created_at)
      select ${id}, alliance_id, ${month}, kind, amount_fen, hub_id, note, id, ${now.toISOString()}
      from cost_templates
      where id = ${template.id}
        and not exists (select 1 from settlements
          where alliance_id = ${allianceId} and month = ${month})
      on conflict (template_id, month) do nothing`)
  }
}
