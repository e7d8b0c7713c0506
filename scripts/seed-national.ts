// `npm run seed:national [count]`: adds the national scale demo (db/seed/national.ts, 1,000
// stations unless a count is given) to the demo alliance in DATABASE_URL, so the map, search
// and nearestStations can be tried at that size. Run again, it replaces them.
import { getTableColumns, like } from 'drizzle-orm'
import { openLibsql } from '../db/libsql'
import { alliances, stations } from '../db/schema'
import { nationalStations } from '../db/seed/national'
import { loadConfig } from '../src/config'

const count = Number(process.argv[2] ?? 1000)
if (!Number.isInteger(count) || count < 1 || count > 100_000) {
  console.error('count: a whole number of stations, 1 to 100000')
  process.exit(1)
}
const config = loadConfig(process.env)
const { db, client } = await openLibsql(config.databaseUrl, config.libsqlAuthToken)
const [alliance] = await db.select({ id: alliances.id }).from(alliances).limit(1)
if (!alliance) {
  console.error('No alliance yet: start the app once with the demo seed (SEED_DEMO=1) first.')
  process.exit(1)
}
const rows = nationalStations(count).map((s) => ({ ...s, allianceId: alliance.id }))
const size = Math.floor(100 / Object.keys(getTableColumns(stations)).length)
const inserts = []
for (let i = 0; i < rows.length; i += size) {
  inserts.push(db.insert(stations).values(rows.slice(i, i + size)))
}
await db.batch([db.delete(stations).where(like(stations.id, 'sta_n%')), ...inserts])
console.log(`${count} national demo stations in ${config.databaseUrl}`)
client.close()
