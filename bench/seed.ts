// Demo seed benchmark: what `npm start` does on a fresh database, timed two ways on fresh libSQL
// files, as the Node entry runs it (scrypt, commits not waiting for the disk while seeding):
//
//   minimal seed   the demo alliance alone (`SEED_DEMO=minimal`): members, hubs, stations and
//                  accounts in one batch, the floor
//   history seed   the same alliance with six finished months and the current month so far,
//                  every step by the domain functions (db/seed/history)
//
// and checked: every invariant of the written database holds (settlements, ledger, commissions,
// status flows, hub-days, publications: db/seed/history/invariants.ts), the demo has what it
// promises (shape.ts), and the history took under 15 s of CPU, its budget on one core. The ratio
// is the history's time over the minimal seed's.
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { openLibsql, withRelaxedSync } from '../db/libsql'
import { invariantViolations } from '../db/seed/history/invariants'
import { shapeProblems } from '../db/seed/history/shape'
import { seedDemo, type SeedOptions } from '../db/seed/seed'
import { scryptHasher } from '../src/auth/scrypt-node'
import { loadConfig } from '../src/config'
import type { Result } from './scenario'

export const name = 'seed'

const labels = { minimal: 'minimal seed', history: 'history seed' } as const

/** The budget for the whole history, in CPU seconds on one core. */
const budgetCpuSeconds = 15

async function timedSeed(dir: string, file: string, options: SeedOptions) {
  const url = `file:${join(dir, file)}`
  const { db, client } = await openLibsql(url)
  const cpu = process.cpuUsage()
  const started = performance.now()
  await withRelaxedSync(client, url, () => seedDemo(db, scryptHasher(), options))
  const seconds = (performance.now() - started) / 1000
  const used = process.cpuUsage(cpu)
  return { db, client, seconds, cpuSeconds: (used.user + used.system) / 1e6 }
}

export async function run(): Promise<Result> {
  const dir = await mkdtemp(join(tmpdir(), 'nestwork-bench-seed-'))
  try {
    const now = new Date()
    const { contactKey } = loadConfig({ NODE_ENV: 'test' })
    console.log('  the minimal seed, then the history ending now …')
    const minimal = await timedSeed(dir, 'minimal.db', {})
    minimal.client.close()
    const history = await timedSeed(dir, 'history.db', { history: { now, contactKey } })
    const failures = [
      ...(await invariantViolations(history.db)),
      ...(await shapeProblems(history.db, now)),
    ]
    if (history.cpuSeconds > budgetCpuSeconds) {
      failures.push(
        `the history took ${history.cpuSeconds.toFixed(1)} s of CPU, over ${budgetCpuSeconds} s`,
      )
    }
    const [counts] = (
      await history.client.execute(`select
        (select count(*) from returns) as returns, (select count(*) from bookings) as bookings,
        (select count(*) from audit_log) as audit, (select count(*) from settlements) as closed`)
    ).rows
    history.client.close()
    const row = (label: string, s: { seconds: number }) => ({
      label,
      operations: 1,
      seconds: s.seconds,
      value: Math.round(s.seconds * 100) / 100,
      unit: 's',
    })
    return {
      measurements: [row(labels.minimal, minimal), row(labels.history, history)],
      baseline: labels.minimal,
      failures,
      notes: [
        `history: ${counts!.returns} returns, ${counts!.bookings} bookings, ${counts!.closed} ` +
          `closed months, ${counts!.audit} audit entries; ${history.seconds.toFixed(1)} s wall, ` +
          `${history.cpuSeconds.toFixed(1)} s CPU (budget ${budgetCpuSeconds} s)`,
        `minimal: ${minimal.seconds.toFixed(2)} s wall, ${minimal.cpuSeconds.toFixed(2)} s CPU; ` +
          'ratio = history time / minimal time',
      ],
    }
  } finally {
    await rm(dir, { recursive: true, force: true })
  }
}
