import { sql } from 'drizzle-orm'
import fc from 'fast-check'
import type { GraphQLField, GraphQLOutputType } from 'graphql'
import { beforeAll, describe, expect, it } from 'vitest'
import * as z from '../../src/zod'
import * as authSchemas from '../../src/auth/schemas'
import * as bookingSchemas from '../../src/booking/schemas'
import { errorCodes } from '../../src/errors'
import { schema } from '../../src/graphql/schema'
import * as inspectionSchemas from '../../src/inspection/schemas'
import * as insuranceSchemas from '../../src/insurance/schemas'
import * as notificationSchemas from '../../src/notifications/schemas'
import * as returnsSchemas from '../../src/returns/schemas'
import * as settlementSchemas from '../../src/settlement/schemas'
import * as staffSchemas from '../../src/staff/schemas'
import * as stationsSchemas from '../../src/stations/schemas'
import * as webhooksSchemas from '../../src/webhooks/schemas'
import { createTestApp } from '../helpers/app'
import { Browser, gql, tokenFor } from '../helpers/http'
import { buildFixtures, emails, fingerprint, roles, type Fixtures, type RoleName } from './fixtures'
import { graphqlCases, routeCases, type RouteCase } from './matrix'

/**
 * Malformed, oversized, wrongly typed and injection-shaped input sent to every mutation and every
 * form route, as a caller allowed to use it: the answer is always a 4xx or a coded GraphQL error
 * (never INTERNAL, never a 500), and a refused request leaves the database as it was.
 */
let fx: Fixtures
beforeAll(async () => {
  fx = await buildFixtures(await createTestApp())
}, 120_000)

const HUGE = 'x'.repeat(100_000)
const publicCodes = new Set<string>(errorCodes.filter((c) => c !== 'INTERNAL'))

// ---- hostile values --------------------------------------------------------------------------

const injection = fc.constantFrom(
  "' OR 1=1 --",
  "'; DROP TABLE returns; --",
  '" OR ""="',
  "1' UNION SELECT email, password_hash FROM users --",
  '%',
  '_',
  '\\',
  '<script>alert(1)</script>',
  '"><img src=x onerror=alert(1)>',
  'javascript:alert(1)',
  '{{7*7}}',
  '${7*7}',
  '../../etc/passwd',
  '__proto__',
  'constructor',
)
const oddText = fc.constantFrom(
  '',
  ' ',
  '\u0000',
  '\u202e\u0627\u0644',
  '\ufeff',
  '\u200b\u200d',
  '\ud800',
  '👨‍👩‍👧‍👦',
  'NaN',
  'Infinity',
  '-1',
  '1e309',
  '0x10',
  '١٢٣',
  '2026-02-30',
  '2026-13',
  '9999-12-31',
  'true',
  'null',
)
const controlChars = fc.string({
  unit: fc.integer({ min: 0, max: 31 }).map((n) => String.fromCharCode(n)),
})
const hugeText = fc.oneof(
  fc.integer({ min: 1_000, max: 120_000 }).map((n) => 'x'.repeat(n)),
  fc.constant('测'.repeat(40_000)),
)
const hostileText = fc.oneof(
  injection,
  oddText,
  controlChars,
  hugeText,
  fc.string({ unit: 'binary', maxLength: 60 }),
)
const hostileNumber = fc.oneof(
  fc.integer(),
  fc.double(),
  fc.constantFrom(-1, 0, -0, 0.5, 2 ** 31, 2 ** 53 + 2, 1e308, -1e308, Number.MIN_VALUE),
)
const deepJson = fc
  .integer({ min: 20, max: 400 })
  .map((depth) => Array.from({ length: depth }).reduce<unknown>((inner) => ({ a: [inner] }), 1))
const wrongType = fc.oneof(
  fc.boolean(),
  fc.constant(null),
  fc.array(fc.jsonValue(), { maxLength: 5 }),
  fc.dictionary(fc.string({ maxLength: 8 }), fc.jsonValue(), { maxKeys: 5 }),
  deepJson,
)
const hostileValue = fc.oneof(hostileText, hostileNumber, wrongType)

type Json = Record<string, unknown>

