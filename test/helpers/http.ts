import { sessionCsrfToken } from '../../src/http/csrf'
import type { TestApp } from './app'

const base = 'http://localhost'

/** A tiny cookie-keeping browser for `app.request()`. */
export class Browser {
  private cookies = new Map<string, string>()
  /** The CSRF token bound to the current session cookie, as the app derives it. */
  private sessionCsrf: { session: string; token: string } | undefined
  constructor(
    private readonly t: TestApp,
    private readonly ip = '198.51.100.7',
  ) {}

  async get(path: string, headers: Record<string, string> = {}) {
    return this.send(path, { method: 'GET', headers })
  }

  /** Posts a form with the CSRF token the last page handed out (unless one is given). */
  async post(path: string, fields: Record<string, string>, headers: Record<string, string> = {}) {
    const body = new URLSearchParams({ _csrf: this.csrf ?? '', ...fields })
    return this.send(path, {
      method: 'POST',
      body,
      headers: { 'content-type': 'application/x-www-form-urlencoded', ...headers },
    })
  }

  /** Posts raw bytes as `contentType`, with the CSRF token in its header as htmx sends it. */
  async postRaw(
    path: string,
    body: string | Uint8Array<ArrayBuffer>,
    contentType: string,
    headers: Record<string, string> = {},
  ) {
    return this.send(path, {
      method: 'POST',
      body,
      headers: { 'content-type': contentType, 'x-csrf-token': this.csrf ?? '', ...headers },
    })
  }

  /** The CSRF token pages hand out now: the session's when signed in, else the cookie's. */
  get csrf(): string | undefined {
    const session = this.cookies.get('nw_session')
    if (session && this.sessionCsrf?.session === session) return this.sessionCsrf.token
    return this.cookies.get('nw_csrf')
  }

  cookie(name: string): string | undefined {
    return this.cookies.get(name)
  }

  /** Signs in through the real form; throws unless it redirects. */
  async signIn(email: string, password = 'nestwork-demo') {
    await this.get('/login')
    const res = await this.post('/login', { email, password })
    if (res.status !== 303) throw new Error(`sign-in failed with ${res.status}`)
    return res
  }

  /** Switches the signed-in user's language with the header's switch, as a person would. */
  async speak(locale: 'en' | 'zh-CN') {
    await this.post('/locale', { locale, next: '/' })
  }

  private async send(path: string, init: RequestInit & { headers: Record<string, string> }) {
    const cookie = [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ')
    const res = await this.t.app.request(`${base}${path}`, {
      ...init,
      headers: { ...init.headers, cookie, 'x-test-ip': this.ip },
    })
    for (const line of res.headers.getSetCookie()) {
      const [pair] = line.split(';')
      const [name, ...rest] = pair!.split('=')
      const value = rest.join('=')
      if (/max-age=0/i.test(line) || value === '') this.cookies.delete(name!)
      else this.cookies.set(name!, value)
    }
    const session = this.cookies.get('nw_session')
    if (session && this.sessionCsrf?.session !== session) {
      this.sessionCsrf = { session, token: await sessionCsrfToken(session) }
    }
    return res
  }
}

export interface GraphQLResponse<T = Record<string, unknown>> {
  data?: T | null
  errors?: { message: string; extensions?: Record<string, unknown> }[]
}

/**
 * A GraphQL multipart request (github.com/jaydenseric/graphql-multipart-request-spec): the
 * operation with each File in `variables` replaced by null in `operations`, `map` naming where
 * each file part goes, then the parts.
 */
export function multipartOperation(query: string, variables: Record<string, unknown>): FormData {
  const files: [path: string, file: File][] = []
  const strip = (value: unknown, path: string): unknown => {
    if (value instanceof File) {
      files.push([path, value])
      return null
    }
    if (Array.isArray(value)) return value.map((v, i) => strip(v, `${path}.${i}`))
    if (value && typeof value === 'object') {
      return Object.fromEntries(
        Object.entries(value).map(([k, v]) => [k, strip(v, `${path}.${k}`)]),
      )
    }
    return value
  }
  const form = new FormData()
  form.set('operations', JSON.stringify({ query, variables: strip(variables, 'variables') }))
  form.set('map', JSON.stringify(Object.fromEntries(files.map(([path], i) => [String(i), [path]]))))
  files.forEach(([, file], i) => form.set(String(i), file))
  return form
}

const hasFile = (value: unknown): boolean =>
  value instanceof File ||
  (Array.isArray(value)
    ? value.some(hasFile)
    : !!value && typeof value === 'object'
      ? Object.values(value).some(hasFile)
      : false)

/**
 * Posts a GraphQL operation, with a bearer token when given: as JSON, or as a multipart request
 * when a variable holds a File.
 */
export async function gql<T = any>(
  t: TestApp,
  query: string,
  variables?: Record<string, unknown>,
  token?: string,
  ip = '198.51.100.7',
): Promise<GraphQLResponse<T> & { status: number; headers: Headers }> {
  const multipart = hasFile(variables)
  const res = await t.app.request(`${base}/graphql`, {
    method: 'POST',
    headers: {
      ...(multipart ? {} : { 'content-type': 'application/json' }),
      'x-test-ip': ip,
      ...(token ? { authorization: `Bearer ${token}` } : {}),
    },
    body: multipart ? multipartOperation(query, variables!) : JSON.stringify({ query, variables }),
  })
  return { status: res.status, headers: res.headers, ...((await res.json()) as GraphQLResponse<T>) }
}

/** Signs in through GraphQL and returns the bearer token. */
export async function tokenFor(t: TestApp, email: string, password = 'nestwork-demo') {
  const res = await gql<{ login: { token: string } }>(
    t,
    'mutation ($e: String!, $p: String!) { login(email: $e, password: $p) { token } }',
    { e: email, p: password },
  )
  if (!res.data?.login) throw new Error(`login failed: ${JSON.stringify(res.errors)}`)
  return res.data.login.token
}
