import { sql } from 'drizzle-orm'
import { beforeEach, describe, expect, it } from 'vitest'
import { createTestApp, type TestApp } from '../helpers/app'
import { Browser, gql, multipartOperation, tokenFor } from '../helpers/http'
import { bringToHub, registerReturnFor } from '../helpers/returns'

/**
 * Claim evidence and inspection photos uploaded by GraphQL multipart requests: the same domain
 * functions and checks as the pages, the files then shown where the pages show them, and no
 * cross-site way in for a browser's cookies.
 */
let t: TestApp
beforeEach(async () => {
  t = await createTestApp()
})

const ascii = (s: string) => [...s].map((c) => c.charCodeAt(0))
const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13])

/** A JPEG whose EXIF holds a GPS position (as text, so a test can look for it). */
function jpegWithGps(): Uint8Array<ArrayBuffer> {
  const exif = [
    ...ascii('Exif\0\0'),
    ...[0x4d, 0x4d, 0, 0x2a, 0, 0, 0, 8, 0, 0], // big-endian TIFF, an empty IFD0
    ...ascii('GPS 31.2304N 121.4737E'),
  ]
  return new Uint8Array([
    ...[0xff, 0xd8],
    ...[0xff, 0xe1, 0, exif.length + 2, ...exif],
    ...[0xff, 0xdb, 0, 4, 0, 0], // a table the picture needs
    ...[0xff, 0xda, 0, 2, 1, 2, 3, 0xff, 0xd9],
  ])
}

const file = (bytes: Uint8Array, name: string, type = 'image/jpeg') =>
  new File([bytes as Uint8Array<ArrayBuffer>], name, { type })

const UPLOAD_EVIDENCE = /* GraphQL */ `
  mutation ($claimId: ID!, $evidence: [File!]!) {
    uploadClaimEvidence(claimId: $claimId, evidence: $evidence) {
      id
      fileName
      contentType
      sizeBytes
      url
    }
  }
`
const UPLOAD_PHOTOS = /* GraphQL */ `
  mutation ($returnId: ID!, $photos: [File!]!) {
    uploadInspectionPhotos(returnId: $returnId, photos: $photos) {
      id
      contentType
      bytes
      url
    }
  }
`

/** Merchant n enrolled from November with a claim filed by GraphQL: its token and the claim. */
async function claimOf(n: number) {
  const token = await tokenFor(t, `merchant${n}@nestwork.demo`)
  await gql(t, 'mutation { enrolInsurance(startMonth: "2026-11") { startMonth } }', {}, token)
  const filed = await gql(
    t,
    'mutation ($input: FileClaimInput!) { fileClaim(input: $input) { id } }',
    { input: { amountFen: 20_000, lossDate: '2026-11-20', description: '运输途中损坏' } },
    token,
  )
  if (!filed.data) throw new Error(JSON.stringify(filed.errors))
  return { token, claimId: filed.data.fileClaim.id as string }
}

const evidenceRows = () => t.db.all<{ id: string }>(sql`select id from claim_evidence`)
const photoRows = () => t.db.all<{ id: string }>(sql`select id from inspection_photos`)

async function signedIn(email: string) {
  const browser = new Browser(t)
  await browser.signIn(email)
  return browser
}