/** Every path to a leaf of a variables object (objects and arrays walked). */
function leafPaths(value: unknown, path: (string | number)[] = []): (string | number)[][] {
  if (Array.isArray(value)) return value.flatMap((v, i) => leafPaths(v, [...path, i]))
  if (value && typeof value === 'object') {
    return Object.entries(value).flatMap(([k, v]) => leafPaths(v, [...path, k]))
  }
  return [path]
}

function withAt(value: unknown, path: (string | number)[], next: unknown, drop = false): unknown {
  if (path.length === 0) return next
  const [head, ...rest] = path
  const copy: any = Array.isArray(value) ? [...value] : { ...(value as Json) }
  if (rest.length === 0 && drop) {
    if (Array.isArray(copy)) copy.splice(head as number, 1)
    else delete copy[head!]
  } else copy[head!] = withAt(copy[head!], rest, next, drop)
  return copy
}

/** One way of spoiling valid variables: a leaf replaced or dropped, a field added, or all. */
function spoiled(base: Json) {
  const paths = leafPaths(base).filter((p) => p.length > 0)
  const containers = [[], ...paths.map((p) => p.slice(0, -1))].filter((p) => p.length <= 1)
  const options = [
    fc.record({ kind: fc.constant('whole' as const), value: hostileValue }),
    fc.record({
      kind: fc.constant('extra' as const),
      at: fc.constantFrom(...containers),
      key: fc.oneof(fc.constantFrom('__proto__', 'admin', 'merchantId', 'role'), fc.string()),
      value: hostileValue,
    }),
  ]
  if (paths.length > 0) {
    options.push(
      fc.record({
        kind: fc.constant('leaf' as const),
        at: fc.constantFrom(...paths),
        value: hostileValue,
      }) as never,
      fc.record({ kind: fc.constant('drop' as const), at: fc.constantFrom(...paths) }) as never,
    )
  }
  return fc.oneof(...options).map((m: any): unknown => {
    if (m.kind === 'whole') return m.value
    if (m.kind === 'leaf') return withAt(base, m.at, m.value)
    if (m.kind === 'drop') return withAt(base, m.at, undefined, true)
    const inner: any = m.at.length ? base[m.at[0]] : base
    const grown = inner && typeof inner === 'object' && !Array.isArray(inner) ? { ...inner } : {}
    Object.defineProperty(grown, m.key, { value: m.value, enumerable: true, writable: true })
    return m.at.length ? withAt(base, m.at, grown) : grown
  })
}

// ---- who may call what, with valid input -----------------------------------------------------

/** The first signed-in role the matrix lets through (anonymous for public operations). */
function allowedRole(expect: readonly string[]): RoleName {
  if (expect.every((o) => o === 'OK')) return 'anonymous'
  const past = (o: string) => o === 'OK' || o === 'BAD_USER_INPUT'
  return roles.find((r, i) => r !== 'anonymous' && past(expect[i]!))!
}

const mutationType = schema.getMutationType()!
const mutations = Object.values(mutationType.getFields())

function operationFor(
  field: GraphQLField<unknown, unknown>,
  vars: Json,
  kind: 'query' | 'mutation' = 'mutation',
): string {
  const args = field.args.filter((a) => a.name in vars)
  const decl = args.map((a) => `$${a.name}: ${a.type.toString()}`).join(', ')
  const call = args.map((a) => `${a.name}: $${a.name}`).join(', ')
  let type: GraphQLOutputType = field.type
  while ('ofType' in type) type = type.ofType
  const selection =
    'getFields' in type ? `{ __typename${'id' in type.getFields() ? ' id' : ''} }` : ''
  return `${kind}${decl ? ` (${decl})` : ''} { ${field.name}${call ? `(${call})` : ''} ${selection} }`
}

/** Sends a mutation with raw variables (they may be anything, not only an object). */
async function send(
  field: GraphQLField<unknown, unknown>,
  vars: unknown,
  token?: string,
  kind: 'query' | 'mutation' = 'mutation',
) {
  const declared = vars && typeof vars === 'object' && !Array.isArray(vars) ? (vars as Json) : {}
  const res = await fx.t.app.request('http://localhost/graphql', {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      'x-test-ip': '198.51.100.7',
      ...(token ? { authorization: `Bearer ${token}` } : {}),
    },
    body: JSON.stringify({ query: operationFor(field, declared, kind), variables: vars }),
  })
  const body = (await res.json()) as { data?: Json | null; errors?: { extensions?: Json }[] }
  return { status: res.status, ...body }
}

