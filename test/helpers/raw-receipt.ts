// A receipt written by raw SQL, beside the app: for tests of what the database itself keeps.

const at = '2026-11-20T02:00:00.000Z'

/** A run from station 1 to hub 1 and a parcel of merchant 1 on it, written by raw SQL. */
export async function parcelOnRun(
  execute: (q: { sql: string; args: string[] }) => Promise<unknown>,
) {
  const run = (q: string, args: string[] = []) => execute({ sql: q, args })
  await run(
    `insert into pickup_runs (id, station_id, hub_id, status, created_by, created_at)
     select 'run_copy', 'sta_01', 'hub_1', 'OPEN', id, ? from users where role = 'COORDINATOR'`,
    [at],
  )
  await run(
    `insert into returns (id, code, merchant_id, hub_id, order_ref, category, item_description,
       order_value_fen, large_item, reason, status, station_id, pickup_run_id, created_by,
       created_at, updated_by, updated_at)
     select 'ret_copy', 'COPYCODE0001', 'mer_01', 'hub_1', 'O-1', 'FOOD', 'a parcel', 1000, 0,
       'size', 'IN_TRANSIT', 'sta_01', 'run_copy', id, ?, id, ? from users where role = 'COORDINATOR'`,
    [at, at],
  )
}

export const receipt = (columns = '', values = '') => `
  insert into run_receipts (return_id, run_id, expected, received_by, at${columns})
  select 'ret_copy', 'run_copy', 1, id, '${at}'${values} from users where role = 'COORDINATOR'`
