import { sql } from 'drizzle-orm'
import { beforeEach, describe, expect, it } from 'vitest'
import { createTestApp, type TestApp } from '../helpers/app'
import { Browser, gql, tokenFor } from '../helpers/http'
import { bringToHub, registerReturnFor } from '../helpers/returns'

let t: TestApp
beforeEach(async () => {
  t = await createTestApp()
})

const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13])
const jpeg = new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 0, 16, 0x4a, 0x46, 0x49, 0x46])

async function signedIn(email: string) {
  const browser = new Browser(t)
  await browser.signIn(email)
  return browser
}

/** A return of merchant 1 at hub 1. */
async function atHub() {
  const r = await registerReturnFor(t, 1)
  await bringToHub(t, r.code)
  return r
}

/** Posts a multipart form the way a browser does, with the session and CSRF cookies. */
async function postPhotos(browser: Browser, returnId: string, files: [string, Uint8Array][]) {
  await browser.get(`/inspect/${returnId}`)
  const form = new FormData()
  form.set('_csrf', browser.csrf!)
  for (const [name, bytes] of files) {
    form.append('photos', new File([bytes as Uint8Array<ArrayBuffer>], name))
  }
  const cookie = ['nw_session', 'nw_csrf']
    .map((name) => `${name}=${browser.cookie(name)}`)
    .join('; ')
  return t.app.request(`http://localhost/inspect/${returnId}/photos`, {
    method: 'POST',
    body: form,
    headers: { cookie, 'x-test-ip': '198.51.100.7' },
  })
}

const photoRows = (returnId: string) =>
  t.db.all<{ id: string; content_type: string; bytes: number; uploaded_by: string }>(
    sql`select id, content_type, bytes, uploaded_by from inspection_photos
        where return_id = ${returnId} order by created_at, id`,
  )