describe('uploadClaimEvidence', () => {
  it('stores the merchant’s files without their metadata; the claim page lists and serves them', async () => {
    const { token, claimId } = await claimOf(1)
    const photo = jpegWithGps()
    const res = await gql(
      t,
      UPLOAD_EVIDENCE,
      { claimId, evidence: [file(photo, '破损照片.jpg'), file(png, 'box.png', 'image/png')] },
      token,
    )
    expect(res.errors).toBeUndefined()
    const added = res.data.uploadClaimEvidence as {
      fileName: string
      contentType: string
      sizeBytes: number
      url: string
    }[]
    expect(added.map((e) => [e.fileName, e.contentType])).toEqual([
      ['破损照片.jpg', 'image/jpeg'],
      ['box.png', 'image/png'],
    ])
    expect(added[0]!.sizeBytes).toBeLessThan(photo.length)

    const m = await signedIn('merchant1@nestwork.demo')
    const page = await (await m.get(`/insurance/claims/${claimId}`)).text()
    expect(page).toContain('破损照片.jpg')
    expect(page).toContain(`<img src="${added[0]!.url}"`)
    const served = await m.get(added[0]!.url)
    expect(served.status).toBe(200)
    const bytes = new Uint8Array(await served.arrayBuffer())
    expect(bytes.length).toBe(added[0]!.sizeBytes)
    expect([bytes[0], bytes[1]]).toEqual([0xff, 0xd8])
    expect(new TextDecoder('latin1').decode(bytes)).not.toContain('GPS')
    const other = await signedIn('merchant2@nestwork.demo')
    expect((await other.get(added[0]!.url)).status).toBe(404)
  })

  it('refuses a file over 5 MB by name, and stores nothing of the request', async () => {
    const { token, claimId } = await claimOf(1)
    const big = new Uint8Array(5 * 1024 * 1024 + 1)
    big.set(png)
    const res = await gql(
      t,
      UPLOAD_EVIDENCE,
      { claimId, evidence: [file(png, 'ok.png'), file(big, 'big.png', 'image/png')] },
      token,
    )
    expect(res.errors?.[0]?.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'evidence',
      reason: 'TOO_LARGE',
      file: 'big.png',
    })
    expect(await evidenceRows()).toEqual([])
  })

  it('answers 413 TOO_LARGE to a request past the upload limit, before reading it', async () => {
    const { token, claimId } = await claimOf(1)
    const huge = new Uint8Array(31 * 1024 * 1024)
    huge.set(png)
    const res = await gql(
      t,
      UPLOAD_EVIDENCE,
      { claimId, evidence: [file(huge, 'huge.png')] },
      token,
    )
    expect(res.status).toBe(413)
    expect(res.errors?.[0]?.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      reason: 'TOO_LARGE',
    })
    expect(await evidenceRows()).toEqual([])
  })

  it.each([
    ['HTML named as a photo', new TextEncoder().encode('<script>alert(1)</script>'), 'TYPE'],
    ['an empty file', new Uint8Array(0), 'EMPTY'],
  ])('refuses %s whatever its declared type', async (_, bytes, reason) => {
    const { token, claimId } = await claimOf(1)
    const res = await gql(
      t,
      UPLOAD_EVIDENCE,
      { claimId, evidence: [file(bytes, 'photo.png', 'image/png')] },
      token,
    )
    expect(res.errors?.[0]?.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'evidence',
      reason,
      file: 'photo.png',
    })
    expect(await evidenceRows()).toEqual([])
  })

  it('refuses no file at all, and a file sent as a JSON value instead of a part', async () => {
    const { token, claimId } = await claimOf(1)
    const none = await gql(t, UPLOAD_EVIDENCE, { claimId, evidence: [] }, token)
    expect(none.errors?.[0]?.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'evidence',
    })
    const json = await gql(t, UPLOAD_EVIDENCE, { claimId, evidence: ['iVBORw0KGgo='] }, token)
    expect(json.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT')
    expect(json.errors?.[0]?.message).toContain('multipart')
    expect(await evidenceRows()).toEqual([])
  })

  it('refuses another merchant’s claim as NOT_FOUND and the coordinator as FORBIDDEN', async () => {
    const { claimId } = await claimOf(1)
    const other = await tokenFor(t, 'merchant2@nestwork.demo')
    const refused = await gql(
      t,
      UPLOAD_EVIDENCE,
      { claimId, evidence: [file(png, 'a.png')] },
      other,
    )
    expect(refused.errors?.[0]?.extensions?.code).toBe('NOT_FOUND')
    const coordinator = await tokenFor(t, 'coordinator@nestwork.demo')
    const c = await gql(
      t,
      UPLOAD_EVIDENCE,
      { claimId, evidence: [file(png, 'a.png')] },
      coordinator,
    )
    expect(c.errors?.[0]?.extensions?.code).toBe('FORBIDDEN')
    const anonymous = await gql(t, UPLOAD_EVIDENCE, { claimId, evidence: [file(png, 'a.png')] })
    expect(anonymous.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED')
    expect(await evidenceRows()).toEqual([])
  })

  it('is not open to API tokens: no scope grants writing insurance', async () => {
    const { token, claimId } = await claimOf(1)
    const made = await gql(
      t,
      'mutation ($scopes: [ApiScope!]!) { createApiToken(name: "sync", scopes: $scopes) { token } }',
      { scopes: ['INSURANCE_READ', 'RETURNS_WRITE'] },
      token,
    )
    const apiToken = made.data.createApiToken.token as string
    const res = await gql(t, UPLOAD_EVIDENCE, { claimId, evidence: [file(png, 'a.png')] }, apiToken)
    expect(res.errors?.[0]?.extensions).toMatchObject({
      code: 'FORBIDDEN',
      reason: 'API_SCOPE_MISSING',
    })
    expect(await evidenceRows()).toEqual([])
  })
})

