import type { TestApp } from './app'
import { gql, tokenFor } from './http'

/** Registers a return for merchantN, bound for hub_1, and returns its id and code. */
export async function registerReturnFor(
  t: TestApp,
  merchantN: number,
  extra: Record<string, unknown> = {},
): Promise<{ id: string; code: string }> {
  const token = await tokenFor(t, `merchant${merchantN}@nestwork.demo`)
  const res = await gql(
    t,
    'mutation ($input: RegisterReturnInput!) { registerReturn(input: $input) { id code } }',
    {
      input: {
        orderRef: 'TB-1',
        category: 'FOOD',
        itemDescription: '奶粉 800g',
        orderValueFen: 25_800,
        reason: '包装破损',
        hubId: 'hub_1',
        ...extra,
      },
    },
    token,
  )
  if (!res.data) throw new Error(JSON.stringify(res.errors))
  return res.data.registerReturn
}

/** Takes a registered return through station check-in, a pickup run and hub receipt. */
export async function bringToHub(t: TestApp, code: string): Promise<void> {
  await gql(
    t,
    `mutation { checkInParcel(code: "${code}") { alreadyCheckedIn } }`,
    {},
    await tokenFor(t, 'station1@nestwork.demo'),
  )
  const hub = await tokenFor(t, 'hub1@nestwork.demo')
  const run = await gql(t, 'mutation { createPickupRun(stationId: "sta_01") { id } }', {}, hub)
  const runId = run.data!.createPickupRun.id
  const got = await gql(
    t,
    `mutation { receiveParcel(runId: "${runId}", code: "${code}") { return { status } } }`,
    {},
    hub,
  )
  if (got.data?.receiveParcel.return.status !== 'AT_HUB') throw new Error(JSON.stringify(got))
}