/**
 * The database as last seen, and SQLite's count of rows changed so far on the connection: when the
 * count has not moved nothing was written, so the full fingerprint is taken only when it has.
 */
let known: { fingerprint: Record<string, string>; changes: number } | null = null
const totalChanges = async () =>
  (await fx.t.db.all<{ n: number }>(sql`select total_changes() as n`))[0]!.n

const before = async () => {
  known ??= { fingerprint: await fingerprint(fx.t), changes: await totalChanges() }
}

/** Checks a refused request left every table as it was; a successful one resets the picture. */
async function expectUnchangedWhen(refused: boolean, what: string) {
  const changes = await totalChanges()
  if (changes === known!.changes) return
  if (!refused) {
    known = null
    return
  }
  const now = await fingerprint(fx.t)
  const changed = Object.keys(now).filter((table) => now[table] !== known!.fingerprint[table])
  expect(changed, `${what} was refused but changed the database`).toEqual([])
  known = { fingerprint: now, changes }
}

async function tokenForRole(role: RoleName, fresh: boolean) {
  if (role === 'anonymous') return undefined
  return fresh ? tokenFor(fx.t, emails[role]) : fx.tokens[role]
}

const RUNS_PER_MUTATION = 20
const RUNS_PER_FORM = 12
let cases = 0

describe('every mutation answers hostile variables with a coded error, never INTERNAL', () => {
  it.each(mutations.map((m) => [m.name, m] as const))('%s', async (name, field) => {
    const c = graphqlCases.Mutation[name]!
    const role = allowedRole(c.expect)
    const base = ((await c.vars?.(fx, role)) ?? {}) as Json
    known = null
    await fc.assert(
      fc.asyncProperty(spoiled(base), async (vars) => {
        cases++
        await before()
        const token = await tokenForRole(role, c.freshSession ?? false)
        const res = await send(field, vars, token)
        expect(res.status, JSON.stringify(res.errors)).toBeLessThan(500)
        const codes = (res.errors ?? []).map((e) => String(e.extensions?.code))
        for (const code of codes) expect(publicCodes, JSON.stringify(res.errors)).toContain(code)
        await expectUnchangedWhen(
          codes.length > 0,
          `${name}(${JSON.stringify(vars).slice(0, 200)})`,
        )
      }),
      { numRuns: RUNS_PER_MUTATION, endOnFailure: true },
    )
    await c.after?.(fx)
  })
})

/** Form routes with what the matrix sends as the allowed role. */
const formRoutes = routeCases.filter((c) => c.method === 'POST')

async function browserFor(c: RouteCase, role: RoleName) {
  if (!c.freshSession) return fx.browsers[role]
  const b = new Browser(fx.t)
  if (role === 'anonymous') await b.get('/login')
  else await b.signIn(emails[role])
  return b
}

function spoiledForm(base: Record<string, string>) {
  const keys = Object.keys(base)
  const text = fc.oneof(hostileText, hostileNumber.map(String))
  const options = [
    fc.dictionary(fc.string({ maxLength: 12 }), text, { maxKeys: 6 }),
    fc
      .record({
        key: fc.oneof(fc.constantFrom('__proto__', 'role', 'merchantId'), fc.string()),
        value: text,
      })
      .map(({ key, value }) => ({ ...base, [key]: value })),
  ]
  if (keys.length > 0) {
    options.push(
      fc
        .record({ key: fc.constantFrom(...keys), value: text })
        .map(({ key, value }) => ({ ...base, [key]: value })),
      fc.constantFrom(...keys).map((key) => {
        const { [key]: _, ...rest } = base
        return rest
      }),
    )
  }
  return fc.oneof(...options)
}

