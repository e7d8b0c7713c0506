// Returns import: a 5,000-line shop export (BENCH_IMPORT_ROWS; quick: 1,000) imported through
// `importReturns` — parsing, judging every line with the registration schema, sealing contacts
// and registering each line with its audit entry in atomic batches — against inserting the same
// returns with raw batched INSERTs (the floor: no parsing, no validation, no audit). Checked: the
// import creates every line, importing the file again creates none, and it finishes within 10 s.
import { demoUsers } from '../db/seed/seed'
import { toCsv } from '../src/returns/import/csv'
import { importReturns } from '../src/returns/import/service'
import { benchApp } from './in-process'
import { intFromEnv, quick, type Measurement, type Result } from './scenario'

export const name = 'import'

const labels = { raw: 'raw batched INSERTs', run: 'importReturns', again: 'importReturns again' }
const budgetSeconds = 10

export async function run(): Promise<Result> {
  const rows = intFromEnv('BENCH_IMPORT_ROWS', quick ? 1_000 : 5_000)
  const b = await benchApp()
  try {
    const email = demoUsers().find((u) => u.role === 'MERCHANT')!.email
    const merchant = (await b.signIn(email, 'API')).actor
    const lines = Array.from({ length: rows }, (_, i) => [
      `BENCH-${i}`,
      i % 2 ? 'FOOD' : '玩具',
      `商品 ${i}, 规格 "大"`,
      `${(i % 900) + 1}.50`,
      i % 7 ? '否' : '是',
      '包装破损',
      'hub_1',
      `1380013${String(i).padStart(4, '0')}`,
    ])
    const csv = toCsv([
      ['订单号', '类目', '商品名称', '订单金额', '大件', '退货原因', '售后中心', '手机号'],
      ...lines,
    ])

    const rawStarted = performance.now()
    for (let start = 0; start < rows; start += 250) {
      await b.client.batch(
        lines.slice(start, start + 250).map((l, i) => ({
          sql: `insert into returns (id, code, merchant_id, hub_id, order_ref, category,
              item_description, order_value_fen, large_item, reason, status, created_by,
              created_at, updated_by, updated_at)
            values (?, ?, ?, 'hub_1', ?, 'FOOD', ?, 150, 0, ?, 'REGISTERED', ?, ?, ?, ?)`,
          args: [
            `ret_raw_${start + i}`,
            `RAW${String(start + i).padStart(9, '0')}`,
            merchant.merchantId!,
            `RAW-${l[0]}`,
            l[2]!,
            l[5]!,
            merchant.userId,
            new Date().toISOString(),
            merchant.userId,
            new Date().toISOString(),
          ],
        })),
        'write',
      )
    }
    const rawSeconds = (performance.now() - rawStarted) / 1000

    const timed = async () => {
      const started = performance.now()
      const result = await importReturns(
        b.db,
        merchant,
        { csv, dryRun: false },
        new Date(),
        b.config.contactKey,
      )
      return { result, seconds: (performance.now() - started) / 1000 }
    }
    const first = await timed()
    const again = await timed()

    const failures: string[] = []
    if (first.result.created !== rows) {
      failures.push(`created ${first.result.created} of ${rows} lines`)
    }
    if (first.result.refusals.length > 0) {
      failures.push(`${first.result.refusals.length} lines refused`)
    }
    if (again.result.created !== 0 || again.result.skipped !== rows) {
      failures.push(`importing again created ${again.result.created}`)
    }
    if (rows >= 5_000 && first.seconds > budgetSeconds) {
      failures.push(`${rows} lines took ${first.seconds.toFixed(1)} s (budget ${budgetSeconds} s)`)
    }
    const measurements: Measurement[] = [
      { label: labels.raw, operations: rows, seconds: rawSeconds },
      { label: labels.run, operations: rows, seconds: first.seconds },
      { label: labels.again, operations: rows, seconds: again.seconds },
    ]
    return {
      measurements,
      baseline: labels.raw,
      notes: [
        `${rows.toLocaleString('en-US')} lines (BENCH_IMPORT_ROWS), ${(csv.length / 1024).toFixed(0)} KiB of CSV; import ${first.seconds.toFixed(2)} s, again ${again.seconds.toFixed(2)} s (budget ${budgetSeconds} s for 5,000), raw INSERTs ${rawSeconds.toFixed(2)} s.`,
      ],
      failures,
    }
  } finally {
    await b.close()
  }
}