describe('inspection photos', () => {
  it('the hub operator adds photos; the owner, the hub and coordinators see them, others not', async () => {
    const r = await atHub()
    const hub = await signedIn('hub1@nestwork.demo')
    const sheet = await (await hub.get(`/inspect/${r.id}`)).text()
    expect(sheet).toContain('capture="environment"')
    expect(sheet).toContain('enctype="multipart/form-data"')
    expect(sheet).toContain('accept="image/jpeg,image/png,image/webp"')

    const res = await postPhotos(hub, r.id, [
      ['破损.png', png],
      ['box.jpg', jpeg],
    ])
    expect(res.status).toBe(303)
    expect(res.headers.get('location')).toBe(`/inspect/${r.id}?photos=1#photos`)
    const rows = await photoRows(r.id)
    expect(rows.map((p) => `${p.content_type} ${p.bytes}`).sort()).toEqual([
      `image/jpeg ${jpeg.length}`,
      `image/png ${png.length}`,
    ])
    expect(rows.every((p) => p.uploaded_by.length > 0)).toBe(true)

    const after = await (await hub.get(`/inspect/${r.id}?photos=1`)).text()
    const hrefs = after.match(new RegExp(`/returns/${r.id}/photos/iph_\\w+`, 'g'))!
    expect(new Set(hrefs).size).toBe(2)
    const href = hrefs.find((h) =>
      h.endsWith(rows.find((p) => p.content_type === 'image/png')!.id),
    )!

    const owner = await signedIn('merchant1@nestwork.demo')
    const detail = await (await owner.get(`/returns/${r.id}`)).text()
    expect(detail).toContain(`<img src="${href}"`)
    const own = await owner.get(href)
    expect(own.status).toBe(200)
    expect(own.headers.get('content-type')).toBe('image/png')
    expect(own.headers.get('x-content-type-options')).toBe('nosniff')
    expect(own.headers.get('cache-control')).toBe('private, no-store')
    expect(new Uint8Array(await own.arrayBuffer())).toEqual(png)

    expect((await hub.get(href)).status).toBe(200)
    const coordinator = await signedIn('coordinator@nestwork.demo')
    expect((await coordinator.get(href)).status).toBe(200)
    expect(await (await coordinator.get(`/returns/${r.id}`)).text()).toContain(`<img src="${href}"`)

    const other = await signedIn('merchant2@nestwork.demo')
    expect((await other.get(href)).status).toBe(404)
    expect((await other.get(`/returns/${r.id}`)).status).toBe(404)
    const otherHub = await signedIn('hub2@nestwork.demo')
    expect((await otherHub.get(href)).status).toBe(404)
    const station = await signedIn('station1@nestwork.demo')
    expect((await station.get(href)).status).toBe(403)
    const anonymous = await new Browser(t).get(href)
    expect(anonymous.status).toBe(302)
    expect(anonymous.headers.get('location')).toMatch(/^\/login/)
  })

  it('another hub’s operator cannot add photos: NOT_FOUND, nothing stored', async () => {
    const r = await atHub()
    const otherHub = await signedIn('hub2@nestwork.demo')
    const res = await postPhotos(otherHub, r.id, [['a.png', png]])
    expect(res.status).toBe(404)
    const merchant = await signedIn('merchant1@nestwork.demo')
    expect((await postPhotos(merchant, r.id, [['a.png', png]])).status).toBe(403)
    expect(await photoRows(r.id)).toEqual([])
  })

  it('refuses bytes that are not an image, whatever the name, and an oversize photo', async () => {
    const r = await atHub()
    const hub = await signedIn('hub1@nestwork.demo')
    const html = new TextEncoder().encode('<script>alert(1)</script>')
    const refused = await postPhotos(hub, r.id, [['photo.png', html]])
    expect(refused.status).toBe(400)
    expect(await refused.text()).toContain('“photo.png”不是照片（JPEG、PNG、WebP）。')
    const pdf = new Uint8Array([0x25, 0x50, 0x44, 0x46, 0x2d, 0x31])
    expect((await postPhotos(hub, r.id, [['a.pdf', pdf]])).status).toBe(400)

    const big = new Uint8Array(5 * 1024 * 1024 + 1)
    big.set(png)
    const tooBig = await postPhotos(hub, r.id, [
      ['ok.png', png],
      ['big.png', big],
    ])
    expect(tooBig.status).toBe(400)
    expect(await tooBig.text()).toContain('“big.png”超过 5 MB。')
    expect(await photoRows(r.id)).toEqual([])
  })

  it('takes six photos per return and refuses the seventh', async () => {
    const r = await atHub()
    const hub = await signedIn('hub1@nestwork.demo')
    const five = Array.from({ length: 5 }, (_, i): [string, Uint8Array] => [`${i}.png`, png])
    expect((await postPhotos(hub, r.id, five)).status).toBe(303)
    const two = await postPhotos(hub, r.id, [
      ['a.jpg', jpeg],
      ['b.jpg', jpeg],
    ])
    expect(two.status).toBe(400)
    expect(await two.text()).toContain('每件退货最多 6 张照片。')
    expect((await postPhotos(hub, r.id, [['f.jpg', jpeg]])).status).toBe(303)
    expect(await photoRows(r.id)).toHaveLength(6)
    const full = await (await hub.get(`/inspect/${r.id}`)).text()
    expect(full).not.toContain('name="photos"')
    expect((await postPhotos(hub, r.id, [['g.jpg', jpeg]])).status).toBe(400)
    expect(await photoRows(r.id)).toHaveLength(6)
  })

  it('adds photos only while the return is at the hub or inspected', async () => {
    const r = await registerReturnFor(t, 1)
    const hub = await signedIn('hub1@nestwork.demo')
    const early = await postPhotos(hub, r.id, [['a.png', png]])
    expect(early.status).toBe(409)
    expect(await early.text()).toContain('只有在退货到达分拨中心或已检验时才能添加照片。')
    expect(await photoRows(r.id)).toEqual([])
  })

  it('lists photos on Return.inspectionPhotos for the owner and coordinators', async () => {
    const r = await atHub()
    const hub = await signedIn('hub1@nestwork.demo')
    expect((await postPhotos(hub, r.id, [['a.png', png]])).status).toBe(303)
    const query = `query ($id: ID!) { return(id: $id) { inspectionPhotos { id contentType bytes createdAt url } } }`
    const own = await gql(t, query, { id: r.id }, await tokenFor(t, 'merchant1@nestwork.demo'))
    expect(own.errors).toBeUndefined()
    const [photo] = own.data!.return.inspectionPhotos
    expect(photo).toMatchObject({
      contentType: 'image/png',
      bytes: png.length,
      createdAt: '2026-11-25T02:00:00.000Z',
      url: `/returns/${r.id}/photos/${photo.id}`,
    })
    const c = await gql(t, query, { id: r.id }, await tokenFor(t, 'coordinator@nestwork.demo'))
    expect(c.data!.return.inspectionPhotos).toHaveLength(1)
    const other = await gql(t, query, { id: r.id }, await tokenFor(t, 'merchant2@nestwork.demo'))
    expect(other.errors![0]!.extensions!.code).toBe('NOT_FOUND')
  })
})