describe('every form route answers hostile fields with a 4xx or a page, never a 500', () => {
  it.each(formRoutes.map((c) => [c.route, c] as const))('POST %s', async (route, c) => {
    const role = allowedRole(c.expect)
    const made = (await c.make?.(fx, role)) ?? {}
    known = null
    const path = made.path ?? route
    await fc.assert(
      fc.asyncProperty(spoiledForm(made.form ?? {}), async (form) => {
        cases++
        await before()
        const browser = await browserFor(c, role)
        const res = await browser.post(path, form)
        const body = await res.text()
        expect(res.status, body.slice(0, 300)).toBeLessThan(500)
        await expectUnchangedWhen(
          res.status >= 400,
          `POST ${path} ${JSON.stringify(form).slice(0, 200)}`,
        )
      }),
      { numRuns: RUNS_PER_FORM, endOnFailure: true },
    )
    await c.after?.(fx)
  })

  it('sent at least a thousand hostile requests', () => {
    expect(cases).toBeGreaterThanOrEqual(1000)
  })
})

// ---- length limits ---------------------------------------------------------------------------

const schemaModules = {
  auth: authSchemas,
  booking: bookingSchemas,
  inspection: inspectionSchemas,
  insurance: insuranceSchemas,
  notifications: notificationSchemas,
  returns: returnsSchemas,
  settlement: settlementSchemas,
  staff: staffSchemas,
  stations: stationsSchemas,
  webhooks: webhooksSchemas,
}

/** Optional, default and transform wrappers peeled off, to reach arrays and objects. */
function core(s: z.core.$ZodType): z.core.$ZodType {
  const def = (s as any).def
  if (def?.innerType) return core(def.innerType)
  if (def?.type === 'pipe') return core(def.in)
  return s
}

/** `[path, field schema]` for every field of an object schema, arrays' elements included. */
function fieldsOf(s: z.core.$ZodType, path: string): [string, z.core.$ZodType][] {
  const c = core(s)
  if (c instanceof z.ZodMiniObject) {
    return Object.entries(c.shape).flatMap(([k, f]) =>
      fieldsOf(f as z.core.$ZodType, `${path}.${k}`),
    )
  }
  if (c instanceof z.ZodMiniArray) return fieldsOf(c.def.element as z.core.$ZodType, `${path}[]`)
  return [[path, s]]
}

const schemaFields = Object.entries(schemaModules).flatMap(([module, exports]) =>
  Object.entries(exports)
    .filter(([, s]) => s instanceof z.core.$ZodType)
    .flatMap(([name, s]) => fieldsOf(s as z.core.$ZodType, `${module}.${name}`)),
)

describe('every field of every input schema refuses 100 kB of text', () => {
  it.each(schemaFields)('%s', (_, field) => {
    expect(z.safeParse(field, HUGE).success).toBe(false)
  })
})

const queries = Object.values(schema.getQueryType()!.getFields())

describe('every operation refuses 100 kB in any of its text variables', () => {
  // Names, not field objects: formatting a field for the title would walk the whole schema.
  it.each([
    ...queries.map((f) => ['query', f.name] as const),
    ...mutations.map((f) => ['mutation', f.name] as const),
  ])('%s %s', async (kind, name) => {
    const field = (kind === 'query' ? queries : mutations).find((f) => f.name === name)!
    const c = graphqlCases[kind === 'query' ? 'Query' : 'Mutation'][name]!
    const role = allowedRole(c.expect)
    const base = ((await c.vars?.(fx, role)) ?? {}) as Json
    known = null
    const texts = leafPaths(base).filter((p) => typeof pathGet(base, p) === 'string')
    for (const p of texts) {
      await before()
      const res = await send(field, withAt(base, p, HUGE), await tokenForRole(role, false), kind)
      const code = res.errors?.[0]?.extensions?.code
      // An id outside the input schemas is a lookup: no row has it, or not one of the caller's.
      const allowed = /(^|\.)(id|\w+Id)$/.test(p.join('.'))
        ? ['BAD_USER_INPUT', 'NOT_FOUND', 'FORBIDDEN']
        : ['BAD_USER_INPUT']
      expect(allowed, `${name} ${p.join('.')}`).toContain(code)
      await expectUnchangedWhen(true, `${name} with 100 kB in ${p.join('.')}`)
    }
  })
})

function pathGet(value: unknown, path: (string | number)[]): unknown {
  return path.reduce<any>((v, k) => v?.[k], value)
}

