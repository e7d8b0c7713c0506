import { Hono } from 'hono'
import { describe, expect, it } from 'vitest'
import * as z from 'zod'
import type { Locale } from '../../db/schema'
import { Conflict, DomainError } from '../errors'
import { translator } from '../i18n'
import { form } from './form'
import { accepted, attempt, refused } from './respond'
import type { AppEnv } from './types'

const schema = z.object({ name: z.string().trim().min(1).max(10), units: z.coerce.number().int() })

function testApp(locale: Locale = 'zh-CN') {
  const app = new Hono<AppEnv>()
  app.use(async (c, next) => {
    c.set('locale', locale)
    c.set('t', translator(locale))
    await next()
  })
  app.onError((error, c) =>
    error instanceof DomainError
      ? c.json({ code: error.code, field: error.details.field }, 400)
      : c.text('bug', 500),
  )
  app.post('/strict', form(schema), (c) => c.json(c.req.valid('form')))
  app.post(
    '/marked',
    form(schema, (c, refusal) => c.json({ fields: refusal.fields, sent: refusal.sent })),
    (c) => c.json(c.req.valid('form')),
  )
  return app
}

const post = (app: Hono<AppEnv>, path: string, body: string, headers = {}) =>
  app.request(path, {
    method: 'POST',
    body,
    headers: { 'content-type': 'application/x-www-form-urlencoded', ...headers },
  })

describe('form', () => {
  it('hands the handler the parsed, typed input', async () => {
    const res = await post(testApp(), '/strict', 'name=+Li+&units=3')
    expect(await res.json()).toEqual({ name: 'Li', units: 3 })
  })

  it('keeps the last value of a field sent twice, as parseBody does', async () => {
    const res = await post(testApp(), '/strict', 'name=a&name=b&units=1')
    expect(await res.json()).toEqual({ name: 'b', units: 1 })
  })

  it('keeps several files under one name as a list', async () => {
    const files = new Hono<AppEnv>()
    const schema = z.object({ photos: z.array(z.instanceof(File)) })
    files.post('/', form(schema), (c) => c.json(c.req.valid('form').photos.map((f) => f.name)))
    const body = new FormData()
    body.append('photos', new File(['a'], 'a.jpg'))
    body.append('photos', new File(['b'], 'b.jpg'))
    const res = await files.request('/', { method: 'POST', body })
    expect(await res.json()).toEqual(['a.jpg', 'b.jpg'])
  })

  it('refuses a bad form as BAD_USER_INPUT naming the first field', async () => {
    const res = await post(testApp(), '/strict', 'name=&units=1')
    expect(res.status).toBe(400)
    expect(await res.json()).toEqual({ code: 'BAD_USER_INPUT', field: 'name' })
  })

  it('lets the route re-render the form with each field marked in the user language', async () => {
    const res = await post(testApp(), '/marked', 'name=much+too+long+a+name&units=x')
    expect(res.status).toBe(400)
    expect(await res.json()).toEqual({
      fields: { name: '最多 10 个字符。', units: '这个值不能使用。' },
      sent: { name: 'much too long a name', units: 'x' },
    })
  })

  it('treats a post that is not a form as an empty one', async () => {
    const res = await post(testApp('en'), '/strict', '{}', { 'content-type': 'text/plain' })
    expect(res.status).toBe(400)
  })
})

describe('the four answers', () => {
  const app = new Hono<AppEnv>()
  app.post('/go', async (c) => {
    const outcome = await attempt(
      c.req.query('refuse')
        ? Promise.reject(new Conflict('English', { reason: 'CHANGED' }))
        : Promise.resolve('done'),
    )
    if (outcome.ok) {
      return accepted(c, { fragment: () => <p>{outcome.value}</p>, redirect: '/after' })
    }
    return refused(c, outcome.error, {
      fragment: () => <p>refused</p>,
      page: () => c.html('<main>whole page</main>'),
    })
  })
  app.onError((_, c) => c.text('bug', 500))
  app.post('/bug', async (c) => {
    await attempt(Promise.reject(new Error('bug')))
    return c.text('unreachable')
  })
  const htmx = { 'hx-request': 'true' }

  it('answers an accepted plain form with a 303 to the next page', async () => {
    const res = await app.request('/go', { method: 'POST' })
    expect(res.status).toBe(303)
    expect(res.headers.get('location')).toBe('/after')
  })

  it('answers an accepted htmx request with the fragment', async () => {
    const res = await app.request('/go', { method: 'POST', headers: htmx })
    expect([res.status, await res.text()]).toEqual([200, '<p>done</p>'])
  })

  it('answers a refused plain form with the whole page and the refusal status', async () => {
    const res = await app.request('/go?refuse=1', { method: 'POST' })
    expect([res.status, await res.text()]).toEqual([409, '<main>whole page</main>'])
  })

  it('answers a refused htmx request with the fragment and the refusal status', async () => {
    const res = await app.request('/go?refuse=1', { method: 'POST', headers: htmx })
    expect([res.status, await res.text()]).toEqual([409, '<p>refused</p>'])
  })

  it('lets anything that is not a refusal reach the error handler', async () => {
    const res = await app.request('/bug', { method: 'POST' })
    expect(res.status).toBe(500)
  })
})
