import { sql } from 'drizzle-orm'
import { beforeEach, describe, expect, it } from 'vitest'
import { createTestApp, type TestApp } from '../helpers/app'
import { Browser } from '../helpers/http'
import { bringToHub, registerReturnFor } from '../helpers/returns'

/**
 * What an upload gives away: a phone photo's EXIF carries where it was taken, and a file name
 * with a right-to-left override shows another extension than it has. Both are removed before
 * anything is stored, so neither the merchant nor a coordinator ever receives them.
 */
let t: TestApp
beforeEach(async () => {
  t = await createTestApp()
})

const GPS = 'GPSLatitude 31.2304N'
const exif = new TextEncoder().encode(`Exif\0\0MM\0\x2a\0\0\0\x08${GPS}`)
const jfif = [0xff, 0xe0, 0, 7, 0x4a, 0x46, 0x49, 0x46, 0]
const scan = [0xff, 0xda, 0, 2, 0x12, 0x34, 0xff, 0xd9]
const clean = new Uint8Array([0xff, 0xd8, ...jfif, ...scan])
const photo = new Uint8Array([
  0xff,
  0xd8,
  ...jfif,
  0xff,
  0xe1,
  0,
  exif.length + 2,
  ...exif,
  ...scan,
])
const text = (b: Uint8Array) => new TextDecoder('latin1').decode(b)

async function signedIn(email: string) {
  const browser = new Browser(t)
  await browser.signIn(email)
  return browser
}

/** Posts a multipart form the way a browser does, with the session and CSRF cookies. */
async function postMultipart(browser: Browser, path: string, form: FormData) {
  form.set('_csrf', browser.csrf!)
  const cookie = ['nw_session', 'nw_csrf'].map((n) => `${n}=${browser.cookie(n)}`).join('; ')
  return t.app.request(`http://localhost${path}`, {
    method: 'POST',
    body: form,
    headers: { cookie, 'x-test-ip': '198.51.100.7' },
  })
}

describe('uploads', () => {
  it('stores an inspection photo without its EXIF location', async () => {
    expect(text(photo)).toContain(GPS)
    const r = await registerReturnFor(t, 1)
    await bringToHub(t, r.code)
    const hub = await signedIn('hub1@nestwork.demo')
    await hub.get(`/inspect/${r.id}`)
    const form = new FormData()
    form.append('photos', new File([photo], 'IMG_0001.jpg'))
    expect((await postMultipart(hub, `/inspect/${r.id}/photos`, form)).status).toBe(303)

    const [row] = await t.db.all<{ id: string; bytes: number }>(
      sql`select id, bytes from inspection_photos where return_id = ${r.id}`,
    )
    expect(row!.bytes).toBe(clean.length)
    const owner = await signedIn('merchant1@nestwork.demo')
    const served = await owner.get(`/returns/${r.id}/photos/${row!.id}`)
    expect(new Uint8Array(await served.arrayBuffer())).toEqual(clean)
  })

  it('stores claim evidence without EXIF, under a name without bidi overrides', async () => {
    const m = await signedIn('merchant1@nestwork.demo')
    await m.get('/insurance')
    expect((await m.post('/insurance/enrol', { startMonth: '2026-11' })).status).toBe(303)
    const form = new FormData()
    const fields = { returnId: '', amount: '200.00', lossDate: '2026-11-20', description: '损坏' }
    for (const [k, v] of Object.entries(fields)) form.set(k, v)
    form.append('evidence', new File([photo], '\u202egpj.exe\u200f', { type: 'image/jpeg' }))
    const res = await postMultipart(m, '/insurance/claims', form)
    expect(res.status).toBe(303)
    const id = /clm_\w+/.exec(res.headers.get('location')!)![0]

    const [row] = await t.db.all<{ id: string; file_name: string; size_bytes: number }>(
      sql`select id, file_name, size_bytes from claim_evidence where claim_id = ${id}`,
    )
    expect(row).toMatchObject({ file_name: 'gpj.exe', size_bytes: clean.length })
    const page = await (await m.get(`/insurance/claims/${id}`)).text()
    expect(page).not.toMatch(/[\u202a-\u202e\u2066-\u2069\u200e\u200f]/)
    const served = await m.get(`/insurance/claims/${id}/evidence/${row!.id}`)
    expect(new Uint8Array(await served.arrayBuffer())).toEqual(clean)
  })

  it('shows a name stored before names were cleaned without its overrides', async () => {
    const m = await signedIn('merchant1@nestwork.demo')
    await m.get('/insurance')
    await m.post('/insurance/enrol', { startMonth: '2026-11' })
    const form = new FormData()
    const fields = { returnId: '', amount: '200.00', lossDate: '2026-11-20', description: '损坏' }
    for (const [k, v] of Object.entries(fields)) form.set(k, v)
    form.append('evidence', new File([clean], 'a.jpg', { type: 'image/jpeg' }))
    const id = /clm_\w+/.exec(
      (await postMultipart(m, '/insurance/claims', form)).headers.get('location')!,
    )![0]
    await t.client.execute({
      sql: 'update claim_evidence set file_name = ? where claim_id = ?',
      args: ['invoice_\u202efdp.exe', id],
    })
    const page = await (await m.get(`/insurance/claims/${id}`)).text()
    expect(page).toContain('invoice_fdp.exe')
    expect(page).not.toContain('\u202e')
  })
})