describe('uploadInspectionPhotos', () => {
  it('the hub’s operator adds photos; the merchant’s return page shows them', async () => {
    const r = await registerReturnFor(t, 1)
    await bringToHub(t, r.code)
    const hub = await tokenFor(t, 'hub1@nestwork.demo')
    const res = await gql(t, UPLOAD_PHOTOS, { returnId: r.id, photos: [file(png, 'a.png')] }, hub)
    expect(res.errors).toBeUndefined()
    const [photo] = res.data.uploadInspectionPhotos as { contentType: string; url: string }[]
    expect(photo!.contentType).toBe('image/png')
    const owner = await signedIn('merchant1@nestwork.demo')
    expect(await (await owner.get(`/returns/${r.id}`)).text()).toContain(`<img src="${photo!.url}"`)
    const served = await owner.get(photo!.url)
    expect(new Uint8Array(await served.arrayBuffer())).toEqual(png)
  })

  it('refuses another hub’s operator, a merchant, a PDF and a return not at the hub', async () => {
    const r = await registerReturnFor(t, 1)
    const hub = await tokenFor(t, 'hub1@nestwork.demo')
    const early = await gql(t, UPLOAD_PHOTOS, { returnId: r.id, photos: [file(png, 'a.png')] }, hub)
    expect(early.errors?.[0]?.extensions).toMatchObject({
      code: 'CONFLICT',
      reason: 'PHOTOS_CLOSED',
    })
    await bringToHub(t, r.code)
    const otherHub = await tokenFor(t, 'hub2@nestwork.demo')
    const photos = [file(png, 'a.png')]
    const other = await gql(t, UPLOAD_PHOTOS, { returnId: r.id, photos }, otherHub)
    expect(other.errors?.[0]?.extensions?.code).toBe('NOT_FOUND')
    const merchant = await tokenFor(t, 'merchant1@nestwork.demo')
    const m = await gql(t, UPLOAD_PHOTOS, { returnId: r.id, photos }, merchant)
    expect(m.errors?.[0]?.extensions?.code).toBe('FORBIDDEN')
    const pdf = file(new Uint8Array(ascii('%PDF-1.7')), 'sheet.pdf', 'application/pdf')
    const wrong = await gql(t, UPLOAD_PHOTOS, { returnId: r.id, photos: [pdf] }, hub)
    expect(wrong.errors?.[0]?.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'photos',
      reason: 'TYPE',
    })
    expect(await photoRows()).toEqual([])
  })

  it('a coordinator’s API token adds photos with RETURNS_WRITE, not with RETURNS_READ alone', async () => {
    const r = await registerReturnFor(t, 1)
    await bringToHub(t, r.code)
    const coordinator = await tokenFor(t, 'coordinator@nestwork.demo')
    const tokenWith = async (scopes: string[]) => {
      const made = await gql(
        t,
        'mutation ($scopes: [ApiScope!]!) { createApiToken(name: "hub app", scopes: $scopes) { token } }',
        { scopes },
        coordinator,
      )
      return made.data.createApiToken.token as string
    }
    const photos = [file(png, 'a.png')]
    const reader = await gql(
      t,
      UPLOAD_PHOTOS,
      { returnId: r.id, photos },
      await tokenWith(['RETURNS_READ']),
    )
    expect(reader.errors?.[0]?.extensions?.reason).toBe('API_SCOPE_MISSING')
    expect(await photoRows()).toEqual([])
    const writer = await gql(
      t,
      UPLOAD_PHOTOS,
      { returnId: r.id, photos },
      await tokenWith(['RETURNS_WRITE']),
    )
    expect(writer.errors).toBeUndefined()
    expect(await photoRows()).toHaveLength(1)
  })
})

describe('multipart GraphQL and a browser’s cookies', () => {
  /** A multipart request sent with the browser's cookies, as a cross-site form would send it. */
  async function postWithCookies(browser: Browser, form: FormData, headers = {}) {
    const cookie = ['nw_session', 'nw_csrf']
      .filter((name) => browser.cookie(name))
      .map((name) => `${name}=${browser.cookie(name)}`)
      .join('; ')
    const res = await t.app.request('http://localhost/graphql', {
      method: 'POST',
      body: form,
      headers: { cookie, 'x-test-ip': '198.51.100.7', ...headers },
    })
    return { status: res.status, ...((await res.json()) as { errors?: any[]; data?: any }) }
  }

  it('refuses a cookie request without the CSRF header, and with a wrong one', async () => {
    const { claimId } = await claimOf(1)
    const browser = await signedIn('merchant1@nestwork.demo')
    const form = () =>
      multipartOperation(UPLOAD_EVIDENCE, { claimId, evidence: [file(png, 'a.png')] })
    for (const headers of [{}, { 'x-csrf-token': 'not-this-browsers-token' }]) {
      const res = await postWithCookies(browser, form(), headers)
      expect(res.status).toBe(403)
      expect(res.errors?.[0]?.extensions).toMatchObject({ code: 'FORBIDDEN', reason: 'CSRF' })
    }
    expect(await evidenceRows()).toEqual([])
  })

  it('refuses a urlencoded form posted to /graphql with cookies and without the header too', async () => {
    const browser = await signedIn('merchant1@nestwork.demo')
    const res = await t.app.request('http://localhost/graphql', {
      method: 'POST',
      body: new URLSearchParams({ query: 'mutation { logout }' }),
      headers: {
        'content-type': 'application/x-www-form-urlencoded',
        cookie: `nw_session=${browser.cookie('nw_session')}`,
      },
    })
    expect(res.status).toBe(403)
    expect(((await res.json()) as { errors: any[] }).errors[0].extensions.reason).toBe('CSRF')
  })

  it('with the page’s CSRF header the request gets through, and still signs nobody in by cookie', async () => {
    const { claimId } = await claimOf(1)
    const browser = await signedIn('merchant1@nestwork.demo')
    const form = multipartOperation(UPLOAD_EVIDENCE, { claimId, evidence: [file(png, 'a.png')] })
    const res = await postWithCookies(browser, form, { 'x-csrf-token': browser.csrf! })
    expect(res.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED')
    expect(await evidenceRows()).toEqual([])
  })
})