/** Fields read as a switch or a choice, where any other text simply means "off". */
const switches = new Set([
  'active',
  'certified',
  'optIn',
  'waitlist',
  'largeItem',
  'next',
  'confirm',
  'enabled',
])
const previews = new Set(['/inspect/:id/grades'])

describe('every form refuses 100 kB in any of its text fields', () => {
  it.each(formRoutes.map((c) => [c.route, c] as const))('POST %s', async (route, c) => {
    const role = allowedRole(c.expect)
    const made = (await c.make?.(fx, role)) ?? {}
    known = null
    const form = made.form ?? {}
    for (const key of Object.keys(form).filter((k) => !switches.has(k))) {
      await before()
      const res = await (
        await browserFor(c, role)
      ).post(made.path ?? route, { ...form, [key]: HUGE })
      await res.arrayBuffer()
      // The grade preview only works out the grades the answers allow; it stores nothing.
      if (!previews.has(route)) expect(res.status, `${route} ${key}`).toBeGreaterThanOrEqual(400)
      expect(res.status, `${route} ${key}`).toBeLessThan(500)
      await expectUnchangedWhen(true, `POST ${route} with 100 kB in ${key}`)
    }
  })
})

// ---- escaping --------------------------------------------------------------------------------

const SCRIPT = '<script>alert("nw")</script>'

describe('user text is escaped where it is shown', () => {
  it('shows a return’s description, reason and order reference as text', async () => {
    const r = await gql(
      fx.t,
      'mutation ($input: RegisterReturnInput!) { registerReturn(input: $input) { id } }',
      {
        input: {
          orderRef: `TB${SCRIPT}`.slice(0, 64),
          category: 'TOYS',
          itemDescription: `积木 ${SCRIPT}`,
          orderValueFen: 100,
          reason: `"><img src=x onerror=alert(1)> ${SCRIPT}`,
          hubId: 'hub_1',
        },
      },
      fx.tokens.merchantA,
    )
    const id = r.data!.registerReturn.id as string
    const html = await (await fx.browsers.merchantA.get(`/returns/${id}`)).text()
    expect(html).toContain('积木 &lt;script&gt;alert(&quot;nw&quot;)&lt;/script&gt;')
    expect(html).toContain('TB&lt;script&gt;')
    expect(html).not.toContain(SCRIPT)
    expect(html).not.toContain('<img src=x')
  })

  it('shows a staff name, a desk response and a claim description as text', async () => {
    const merchant = fx.tokens.merchantA
    await gql(
      fx.t,
      'mutation ($n: String!) { addStaff(name: $n) { id } }',
      { n: `王${SCRIPT}`.slice(0, 60) },
      merchant,
    )
    const staff = await (await fx.browsers.merchantA.get('/staff')).text()
    expect(staff).not.toContain('<script>alert(')

    const claim = await gql(
      fx.t,
      'mutation ($input: FileClaimInput!) { fileClaim(input: $input) { id } }',
      { input: { amountFen: 100, lossDate: '2026-11-20', description: `丢失 ${SCRIPT}` } },
      merchant,
    )
    const page = await (
      await fx.browsers.merchantA.get(`/insurance/claims/${claim.data!.fileClaim.id}`)
    ).text()
    expect(page).toContain('&lt;script&gt;')
    expect(page).not.toContain(SCRIPT)
  })

  it('keeps a hostile station name inside the map’s data block', async () => {
    await gql(
      fx.t,
      'mutation ($input: StationInput!) { createStation(input: $input) { id } }',
      {
        input: {
          name: `</script>${SCRIPT}`,
          storeName: '店',
          address: '路 1 号',
          city: '上海',
          province: '上海',
          lat: 31.2,
          lng: 121.4,
          openingHours: '09:00-21:00',
          services: [],
          commissionFen: 100,
          largeItemCommissionFen: 200,
        },
      },
      fx.tokens.coordinator,
    )
    for (const [browser, path] of [
      [fx.browsers.merchantA, '/map'],
      [fx.browsers.anonymous, '/stations'],
      [fx.browsers.coordinator, '/admin/stations'],
    ] as const) {
      const html = await (await browser.get(path)).text()
      expect(html, path).not.toContain(SCRIPT)
      expect(html, path).not.toContain('</script><script>')
    }
  })
})
