import { beforeEach, describe, expect, it } from 'vitest'
import { actorForSession } from '../../src/auth/service'
import { createLoaders } from '../../src/graphql/loaders'
import { createTestApp, type TestApp } from '../helpers/app'
import { tokenFor } from '../helpers/http'
import { registerReturnFor } from '../helpers/returns'

// A batched look-up asked for rows the caller may see and rows it may not answers the first and
// refuses the second, exactly as the single look-up would: batching never widens what is seen.
let t: TestApp
beforeEach(async () => {
  t = await createTestApp()
  await t.client.execute(
    `insert into alliances (id, name, name_zh, created_at)
     values ('all_other', 'Other', '其他', '2026-01-01T00:00:00.000Z')`,
  )
  await t.client.execute(
    `insert into hubs (id, alliance_id, name, name_zh, city, city_zh, lat, lng,
       daily_capacity_units, created_at)
     values ('hub_other', 'all_other', 'Other hub', '其他仓', 'Elsewhere', '别处', 0, 0, 100,
       '2026-01-01T00:00:00.000Z')`,
  )
})

// The test app's clock.
const now = () => new Date('2026-11-25T02:00:00Z')

async function loadersFor(email: string) {
  const actor = await actorForSession(t.db, await tokenFor(t, email), 'API', now())
  return createLoaders(t.db, actor, now)
}

describe('batched loaders', () => {
  it('answer a hub of the alliance and refuse another alliance’s hub in the same batch', async () => {
    const loaders = await loadersFor('merchant1@nestwork.demo')
    const [own, other] = await Promise.allSettled([
      loaders.hub.load('hub_1'),
      loaders.hub.load('hub_other'),
    ])
    expect(own).toMatchObject({ status: 'fulfilled', value: { id: 'hub_1' } })
    expect(other).toMatchObject({ status: 'rejected', reason: { code: 'NOT_FOUND' } })
  })

  it('answer a merchant’s own return and refuse another merchant’s in the same batch', async () => {
    const mine = await registerReturnFor(t, 1)
    const theirs = await registerReturnFor(t, 2)
    const loaders = await loadersFor('merchant1@nestwork.demo')
    const [own, other, responses] = await Promise.allSettled([
      loaders.return.load(mine.id),
      loaders.return.load(theirs.id),
      loaders.responses.load(theirs.id),
    ])
    expect(own).toMatchObject({ status: 'fulfilled', value: { id: mine.id } })
    expect(other).toMatchObject({ status: 'rejected', reason: { code: 'NOT_FOUND' } })
    expect(responses).toMatchObject({ status: 'rejected', reason: { code: 'NOT_FOUND' } })
  })

  it('refuse photos to a station operator, as the single look-up does', async () => {
    const loaders = await loadersFor('station1@nestwork.demo')
    const { id } = await registerReturnFor(t, 1)
    await expect(loaders.photos.load(id)).rejects.toMatchObject({ code: 'FORBIDDEN' })
  })

  it('refuse everything to an anonymous caller', async () => {
    const loaders = createLoaders(t.db, null, now)
    await expect(loaders.hub.load('hub_1')).rejects.toMatchObject({ code: 'UNAUTHENTICATED' })
    await expect(loaders.return.load('ret_x')).rejects.toMatchObject({ code: 'UNAUTHENTICATED' })
  })
})
